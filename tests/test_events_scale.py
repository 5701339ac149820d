"""Event extraction stays linear in the length of the text: each mention looks up its candidates
(earlier events with the same noun, the same family; actor mentions at its offsets) instead of
scanning every earlier event or every actor mention."""

from __future__ import annotations

from kgbuild.extract import events_coref, extract_document, table
from kgbuild.model import Document

SENTENCES = ("Russia attacked Kyiv on Monday. The attack damaged a plant. Ukraine's attack on Belgorod failed. "
             "The talks in Doha failed. Qatar hosted the talks. ")  # two attacks that never merge


def work(nlp, monkeypatch, repeats: int) -> int:
    calls = {"n": 0}
    compatible, overlapping = events_coref._compatible, table.ActorTable.overlapping

    def counted_compatible(a, b):
        calls["n"] += 1
        return compatible(a, b)

    def counted_overlapping(self, start, end):
        found = overlapping(self, start, end)
        calls["n"] += 1 + len(found)
        return found

    monkeypatch.setattr(events_coref, "_compatible", counted_compatible)
    monkeypatch.setattr(table.ActorTable, "overlapping", counted_overlapping)
    text = SENTENCES * repeats
    x = extract_document(nlp(text), Document(id="long", text=text))
    assert len(x.events) >= repeats
    return calls["n"]


def test_event_work_grows_linearly(nlp, monkeypatch):
    small, large = work(nlp, monkeypatch, 20), work(nlp, monkeypatch, 80)
    assert large <= 5 * small, (small, large)  # linear: 4x; a scan over earlier events: ~16x
