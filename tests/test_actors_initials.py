"""Person names with initials, generational suffixes and titles; given names the model took for organisations."""

from __future__ import annotations

from _actors_helpers import actors

from kgbuild.extract.actors_kinds import retype
from kgbuild.model import ActorKind


def test_name_with_an_initial_joins_its_surname(nlp):
    found = actors(nlp, "Jay A. Pritzker founded the hotel chain. Pritzker died in 1999.")
    assert [m.text for m in found["Jay A. Pritzker"].mentions] == ["Jay A. Pritzker", "Pritzker"]


def test_surname_joins_a_name_with_a_generational_suffix(nlp):
    text = "Civil rights leader Martin Luther King Jr. spoke in Washington. King said that the march would go on."
    found = actors(nlp, text)
    people = [a for a in found.values() if a.kind is ActorKind.PERSON]
    assert len(people) == 1 and len(people[0].mentions) == 2


def test_title_before_a_name_the_model_took_for_an_organisation(nlp):
    found = actors(nlp, "Spokeswoman Sandy Angers said that the team had been merged.")
    angers = found["Sandy Angers"]
    assert angers.kind is ActorKind.PERSON and angers.titles == ("Spokeswoman",)


def test_given_name_and_surname_make_a_person():
    assert retype("ORG", ["Dean", "Kamen"]) == "PERSON"
    assert retype("ORG", ["Morgan", "Stanley"]) == "ORG"  # a listed company
    assert retype("ORG", ["Cornell", "University"]) == "ORG"
    assert retype("ORG", ["Houston", "Astros"]) == "ORG"  # a place first
    assert retype("ORG", ["General", "Motors"]) == "ORG"  # a title, then no name
