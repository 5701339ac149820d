"""Shared helper for the actor tests: run the real actor extraction on a short text."""

from __future__ import annotations

from kgbuild.extract.actors import find_actors
from kgbuild.extract.table import ActorTable
from kgbuild.model import Actor, Document


def actors(nlp, text: str) -> dict[str, Actor]:
    """The actors found in ``text``, by name."""
    table = ActorTable("t")
    find_actors(nlp(text), Document(id="t", text=text), table)
    return {a.name: a for a in table.freeze()}
