"""Shared helper for the event tests: run the real extraction on a short text."""

from __future__ import annotations

from kgbuild.extract import extract_document
from kgbuild.model import Document, Extraction


def extract(nlp, text: str, published: str | None = "2024-08-16") -> Extraction:
    return extract_document(nlp(text), Document(id="t", text=text, published=published))


def event_with(x: Extraction, trigger: str):
    """The event one of whose trigger mentions is ``trigger``."""
    found = [e for e in x.events if any(m.text == trigger for m in e.triggers)]
    assert found, f"no event with trigger {trigger!r} in {[[m.text for m in e.triggers] for e in x.events]}"
    return found[0]


def roles(x: Extraction, event) -> set[tuple[str, str]]:
    names = {a.key: a.name for a in x.actors}
    return {(names[p.actor], p.role.value) for p in event.participants}
