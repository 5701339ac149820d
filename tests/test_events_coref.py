from __future__ import annotations

from _events_helpers import event_with, extract


def test_repeated_definite_mentions_merge(nlp):
    x = extract(nlp, "Qatar hosted talks with Russia. Later the talks were disrupted.")
    talks = event_with(x, "talks")
    assert len(talks.triggers) == 2


def test_another_attack_is_a_new_event(nlp):
    x = extract(nlp, "An attack hit the port on Monday. Another attack hit the airport on Tuesday.")
    assert len([e for e in x.events if e.lemma == "attack"]) == 2


def test_instrument_noun_joins_verb_event(nlp):
    x = extract(nlp, "Ukraine has targeted Russian refineries with drone strikes.")
    assert event_with(x, "targeted") is event_with(x, "strikes")


def test_event_keys_are_stable(nlp):
    text = "Russia invaded Ukraine. The invasion was condemned."
    assert [e.key for e in extract(nlp, text).events] == [e.key for e in extract(nlp, text).events]
