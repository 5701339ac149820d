"""The SHACL shapes are valid SHACL, and they accept a well-formed graph and reject broken ones.

Subclass targeting: the builder types each node with its most specific class only (an event is
just ``kg:Attack``), so the shapes that target ``kg:Event`` / ``kg:Actor`` need the ontology's
``rdfs:subClassOf`` triples in the data graph. pySHACL mixes ``ont_graph`` into the data graph
before validating, which is what the validator does and what these tests rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parents[1]
SHAPES_DIR = ROOT / "shapes"
ONTOLOGY = ROOT / "ontology" / "kgbuild.ttl"
SHAPE_FILES = sorted(SHAPES_DIR.glob("*.ttl"))
KGSH = Namespace("https://w3id.org/kgbuild/shapes#")

PREFIXES = """
@prefix kg:   <https://w3id.org/kgbuild/ontology#> .
@prefix id:   <https://w3id.org/kgbuild/id/> .
@prefix doc:  <https://w3id.org/kgbuild/id/doc/a1/> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""

# The shape of what kgbuild/rdf/mapping.py emits for one short article. Offsets count code points
# ("Café" is four), as Python str indices do.
TEXT = (
    "Kyiv strike\nKYIV (Reuters) - Russia attacked Kyiv on Tuesday, a diplomat involved in the talks said. "
    "The Kremlin declined to comment. Café owners fled."
)
GOOD = (
    PREFIXES
    + r"""
id:doc\/a1 a kg:NewsArticle ;
    kg:text "@TEXT@" ;
    kg:headline "Kyiv strike" ;
    kg:datePublished "2026-02-03"^^xsd:date ;
    kg:url "https://example.org/news/a1"^^xsd:anyURI ;
    kg:publisher id:actor\/organization\/reuters ;
    kg:citesSource id:actor\/organization\/reuters ;
    kg:mentions id:actor\/gpe\/russia, id:actor\/gpe\/kyiv, doc:actor\/diplomat, id:actor\/organization\/kremlin .

<https://w3id.org/kgbuild/id/doc/a1#char=18,25> a kg:Mention ; kg:beginIndex "18"^^xsd:nonNegativeInteger ;
    kg:endIndex "25"^^xsd:nonNegativeInteger ;
    kg:anchorOf "Reuters" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=29,35> a kg:Mention ; kg:beginIndex "29"^^xsd:nonNegativeInteger ;
    kg:endIndex "35"^^xsd:nonNegativeInteger ;
    kg:anchorOf "Russia" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=36,44> a kg:Mention ; kg:beginIndex "36"^^xsd:nonNegativeInteger ;
    kg:endIndex "44"^^xsd:nonNegativeInteger ;
    kg:anchorOf "attacked" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=45,49> a kg:Mention ; kg:beginIndex "45"^^xsd:nonNegativeInteger ;
    kg:endIndex "49"^^xsd:nonNegativeInteger ;
    kg:anchorOf "Kyiv" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=53,60> a kg:Mention ; kg:beginIndex "53"^^xsd:nonNegativeInteger ;
    kg:endIndex "60"^^xsd:nonNegativeInteger ;
    kg:anchorOf "Tuesday" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=29,60> a kg:Mention ; kg:beginIndex "29"^^xsd:nonNegativeInteger ;
    kg:endIndex "60"^^xsd:nonNegativeInteger ;
    kg:anchorOf "Russia attacked Kyiv on Tuesday" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=62,94> a kg:Mention ; kg:beginIndex "62"^^xsd:nonNegativeInteger ;
    kg:endIndex "94"^^xsd:nonNegativeInteger ;
    kg:anchorOf "a diplomat involved in the talks" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=95,99> a kg:Mention ; kg:beginIndex "95"^^xsd:nonNegativeInteger ;
    kg:endIndex "99"^^xsd:nonNegativeInteger ;
    kg:anchorOf "said" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=101,112> a kg:Mention ; kg:beginIndex "101"^^xsd:nonNegativeInteger ;
    kg:endIndex "112"^^xsd:nonNegativeInteger ;
    kg:anchorOf "The Kremlin" ; kg:inDocument id:doc\/a1 ;
    kg:metonymic true .
<https://w3id.org/kgbuild/id/doc/a1#char=113,132> a kg:Mention ; kg:beginIndex "113"^^xsd:nonNegativeInteger ;
    kg:endIndex "132"^^xsd:nonNegativeInteger ;
    kg:anchorOf "declined to comment" ; kg:inDocument id:doc\/a1 .
<https://w3id.org/kgbuild/id/doc/a1#char=134,138> a kg:Mention ; kg:beginIndex "134"^^xsd:nonNegativeInteger ;
    kg:endIndex "138"^^xsd:nonNegativeInteger ;
    kg:anchorOf "Café" ; kg:inDocument id:doc\/a1 .

id:actor\/organization\/reuters a kg:Organization ; rdfs:label "Reuters" ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=18,25> .
id:actor\/gpe\/russia a kg:GeopoliticalEntity ; rdfs:label "Russia", "Russian Federation" ;
    kg:countryCode "RU" ; owl:sameAs <http://www.wikidata.org/entity/Q159> ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=29,35> .
id:actor\/gpe\/kyiv a kg:GeopoliticalEntity ; rdfs:label "Kyiv" ; kg:countryCode "UA-30" ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=45,49> .
id:actor\/organization\/kremlin a kg:Organization ; rdfs:label "Kremlin" ;
    kg:standsFor id:actor\/gpe\/russia ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=101,112> .
doc:actor\/diplomat a kg:Group, kg:AnonymousSource, kg:Source ;
    rdfs:label "a diplomat involved in the talks" ;
    kg:description "a diplomat involved in the talks" ; kg:sourceRole "diplomat" ;
    kg:sourceNumber "one" ; kg:qualifier "involved in the talks" ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=62,94> .

doc:time\/t1 a kg:TimeExpression ; rdfs:label "Tuesday" ; kg:inXSDDate "2026-02-03"^^xsd:date ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=53,60> .

doc:event\/e1 a kg:Attack ;
    kg:appearance id:doc\/a1 ;
    kg:eventLemma "attack" ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=36,44> ;
    kg:hasAgent id:actor\/gpe\/russia ;
    kg:hasPatient id:actor\/gpe\/kyiv ;
    kg:hasPlace id:actor\/gpe\/kyiv ;
    kg:hasTime doc:time\/t1 ;
    kg:instrument "missiles" ;
    kg:negated false ;
    kg:modality "asserted" .

doc:claim\/c1 a kg:Claim ;
    kg:appearance id:doc\/a1 ;
    kg:claimText "Russia attacked Kyiv on Tuesday" ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc/a1#char=29,60> ;
    kg:cue "said" ; kg:cueLemma "say" ; kg:attributionKind "assertion" ;
    kg:cueMention <https://w3id.org/kgbuild/id/doc/a1#char=95,99> ;
    kg:saidBy doc:actor\/diplomat ;
    kg:speakerMention <https://w3id.org/kgbuild/id/doc/a1#char=62,94> ;
    kg:hasAttribution <https://w3id.org/kgbuild/id/doc/a1/claim/c1/attribution/0>,
                      <https://w3id.org/kgbuild/id/doc/a1/claim/c1/attribution/1> ;
    kg:reportedBy id:actor\/organization\/reuters ;
    kg:quoteType "indirect" ;
    kg:negated false ;
    kg:hedged false ;
    kg:about doc:event\/e1, id:actor\/gpe\/russia ;
    kg:saidAt doc:time\/t1 .
<https://w3id.org/kgbuild/id/doc/a1/claim/c1/attribution/0> a kg:Attribution ;
    kg:agent doc:actor\/diplomat ; kg:chainPosition "0"^^xsd:nonNegativeInteger ; kg:attributionRole "source" .
<https://w3id.org/kgbuild/id/doc/a1/claim/c1/attribution/1> a kg:Attribution ;
    kg:agent id:actor\/organization\/reuters ; kg:chainPosition "1"^^xsd:nonNegativeInteger ;
    kg:attributionRole "publisher" .

doc:nonresponse\/n1 a kg:NonResponse ;
    kg:appearance id:doc\/a1 ;
    kg:nonResponder id:actor\/organization\/kremlin ;
    kg:cue "declined to comment" ;
    kg:cueMention <https://w3id.org/kgbuild/id/doc/a1#char=113,132> ;
    kg:declined true .
""".replace("@TEXT@", TEXT.replace("\n", "\\n"))
)


def _load(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    graph = Graph()
    for path in SHAPE_FILES:
        graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def _validate(data: Graph, shapes: Graph, ontology: Graph) -> tuple[bool, Graph, str]:
    conforms, report, text = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True)
    return bool(conforms), report, text


def _violations(report: Graph) -> set[tuple[str, str]]:
    """(focus node, result path or source shape) of every violation in a report."""
    out = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = str(report.value(result, SH.focusNode))
        where = report.value(result, SH.resultPath) or report.value(result, SH.sourceShape)
        out.add((focus, str(where)))
        if report.value(result, SH.sourceShape) == URIRef(INTEGRITY):
            # whole-document checks have the article as focus and the offending node as value
            out.add((str(report.value(result, SH.value)), INTEGRITY))
    return out


def test_there_are_shape_files() -> None:
    assert SHAPE_FILES, "no shapes/*.ttl"


@pytest.mark.parametrize("path", SHAPE_FILES, ids=lambda p: p.name)
def test_shapes_file_passes_shacl_for_shacl(path: Path) -> None:
    shapes = Graph().parse(path)
    assert len(shapes) > 0
    conforms, _, text = validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_meta_shacl_catches_a_broken_shape() -> None:
    broken = Graph().parse(
        data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:x:S> a sh:NodeShape ; sh:property [ sh:path <urn:x:p> ; sh:minCount "one" ] .""",
        format="turtle",
    )
    from pyshacl.errors import ReportableRuntimeError

    try:
        conforms, _, _ = validate(Graph(), shacl_graph=broken, meta_shacl=True)
    except ReportableRuntimeError:
        conforms = False
    assert not conforms


@pytest.mark.parametrize("path", SHAPE_FILES, ids=lambda p: p.name)
def test_every_node_shape_is_documented(path: Path) -> None:
    shapes = Graph().parse(path)
    from rdflib import RDF, RDFS

    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert (shape, SH.severity, None) in shapes, shape
        assert shapes.value(shape, SH.name) or shapes.value(shape, RDFS.comment), shape
        assert shapes.value(shape, SH.description) or shapes.value(shape, RDFS.comment), shape


def test_good_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, _, text = _validate(_load(GOOD), shapes, ontology)
    assert conforms, text


def test_attack_is_validated_by_the_event_shape(shapes: Graph, ontology: Graph) -> None:
    """An instance typed only kg:Attack is targeted by the kg:Event shape via the ontology."""
    data = _load(GOOD)
    e1 = URIRef("https://w3id.org/kgbuild/id/doc/a1/event/e1")
    data.remove((e1, URIRef("https://w3id.org/kgbuild/ontology#eventLemma"), None))
    conforms, report, text = _validate(data, shapes, ontology)
    assert not conforms
    assert (str(e1), "https://w3id.org/kgbuild/ontology#eventLemma") in _violations(report), text


def test_subclass_targeting_needs_the_ontology(shapes: Graph) -> None:
    """Without the ontology the kg:Event shape does not see a kg:Attack (documents the assumption)."""
    data = _load(GOOD)
    e1 = URIRef("https://w3id.org/kgbuild/id/doc/a1/event/e1")
    data.remove((e1, URIRef("https://w3id.org/kgbuild/ontology#eventLemma"), None))
    _, report, _ = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    assert (str(e1), "https://w3id.org/kgbuild/ontology#eventLemma") not in _violations(report)


M = "https://w3id.org/kgbuild/id/doc/a1#char="
INTEGRITY = "https://w3id.org/kgbuild/shapes#DocumentIntegrityShape"
K = "https://w3id.org/kgbuild/ontology#"
C1 = "https://w3id.org/kgbuild/id/doc/a1/claim/c1"
# case -> (Turtle whose triples replace the same subject+predicate in GOOD, expected violation)
BAD_CASES = {
    "offset past end of text": (
        f'<{M}134,138> kg:endIndex "160"^^xsd:nonNegativeInteger .',
        (f"{M}134,138", INTEGRITY),
    ),
    "anchor differs from text": (f'<{M}29,35> kg:anchorOf "Prussia" .', (f"{M}29,35", INTEGRITY)),
    "begin not before end": (
        f'<{M}53,60> kg:beginIndex "60"^^xsd:nonNegativeInteger .',
        (f"{M}53,60", K + "beginIndex"),
    ),
    "unknown quote type": ('doc:claim\\/c1 kg:quoteType "verbatim" .', (C1, K + "quoteType")),
    "speaker is not an actor": ("doc:claim\\/c1 kg:saidBy doc:time\\/t1 .", (C1, K + "saidBy")),
    "chain does not start with the speaker": (
        "doc:claim\\/c1 kg:saidBy id:actor\\/organization\\/reuters .",
        (C1, INTEGRITY),
    ),
    "hedged without a hedge": ("doc:claim\\/c1 kg:hedged true .", (C1, INTEGRITY)),
    "two claim texts": ('doc:claim\\/c1 kg:claimText "x", "y" .', (C1, K + "claimText")),
    "unknown modality": (
        'doc:event\\/e1 kg:modality "rumoured" .',
        (C1.replace("claim/c1", "event/e1"), K + "modality"),
    ),
    "unknown attribution role": (
        f'<{C1}/attribution/1> kg:attributionRole "editor" .',
        (f"{C1}/attribution/1", K + "attributionRole"),
    ),
    "source role away from position 0": (
        f'<{C1}/attribution/1> kg:attributionRole "source" .',
        (f"{C1}/attribution/1", INTEGRITY),
    ),
    "actor without label": (
        "id:actor\\/gpe\\/kyiv2 a kg:GeopoliticalEntity .",
        ("https://w3id.org/kgbuild/id/actor/gpe/kyiv2", "http://www.w3.org/2000/01/rdf-schema#label"),
    ),
    "two texts": (
        'id:doc\\/a1 kg:text "one text", "another text" .',
        ("https://w3id.org/kgbuild/id/doc/a1", K + "text"),
    ),
    "speech act whose agent is not the speaker": (
        "doc:event\\/e1 kg:conveysClaim doc:claim\\/c1 .",
        (C1.replace("claim/c1", "event/e1"), INTEGRITY),
    ),
    "malformed PropBank roleset": (
        'doc:event\\/e1 kg:propBankRoleset "attack" .',
        (C1.replace("claim/c1", "event/e1"), K + "propBankRoleset"),
    ),
    "recipient is not an actor": (
        "doc:event\\/e1 kg:hasRecipient doc:time\\/t1 .",
        (C1.replace("claim/c1", "event/e1"), K + "hasRecipient"),
    ),
    "non-response without declined flag": (
        'doc:nonresponse\\/n1 kg:cue "declined to comment" .',  # replaced below: drop kg:declined
        ("https://w3id.org/kgbuild/id/doc/a1/nonresponse/n1", K + "declined"),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_broken_graph_is_rejected(case: str, shapes: Graph, ontology: Graph) -> None:
    replacement, expected = BAD_CASES[case]
    data = _load(GOOD)
    extra = _load(PREFIXES + replacement)
    for s, p, _ in extra:
        data.remove((s, p, None))
    data += extra
    if case == "non-response without declined flag":
        data.remove((None, URIRef(K + "declined"), None))
    conforms, report, text = _validate(data, shapes, ontology)
    assert not conforms
    assert expected in _violations(report), text


def _mapped_graph() -> Graph:
    """A graph built by kgbuild.rdf.mapping itself from hand-made model objects."""
    from kgbuild.model import (
        Actor,
        ActorKind,
        Claim,
        Document,
        Event,
        EventKind,
        Extraction,
        Mention,
        Modality,
        NonResponse,
        Participant,
        QuoteType,
        Role,
        TimeExpression,
    )
    from kgbuild.rdf.mapping import to_graph

    text = TEXT

    def m(words: str) -> Mention:
        start = text.index(words)
        return Mention(start, start + len(words), words)

    actors = (
        Actor("organization/reuters", "Reuters", ActorKind.ORGANIZATION, (m("Reuters"),)),
        Actor("gpe/russia", "Russia", ActorKind.GPE, (m("Russia"),), country_code="RU"),
        Actor("gpe/kyiv", "Kyiv", ActorKind.GPE, (Mention(45, 49, "Kyiv"),)),
        Actor("organization/kremlin", "Kremlin", ActorKind.ORGANIZATION, (m("The Kremlin"),), stands_for="gpe/russia"),
        Actor(
            "diplomat",
            "a diplomat involved in the talks",
            ActorKind.GROUP,
            (m("a diplomat involved in the talks"),),
            anonymous=True,
            description="a diplomat involved in the talks",
            source_role="diplomat",
            qualifier="involved in the talks",
            affiliation="gpe/russia",
            document="a1",
        ),
        Actor("owners", "Café owners", ActorKind.GROUP, (m("Café owners"),), document="a1"),
    )
    return to_graph(
        Extraction(
            document=Document("a1", text, title="Kyiv strike", url="https://example.org/a1", published="2026-02-03"),
            actors=actors,
            times=(TimeExpression("t1", m("Tuesday"), value="2026-02-03"),),
            events=(
                Event(
                    "e1",
                    EventKind.ATTACK,
                    (m("attacked"),),
                    "attack",
                    (
                        Participant("gpe/russia", Role.AGENT),
                        Participant("gpe/kyiv", Role.PATIENT),
                        Participant("gpe/kyiv", Role.PLACE),
                    ),
                    times=("t1",),
                    instruments=("missiles",),
                    modality=Modality.ASSERTED,
                ),
                Event("e2", EventKind.MOVEMENT, (m("fled"),), "flee", (Participant("owners", Role.AGENT),)),
            ),
            claims=(
                Claim(
                    "c1",
                    m("Russia attacked Kyiv on Tuesday"),
                    m("said"),
                    "say",
                    "diplomat",
                    speaker_mention=m("a diplomat involved in the talks"),
                    quote_type=QuoteType.INDIRECT,
                    hedges=("reportedly",),
                    about_actors=("gpe/russia",),
                    about_events=("e1",),
                    times=("t1",),
                ),
            ),
            non_responses=(NonResponse("n1", "organization/kremlin", m("declined to comment"), True),),
            sources=("organization/reuters",),
            publisher="organization/reuters",
        )
    )


def test_graph_from_mapping_conforms(shapes: Graph, ontology: Graph) -> None:
    conforms, _, text = _validate(_mapped_graph(), shapes, ontology)
    assert conforms, text
