"""An rdflib store for the graph of one document: three dictionary indexes and a count, nothing else.

rdflib's default ``Memory`` store keeps, for every triple, the set of graphs (contexts) it belongs to,
and every lookup formats the asking graph's identifier into a string and checks that set. A
document's graph is one graph: on the 87 news articles of the shared gold, that bookkeeping was
about a third of the SHACL validation time (``bench/README.md``). rdflib's ``SimpleMemory`` drops
it but counts its triples by iterating over all of them (pySHACL asks for the length thousands of
times per article) and is not context-aware, which pySHACL's data-graph view (an rdflib
``Dataset`` over the graph's store) requires.

``SingleGraphStore`` implements rdflib's store interface (``rdflib.store.Store``) for exactly one
graph: every triple belongs to the graph the store was made for (the one context it names), ``len``
is kept as a count. Use it through ``single_graph()``; do not put it under a ``ConjunctiveGraph`` or
``Dataset`` of several graphs.

``single_graph()`` gives a ``SingleGraph``: rdflib's ``Graph``, except that the lookups pySHACL and
the mapping ask hundreds of thousands of times per corpus (the objects of a subject and predicate,
the subjects of a predicate and object, a subject's predicate-object pairs, whether a triple is
there) read the store's index in one step rather than through three nested generators
(``Graph.objects`` → ``Graph.triples`` → ``Store.triples``). The answers and their order are the
store's; paths, lists of nodes and any other store go through rdflib's own methods.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.stores.memory import SimpleMemory

__all__ = ["SingleGraph", "SingleGraphStore", "single_graph"]

_Index = dict[Any, dict[Any, dict[Any, None]]]


class SingleGraphStore(SimpleMemory):
    """An in-memory store holding one graph (prefix bindings are ``SimpleMemory``'s)."""

    # pySHACL wraps the data graph in a Dataset view over its store, which asks for both; the one
    # graph is every context there is
    context_aware = True
    graph_aware = True

    def __init__(self, configuration: str | None = None, identifier: Any = None) -> None:
        super().__init__(configuration, identifier)
        self._spo: _Index = {}
        self._pos: _Index = {}
        self._osp: _Index = {}
        self._count = 0
        self._graphs: tuple[Graph, ...] = ()  # the one graph, once single_graph() has made it

    def add(self, triple: Any, context: Any = None, quoted: bool = False) -> None:
        s, p, o = triple
        objects = self._spo.setdefault(s, {}).setdefault(p, {})
        if o in objects:
            return
        objects[o] = None
        self._pos.setdefault(p, {}).setdefault(o, {})[s] = None
        self._osp.setdefault(o, {}).setdefault(s, {})[p] = None
        self._count += 1

    def remove(self, triple_pattern: Any, context: Any = None) -> None:
        for (s, p, o), _ in list(self.triples(triple_pattern)):
            _discard(self._spo, s, p, o)
            _discard(self._pos, p, o, s)
            _discard(self._osp, o, s, p)
            self._count -= 1

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[tuple[Any, tuple[Graph, ...]]]:
        """The matching triples, each in the one graph (keys are copied: the graph may change meanwhile)."""
        s, p, o = triple_pattern
        graphs = self._graphs
        if s is not None:
            by_p = self._spo.get(s)
            if by_p is None:
                return
            if p is not None:
                objects = by_p.get(p)
                if objects is None:
                    return
                if o is not None:
                    if o in objects:
                        yield (s, p, o), graphs
                    return
                for o2 in list(objects):
                    yield (s, p, o2), graphs
                return
            if o is not None:
                for p2 in list(self._osp.get(o, {}).get(s, ())):
                    yield (s, p2, o), graphs
                return
            for p2, objects in list(by_p.items()):
                for o2 in list(objects):
                    yield (s, p2, o2), graphs
        elif p is not None:
            by_o = self._pos.get(p)
            if by_o is None:
                return
            if o is not None:
                for s2 in list(by_o.get(o, ())):
                    yield (s2, p, o), graphs
                return
            for o2, subjects in list(by_o.items()):
                for s2 in list(subjects):
                    yield (s2, p, o2), graphs
        elif o is not None:
            for s2, predicates in list(self._osp.get(o, {}).items()):
                for p2 in list(predicates):
                    yield (s2, p2, o), graphs
        else:
            for s2, by_p in list(self._spo.items()):
                for p2, objects in list(by_p.items()):
                    for o2 in list(objects):
                        yield (s2, p2, o2), graphs

    def __len__(self, context: Any = None) -> int:
        return self._count

    def terms(self) -> Iterator[Any]:
        """Every distinct term of the graph at least once (read from the indexes, not triple by triple)."""
        return chain(self._spo, self._pos, self._osp)

    def contexts(self, triple: Any = None) -> Iterator[Any]:
        return iter(self._graphs if triple is None or next(self.triples(triple), None) else ())

    def add_graph(self, graph: Any) -> None:
        """The store holds one graph, which always exists."""

    def remove_graph(self, graph: Any) -> None:
        self.remove((None, None, None))


def _discard(index: _Index, a: Any, b: Any, c: Any) -> None:
    inner = index[a]
    del inner[b][c]
    if not inner[b]:
        del inner[b]
        if not inner:
            del index[a]


_TERMS = frozenset({URIRef, BNode, Literal})


def _plain(term: Any) -> bool:
    """A term to look up as it is (an rdflib term of exactly these types: not a wildcard, a list of terms,
    a property path or anything else rdflib's own methods know how to take)."""
    return type(term) in _TERMS


def _keys(index: _Index, a: Any, b: Any) -> Iterator[Any]:
    """The third terms under ``a`` and ``b`` in one of the store's indexes, as a copy."""
    by_b = index.get(a)
    found = by_b.get(b) if by_b is not None else None
    return iter(list(found) if found else ())


class SingleGraph(Graph):
    """An rdflib ``Graph`` whose commonest lookups read its ``SingleGraphStore``'s indexes directly.

    Each answers what ``Graph``'s method would, in the same order, as a copy taken when called (the
    graph may change while the caller iterates, as rdflib allows); ``unique`` changes nothing, since
    the index holds each answer once.
    """

    def _index(self) -> SingleGraphStore | None:
        store = self.store
        return store if type(store) is SingleGraphStore else None

    def triples(self, triple: Any) -> Any:
        store = self._index()
        p = triple[1]
        if store is None or not (p is None or _plain(p)):
            return super().triples(triple)
        return (t for t, _ in store.triples(triple))

    def objects(self, subject: Any = None, predicate: Any = None, unique: bool = False) -> Any:
        store = self._index()
        if store is None or not (_plain(subject) and _plain(predicate)):
            return super().objects(subject, predicate, unique)
        return _keys(store._spo, subject, predicate)

    def subjects(self, predicate: Any = None, object: Any = None, unique: bool = False) -> Any:
        store = self._index()
        if store is None or not (_plain(predicate) and _plain(object)):
            return super().subjects(predicate, object, unique)
        return _keys(store._pos, predicate, object)

    def predicate_objects(self, subject: Any = None, unique: bool = False) -> Any:
        store = self._index()
        if store is None or not _plain(subject):
            return super().predicate_objects(subject, unique)
        by_p = store._spo.get(subject)
        if by_p is None:
            return iter(())
        return iter([(p, o) for p, objects in by_p.items() for o in objects])

    def __contains__(self, triple: Any) -> bool:
        store = self._index()
        s, p, o = triple
        if store is None or not (_plain(s) and _plain(p) and _plain(o)):
            return super().__contains__(triple)
        by_p = store._spo.get(s)
        return by_p is not None and o in by_p.get(p, ())


def single_graph() -> Graph:
    """An empty ``SingleGraph`` backed by a ``SingleGraphStore``."""
    store = SingleGraphStore()
    graph = SingleGraph(store=store)
    store._graphs = (graph,)
    return graph
