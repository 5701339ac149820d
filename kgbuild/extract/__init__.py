"""spaCy ``Doc`` -> model objects. The only stage that sees spaCy; it never sees rdflib.

Order matters: actors first (everything else resolves to them), then time
expressions, events, and claims (which link to the actors and events they are about);
last, each claim's speech act becomes (or is linked to) a statement event of its speaker.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from kgbuild.extract.actors import find_actors, find_authors
from kgbuild.extract.claims import find_claims
from kgbuild.extract.events import find_events
from kgbuild.extract.events_statements import link_statements
from kgbuild.extract.kb import KnowledgeBase
from kgbuild.extract.table import ActorTable
from kgbuild.extract.timex import find_times
from kgbuild.model import Document, Extraction

__all__ = ["ActorTable", "extract_document"]


def extract_document(sdoc: Doc, document: Document, *, kb: KnowledgeBase | None = None,
                     event_lexicon: Path | None = None) -> Extraction:
    """Extract actors, times, events, claims and sources from one parsed document.

    ``kb``: the user's knowledge base of people and organisations; ``event_lexicon``: the
    user's extra event triggers (merged over the packaged lexicon).
    """
    table = ActorTable(document.id)
    publisher = find_actors(sdoc, document, table, kb=kb)
    authors = find_authors(document, table)
    times = find_times(sdoc, document)
    events = find_events(sdoc, document, table, times, lexicon_path=event_lexicon)
    found = find_claims(sdoc, document, table, events)
    events = link_statements(sdoc, events, found.claims, table.get)
    return Extraction(
        document=document,
        actors=table.freeze(),
        events=tuple(events),
        claims=tuple(found.claims),
        times=tuple(times),
        non_responses=tuple(found.non_responses),
        sources=tuple(found.header_sources),
        publisher=publisher,
        authors=authors,
    )
