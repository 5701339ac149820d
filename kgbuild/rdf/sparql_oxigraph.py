"""SHACL-SPARQL constraints of one validation evaluated by Oxigraph instead of rdflib's SPARQL engine.

rdflib evaluates SPARQL in pure Python: kgbuild's whole-document constraint (offsets and anchor
texts of every mention, attribution chains, hedges) took about half of the validation time of an
article. Oxigraph (``pyoxigraph``, already kgbuild's embedded store) runs the same SPARQL 1.1 query
in Rust. pySHACL still finds the focus nodes, pre-binds ``$this`` (SEP-0007 substitutions, the same
pre-binding SHACL defines) and builds the results; only the query runs elsewhere.

The caller opts a graph in for the duration of one validation (``evaluate_in_oxigraph(graph)``);
the graph is copied into an in-memory store on the first SPARQL constraint and dropped at the
end. A graph that cannot be copied faithfully (a lone surrogate in a literal) stays with rdflib.
``tests/test_validate_fast_path.py`` compares the results with pySHACL's own on broken graphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

__all__ = ["evaluate_in_oxigraph", "store_for", "violations"]

_XSD_STRING = str(XSD.string)
# graphs opted in: id -> [graph, store or None (not built yet) or False (stays with rdflib)]
_OPTED: dict[int, list[Any]] = {}


@contextmanager
def evaluate_in_oxigraph(graph: Graph) -> Iterator[None]:
    """Within the block, SPARQL constraints on ``graph`` run in Oxigraph (``graph`` must not change)."""
    _OPTED[id(graph)] = [graph, None]
    try:
        yield
    finally:
        _OPTED.pop(id(graph), None)


def store_for(graph: object) -> ox.Store | None:
    """The Oxigraph copy of an opted-in graph (built on first use), or None: evaluate with rdflib."""
    entry = _OPTED.get(id(graph))
    if entry is None or entry[0] is not graph:
        return None
    if entry[1] is None:
        entry[1] = _copy(graph) or False  # type: ignore[arg-type]
    return entry[1] or None


def _copy(graph: Graph) -> ox.Store | None:
    """The graph's triples in a new Oxigraph store, term by term (blank nodes keep their ids); each distinct
    term is converted once."""
    converted: dict[object, Any] = {}

    def term(t: object) -> Any:
        found = converted.get(t)
        if found is None:
            found = converted[t] = _to_ox(t)
        return found

    store = ox.Store()
    try:
        store.extend([ox.Quad(term(s), term(p), term(o)) for s, p, o in graph])
    except (UnicodeEncodeError, SyntaxError, ValueError):
        # a lone surrogate (no RDF syntax holds it) or a term Oxigraph refuses (rdflib accepts some
        # invalid IRIs): rdflib's engine evaluates
        return None
    return store


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
