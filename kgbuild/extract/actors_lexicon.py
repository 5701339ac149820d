"""Organisation, person-name and market lexicons for the actor extractor, loaded once per process.

All files are in ``kgbuild/data`` and, except ``thing_heads.tsv`` (hand-made, like ``facility_heads.txt``),
generated from published data by ``tools/build_actor_lexicons.py``:

* ``legal_forms.txt`` (cleanco, MIT): "Inc", "Corp", "AG", "Oyj" — a name ending in one is a company;
* ``company_words.txt`` (investpy's listed companies, MIT): "Holdings", "Motor", "Computer", "Airlines";
* ``companies.txt`` (same source): short names of listed companies ("Morgan Stanley", "Ryanair");
* ``given_names.txt`` and ``surnames.txt`` (US Census 1990, public domain): "Dean", "Sandy"; "Kamen";
* ``stock_indices.tsv`` (investpy, MIT) and ``exchanges.tsv`` (ISO 10383 via iso10383, Apache-2.0);
* ``thing_heads.tsv``: head nouns of event, award, document and index names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgbuild.extract.names import normalise
from kgbuild.resources import data_path

__all__ = [
    "company_base",
    "is_company",
    "is_currency_code",
    "is_exchange",
    "is_given_name",
    "is_stock_index",
    "is_surname",
    "legal_form_length",
    "strip_legal_form",
    "thing_head",
]

_SHORT_ENGLISH = re.compile(r"^# short English words, matched only in capitals: (.*)$", re.MULTILINE)


def _lines(name: str) -> list[str]:
    text = data_path(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _key(word: str) -> str:
    return re.sub(r"[^a-z0-9&]", "", word.lower())


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[frozenset[tuple[str, ...]], frozenset[str], int]:
    """Legal forms as tuples of word keys ('s.p.a.' -> ('spa',); 'pty. ltd.' -> ('pty', 'ltd'))."""
    forms = set()
    for line in _lines("legal_forms.txt"):
        words = tuple(k for k in (_key(w) for w in line.replace("&", " & ").split()) if k)
        if words:
            forms.add(words)
    header = data_path("legal_forms.txt").read_text(encoding="utf-8")
    match = _SHORT_ENGLISH.search(header)
    short = frozenset(match.group(1).split()) if match else frozenset()
    return frozenset(forms), short, max((len(f) for f in forms), default=1)


def _written_as_legal_form(word: str, key: str, short: frozenset[str]) -> bool:
    """'Inc.', 'AG', 'S.A.', 'plc' yes; 'As', 'at' no (English words are legal forms only in capitals)."""
    if key in short:
        return word.isupper() or "." in word
    return word[:1].isupper() or word in {"plc", "inc.", "inc", "ltd", "ltd."}


def legal_form_length(words: list[str]) -> int:
    """How many of the last ``words`` are legal forms: ['Honda', 'Motor', 'Co.', 'Ltd.'] -> 2."""
    forms, short, longest = _legal_forms()
    n = len(words)
    end = n
    while end > 1:
        for size in range(min(longest, end - 1), 0, -1):
            tail = words[end - size:end]
            keys = tuple(_key(w) for w in tail)
            if keys in forms and all(_written_as_legal_form(w, k, short) for w, k in zip(tail, keys, strict=True)):
                end -= size
                break
        else:
            break
    return n - end


def strip_legal_form(name: str) -> str:
    """'Exxon Mobil Corp.' -> 'Exxon Mobil'; 'Apple, Inc.' -> 'Apple'; 'Inc.' -> 'Inc.'."""
    words = name.split()
    n = legal_form_length(words)
    return " ".join(words[: len(words) - n]).rstrip(" ,") if n else name


@lru_cache(maxsize=1)
def _company_words() -> frozenset[str]:
    return frozenset(line.split("\t", 1)[0].lower() for line in _lines("company_words.txt"))


def company_base(name: str) -> str:
    """The distinctive part of a company name: legal forms and generic company words off, one word kept.

    >>> company_base("Ford Motor Company"), company_base("Apple Computer, Inc."), company_base("Holdings Inc")
    ('Ford', 'Apple', 'Holdings')
    """
    words = strip_legal_form(name).split()
    generic = _company_words()
    while len(words) > 1 and words[-1].lower() in generic:
        words.pop()
        words[-1] = words[-1].rstrip(",")
    return " ".join(words)


@lru_cache(maxsize=1)
def _companies() -> frozenset[str]:
    return frozenset(normalise(line) for line in _lines("companies.txt"))


def is_company(name: str) -> bool:
    """A listed company's short name ('Morgan Stanley', 'Ryanair'), legal form or not."""
    return normalise(strip_legal_form(name)) in _companies()


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(_lines("given_names.txt"))


def is_given_name(word: str) -> bool:
    """'Dean' yes; 'dean', 'DEAN' no (names are written capitalised)."""
    return word in _given_names()


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(_lines("surnames.txt"))


def is_surname(word: str) -> bool:
    """'Kamen', 'Holt' yes; 'Society', 'Astros' no."""
    return word in _surnames()


_INDEX_TAIL = re.compile(r"\s+(?:\d+|Industrial Average|Composite|Index)$")


@lru_cache(maxsize=1)
def _indices() -> frozenset[str]:
    """Names of indices, and of major ones also the short forms news use: 'Nikkei 225' -> 'Nikkei',
    'Dow Jones Industrial Average' -> 'Dow Jones', 'Dow 30' -> 'Dow'."""
    names: set[str] = set()
    for line in _lines("stock_indices.tsv"):
        name, full, _country, major = [*line.split("\t"), "", "", "", ""][:4]
        for text in (name, full):
            names.add(normalise(text))
            short = _INDEX_TAIL.sub("", text)
            if major and short != text and sum(c.isalpha() for c in short) >= 3:
                names.add(normalise(short))
    return frozenset(names - _exchanges())


@lru_cache(maxsize=1)
def _exchanges() -> frozenset[str]:
    names: set[str] = set()
    for line in _lines("exchanges.tsv"):
        name, acronym = [*line.split("\t"), "", ""][:2]
        names.update(n for n in (normalise(strip_legal_form(name)), normalise(acronym)) if n)
    return frozenset(names)


def is_stock_index(name: str) -> bool:
    """'FTSE 100', 'Nikkei 225', 'Dow Jones Industrial Average' (not 'Nasdaq': also an exchange)."""
    return normalise(name) in _indices()


def is_exchange(name: str) -> bool:
    """'New York Stock Exchange', 'NYSE', 'Nasdaq', 'London Stock Exchange'."""
    return normalise(strip_legal_form(name)) in _exchanges()


@lru_cache(maxsize=1)
def _thing_heads() -> dict[str, str]:
    return {head.lower(): what for head, what in (line.split("\t")[:2] for line in _lines("thing_heads.tsv"))}


def thing_head(words: list[str]) -> str | None:
    """What a name names when its head is an event, award, document or index word, else None.

    >>> thing_head("Worldwide Developers Conference".split()), thing_head("Nobel Prize for Physics".split())
    ('event', 'award')
    """
    heads = _thing_heads()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in {"of", "for", "in", "on"}), len(words))
    head = words[:cut]
    while len(head) > 1 and (any(c.isdigit() for c in head[-1]) or not head[-1][:1].isalpha()
                             or _is_country(head[-1])):
        head = head[:-1]  # "London 2012 Olympics", "Adam Air Flight 574", "Fan Expo Canada"
    word = head[-1] if head else ""
    if not word or not word[:1].isupper() or word.isupper():
        return None
    return heads.get(word.lower())


def _is_country(word: str) -> bool:
    from kgbuild.extract.actors_places import gazetteer

    place = gazetteer().lookup(word)
    return place is not None and place.kind == "country"


@lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def is_currency_code(text: str) -> bool:
    """'USD', 'EUR': ISO 4217 codes, written in capitals."""
    return text in _currencies()
