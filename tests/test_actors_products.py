"""Products and their makers, flights and their airlines, events and awards: things, not actors."""

from __future__ import annotations

from _actors_helpers import actors

from kgbuild.extract.actors_kinds import maker_split, retype
from kgbuild.model import ActorKind


def test_maker_and_model_are_told_apart():
    assert maker_split(["Airbus", "A380"]) == 1
    assert maker_split(["Rolls-Royce", "Trent", "900"]) == 1
    assert maker_split(["Boeing", "787", "Dreamliner"]) == 1
    assert maker_split(["Northwind", "Air", "Flight", "812"]) == 2
    assert maker_split(["Boeing"]) == 0
    assert maker_split(["London", "2012", "Olympics"]) == 0  # a year is no model code


def test_product_named_with_its_maker_is_a_thing_affiliated_with_the_maker(nlp):
    found = actors(nlp, "Airbus said the Airbus A380 would fly to Sydney in May.")
    assert found["Airbus A380"].kind is ActorKind.OTHER
    assert found["Airbus A380"].affiliation == "organization/airbus"
    assert found["Airbus"].kind is ActorKind.ORGANIZATION
    assert len(found["Airbus"].mentions) == 2


def test_maker_named_only_in_its_product_is_no_actor(nlp):
    found = actors(nlp, "A test flight of the new Airbus A380 was delayed after an accident in Bangkok.")
    assert "Airbus" not in found
    assert found["Airbus A380"].kind is ActorKind.OTHER


def test_engine_model_is_a_thing_not_an_organisation(nlp):
    found = actors(nlp, "Airbus said that two of the Rolls-Royce Trent 900 engines on the prototype would be replaced.")
    assert found["Rolls-Royce Trent 900"].kind is ActorKind.OTHER
    assert "Rolls-Royce" not in found


def test_flight_is_a_thing_and_its_airline_an_actor(nlp):
    found = actors(nlp, "The crash of Garuda Indonesia Flight 200 killed 21 people, the airline said.")
    assert found["Garuda Indonesia"].kind is ActorKind.ORGANIZATION
    assert found["Garuda Indonesia Flight"].kind is ActorKind.OTHER


def test_conferences_cups_and_prizes_are_things(nlp):
    found = actors(nlp, "Apple unveiled the phone at the Worldwide Developers Conference in San Jose.")
    assert found["Worldwide Developers Conference"].kind is ActorKind.OTHER
    assert retype("ORG", ["Pritzker", "Architecture", "Prize"]) == "THING"
    assert retype("ORG", ["Nobel", "Prize", "for", "Physics"]) == "THING"
    assert retype("ORG", ["Daughters", "of", "the", "American", "Revolution"]) == "ORG"
    assert retype("ORG", ["GNU", "Free", "Documentation", "License"]) == "THING"  # a licence is a document
    assert retype("ORG", ["Creative", "Commons"]) == "ORG"


def test_organiser_named_in_an_event_is_an_actor(nlp):
    found = actors(nlp, "FIFA World Cup tickets sold out within hours, FIFA said.")
    assert found["FIFA"].kind is ActorKind.ORGANIZATION
    assert all(a.kind is not ActorKind.ORGANIZATION for n, a in found.items() if "Cup" in n)


def test_currency_code_is_no_actor():
    assert retype("ORG", ["USD"]) is None
