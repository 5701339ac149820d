from __future__ import annotations

from _events_helpers import event_with, extract


def test_dates_found_and_resolved_against_publication(nlp):
    x = extract(nlp, "The summit was postponed last week.")
    time = next(t for t in x.times if t.mention.text == "last week")
    assert (time.begin, time.end) == ("2024-08-05", "2024-08-11")


def test_dateline_anchors_relative_dates(nlp):
    x = extract(nlp, "Storm hits coast\nFriday, July 21, 2017\nThe storm struck the coast yesterday.", published=None)
    time = next(t for t in x.times if t.mention.text == "yesterday")
    assert time.value == "2017-07-20"


def test_date_attached_to_event(nlp):
    x = extract(nlp, "Russia invaded and annexed Crimea in 2014.")
    event = event_with(x, "annexed")
    keys = {t.key: t.mention.text for t in x.times}
    assert "2014" in {keys[k] for k in event.times}
