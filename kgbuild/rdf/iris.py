"""Deterministic, safe IRI minting.

Every IRI is a function of stable content (document id, character offsets,
normalised names), so the same input always gives the same graph. Any text, in any
script, becomes a valid RFC 3987 IRI: readable ASCII where the text allows it,
percent-encoded UTF-8 otherwise, with a short content hash wherever the readable
form would lose information (so two different keys never share an IRI).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from kgbuild.config import DEFAULT_BASE, check_base

__all__ = ["Minter", "segment", "slug"]

_SAFE_SEGMENT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_MAX_SLUG = 60


def slug(text: str) -> str:
    """A short, lowercase, readable slug: ``"Kursk Oblast"`` -> ``"kursk-oblast"``.

    >>> slug("Russia’s Vladimir Putin")
    'russia-s-vladimir-putin'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\W_]+", "-", text).strip("-")
    return text[:_MAX_SLUG].strip("-")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


@lru_cache(maxsize=1 << 14)  # a document's id and its actors' keys are asked for again and again
def segment(key: str) -> str:
    """One IRI path segment for ``key``, injective over all strings.

    >>> segment("ukraine")
    'ukraine'
    >>> segment("Kyiv")
    'kyiv-0f0a3b0f13'
    """
    if _SAFE_SEGMENT.fullmatch(key) and len(key) <= _MAX_SLUG:
        return key
    readable = quote(slug(key), safe="-", errors="surrogatepass") or "x"
    return f"{readable}-{_digest(key)}"


class Minter:
    """Mints the IRIs of one build from a base IRI."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)

    def document(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}doc/{segment(doc_id)}")

    def mention(self, doc_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.document(doc_id)}#char={start},{end}")

    def in_document(self, doc_id: str, kind: str, key: str) -> URIRef:
        return URIRef(f"{self.document(doc_id)}/{kind}/{segment(key)}")

    def actor(self, key: str, document: str | None) -> URIRef:
        """Named actors are corpus-wide; anonymous sources and groups belong to a document."""
        if document is not None:
            return self.in_document(document, "actor", key)
        return URIRef(self.base + "actor/" + "/".join(segment(part) for part in key.split("/")))
