"""Actors from named entities: persons, organisations, geopolitical entities, places."""

from __future__ import annotations

from spacy.tokens import Doc

from kgbuild.extract.names import clean_name
from kgbuild.extract.spans import mention
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document, Mention

__all__ = ["find_actors", "KIND_OF_LABEL"]

KIND_OF_LABEL = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "GPE": ActorKind.GPE,
    "LOC": ActorKind.LOCATION,
    "FAC": ActorKind.LOCATION,
}


def find_actors(sdoc: Doc, document: Document, table: ActorTable) -> str | None:
    """Fill ``table`` with the document's named actors; return the publisher's key."""
    for ent in sdoc.ents:
        kind = KIND_OF_LABEL.get(ent.label_)
        name = clean_name(ent.text)
        if kind is None or not name:
            continue
        table.add_named(name, kind, mention(ent))
    if document.publisher:
        return table.add_named(document.publisher, ActorKind.ORGANIZATION, None)
    return None


def publisher_mention(document: Document) -> Mention | None:
    return None
