"""Metonymy: seats of power and acting capitals stand for their country."""

from __future__ import annotations

from kgbuild.extract.actors import find_actors
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document


def actors(nlp, text: str):
    table = ActorTable("t")
    find_actors(nlp(text), Document(id="t", text=text), table)
    return {a.key: a for a in table.freeze()}


def test_seat_of_power_is_an_organisation_standing_for_its_country(nlp):
    found = actors(nlp, "The Kremlin did not respond to inquiries.")
    kremlin = found["organization/kremlin"]
    assert kremlin.kind == ActorKind.ORGANIZATION
    assert kremlin.stands_for == "gpe/russia"
    assert kremlin.mentions[0].text == "Kremlin"


def test_capital_as_possessor_of_a_delegation_stands_for_its_country(nlp):
    found = actors(nlp, "He added that Moscow's delegation called this an escalation.")
    assert found["gpe/moscow"].stands_for == "gpe/russia"


def test_capital_as_a_place_does_not_stand_for_its_country(nlp):
    found = actors(nlp, "The parties agreed to hold a summit in Doha next month.")
    assert found["gpe/doha"].stands_for is None
