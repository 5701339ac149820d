"""Name-level helpers for actor clustering: titles, acronyms, short person names, junk.

Lexicons live in ``kgbuild/data`` (``titles.txt``, ``actor_stoplist.txt``) so users can extend them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgbuild.extract.names import normalise
from kgbuild.resources import data_path

__all__ = ["acronym_key", "initials", "is_acronym", "is_junk", "is_short_form", "split_title", "titles",
           "work_nouns"]

_MINOR = {"of", "the", "and", "for", "&", "on", "in", "at", "to", "a", "an", "de", "du", "des", "la", "le"}


def _lines(name: str) -> list[str]:
    text = data_path(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def titles() -> dict[tuple[str, ...], str]:
    """Lower-cased token tuple -> title as written in ``titles.txt``."""
    return {tuple(t.lower().split()): t for t in _lines("titles.txt")}


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    return frozenset(normalise(t) for t in _lines("actor_stoplist.txt"))


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading titles off a person name: ['President', 'Donald', 'Trump'] -> (['President'], ['Donald', 'Trump'])."""
    found: list[str] = []
    lexicon = titles()
    longest = max((len(k) for k in lexicon), default=1)
    i = 0
    while i < len(words) - 1:
        for n in range(min(longest, len(words) - 1 - i), 0, -1):
            title = lexicon.get(tuple(w.lower() for w in words[i:i + n]))
            if title:
                found.append(title)
                i += n
                break
        else:
            break
    return found, words[i:]


def initials(name: str) -> str:
    """'The Washington Post' -> 'WP'; 'For Inspiration and Recognition of Science' -> 'FIRS'."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(w[0].upper() for w in words if w.lower() not in _MINOR and w[0].isalpha())


def is_acronym(text: str) -> bool:
    """'UN', 'U.N.', 'NASA', 'WP' (2-6 capitals, dots allowed)."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def acronym_key(text: str) -> str:
    return text.replace(".", "").upper()


GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}


def is_short_form(short: list[str], full: list[str]) -> bool:
    """A person's short name is a proper suffix of the full one: 'Putin' / 'Vladimir Putin'; 'King' / 'Martin
    Luther King Jr.' (a generational suffix is not part of the surname)."""
    while len(full) > 1 and full[-1].lower().rstrip(".") in GENERATIONS and short[-1:] != full[-1:]:
        full = full[:-1]
    if not short or len(short) >= len(full):
        return False
    return [w.lower() for w in full[-len(short):]] == [w.lower() for w in short]


def is_junk(name: str) -> bool:
    """Numbers, lower-case fragments, one-letter names and boilerplate are not actors."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or not any(c.isupper() for c in letters):
        return True
    if not name[0].isupper() and not name[0].isdigit():
        return True
    return normalise(name) in _stoplist()


@lru_cache(maxsize=1)
def _facility_heads() -> frozenset[str]:
    return frozenset(_lines("facility_heads.txt"))


@lru_cache(maxsize=1)
def work_nouns() -> frozenset[str]:
    """Common nouns that introduce the title of a creative work ("film", "novel", "album")."""
    return frozenset(_lines("work_nouns.txt"))


def is_facility(name: str) -> bool:
    """A site name by its head noun: "Museum of Flight", "Johnson Space Center" (not "Center for X").

    >>> is_facility("Museum of Flight"), is_facility("Center for Disease Control")
    (True, False)
    """
    words = name.lower().split()
    if not words or "for" in words:
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return head in _facility_heads()

