"""Persons: one node per person, short names join full names, titles are kept apart."""

from __future__ import annotations

from kgbuild.extract.actors import find_actors
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document


def actors(nlp, text: str, publisher: str | None = None):
    doc = Document(id="t", text=text, publisher=publisher)
    table = ActorTable("t")
    publisher_key = find_actors(nlp(text), doc, table)
    return {a.key: a for a in table.freeze()}, publisher_key


def test_surname_joins_full_name(nlp):
    found, _ = actors(nlp, "Vladimir Putin met the envoy on Monday. Later, Putin said he was pleased.")
    people = [a for a in found.values() if a.kind == ActorKind.PERSON]
    assert [p.name for p in people] == ["Vladimir Putin"]
    assert [m.text for m in people[0].mentions] == ["Vladimir Putin", "Putin"]


def test_surname_before_full_name_joins_it(nlp):
    found, _ = actors(nlp, "Merkel arrived late. Chancellor Angela Merkel then spoke to reporters.")
    assert "person/angela-merkel" in found
    assert "person/merkel" not in found


def test_title_and_affiliation_are_not_part_of_the_name(nlp):
    found, _ = actors(nlp, "Ukrainian President Volodymyr Zelensky has said that talks would resume.")
    zelensky = found["person/volodymyr-zelensky"]
    assert zelensky.titles == ("President",)
    assert zelensky.affiliation == "gpe/ukraine"


def test_possessive_country_gives_affiliation(nlp):
    found, _ = actors(nlp, "Russia's Vladimir Putin has demanded that the talks stop.")
    assert found["person/vladimir-putin"].affiliation == "gpe/russia"
    assert found["person/vladimir-putin"].mentions[0].text == "Vladimir Putin"


def test_unique_first_name_joins_full_name(nlp):
    found, _ = actors(nlp, "Thomas Sam was charged on Monday. His lawyer said Thomas would plead not guilty.")
    assert [a.name for a in found.values() if a.kind == ActorKind.PERSON] == ["Thomas Sam"]
