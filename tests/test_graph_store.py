"""The one-graph store answers every triple pattern as rdflib's default store does, through any change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

from kgbuild.out.serialize import Format, serialize
from kgbuild.rdf.graph_store import SingleGraphStore, single_graph

NAME = URIRef("urn:graph:one")
NODES = [URIRef(f"urn:x:{c}") for c in "abcd"] + [BNode("b1")]
OBJECTS = [*NODES, Literal("a"), Literal(1), Literal(True), Literal("a", lang="en")]
PREDICATES = [URIRef(f"urn:p:{c}") for c in "pq"]
triples = st.tuples(st.sampled_from(NODES), st.sampled_from(PREDICATES), st.sampled_from(OBJECTS))
patterns = st.tuples(st.sampled_from([None, *NODES]), st.sampled_from([None, *PREDICATES]),
                     st.sampled_from([None, *OBJECTS]))
operations = st.lists(st.tuples(st.sampled_from(["add", "remove"]), st.one_of(triples, patterns)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(operations, st.lists(patterns, min_size=1, max_size=8))
def test_same_answers_as_rdflib_memory(ops, queries) -> None:
    ours, theirs = single_graph(), Graph()
    for op, triple in ops:
        if op == "add" and None not in triple:
            ours.add(triple)
            theirs.add(triple)
        elif op == "remove":
            ours.remove(triple)
            theirs.remove(triple)
    assert len(ours) == len(theirs)
    assert set(ours) == set(theirs)
    for pattern in queries:
        assert sorted(ours.triples(pattern)) == sorted(theirs.triples(pattern))
        assert (pattern in ours) == (pattern in theirs)
        s, p, o = pattern
        # the lookups SingleGraph answers from its indexes, and what they fall back on (wildcards, lists, paths)
        assert sorted(ours.objects(s, p)) == sorted(theirs.objects(s, p))
        assert sorted(ours.objects(s, p, unique=True)) == sorted(theirs.objects(s, p, unique=True))
        assert sorted(ours.subjects(p, o)) == sorted(theirs.subjects(p, o))
        assert sorted(ours.predicate_objects(s)) == sorted(theirs.predicate_objects(s))
        assert sorted(ours.objects([n for n in NODES if n != s], p)) == sorted(theirs.objects([n for n in NODES
                                                                                              if n != s], p))
        for path in (PREDICATES[0] / PREDICATES[1], ~PREDICATES[0], PREDICATES[1] * "*"):
            assert sorted(ours.triples((s, path, o))) == sorted(theirs.triples((s, path, o)))
            assert sorted(ours.objects(s, path)) == sorted(theirs.objects(s, path))
            assert sorted(ours.subjects(path, o)) == sorted(theirs.subjects(path, o))
        assert ours.value(s, p) in set(theirs.objects(s, p)) | {None}


def test_removing_while_iterating_is_safe() -> None:
    g = single_graph()
    for i in range(50):
        g.add((URIRef(f"urn:x:{i}"), URIRef("urn:p:p"), Literal(i)))
        g.add((URIRef("urn:x:s"), URIRef("urn:p:q"), Literal(i)))
    for s, p, o in g.triples((None, URIRef("urn:p:p"), None)):
        g.remove((s, p, o))
    for o in g.objects(URIRef("urn:x:s"), URIRef("urn:p:q")):
        g.remove((URIRef("urn:x:s"), URIRef("urn:p:q"), o))
    assert len(g) == 0 and not list(g)


def test_a_single_graph_in_another_store_is_rdflibs_graph() -> None:
    """SingleGraph's shortcuts read a SingleGraphStore only; in any other store it is rdflib's Graph."""
    from rdflib.plugins.stores.memory import Memory

    from kgbuild.rdf.graph_store import SingleGraph

    g = SingleGraph(store=Memory())
    t = (URIRef("urn:x:a"), URIRef("urn:p:p"), Literal("v"))
    g.add(t)
    assert list(g.objects(t[0], t[1])) == [t[2]] and t in g and list(g.predicate_objects(t[0])) == [t[1:]]


def test_serialisations_equal_to_the_default_store() -> None:
    ours, theirs = single_graph(), Graph()
    for i in range(30):
        t = (URIRef(f"urn:x:{i % 7}"), URIRef(f"urn:p:{i % 3}"), Literal(f"v{i}") if i % 2 else URIRef(f"urn:x:{i}"))
        ours.add(t)
        theirs.add(t)
    for fmt in (Format.nt, Format.ttl, Format.nq, Format.trig):
        assert serialize([(NAME, ours)], fmt) == serialize([(NAME, theirs)], fmt)
    assert isinstance(ours.store, SingleGraphStore)


def test_every_triple_is_in_the_one_graph() -> None:
    g = single_graph()
    t = (URIRef("urn:x:a"), URIRef("urn:p:p"), Literal("v"))
    g.add(t)
    assert list(g.store.contexts()) == [g] and list(g.store.contexts(t)) == [g]
    assert list(g.store.contexts((URIRef("urn:x:b"), None, None))) == []
    assert [list(c) for _, c in g.store.triples(t)] == [[g]]
