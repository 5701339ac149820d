"""What kind of thing an entity names when the model's label is not to be trusted, by the name's construction.

* things, not actors (kind Other): stock indices ("FTSE 100", "the Dow"), names headed by an event, award,
  document or index word ("Worldwide Developers Conference", "Pritzker Prize", "Clean Air Act"), model codes
  ("777X"), named storms ("Cyclone Phailin", "Hurricane Katrina"); currency codes ("USD") are nothing;
* products and their makers: "Airbus A380", "Rolls-Royce Trent 900", "Boeing 787 Dreamliner" are a product
  (Other) and a mention of the maker ("Airbus"); "Adam Air Flight 574" is a flight and a mention of the
  airline; "FIFA World Cup" is an event and a mention of "FIFA";
* organisations: a name ending in a legal form ("Nokia Oyj", "Siemens AG"), an exchange ("NYSE"), a listed
  company the model takes for a person ("Ryanair");
* persons: a title before a name ("Spokeswoman Sandy Angers"), or a given name first ("Dean Kamen"), where
  the model says organisation or place.

The lexicons are in ``kgbuild.extract.actors_lexicon``; each test looks at one name, so the cost is linear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgbuild.extract.actors_lexicon import (
    company_base,
    is_company,
    is_currency_code,
    is_exchange,
    is_given_name,
    is_stock_index,
    is_surname,
    legal_form_length,
    thing_head,
)
from kgbuild.extract.actors_names import is_acronym, is_facility, split_title
from kgbuild.extract.actors_places import gazetteer

__all__ = ["THING", "is_model_code", "is_storm", "maker_split", "retype"]

MODEL_CODE = re.compile(r"^[A-Z]{0,3}-?\d{2,}[A-Za-z]{0,2}(?:-\d+)?s?$")  # A380, 787, 737s, 747-8, 777X, S4
NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Za-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)$")
CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")
STORM_CLASSES = (("Hurricane",), ("Typhoon",), ("Cyclone",), ("Super", "Typhoon"), ("Tropical", "Storm"),
                 ("Tropical", "Cyclone"), ("Tropical", "Depression"), ("Severe", "Tropical", "Storm"))
THING = "THING"  # the label of a candidate that is a thing (kind Other), not an actor


def retype(label: str, words: list[str], *, index_id: bool = False) -> str | None:
    """The label a name that is not a known place should have (spaCy's, or THING); None when it names
    nothing at all (a currency code).

    >>> retype("ORG", ["Spokeswoman", "Sandy", "Angers"]), retype("PERSON", ["Nokia", "Oyj"])
    ('PERSON', 'ORG')
    """
    return _retype(label, tuple(words), index_id)


@lru_cache(maxsize=1 << 14)  # pure (the lexicons are packaged data), and news repeats its names
def _retype(label: str, key: tuple[str, ...], index_id: bool) -> str | None:
    words = list(key)
    name = " ".join(words)
    if is_currency_code(name):
        return None
    if index_id or is_stock_index(name) or thing_head(words) or _model_code(words) or is_storm(words):
        return THING
    if label in {"ORG", "PRODUCT", "PERSON", "WORK_OF_ART"} and _product(words):
        return THING
    if len(words) > legal_form_length(words) > 0 or is_exchange(name):
        return "ORG"
    if label == "PERSON" and len(words) == 1 and is_company(name) and not is_given_name(name):
        return "ORG"
    if label in {"ORG", "GPE", "LOC", "FAC"}:
        titles, rest = split_title(words)
        if titles and _person_name(rest, titled=True):
            return "PERSON"  # "Spokeswoman Sandy Angers": the titles are split off with the person's others
        if not titles and _person_name(words, titled=False):
            return "PERSON"  # "Dean Kamen"
    return label


def is_storm(words: list[str]) -> bool:
    """'Cyclone Phailin', 'Hurricane Katrina', 'Tropical Storm Allison': a storm's class, then its given name
    (how the WMO's regional centres name tropical cyclones) is a weather event, not a person."""
    for cls in STORM_CLASSES:
        n = len(cls)
        if len(words) > n and tuple(words[:n]) == cls and NAME_WORD.match(words[n]):
            return True
    return False


def _model_code(words: list[str]) -> bool:
    """'777X', 'A380': a model designation alone (three digits or more), not a company ('3M')."""
    return len(words) == 1 and is_model_code(words[0]) and sum(c.isdigit() for c in words[0]) >= 3


def _product(words: list[str]) -> bool:
    """'Rolls-Royce Trent 900', 'Boeing 787 Dreamliner': a maker's name, then a model with a model code."""
    k = maker_split(words)
    return k > 0 and any(is_model_code(w) for w in words[k:])


def _org_like(words: list[str] | tuple[str, ...]) -> bool:
    name = " ".join(words)
    return (company_base(name) != name or is_company(name) or is_exchange(name) or is_facility(name)
            or thing_head(list(words)) is not None)


def _person_name(words: list[str], *, titled: bool) -> bool:
    """'Dean Kamen', 'Jay A. Pritzker': a given name or an initial, then name words ending in a surname (after a
    title, any name word: 'Spokeswoman Sandy Angers'), none of them an organisation's ('Morgan Stanley' is a
    listed company, 'Cornell University' a university); the first word is no place ('Houston Astros')."""
    if not 2 <= len(words) <= 3 or not all(NAME_WORD.match(w) for w in words):
        return False
    first, last = words[0], words[-1]
    if not (is_given_name(first) or re.fullmatch(r"[A-Z]\.", first)) or not (titled or is_surname(last)):
        return False
    return gazetteer().lookup(first) is None and not _org_like(words)


def maker_split(words: list[str]) -> int:
    """How many leading words name the maker or operator of a product or flight; 0 when there is none.

    >>> maker_split("Airbus A380".split()), maker_split("Rolls-Royce Trent 900".split())
    (1, 1)
    >>> maker_split("Adam Air Flight 574".split()), maker_split("FIFA World Cup".split()), maker_split(["Boeing"])
    (2, 1, 0)
    """
    for k in range(1, len(words)):
        word, after = words[k], words[k + 1] if k + 1 < len(words) else ""
        model = is_model_code(word)  # "Airbus A380"
        named_model = CAPITALISED.match(word) is not None and is_model_code(after)  # "Trent 900", "Galaxy S4"
        if model or named_model or word == "Flight":
            return k if _maker_words(words[:k]) else 0
    if len(words) > 1 and is_acronym(words[0]) and thing_head(words[1:]) == "event":
        return 1
    return 0


def is_model_code(word: str) -> bool:
    """'A380', '787', '737s', '747-8', '900' (not a year: '2012')."""
    if not MODEL_CODE.match(word):
        return False
    return not (word.isdigit() and len(word) == 4 and 1800 <= int(word) <= 2100)


def _maker_words(words: list[str]) -> bool:
    return all(CAPITALISED.match(w) and not any(c.isdigit() for c in w) for w in words) \
        and words[0].lower() not in {"the", "a", "an"}
