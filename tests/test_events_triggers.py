from __future__ import annotations

from _events_helpers import event_with, extract

from kgbuild.model import EventKind


def test_verbal_trigger_is_typed(nlp):
    x = extract(nlp, "Russia invaded Ukraine in 2022.")
    assert event_with(x, "invaded").kind is EventKind.INVASION


def test_nominal_compound_is_one_trigger(nlp):
    x = extract(nlp, "Ukraine has targeted Russian refineries with long-range drone strikes.")
    assert any(m.text == "drone strikes" for e in x.events for m in e.triggers)


def test_hyphenated_multiword_trigger(nlp):
    x = extract(nlp, "Both sides agreed to a cease-fire in the region.")
    assert event_with(x, "cease-fire").kind is EventKind.CEASEFIRE


def test_reporting_verb_is_not_an_event(nlp):
    x = extract(nlp, "The minister said the talks were useful.")
    assert not any(m.text == "said" for e in x.events for m in e.triggers)


def test_light_verb_gives_way_to_event_noun(nlp):
    x = extract(nlp, "Russia launched new attacks on the grid.")
    assert not any(m.text == "launched" for e in x.events for m in e.triggers)
    assert event_with(x, "attacks").kind is EventKind.ATTACK
