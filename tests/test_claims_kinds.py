"""Every attribution class of the PARC scheme: source, cue, content and kind (texts of our own)."""

from __future__ import annotations

import pytest
from claims_helpers import extract, only, speaker_name

from kgbuild.model import ClaimKind

CASES = [
    # (text, source name, cue words, content, kind)
    ("The harbour master said that the ferry would sail at noon.",
     "harbour master", "said", "the ferry would sail at noon", ClaimKind.ASSERTION),
    ("Councillor Ada Brenner noted that the library had been closed for a year.",
     "Ada Brenner", "noted", "the library had been closed for a year", ClaimKind.ASSERTION),
    ("The farmers believe that the new dam will dry out their fields.",
     "farmers", "believe", "the new dam will dry out their fields", ClaimKind.BELIEF),
    ("Local traders fear that the tourists will not come back this summer.",
     "Local traders", "fear", "the tourists will not come back this summer", ClaimKind.BELIEF),
    ("A survey published on Monday shows that most commuters would pay more for faster trains.",
     "survey published on Monday", "shows", "most commuters would pay more for faster trains",
     ClaimKind.EVIDENCE),
    ("The inspection found that the bridge cables had rusted.",
     "inspection", "found", "the bridge cables had rusted", ClaimKind.EVIDENCE),
    ("The teachers' union urged the council to reopen the schools.",
     "teachers' union", "urged", "the council to reopen the schools", ClaimKind.DIRECTIVE),
    ("Residents called on the mayor to resign.",
     "Residents", "called on", "the mayor to resign", ClaimKind.DIRECTIVE),
    ("Mayor Tomas Lindqvist demanded that the contractor repay the money.",
     "Tomas Lindqvist", "demanded", "the contractor repay the money", ClaimKind.DIRECTIVE),
    ("The opposition accused the minister of misleading parliament.",
     "opposition", "accused", "the minister of misleading parliament", ClaimKind.ACCUSATION),
    ("The fishermen blamed the factory for the dead fish in the bay.",
     "fishermen", "blamed", "the factory for the dead fish in the bay", ClaimKind.ACCUSATION),
    ("The club denied that it had paid the referee.",
     "club", "denied", "it had paid the referee", ClaimKind.DENIAL),
    ("The governor promised to rebuild the flooded homes.",
     "governor", "promised", "to rebuild the flooded homes", ClaimKind.COMMITMENT),
    ("The rebels threatened to close the mountain road.",
     "rebels", "threatened", "to close the mountain road", ClaimKind.COMMITMENT),
    ("Forecasters warned that the river could burst its banks overnight.",
     "Forecasters", "warned", "the river could burst its banks overnight", ClaimKind.COMMITMENT),
    ("The committee criticised the hospital for ignoring the complaints of its nurses.",
     "committee", "criticised", "the hospital for ignoring the complaints of its nurses", ClaimKind.EVALUATION),
    ("The bakery announced that it would close its doors in March.",
     "bakery", "announced", "it would close its doors in March", ClaimKind.ANNOUNCEMENT),
    ("The airline disclosed that hackers had stolen the data of ten thousand passengers.",
     "airline", "disclosed", "hackers had stolen the data of ten thousand passengers", ClaimKind.ANNOUNCEMENT),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "kind"), CASES, ids=[c[4].value + "-" + c[2]
                                                                                  for c in CASES])
def test_attribution_class(nlp, text, source, cue, content, kind):
    x = extract(nlp, text)
    claim = only(x)
    assert claim.content.text == content
    assert claim.cue.text == cue
    assert claim.kind is kind
    assert source in speaker_name(x, claim)


def test_claims_have_a_kind_in_the_graph_and_the_query(nlp):
    from rdflib import Literal

    from kgbuild.rdf.mapping import to_graph
    from kgbuild.rdf.vocab import KG
    from kgbuild.resources import ontology_path, queries_dir

    x = extract(nlp, "The opposition accused the minister of misleading parliament.")
    graph = to_graph(x)
    assert list(graph.objects(None, KG.attributionKind)) == [Literal("accusation")]
    graph.parse(ontology_path())
    rows = list(graph.query((queries_dir() / "claims-by-kind.rq").read_text(encoding="utf-8")))
    assert [(str(r.kind), str(r.text), str(r.name)) for r in rows] == [
        ("accusation", "the minister of misleading parliament", "opposition")]


def test_a_to_infinitive_is_no_claim_of_a_belief(nlp):
    assert extract(nlp, "The council wants the builders to finish the road by June.").claims == ()


def test_cognition_verbs_without_a_clause_are_no_claims(nlp):
    text = "The mayor thinks so. We know the valley well. The study shows progress. She found the keys."
    assert extract(nlp, text).claims == ()


def test_perception_is_no_claim_without_that(nlp):
    assert extract(nlp, "The guard saw the van hit the gate.").claims == ()
    claim = only(extract(nlp, "The guard saw that the gate was open."))
    assert claim.content.text == "the gate was open"


def test_an_evaluation_needs_a_verbal_complement(nlp):
    # "thanked X for their help" judges nobody's proposition; "praised X for acting" does
    assert extract(nlp, "The coach thanked the fans for their support.").claims == ()
    claim = only(extract(nlp, "The coach praised the fans for singing through the rain."))
    assert claim.kind is ClaimKind.EVALUATION
    assert claim.content.text == "the fans for singing through the rain"


def test_a_passive_cue_without_an_agent_has_no_source(nlp):
    assert extract(nlp, "Nobody wants to be blamed for closing the parks.").claims == ()


def test_told_to_is_a_directive(nlp):
    claim = only(extract(nlp, "The captain told the crew to stay below deck."))
    assert claim.kind is ClaimKind.DIRECTIVE
    assert claim.content.text == "the crew to stay below deck"
