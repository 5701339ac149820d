"""The event lexicon: trigger words and the cues that set roles, modality and negation.

The packaged file is ``kgbuild/data/event_lexicon.json``; a user file in the same format
is merged over it (``find_events(..., lexicon_path=PATH)``). The format is one JSON
object whose sections are:

* ``nouns`` / ``verbs``: trigger -> ``EventKind`` value (``"Attack"``, ``"Summit"``, ...).
  Nouns match by surface form or lemma ("talks", "strike"); verbs by lemma. A key of
  several words is a multi-word trigger: for nouns the last word is the head
  ("land grab", "cease-fire"), for verbs the first ("set fire", "call off").
* ``light_verbs``: verb -> role. Not events themselves; when their object is an event
  noun ("launch attacks", "hold a summit"), their subject takes that role in it.
* ``governors``: verb -> role. Verbs (events or not) whose event-noun object takes their
  subject in that role ("Russia postponed a meeting").
* ``modality_governors``: verb -> modality (``planned``, ``hypothetical``, ``demanded``) for
  the events they govern ("agreed to hold", "would consider", "demanded that ...").
* ``modals`` (auxiliary -> modality), ``modifiers`` (adjective -> modality: "possible",
  "planned"), ``conditionals`` (subordinators that make an event hypothetical),
  ``existence_verbs`` ("occur", "take place": their subject event inherits their negation),
  ``reporting_verbs`` (the search for modality cues stops there: a report does not make what it
  reports planned or hypothetical), ``prepositions``
  (preposition -> role of its object), ``instrument_prepositions`` and ``instrument_kinds``
  (which PP objects are instruments), ``patient_possessor_kinds`` (kinds whose possessor is
  the patient: "Warhol's death").

In a user file, a dictionary entry whose value is ``null`` removes the packaged entry (for
``nouns`` and ``verbs`` it also removes the word from the generated predicate table: it is no
longer a trigger); lists are added to the packaged lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kgbuild.model import EventKind, Modality, Role
from kgbuild.resources import data_path

__all__ = ["EventLexicon", "event_lexicon", "merge_lexicons"]

_DICTS = ("nouns", "verbs", "light_verbs", "governors", "modality_governors", "modals", "modifiers", "prepositions")
_LISTS = ("conditionals", "existence_verbs", "reporting_verbs", "instrument_prepositions", "instrument_kinds",
          "patient_possessor_kinds")


@dataclass(frozen=True)
class EventLexicon:
    """The merged lexicon, with keys lower-cased and values typed."""

    nouns: dict[str, EventKind]
    verbs: dict[str, EventKind]
    light_verbs: dict[str, Role]
    governors: dict[str, Role]
    modality_governors: dict[str, Modality]
    modals: dict[str, Modality]
    modifiers: dict[str, Modality]
    conditionals: frozenset[str]
    existence_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    prepositions: dict[str, Role]
    instrument_prepositions: frozenset[str]
    instrument_kinds: frozenset[EventKind]
    patient_possessor_kinds: frozenset[EventKind]
    removed_nouns: frozenset[str] = frozenset()  # a user's ``null`` entries: not triggers at all
    removed_verbs: frozenset[str] = frozenset()

    def noun_phrases(self) -> dict[tuple[str, ...], EventKind]:
        """Multi-word noun triggers as word tuples (hyphens split); computed once per lexicon."""
        return _phrases(self.nouns)

    def verb_phrases(self) -> dict[tuple[str, ...], EventKind]:
        return _phrases(self.verbs)

    def verb_phrases_starting(self, word: str) -> tuple[tuple[tuple[str, ...], EventKind], ...]:
        """The multi-word verb triggers whose first word is ``word``, longest first."""
        return _by_first_word(self.verb_phrases()).get(word, ())

    def noun_phrases_ending(self, word: str) -> tuple[tuple[int, tuple[str, ...], EventKind], ...]:
        """The multi-word noun triggers whose last word is ``word``, as (rank, words, kind): the rank
        orders all phrases longest first (then in lexicon order), the order in which they are tried."""
        return _by_last_word(self.noun_phrases()).get(word, ())


_PHRASES: dict[int, tuple[dict, dict]] = {}


def _phrases(words: dict[str, EventKind]) -> dict[tuple[str, ...], EventKind]:
    """Multi-word entries of ``words``, cached by the identity of the (never mutated) lexicon dict."""
    cached = _PHRASES.get(id(words))
    if cached is None or cached[0] is not words:
        cached = (words, {_split(k): v for k, v in words.items() if len(_split(k)) > 1})
        _PHRASES[id(words)] = cached
    return cached[1]


_BY_LAST: dict[int, tuple[dict, dict]] = {}


def _by_last_word(phrases: dict[tuple[str, ...], EventKind]) -> dict[str, tuple]:
    cached = _BY_LAST.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        index: dict[str, list] = {}
        for rank, (words, kind) in enumerate(sorted(phrases.items(), key=lambda kv: -len(kv[0]))):
            index.setdefault(words[-1], []).append((rank, words, kind))
        cached = (phrases, {word: tuple(entries) for word, entries in index.items()})
        _BY_LAST[id(phrases)] = cached
    return cached[1]


_BY_FIRST: dict[int, tuple[dict, dict]] = {}


def _by_first_word(phrases: dict[tuple[str, ...], EventKind]) -> dict[str, tuple]:
    cached = _BY_FIRST.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        index: dict[str, list] = {}
        for words, kind in sorted(phrases.items(), key=lambda kv: -len(kv[0])):
            index.setdefault(words[0], []).append((words, kind))
        cached = (phrases, {word: tuple(entries) for word, entries in index.items()})
        _BY_FIRST[id(phrases)] = cached
    return cached[1]


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.replace("-", " ").split())


def merge_lexicons(base: dict, extra: dict) -> dict:
    """``extra`` over ``base``: dictionaries updated (``null`` deletes), lists extended."""
    merged = {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v) for k, v in base.items()}
    for section, value in extra.items():
        if isinstance(value, dict):
            target = merged.setdefault(section, {})
            for key, item in value.items():
                if item is None:
                    target.pop(key.lower(), None)
                    target.pop(key, None)
                    merged.setdefault(f"{section}:removed", []).append(key.lower().strip())
                else:
                    target[key] = item
        elif isinstance(value, list):
            merged[section] = [*merged.get(section, []), *value]
    return merged


def _typed(raw: dict) -> EventLexicon:
    def table(name: str, kind: type) -> dict:
        return {k.lower().strip(): kind(v) for k, v in sorted(raw.get(name, {}).items()) if v is not None}

    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw.get(name, []))

    return EventLexicon(
        nouns=table("nouns", EventKind),
        verbs=table("verbs", EventKind),
        light_verbs=table("light_verbs", Role),
        governors=table("governors", Role),
        modality_governors=table("modality_governors", Modality),
        modals=table("modals", Modality),
        modifiers=table("modifiers", Modality),
        conditionals=words("conditionals"),
        existence_verbs=words("existence_verbs"),
        reporting_verbs=words("reporting_verbs"),
        prepositions=table("prepositions", Role),
        instrument_prepositions=words("instrument_prepositions"),
        instrument_kinds=frozenset(EventKind(k) for k in raw.get("instrument_kinds", [])),
        patient_possessor_kinds=frozenset(EventKind(k) for k in raw.get("patient_possessor_kinds", [])),
        removed_nouns=frozenset(raw.get("nouns:removed", [])),
        removed_verbs=frozenset(raw.get("verbs:removed", [])),
    )


def _read(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: an event lexicon is a JSON object")
    return {k: v for k, v in data.items() if k in _DICTS or k in _LISTS}


@lru_cache(maxsize=8)
def event_lexicon(extra: Path | None = None) -> EventLexicon:
    """The packaged lexicon, with ``extra`` (a user file) merged over it."""
    raw = _read(data_path("event_lexicon.json"))
    if extra is not None:
        raw = merge_lexicons(raw, _read(Path(extra)))
    return _typed(raw)
