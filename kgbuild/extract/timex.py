"""Time expressions from DATE entities."""

from __future__ import annotations

from spacy.tokens import Doc

from kgbuild.extract.spans import mention
from kgbuild.model import Document, TimeExpression

__all__ = ["find_times"]


def find_times(sdoc: Doc, document: Document) -> list[TimeExpression]:
    return [TimeExpression(key=f"{e.start_char}-{e.end_char}", mention=mention(e))
            for e in sdoc.ents if e.label_ == "DATE"]
