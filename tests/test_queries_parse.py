"""The competency queries parse, carry a header comment, and the three contract queries
(read by ../shared/eval/score.py) have exactly the documented columns and rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "ontology" / "queries"
ONTOLOGY = ROOT / "ontology" / "kgbuild.ttl"
QUERY_FILES = sorted(QUERIES.glob("*.rq"))

CONTRACT = {
    "actors.rq": ["actor", "name", "kind"],
    "claims.rq": ["claim", "text", "speaker", "cue"],
    "events.rq": ["event", "trigger", "kind", "participant"],
}
EXPECTED_FILES = set(CONTRACT) | {
    "claims-by-source.rq",
    "claims-by-kind.rq",
    "source-chain.rq",
    "anonymous-only-claims.rq",
    "named-vs-anonymous-share.rq",
    "events-by-actor.rq",
    "non-responses.rq",
    "actor-mentions.rq",
    "story-events.rq",
    "story-claims.rq",
    "disputed-claims.rq",
}

ID = "https://w3id.org/kgbuild/id/"
DATA = """
@prefix kg:   <https://w3id.org/kgbuild/ontology#> .
@prefix id:   <https://w3id.org/kgbuild/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

id:doc a kg:NewsArticle ; kg:text "Russia invaded Ukraine, an official told the newspaper. He added more." ;
    kg:headline "Invasion" ; kg:publisher id:reuters .
id:m1 a kg:Mention ; kg:anchorOf "invaded" ; kg:beginIndex "7"^^xsd:nonNegativeInteger ;
    kg:endIndex "14"^^xsd:nonNegativeInteger ; kg:inDocument id:doc .
id:m2 a kg:Mention ; kg:anchorOf "invasion" ; kg:beginIndex "0"^^xsd:nonNegativeInteger ;
    kg:endIndex "8"^^xsd:nonNegativeInteger ; kg:inDocument id:doc .
id:m3 a kg:Mention ; kg:anchorOf "He" ; kg:beginIndex "0"^^xsd:nonNegativeInteger ;
    kg:endIndex "2"^^xsd:nonNegativeInteger ; kg:inDocument id:doc .
id:russia a kg:GeopoliticalEntity ; rdfs:label "Russia", "Russian Federation" ; kg:denotedBy id:m2 .
id:ukraine a kg:GeopoliticalEntity ; rdfs:label "Ukraine" .
id:kyiv a kg:GeopoliticalEntity ; rdfs:label "Kyiv" .
id:putin a kg:Person ; rdfs:label "Vladimir Putin" .
id:reuters a kg:Organization ; rdfs:label "Reuters" .
id:donbas a kg:Location ; rdfs:label "Donbas" .
id:drone a kg:OtherActor ; rdfs:label "drone" .
id:residents a kg:Group ; rdfs:label "residents" .
id:official a kg:Person, kg:AnonymousSource, kg:Source ; rdfs:label "an official" .
id:invasion a kg:Invasion, kg:ConflictEvent, kg:Event ;   # as if types had been inferred
    kg:appearance id:doc ; kg:denotedBy id:m1, id:m2 ; kg:eventLemma "invade" ;
    kg:hasAgent id:russia ; kg:hasPatient id:ukraine ; kg:hasPlace id:kyiv ; kg:hasParticipant id:putin .
id:meeting a kg:Summit ; kg:appearance id:doc ; kg:denotedBy id:m1 ; kg:eventLemma "meet" ;
    kg:patientText "the plan" .
id:sale a kg:Sale ; kg:appearance id:doc ; kg:denotedBy id:m2 ; kg:eventLemma "sell" ; kg:hasRecipient id:ukraine .
id:claim a kg:Claim ; kg:appearance id:doc ; kg:claimText "Russia invaded Ukraine" ;
    kg:cue "told" ; kg:cueLemma "tell" ; kg:saidBy id:official ; kg:speakerMention id:m3 ;
    kg:attributionKind "assertion" ;
    kg:hasAttribution id:a0, id:a1 .
id:a0 a kg:Attribution ; kg:agent id:official ; kg:chainPosition "0"^^xsd:nonNegativeInteger ;
    kg:attributionRole "source" .
id:a1 a kg:Attribution ; kg:agent id:reuters ; kg:chainPosition "1"^^xsd:nonNegativeInteger ;
    kg:attributionRole "publisher" .
id:claim2 a kg:Claim ; kg:appearance id:doc ; kg:claimText "talks will go on" ; kg:cue "said" ;
    kg:saidBy id:putin .
id:nr a kg:NonResponse ; kg:appearance id:doc ; kg:nonResponder id:reuters ; kg:declined false ;
    kg:cue "did not respond" .
"""
STORY_DATA = """
@prefix kg:   <https://w3id.org/kgbuild/ontology#> .
@prefix id:   <https://w3id.org/kgbuild/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .

id:doc2 a kg:NewsArticle ; kg:text "Russia's invasion of Ukraine, Putin denied." ; kg:publisher id:reuters ;
    kg:datePublished "2024-08-07"^^xsd:date .
id:m4 a kg:Mention ; kg:anchorOf "invasion" ; kg:inDocument id:doc2 .
id:invasion2 a kg:Invasion ; kg:appearance id:doc2 ; kg:denotedBy id:m4 ; kg:eventLemma "invasion" ;
    kg:hasAgent id:russia .
id:claim3 a kg:Claim ; kg:appearance id:doc2 ; kg:claimText "Russia invaded Ukraine" ; kg:saidBy id:putin ;
    kg:hasAttribution id:a2 .
id:a2 a kg:Attribution ; kg:agent id:putin ; kg:chainPosition "0"^^xsd:nonNegativeInteger ;
    kg:attributionRole "source" .
id:story-event a kg:StoryEvent ; rdfs:label "invade / invasion (2 articles)" ;
    kg:groupsEvent id:invasion, id:invasion2 ; kg:reportedIn id:doc, id:doc2 ; kg:evidence "participant Russia" .
id:invasion kg:sameEventAs id:invasion2 .
id:story-claim a kg:StoryClaim ; rdfs:label "Russia invaded Ukraine" ; kg:repetition id:claim, id:claim3 ;
    kg:reportedIn id:doc, id:doc2 ; kg:originalSource id:official ; kg:evidence "content overlap 1.00" .
id:relation a kg:ClaimRelation ; kg:fromClaim id:claim3 ; kg:toClaim id:claim ; kg:relationType "denial" ;
    kg:evidence "cue deny" .
id:claim3 kg:contradicts id:claim .
"""


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph().parse(data=DATA, format="turtle")
    g.parse(ONTOLOGY)  # the scorer runs the queries over the output graph plus ontology/
    return g


def _rows(graph: Graph, name: str) -> tuple[list[str], list[tuple[str, ...]]]:
    result = graph.query((QUERIES / name).read_text(encoding="utf-8"))
    names = [str(v) for v in result.vars]
    rows = [tuple("" if v is None else str(v).removeprefix(ID) for v in row) for row in result]
    return names, rows


def test_all_queries_present() -> None:
    assert {p.name for p in QUERY_FILES} >= EXPECTED_FILES


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_query_parses_and_has_a_header(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "each query starts with a comment saying what it answers"
    prepareQuery(text)


@pytest.fixture(scope="module")
def story_graph(graph: Graph) -> Graph:
    """The articles of ``graph`` plus a second one and the story layer ``kgbuild story`` adds."""
    g = Graph()
    for triple in graph:
        g.add(triple)
    return g.parse(data=STORY_DATA, format="turtle")


STORY_QUERIES = {"story-events.rq", "story-claims.rq", "disputed-claims.rq"}


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_query_runs(path: Path, graph: Graph, story_graph: Graph) -> None:
    names, rows = _rows(story_graph if path.name in STORY_QUERIES else graph, path.name)
    assert names and rows


def test_story_queries_answer_the_story(story_graph: Graph) -> None:
    _, events = _rows(story_graph, "story-events.rq")
    assert {(r[0], r[2], r[3], r[4]) for r in events} == {("story-event", "2", "doc", "Reuters"),
                                                          ("story-event", "2", "doc2", "Reuters")}
    _, disputes = _rows(story_graph, "disputed-claims.rq")
    assert disputes == [("denial", "Vladimir Putin", "Russia invaded Ukraine", "doc2", "an official",
                         "Russia invaded Ukraine", "doc")]
    _, claims = _rows(story_graph, "story-claims.rq")
    assert {(r[3], r[6], r[8]) for r in claims} == {("claim", "0", "an official"), ("claim", "1", "Reuters"),
                                                   ("claim3", "0", "Vladimir Putin")}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_columns(name: str, graph: Graph) -> None:
    assert [str(v) for v in prepareQuery((QUERIES / name).read_text()).algebra["PV"]] == CONTRACT[name]
    names, _ = _rows(graph, name)
    assert names == CONTRACT[name]


def test_actors_one_row_per_actor_with_kind(graph: Graph) -> None:
    _, rows = _rows(graph, "actors.rq")
    assert sorted(rows) == [
        ("donbas", "Donbas", "Location"),
        ("drone", "drone", "Other"),
        ("kyiv", "Kyiv", "GPE"),
        ("official", "an official", "Group"),  # anonymous wins over Person
        ("putin", "Vladimir Putin", "Person"),
        ("residents", "residents", "Group"),
        ("reuters", "Reuters", "Organization"),
        ("russia", "Russia", "GPE"),  # one row despite two labels
        ("ukraine", "Ukraine", "GPE"),
    ]


def test_claims_give_source_name_and_speaker_words(graph: Graph) -> None:
    _, rows = _rows(graph, "claims.rq")
    assert sorted(rows) == [
        ("claim", "Russia invaded Ukraine", "He", "tell"),
        ("claim", "Russia invaded Ukraine", "an official", "tell"),
        ("claim2", "talks will go on", "Vladimir Putin", "said"),  # no lemma: the cue itself
    ]


def test_events_rows_per_trigger_and_participant(graph: Graph) -> None:
    _, rows = _rows(graph, "events.rq")
    invasion = {r for r in rows if r[0] == "invasion"}
    assert {r[2] for r in invasion} == {"Invasion"}  # the most specific class only
    assert {r[1] for r in invasion} == {"invaded", "invasion"}
    assert {r[3] for r in invasion} == {"Russia", "Russian Federation", "Ukraine", "Kyiv", "Vladimir Putin"}
    assert len(invasion) == 2 * 5
    assert not [r for r in rows if r[0] == "meeting"]  # no actor takes part: not an answer to "who did what"
    assert [r for r in rows if r[0] == "sale"] == [("sale", "invasion", "Sale", "Ukraine")]


def test_source_chain_is_ordered(graph: Graph) -> None:
    names, rows = _rows(graph, "source-chain.rq")
    chain = [
        (r[names.index("position")], r[names.index("role")], r[names.index("agentName")])
        for r in rows
        if r[0] == "claim"
    ]
    assert chain == [("0", "source", "an official"), ("1", "publisher", "Reuters")]
    assert {r[names.index("publisherName")] for r in rows} == {"Reuters"}


def test_anonymous_only_claims(graph: Graph) -> None:
    _, rows = _rows(graph, "anonymous-only-claims.rq")
    assert [r[0] for r in rows] == ["claim"]


def test_named_vs_anonymous_share(graph: Graph) -> None:
    names, rows = _rows(graph, "named-vs-anonymous-share.rq")
    (row,) = rows
    values = dict(zip(names, row, strict=True))
    assert (values["claims"], values["named"], values["anonymous"]) == ("2", "1", "1")
    assert float(values["namedShare"]) == pytest.approx(0.5)
    assert float(values["anonymousShare"]) == pytest.approx(0.5)


def test_events_by_actor_roles(graph: Graph) -> None:
    names, rows = _rows(graph, "events-by-actor.rq")
    roles = {(r[0], r[names.index("role")], r[names.index("kind")]) for r in rows}
    assert roles == {
        ("russia", "agent", "Invasion"),
        ("ukraine", "patient", "Invasion"),
        ("kyiv", "place", "Invasion"),
        ("putin", "participant", "Invasion"),
        ("ukraine", "recipient", "Sale"),
    }


def test_non_responses(graph: Graph) -> None:
    names, rows = _rows(graph, "non-responses.rq")
    assert [(r[names.index("name")], r[names.index("declined")]) for r in rows] == [("Reuters", "false")]


def test_actor_mentions(graph: Graph) -> None:
    names, rows = _rows(graph, "actor-mentions.rq")
    assert [(r[0], r[names.index("anchor")], r[names.index("article")]) for r in rows] == [
        ("russia", "invasion", "doc")
    ]
