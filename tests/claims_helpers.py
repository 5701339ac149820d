"""Helpers for the claim tests: run the real extractor on a short text."""

from __future__ import annotations

from kgbuild.extract import extract_document
from kgbuild.model import Claim, Document, Extraction


def extract(nlp, text: str) -> Extraction:
    return extract_document(nlp(text), Document(id="t", text=text))


def speaker_name(x: Extraction, claim: Claim) -> str:
    return next(a.name for a in x.actors if a.key == claim.speaker)


def only(x: Extraction) -> Claim:
    assert len(x.claims) == 1, [c.content.text for c in x.claims]
    return x.claims[0]
