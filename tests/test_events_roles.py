from __future__ import annotations

from _events_helpers import event_with, extract, roles


def test_possessor_is_agent_and_of_object_patient(nlp):
    x = extract(nlp, "Germany's invasion of Poland began the war.")
    found = roles(x, event_with(x, "invasion"))
    assert ("Germany", "agent") in found and ("Poland", "patient") in found


def test_subject_and_object_of_verb(nlp):
    x = extract(nlp, "Russia has been targeting Ukraine's power grid for months.")
    found = roles(x, event_with(x, "targeting"))
    assert ("Russia", "agent") in found and ("Ukraine", "patient") in found


def test_coordinated_subjects_through_purpose_clause(nlp):
    x = extract(nlp, "Ukraine and Russia were to send delegations to Doha to negotiate an agreement.")
    agents = {name for name, role in roles(x, event_with(x, "negotiate")) if role == "agent"}
    assert {"Ukraine", "Russia"} <= agents


def test_place_from_light_verb_pp(nlp):
    x = extract(nlp, "The parties agreed to hold a summit in Doha.")
    assert ("Doha", "place") in roles(x, event_with(x, "summit"))


def test_relative_pronoun_object_is_antecedent(nlp):
    x = extract(nlp, "Russia still holds Crimea, which it annexed in 2014.")
    assert any(name == "Crimea" and role == "patient" for name, role in roles(x, event_with(x, "annexed")))


def test_instrument_text(nlp):
    x = extract(nlp, "The army attacked the town with artillery and rockets.")
    assert "artillery and rockets" in event_with(x, "attacked").instruments
