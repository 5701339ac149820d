"""Claim attributes: negation, hedges, what the claim is about."""

from __future__ import annotations

from claims_helpers import extract, only


def test_negated_content(nlp):
    assert only(extract(nlp, "The diplomat stressed that Russia had not called off the talks.")).negated


def test_affirmative_content_not_negated(nlp):
    assert not only(extract(nlp, "The diplomat stressed that Russia had called off the talks.")).negated


def test_hedges_modal_and_chance(nlp):
    c = only(extract(nlp, "Analysts noted that the talks could fail, with some estimating a 20% chance of success."))
    assert "could" in c.hedges
    assert "20% chance" in c.hedges


def test_about_actors_inside_content(nlp):
    x = extract(nlp, "The official said that Qatar had discussed an agreement with Ukraine.")
    names = {a.key: a.name for a in x.actors}
    assert {names[k] for k in only(x).about_actors} >= {"Qatar", "Ukraine"}


def test_vow_with_infinitive(nlp):
    c = only(extract(nlp, "Putin publicly vowed this week not to soften his position."))
    assert c.content.text == "not to soften his position"
    assert c.negated
