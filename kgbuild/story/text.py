"""The words of a claim that carry its content: content words, figures and negation, for comparing claims.

Function words are spaCy's English stop-word list (``spacy.lang.en.stop_words``, MIT); words are compared
after a light suffix normalisation ("postponed", "postpones" -> "postpon"), so inflected repetitions match,
and a demonym counts as its country ("Russian officials" ~ "Russia"; the packaged ``demonyms.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Content", "containment", "content_of", "dice"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d,.]*\d|\d")
_NEGATIONS = frozenset({"not", "no", "never", "n't", "none", "nobody", "nothing", "neither", "nor", "without",
                        "cannot"})
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "hundred": 1e2}
_SUFFIXES = ("ing", "ed", "es", "s")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) - _NEGATIONS


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from kgbuild.extract.actors_places import gazetteer

    return {form: place.name.lower() for form, place in gazetteer().demonyms.items()}


def _normalise(word: str) -> str:
    word = word.lower().replace("’", "'")
    word = _demonyms().get(word, word)
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


@dataclass(frozen=True)
class Content:
    """A claim's content words (normalised), its figures, what each figure counts, and its polarity."""

    words: frozenset[str]
    numbers: frozenset[float]
    negated: bool
    quantities: frozenset[tuple[str, float]] = frozenset()  # (the counted word, the figure): ("settlement", 82)

    @property
    def specific_numbers(self) -> frozenset[float]:
        """Figures that name a quantity rather than a year or a small count (310,000; 4.5; not 2022 or 3)."""
        return frozenset(n for n in self.numbers if not _year_or_small(n))


def _year_or_small(n: float) -> bool:
    return (n == int(n) and (1900 <= n <= 2100 or n < 10))


def _number(token: str) -> float | None:
    digits = token.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


UNIT_WINDOW = 3  # a figure counts the first content word within this many tokens after it


def content_of(text: str) -> Content:
    tokens = _WORD.findall(text)
    stop = _stop_words()
    words, numbers, quantities, negated = set(), set(), set(), False
    pending: list[tuple[int, float]] = []  # figures waiting for the word they count
    for i, token in enumerate(tokens):
        lower = token.lower()
        if lower in _NEGATIONS or lower.endswith("n't"):
            negated = True
            continue
        if token[0].isdigit():
            value = _number(token)
            if value is not None:
                scale = _SCALE.get(tokens[i + 1].lower(), 1.0) if i + 1 < len(tokens) else 1.0
                numbers.add(round(value * scale, 6))
                pending.append((i, round(value * scale, 6)))
            continue
        if lower in stop or lower in _SCALE or len(lower) < 2:
            continue
        word = _normalise(lower)
        words.add(word)
        for start, value in pending:
            if i - start <= UNIT_WINDOW:
                quantities.add((word, value))
        pending = []
    return Content(frozenset(words), frozenset(numbers), negated, frozenset(quantities))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the shorter set's words that the other has."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
