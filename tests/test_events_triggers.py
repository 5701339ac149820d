from __future__ import annotations

from _events_helpers import event_with, extract, roles

from kgbuild.model import EventKind


def test_verbal_trigger_is_typed(nlp):
    x = extract(nlp, "Russia invaded Ukraine in 2022.")
    assert event_with(x, "invaded").kind is EventKind.INVASION


def test_compound_noun_trigger_is_its_head(nlp):
    """Event nouns are marked by their head, as in TimeML/MEANTIME: "drone strikes" is a "strikes" event."""
    x = extract(nlp, "Ukraine has targeted Russian refineries with long-range drone strikes.")
    assert event_with(x, "strikes").kind is EventKind.ATTACK
    assert not any(m.text == "drone" for e in x.events for m in e.triggers)


def test_hyphenated_multiword_trigger(nlp):
    x = extract(nlp, "Both sides agreed to a cease-fire in the region.")
    assert event_with(x, "cease-fire").kind is EventKind.CEASEFIRE


def test_reporting_verb_is_a_statement_of_its_speaker_linked_to_the_claim(nlp):
    x = extract(nlp, "Foreign Minister Sergei Lavrov said the talks were useful.")
    said = event_with(x, "said")
    [claim] = x.claims
    assert said.kind is EventKind.STATEMENT and said.claim == claim.key
    assert roles(x, said) == {("Sergei Lavrov", "agent")}
    assert claim.content.text == "the talks were useful"


def test_according_to_makes_no_event(nlp):
    x = extract(nlp, "According to Reuters, the plant was closed.")
    assert not any(m.text.lower().startswith("according") for e in x.events for m in e.triggers)


def test_light_verb_gives_way_to_event_noun(nlp):
    x = extract(nlp, "Russia launched new attacks on the grid.")
    assert not any(m.text == "launched" for e in x.events for m in e.triggers)
    assert event_with(x, "attacks").kind is EventKind.ATTACK
