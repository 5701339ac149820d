"""Organisations written with legal forms and company words: one node, the right kind."""

from __future__ import annotations

from _actors_helpers import actors

from kgbuild.extract.actors_lexicon import company_base, legal_form_length, strip_legal_form
from kgbuild.model import ActorKind


def test_legal_forms_come_off_the_end_of_a_name():
    assert strip_legal_form("Honda Motor Co. Ltd.") == "Honda Motor"
    assert strip_legal_form("Acme Widgets, Inc.") == "Acme Widgets"
    assert strip_legal_form("Volkswagen AG") == "Volkswagen"
    assert legal_form_length(["Texas", "As"]) == 0  # an English word is a legal form only in capitals
    assert strip_legal_form("Inc.") == "Inc."  # never the whole name


def test_company_words_come_off_for_the_short_name():
    assert company_base("Ford Motor Company") == "Ford"
    assert company_base("Acme Computer, Inc.") == "Acme"
    assert company_base("Northwind Holdings Group plc") == "Northwind"
    assert company_base("Holdings Inc.") == "Holdings"


def test_name_with_and_without_legal_form_is_one_organisation(nlp):
    found = actors(nlp, "Exxon Mobil Corp. said profits rose. Exxon Mobil expects oil prices to stay high.")
    orgs = [a for a in found.values() if a.kind is ActorKind.ORGANIZATION]
    assert len(orgs) == 1
    assert orgs[0].key == "organization/exxon-mobil"  # the same node as "Exxon Mobil" in another article
    assert sorted(m.text for m in orgs[0].mentions) == ["Exxon Mobil", "Exxon Mobil Corp"]


def test_short_company_name_that_is_also_a_town_joins_the_company(nlp):
    found = actors(nlp, "Toyota Motor Corp. recalled 40,000 cars. Toyota said the fault was fixed.")
    assert "Toyota" not in found  # not the city of Toyota, Aichi
    assert [m.text for m in found["Toyota Motor Corp"].mentions] == ["Toyota Motor Corp", "Toyota"]


def test_legal_form_makes_an_organisation_of_a_person_label(nlp):
    found = actors(nlp, "Analysts said that Nokia Oyj and Siemens AG will merge their networks units.")
    assert found["Nokia Oyj"].kind is ActorKind.ORGANIZATION
    assert found["Siemens AG"].kind is ActorKind.ORGANIZATION


def test_university_short_name_joins_it(nlp):
    found = actors(nlp, "He taught at Harvard University for ten years. Harvard made him a professor in 1950.")
    assert [m.text for m in found["Harvard University"].mentions] == ["Harvard University", "Harvard"]


def test_team_named_by_city_is_known_by_its_name(nlp):
    found = actors(nlp, "The Boston Red Sox won again. The Red Sox scored five runs in the ninth inning.")
    assert [m.text for m in found["Boston Red Sox"].mentions] == ["Boston Red Sox", "Red Sox"]
    assert "Red Sox" not in found


def test_country_inside_a_company_name_is_no_actor_of_its_own(nlp):
    found = actors(nlp, "Singapore Airlines will take the first aircraft in October.")
    assert "Singapore" not in found
    found = actors(nlp, "Singapore Airlines will take the first aircraft. Singapore welcomed the news.")
    assert found["Singapore"].kind is ActorKind.GPE


def test_misspelt_company_name_with_two_letters_swapped_is_the_same_company(nlp):
    found = actors(nlp, "Chrysler closed 789 dealerships. Unlike Chrylser, Ford will not publish its list.")
    assert "Chrylser" not in found
    assert len(found["Chrysler"].mentions) == 2
