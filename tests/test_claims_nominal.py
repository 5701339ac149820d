"""Nominal cues ("his claim that"), prepositional frames ("in X's view", "as X put it") and sources that
are no one (polls, studies, rulings)."""

from __future__ import annotations

from claims_helpers import extract, only, speaker_name

from kgbuild.model import ActorKind, ClaimKind


def test_possessed_claim_noun(nlp):
    x = extract(nlp, "Senator Vera Holm's claim that the port had been sold was rejected by the board.")
    claim = only(x)
    assert claim.content.text == "the port had been sold"
    assert claim.cue.text == "claim"
    assert speaker_name(x, claim) == "Vera Holm"


def test_light_verb_makes_the_subject_the_source(nlp):
    x = extract(nlp, "The weather service issued a warning that the storm would reach the coast by Sunday.")
    claim = only(x)
    assert claim.content.text == "the storm would reach the coast by Sunday"
    assert claim.kind is ClaimKind.COMMITMENT
    assert "weather service" in speaker_name(x, claim)


def test_a_denied_allegation_is_the_deniers_denial(nlp):
    # the allegation has no source of its own; what the coach denies is its that-clause
    x = extract(nlp, "The coach denied the allegation that he had bet on the match.")
    claim = only(x)
    assert (claim.cue.text, claim.kind, claim.content.text) == ("denied", ClaimKind.DENIAL, "he had bet on the match")
    assert "coach" in speaker_name(x, claim)


def test_in_possessive_view(nlp):
    x = extract(nlp, "In the inspector's view, the tunnel is safe.")
    claim = only(x)
    assert claim.content.text == "the tunnel is safe"
    assert claim.kind is ClaimKind.BELIEF
    assert "inspector" in speaker_name(x, claim)


def test_in_the_view_of(nlp):
    x = extract(nlp, "In the view of the auditors, the accounts are incomplete.")
    claim = only(x)
    assert claim.cue_lemma == "in the view of"
    assert claim.content.text == "the accounts are incomplete"
    assert "auditors" in speaker_name(x, claim)


def test_position_is_that(nlp):
    x = extract(nlp, "The union's position is that wages must rise.")
    claim = only(x)
    assert claim.content.text == "wages must rise"
    assert "union" in speaker_name(x, claim)


def test_as_x_put_it(nlp):
    x = extract(nlp, "As one engineer put it, nobody wants to be the last to leave.")
    claim = only(x)
    assert claim.content.text == "nobody wants to be the last to leave"
    assert claim.cue.text == "put"
    assert "engineer" in speaker_name(x, claim)


def test_a_statement_saying(nlp):
    x = extract(nlp, "The ministry issued a statement saying the border crossing would reopen.")
    claim = only(x)
    assert claim.content.text == "the border crossing would reopen"
    assert "ministry" in speaker_name(x, claim)


def test_a_poll_is_an_evidence_source(nlp):
    x = extract(nlp, "A poll released on Tuesday shows that most voters oppose the new tax.")
    claim = only(x)
    source = next(a for a in x.actors if a.key == claim.speaker)
    assert source.evidence_source and source.kind is ActorKind.OTHER and not source.anonymous
    assert claim.kind is ClaimKind.EVIDENCE


def test_according_to_a_study_is_evidence(nlp):
    x = extract(nlp, "According to the study, one in four bridges needs repair.")
    claim = only(x)
    assert claim.kind is ClaimKind.EVIDENCE
    assert next(a for a in x.actors if a.key == claim.speaker).evidence_source


def test_a_court_ruling(nlp):
    x = extract(nlp, "The ruling said that the eviction had been unlawful.")
    claim = only(x)
    assert claim.content.text == "the eviction had been unlawful"
    assert next(a for a in x.actors if a.key == claim.speaker).evidence_source


def test_evidence_sources_are_typed_in_the_graph(nlp):
    from kgbuild.rdf.mapping import to_graph
    from kgbuild.rdf.vocab import KG
    from kgbuild.validate.gate import validate_graph

    x = extract(nlp, "A poll released on Tuesday shows that most voters oppose the new tax.")
    graph = to_graph(x)
    assert len(list(graph.subjects(None, KG.EvidenceSource))) == 1
    assert validate_graph(graph).conforms
