"""Name normalisation shared by the extractors (no spaCy, no rdflib)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["clean_name", "named_key", "normalise"]

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same names again and again
def clean_name(text: str) -> str:
    """Surface form -> display name: trims whitespace, a leading article and a possessive."""
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    text = _POSSESSIVE.sub("", text).strip(" ,;:.\"'“”‘’()[]")
    return _LEADING.sub("", text).strip()


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """A comparison key: case-folded, article- and possessive-free, punctuation-light.

    >>> normalise("The Washington Post's")
    'washington post'
    """
    text = clean_name(text).casefold().replace("’", "'")
    text = re.sub(r"[^\w\s-]", "", text)
    return " ".join(text.split())


def named_key(kind: str, name: str) -> str:
    """Key of a named actor: the same in every document, so documents share nodes."""
    return f"{kind.lower()}/{'-'.join(normalise(name).split())}"
