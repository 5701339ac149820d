"""Events across the news, not one war: predicates typed from the generated PropBank/WordNet table,
with their participants by role (texts of our own, one construction each)."""

from __future__ import annotations

import pytest
from _events_helpers import event_with, extract, roles

from kgbuild.extract.events_lexicon import event_lexicon
from kgbuild.extract.events_predicates import predicates
from kgbuild.extract.events_triggers import find_triggers
from kgbuild.model import EventKind, Role


def texts(event, role: Role) -> set[str]:
    return {p.text for p in event.participant_texts if p.role is role}


@pytest.mark.parametrize(("text", "trigger", "kind"), [
    ("Boeing acquired the parts maker last year.", "acquired", EventKind.PURCHASE),
    ("The merger was approved by regulators on Monday.", "merger", EventKind.MERGER),
    ("General Motors filed for bankruptcy in June.", "bankruptcy", EventKind.BANKRUPTCY),
    ("The board appointed Mary Barra as chief executive.", "appointed", EventKind.APPOINTMENT),
    ("A jury convicted the former banker of fraud.", "convicted", EventKind.VERDICT),
    ("The earthquake destroyed hundreds of homes.", "earthquake", EventKind.DISASTER),
    ("Voters elected a new parliament in March.", "elected", EventKind.ELECTION),
])
def test_news_events_are_typed_from_the_lexical_resource(nlp, text, trigger, kind):
    event = event_with(extract(nlp, text), trigger)
    assert event.kind is kind, event.kind


def test_untyped_predicate_stays_an_event_with_its_lemma_and_roleset(nlp):
    event = event_with(extract(nlp, "The company painted its headquarters blue."), "painted")
    assert event.kind is EventKind.EVENT and event.lemma == "paint" and event.roleset == "paint.01"


def test_light_verb_construction_makes_the_noun_the_event(nlp):
    x = extract(nlp, "Fiat made an offer for Opel.")
    assert not any(m.text == "made" for e in x.events for m in e.triggers)
    assert ("Fiat", "agent") in roles(x, event_with(x, "offer"))


def test_aspectual_verb_is_not_an_event(nlp):
    x = extract(nlp, "Shares of Ford began to fall after the report.")
    assert not any(m.text == "began" for e in x.events for m in e.triggers)
    event_with(x, "fall")


def test_copula_and_modal_are_not_events(nlp):
    x = extract(nlp, "The plant is old and it could close.")
    assert {e.lemma for e in x.events} == {"close"}


def test_possessive_of_an_event_noun_is_its_participant(nlp):
    x = extract(nlp, "GM's bankruptcy shocked investors.")
    assert ("GM", "patient") in roles(x, event_with(x, "bankruptcy")) or \
        ("GM", "agent") in roles(x, event_with(x, "bankruptcy"))


def test_prepositional_objects_of_a_nominal(nlp):
    x = extract(nlp, "The sale of Opel to Magna International was signed in Berlin.")
    sale = event_with(x, "sale")
    assert ("Magna International", "recipient") in roles(x, sale)
    assert "Opel" in texts(sale, Role.PATIENT) or ("Opel", "patient") in roles(x, sale)


def test_event_noun_without_a_class_is_still_an_event_with_its_participants(nlp):
    x = extract(nlp, "Toyota announced a recall of 400,000 cars.")
    assert "400,000 cars" in texts(event_with(x, "recall"), Role.PATIENT)


def test_passive_subject_is_the_patient_and_by_phrase_the_agent(nlp):
    x = extract(nlp, "Chrysler was bought by Fiat in 2009.")
    assert {("Chrysler", "patient"), ("Fiat", "agent")} <= roles(x, event_with(x, "bought"))


def test_coordinated_subjects_are_both_agents(nlp):
    x = extract(nlp, "Airbus and Boeing cut their prices.")
    assert {("Airbus", "agent"), ("Boeing", "agent")} <= roles(x, event_with(x, "cut"))


def test_recipient_of_a_transfer_verb(nlp):
    x = extract(nlp, "Ford sold Volvo to Zhejiang Geely Holding Group in 2010.")
    assert {("Ford", "agent"), ("Volvo", "patient"), ("Zhejiang Geely Holding Group", "recipient")} <= \
        roles(x, event_with(x, "sold"))


def test_arguments_that_are_not_actors_are_kept_as_text(nlp):
    x = extract(nlp, "Airbus delivered twelve aircraft to its customers.")
    event = event_with(x, "delivered")
    assert ("Airbus", "agent") in roles(x, event)
    assert "twelve aircraft" in texts(event, Role.PATIENT)


def test_named_event(nlp):
    x = extract(nlp, "Banks lost billions during the 2008 financial crisis.")
    assert any("crisis" in m.text for e in x.events for m in e.triggers)


def test_new_events_carry_modality_and_negation(nlp):
    x = extract(nlp, "Nissan did not close the factory. It plans to sell the unit.")
    assert event_with(x, "close").negated
    assert event_with(x, "sell").modality.value == "planned"


def test_first_person_in_a_direct_quote_is_its_speaker(nlp):
    x = extract(nlp, '"I will sell the company," Smith said.')
    assert ("Smith", "agent") in roles(x, event_with(x, "sell"))
    assert not {t.text for t in event_with(x, "sell").participant_texts} & {"I"}


def test_pronoun_in_a_relative_clause_is_not_the_noun_it_modifies(nlp):
    x = extract(nlp, "GM will not name the dealerships that it intends to shut down.")
    assert ("GM", "agent") in roles(x, event_with(x, "intends"))


def test_expletive_it_has_no_referent(nlp):
    x = extract(nlp, "Reuters reported the sale. It is noted that the talks failed.")
    assert roles(x, event_with(x, "noted")) == set()


def test_to_after_a_motion_verb_is_a_destination_not_a_recipient(nlp):
    x = extract(nlp, "The delegation travelled to Germany on Monday. Ford sold Volvo to China.")
    assert ("Germany", "place") in roles(x, event_with(x, "travelled"))
    assert ("China", "recipient") in roles(x, event_with(x, "sold"))


def test_a_named_site_is_not_a_named_event(nlp):
    """The model labels "the American Revolution Constitution Hall" an EVENT; its head makes it a site."""
    doc = nlp("The robots competed at the Daughters of the American Revolution Constitution Hall.")
    doc.ents = [doc.char_span(doc.text.index("the American"), doc.text.index("."), label="EVENT")]
    assert not [t for t in find_triggers(doc, event_lexicon(), predicates()) if "Hall" in t.text]
