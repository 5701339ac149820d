"""Nationalities: adjectives are mentions of a country the document names; plural nouns are the country when
they act for it, else a named group; places are labelled as the article names them."""

from __future__ import annotations

from _actors_helpers import actors

from kgbuild.model import ActorKind


def test_adjective_is_a_mention_of_a_country_the_document_names(nlp):
    found = actors(nlp, "Canadian production fell in the spring, while Canada's government said it would help.")
    assert [m.text for m in found["Canada"].mentions] == ["Canadian", "Canada"]


def test_adjective_alone_makes_no_country(nlp):
    found = actors(nlp, "Italian and German carmakers sold more cars in the spring.")
    assert not any(a.kind is ActorKind.GPE for a in found.values())


def test_plural_that_acts_is_the_country(nlp):
    found = actors(nlp, "The Russians balked at the proposal on Tuesday.")
    assert found["Russia"].kind is ActorKind.GPE


def test_plural_that_does_not_act_is_a_named_group(nlp):
    found = actors(nlp, "It is hard to talk to the Palestinians about it, he added.")
    assert found["Palestinians"].kind is ActorKind.GROUP
    assert not any(a.kind is ActorKind.GPE for a in found.values())


def test_country_is_labelled_as_the_article_names_it(nlp):
    found = actors(nlp, "The plane landed in the United States of America on Monday.")
    us = next(a for a in found.values() if a.kind is ActorKind.GPE)
    assert us.key == "gpe/united-states" and us.name == "United States of America"
    found = actors(nlp, "Ford is the U.S.'s second-largest carmaker.")
    assert found["U.S."].key == "gpe/united-states"
