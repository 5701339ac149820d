"""kgbuild's SHACL gate gives pySHACL's own verdict, only faster.

``validate_graph`` adds just the ontology's class hierarchy to the data graph (in place, removed
afterwards) and runs pySHACL with kgbuild's speed-ups (``kgbuild.validate.speedups``). The reference
is pySHACL as shipped, with the whole ontology as ``ont_graph``, as pySHACL's documentation has it.
Both must give the same results on the seed graph, on broken graphs and on many mutations of it.
"""

from __future__ import annotations

import random

import pyshacl.shape
import pytest
from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, SH, XSD, BNode, Graph, Literal, URIRef

from kgbuild.errors import InputError
from kgbuild.rdf.graph_store import SingleGraphStore, single_graph
from kgbuild.rdf.vocab import KG
from kgbuild.validate.gate import load_ontology, load_shapes, validate_graph, violations_of
from kgbuild.validate.gate import speedups as shacl_speedups


def reference(graph: Graph) -> tuple[bool, tuple]:
    """pySHACL unpatched, on a copy in rdflib's default store mixed with the whole ontology."""
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    with shacl_speedups.unpatched():
        conforms, results, _ = shacl_validate(plain, shacl_graph=load_shapes(), ont_graph=load_ontology(),
                                              inference="none", advanced=True, allow_warnings=True,
                                              do_owl_imports=False)
    return bool(conforms), violations_of(results)


def fast(graph: Graph) -> tuple[bool, tuple]:
    report = validate_graph(graph)
    return report.conforms, report.violations


@pytest.fixture(scope="module")
def seed_graph(seed_result) -> Graph:
    [(_, graph)] = seed_result.graphs
    return graph


def _copy(graph: Graph) -> Graph:
    """A copy in the store kgbuild maps documents into (``kgbuild.rdf.graph_store``)."""
    out = single_graph()
    for triple in graph:
        out.add(triple)
    return out


def _mutations(graph: Graph, count: int, seed: int) -> list[tuple[str, Graph]]:
    """Broken variants of ``graph``: a triple dropped, a value doubled or retyped, a node given the wrong
    class, an offset pushed past the text, a link pointed at a node of the wrong kind."""
    rng = random.Random(seed)
    triples = sorted(graph)
    mentions = sorted(graph.subjects(RDF.type, KG.Mention))
    classes = sorted({o for o in graph.objects(None, RDF.type)})
    out = []
    for i in range(count):
        g = _copy(graph)
        s, p, o = rng.choice(triples)
        kind = i % 6
        if kind == 0:
            g.remove((s, p, o))
            what = f"drop {p}"
        elif kind == 1 and isinstance(o, Literal):
            g.add((s, p, Literal(f"{o}-2", datatype=o.datatype, lang=o.language)))
            what = f"second {p}"
        elif kind == 2 and isinstance(o, Literal):
            g.set((s, p, Literal(str(o), datatype=XSD.token)))
            what = f"retype {p}"
        elif kind == 3:
            node = rng.choice(mentions)
            g.set((node, KG.endIndex, Literal(10**6, datatype=XSD.nonNegativeInteger)))
            what = "offset past the text"
        elif kind == 4 and isinstance(o, URIRef) and p != RDF.type:
            g.set((s, p, rng.choice(mentions)))
            what = f"{p} to a mention"
        else:
            g.set((s, RDF.type, rng.choice(classes))) if (s, RDF.type, None) in g else g.add((s, RDF.type, KG.Claim))
            what = "wrong class"
        out.append((f"{i}: {what}", g))
    return out


def test_seed_graph_same_verdict(seed_graph: Graph) -> None:
    assert isinstance(seed_graph.store, SingleGraphStore)
    assert fast(seed_graph) == reference(seed_graph) == (True, ())


def test_mutated_graphs_same_results(seed_graph: Graph) -> None:
    differences = []
    broken = 0
    for name, graph in _mutations(seed_graph, 30, seed=6):
        expected, got = reference(graph), fast(graph)
        broken += not expected[0]
        if got != expected:
            differences.append((name, set(got[1]) ^ set(expected[1])))
    assert not differences, differences
    assert broken >= 20  # the mutations do break the graph: the comparison is not between two empty reports


def _targeted(graph: Graph) -> list[tuple[str, Graph]]:
    """One break per branch of the whole-document SPARQL constraint, plus a blank node in the data."""
    claim = sorted(graph.subjects(RDF.type, KG.Claim))[0]
    mention = sorted(graph.subjects(RDF.type, KG.Mention))[5]
    first = next(a for a in graph.objects(claim, KG.hasAttribution) if int(graph.value(a, KG.chainPosition)) == 0)
    other = sorted(set(graph.subjects(RDF.type, KG.Person)) - {graph.value(claim, KG.saidBy)})[0]
    cases = {
        "anchor differs": [(mention, KG.anchorOf, Literal("not the text"))],
        "end past the text": [(mention, KG.endIndex, Literal(10**7, datatype=XSD.nonNegativeInteger))],
        "chain starts elsewhere": [(first, KG.agent, other)],
        "role off position 0": [(first, KG.attributionRole, Literal("reporter"))],
        "hedged without hedge": [(claim, KG.hedged, Literal(True))],
        "blank node about": [(claim, KG.about, BNode("b1"))],
        "speech act without its speaker": [],
    }
    out = []
    for name, changes in cases.items():
        g = _copy(graph)
        for s, p, o in changes:
            g.set((s, p, o))
        if name == "hedged without hedge":
            g.remove((claim, KG.hedge, None))
        if name == "speech act without its speaker":
            g.remove((sorted(g.subjects(KG.conveysClaim, None))[0], KG.hasAgent, None))
        out.append((name, g))
    return out


def test_each_document_check_same_results(seed_graph: Graph) -> None:
    for name, graph in _targeted(seed_graph):
        expected, got = reference(graph), fast(graph)
        assert not expected[0], name
        assert got == expected, (name, set(got[1]) ^ set(expected[1]))


def test_sparql_constraints_run_in_oxigraph(seed_graph: Graph, monkeypatch) -> None:
    from kgbuild.rdf import sparql_oxigraph

    copies = []
    real = sparql_oxigraph._copy

    def copy(graph, predicates):
        store = real(graph, predicates)
        copies.append((predicates, len(store)))
        return store

    monkeypatch.setattr(sparql_oxigraph, "_copy", copy)
    assert validate_graph(_copy(seed_graph)).conforms
    # one copy, of the triples whose predicates the whole-document constraint reads (offsets, anchors,
    # attributions, hedges, speech acts), not of the whole graph
    [(predicates, size)] = copies
    assert str(KG.anchorOf) in predicates and str(KG.hasAttribution) in predicates
    assert str(RDF.type) not in predicates and 0 < size < len(seed_graph) / 2


def test_only_fixed_predicates_restrict_the_copy() -> None:
    from kgbuild.rdf.sparql_oxigraph import _predicates

    head = "PREFIX ex: <http://e/> SELECT $this WHERE "
    assert _predicates(head + "{ $this ex:a/ex:b* ?x . FILTER NOT EXISTS { ?x ^ex:c|ex:d ?y ; ex:e 1 } }") == \
        frozenset(f"http://e/{p}" for p in "abcde")
    assert _predicates(head + "{ { SELECT ?x WHERE { ?x ex:z 1 } } MINUS { ?x ex:m ?r } }") == \
        frozenset({"http://e/z", "http://e/m"})
    assert _predicates(head + "{ $this ex:a ?x . FILTER EXISTS { ?x ?p ?y } }") is None  # a variable predicate
    assert _predicates(head + "{ $this !ex:a ?x }") is None  # a negated path matches other predicates
    assert _predicates("not sparql") is None


def test_a_lone_surrogate_stays_with_rdflib(seed_graph: Graph) -> None:
    graph = _copy(seed_graph)
    mention = sorted(graph.subjects(RDF.type, KG.Mention))[0]
    graph.set((mention, KG.anchorOf, Literal("bad \ud800 text")))
    assert fast(graph) == reference(graph)
    assert not fast(graph)[0]


def test_validation_leaves_the_graph_as_it_was(seed_graph: Graph) -> None:
    graph = _copy(seed_graph)
    # a graph that already holds part of the hierarchy keeps it
    kept = next(iter(sorted(load_ontology().triples((None, RDFS.subClassOf, None)))))
    graph.add(kept)
    before = set(graph)
    validate_graph(graph)
    assert set(graph) == before


def test_speedups_are_installed_and_can_be_undone() -> None:
    validate_graph(Graph())
    patched = shacl_speedups.installed()
    assert patched == ["PropertyConstraintComponent._evaluate_property_shape",
                       "SPARQLBasedConstraint._validate_sparql_query",
                       "SPARQLQueryHelper.check_invalid_sparql",
                       "pyshacl.shape.CONSTRAINT_PARAMS",
                       "pyshacl.validator.ShapesGraph"]
    with shacl_speedups.unpatched():
        assert shacl_speedups.installed() == []
        assert type(pyshacl.shape.CONSTRAINT_PARAMS[0]) is list
    assert shacl_speedups.installed() == patched


def test_constraint_parameters_are_the_same_list_with_a_set_lookup() -> None:
    """pySHACL's parameters in pySHACL's order; ``in`` answers as the list would, for the list, its
    copies (advanced mode copies it and appends ``sh:expression``) and values it does not hold."""
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS

    validate_graph(Graph())
    parameters, _ = pyshacl.shape.CONSTRAINT_PARAMS
    assert list(parameters) == ALL_CONSTRAINT_PARAMETERS and type(parameters) is not list
    extended = parameters.copy()
    extended.append(SH.expression)
    assert SH.expression in extended and SH.expression not in parameters
    probes = [*ALL_CONSTRAINT_PARAMETERS, SH.expression, URIRef("urn:x:p"), Literal("x"), str(SH["class"]), ["x"]]
    for probe in probes:
        assert (probe in parameters) == (probe in ALL_CONSTRAINT_PARAMETERS)
        assert (probe in extended) == (probe in [*ALL_CONSTRAINT_PARAMETERS, SH.expression])
    # any change to a copy keeps its lookup right, and leaves the list it was copied from alone
    changed = parameters.copy()
    changed.remove(SH["class"])
    changed += [SH.js]
    changed[0:1] = [SH.expression]
    del changed[-2]
    changed.insert(3, URIRef("urn:x:p"))
    for probe in [*probes, SH.js]:
        assert (probe in changed) == (probe in list(changed))
        assert (probe in parameters) == (probe in ALL_CONSTRAINT_PARAMETERS)
    changed *= 0
    assert SH.datatype not in changed and SH.datatype in parameters
    changed.extend([SH.datatype])
    changed.clear()
    assert SH.datatype not in changed and SH.datatype in parameters


def test_a_bad_sparql_constraint_is_still_refused_every_time(tmp_path) -> None:
    """The remembered SPARQL checks only skip texts that passed: a constraint with MINUS fails each time,
    as an InputError naming the shapes file (pySHACL returns, rather than raises, this failure)."""
    shapes = tmp_path / "minus.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:C> ;
    sh:sparql [ sh:select "SELECT $this WHERE { $this ?p ?o MINUS { $this a <urn:x:D> } }" ] .
""")
    data = Graph()
    data.add((URIRef("urn:x:a"), RDF.type, URIRef("urn:x:C")))
    for _ in range(2):
        with pytest.raises(InputError, match=r"minus\.ttl.*MINUS"):
            validate_graph(data, shapes=shapes)


def test_kgbuild_shapes_are_parsed_once(seed_graph: Graph, monkeypatch) -> None:
    import pyshacl.shapes_graph

    validate_graph(seed_graph)
    made = []
    real = pyshacl.shapes_graph.ShapesGraph.__init__
    monkeypatch.setattr(pyshacl.shapes_graph.ShapesGraph, "__init__",
                        lambda self, *a, **k: made.append(1) or real(self, *a, **k))
    validate_graph(seed_graph)
    validate_graph(seed_graph)
    assert made == []


def test_other_shapes_graphs_are_read_afresh() -> None:
    """A shapes graph kgbuild did not load may change between validations: pySHACL reads it each time."""
    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:x:S> a sh:NodeShape ; sh:targetClass <urn:x:C> ; sh:property [ sh:path <urn:x:p> ; sh:minCount 1 ] .""",
                           format="turtle")
    data = Graph()
    data.add((URIRef("urn:x:a"), RDF.type, URIRef("urn:x:C")))
    validate_graph(Graph())  # installs the speed-ups
    assert not shacl_validate(data, shacl_graph=shapes)[0]
    shapes.remove((None, URIRef("http://www.w3.org/ns/shacl#minCount"), None))
    assert shacl_validate(data, shacl_graph=shapes)[0]
