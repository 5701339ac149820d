"""SHACL-SPARQL constraints of one validation evaluated by Oxigraph instead of rdflib's SPARQL engine.

rdflib evaluates SPARQL in pure Python: kgbuild's whole-document constraint (offsets and anchor
texts of every mention, attribution chains, hedges) took about half of the validation time of an
article. Oxigraph (``pyoxigraph``, already kgbuild's embedded store) runs the same SPARQL 1.1 query
in Rust. pySHACL still finds the focus nodes, pre-binds ``$this`` (SEP-0007 substitutions, the same
pre-binding SHACL defines) and builds the results; only the query runs elsewhere.

The caller opts a graph in for the duration of one validation (``evaluate_in_oxigraph(graph)``);
the graph is copied into an in-memory store on the first SPARQL constraint and dropped at the
end. Only the triples a query can match are copied: when every predicate of its patterns and
property paths is a fixed IRI (kgbuild's whole-document constraint reads 15 of the ~40 predicates of
an article, under half of its triples), the triples with those predicates; otherwise all of them.
A graph that cannot be copied faithfully (a lone surrogate in a literal) stays with rdflib.
``tests/test_validate_fast_path.py`` compares the results with pySHACL's own on broken graphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["evaluate_in_oxigraph", "store_for", "violations"]

_XSD_STRING = str(XSD.string)
# graphs opted in: id -> [graph, store or None (not built yet) or False (stays with rdflib)]
_OPTED: dict[int, list[Any]] = {}
_ALL = None  # a query that may match any predicate: the whole graph is copied


@contextmanager
def evaluate_in_oxigraph(graph: Graph) -> Iterator[None]:
    """Within the block, SPARQL constraints on ``graph`` run in Oxigraph (``graph`` must not change)."""
    _OPTED[id(graph)] = [graph, {}]
    try:
        yield
    finally:
        _OPTED.pop(id(graph), None)


def store_for(graph: object, query: str | None = None) -> ox.Store | None:
    """The Oxigraph copy of an opted-in graph that ``query`` can be evaluated on (built on first use: the
    triples of the query's predicates, or all), or None: evaluate with rdflib."""
    entry = _OPTED.get(id(graph))
    if entry is None or entry[0] is not graph:
        return None
    predicates = _predicates(query) if query is not None else _ALL
    copies: dict[frozenset[str] | None, Any] = entry[1]
    if predicates not in copies:
        copies[predicates] = _copy(graph, predicates) or False  # type: ignore[arg-type]
    return copies[predicates] or None


@lru_cache(maxsize=64)
def _predicates(query: str) -> frozenset[str] | None:
    """The IRIs in predicate position of a SELECT/ASK query (in triple patterns, property paths, EXISTS
    and sub-queries), or None when some predicate is not a fixed IRI (a variable, a negated path) or the
    query cannot be read here."""
    from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
    from rdflib.plugins.sparql import algebra, parser
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = algebra.translateQuery(parser.parseQuery(query)).algebra
    except Exception:  # pySHACL reports bad queries; here it only means "copy everything"
        return _ALL
    found: set[str] = set()
    fixed = True

    def predicate(term: object) -> None:
        nonlocal fixed
        if isinstance(term, URIRef):
            found.add(str(term))
        elif isinstance(term, InvPath | MulPath):
            predicate(term.arg if isinstance(term, InvPath) else term.path)
        elif isinstance(term, SequencePath | AlternativePath):
            for arg in term.args:
                predicate(arg)
        else:  # a variable, a negated path (it matches other predicates), anything unknown
            fixed = False

    def visit(node: object) -> None:
        # translated patterns (BGP) hold (s, p, o) tuples; patterns inside EXISTS stay as parsed (TriplesBlock)
        # with lists of s, p, o, s, p, o …; an untranslated path is no IRI and makes the copy whole
        if isinstance(node, CompValue) and "triples" in node:
            for triple in node["triples"]:
                if len(triple) % 3:
                    predicate(None)
                for at in range(1, len(triple), 3):
                    predicate(triple[at])

    algebra.traverse(tree, visitPre=visit)
    return frozenset(found) if fixed else _ALL


def _copy(graph: Graph, predicates: Iterable[str] | None) -> ox.Store | None:
    """The graph's triples (those with ``predicates``, or all) in a new Oxigraph store, term by term (blank
    nodes keep their ids); each distinct term is converted once."""
    converted: dict[object, Any] = {}

    def term(t: object) -> Any:
        found = converted.get(t)
        if found is None:
            found = converted[t] = _to_ox(t)
        return found

    store = ox.Store()
    try:
        store.extend([ox.Quad(term(s), term(p), term(o)) for s, p, o in _triples(graph, predicates)])
    except (UnicodeEncodeError, SyntaxError, ValueError):
        # a lone surrogate (no RDF syntax holds it) or a term Oxigraph refuses (rdflib accepts some
        # invalid IRIs): rdflib's engine evaluates
        return None
    return store


def _triples(graph: Graph, predicates: Iterable[str] | None) -> Iterable[tuple[Any, Any, Any]]:
    if predicates is None:
        return graph
    return (t for p in sorted(predicates) for t in graph.triples((None, URIRef(p), None)))


def _to_ox(term: object) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def _to_rdflib(term: Any) -> object:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))


def violations(store: ox.Store, query: str, bindings: dict[str, object]) -> list[tuple]:
    """Run a SHACL-SPARQL constraint's SELECT and read its rows as pySHACL does: a row with ``?failure``
    is one failure; otherwise ``$this``, ``?path`` and ``?value`` (and the other variables, for the
    message) make one result, repeated rows once."""
    solutions = store.query(query, substitutions={ox.Variable(k): _to_ox(v) for k, v in bindings.items()})
    names = [v.value for v in solutions.variables]  # type: ignore[union-attr]
    found: list[tuple] = []
    failed = False
    for row in solutions:  # type: ignore[union-attr]
        values = {name: _to_rdflib(row[name]) for name in names if row[name] is not None}
        if values.pop("failure", None) is not None:
            if not failed:
                found.append((True, values))
                failed = True
            continue
        path, value, this = values.pop("path", None), values.pop("value", None), values.pop("this", None)
        result = (this, path, value, values)
        if (path is not None or value is not None or this is not None) and result not in found:
            found.append(result)
    return found
