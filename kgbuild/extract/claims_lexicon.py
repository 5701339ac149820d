"""The word lists that drive claim extraction, read once from ``kgbuild/data``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from kgbuild.resources import data_path

__all__ = ["Lexicon", "lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """Reporting cues, hedges and source nouns (see the ``_doc`` entries of the data files)."""

    verbs: frozenset[str]
    xcomp_verbs: frozenset[str]
    object_cues: dict[str, frozenset[str]]
    phrasal: dict[str, frozenset[str]]
    label_verbs: frozenset[str]
    adjectives: frozenset[str]
    prepositional: tuple[tuple[str, ...], ...]
    reported_to: frozenset[str]
    declined: frozenset[str]
    declined_objects: frozenset[str]
    silent: frozenset[str]
    unreachable: frozenset[str]
    modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_patterns: tuple[re.Pattern[str], ...]
    source_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    document_nouns: frozenset[str]
    mute_nouns: frozenset[str]
    quantifier_pronouns: frozenset[str]
    body_nouns: frozenset[str]
    number_words: frozenset[str]
    first_person: frozenset[str]

    @property
    def frame_lemmas(self) -> frozenset[str]:
        """Lemmas that can head a reporting frame (verbs, object and phrasal cues, label verbs)."""
        return self.verbs | self.object_cues.keys() | self.phrasal.keys() | self.label_verbs

    @property
    def frame_words(self) -> frozenset[str]:
        """Lower-case words that can open a frame: stance adjectives, "according" / "in" of the prepositional cues."""
        return self.adjectives | {words[0] for words in self.prepositional}

    @property
    def non_response_lemmas(self) -> frozenset[str]:
        return self.declined | self.silent | self.unreachable


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _read(name: str) -> dict:
    return json.loads(data_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (cached)."""
    cues, hedges, anon = _read("cues.json"), _read("hedges.json"), _read("anonymous.json")
    silence = cues["non_response"]
    return Lexicon(
        verbs=_words(cues["verbs"]),
        xcomp_verbs=_words(cues["xcomp_verbs"]),
        object_cues={k: _words(v) for k, v in cues["object_cues"].items()},
        phrasal={k: _words(v) for k, v in cues["phrasal"].items()},
        label_verbs=_words(cues["label_verbs"]),
        adjectives=_words(cues["adjectives"]),
        prepositional=tuple(tuple(w.lower() for w in p) for p in cues["prepositional"]),
        reported_to=_words(cues["reported_to"]),
        declined=_words(silence["declined"]),
        declined_objects=_words(silence["declined_objects"]),
        silent=_words(silence["silent"]),
        unreachable=_words(silence["unreachable"]),
        modals=_words(hedges["modals"]),
        hedge_adverbs=_words(hedges["adverbs"]),
        hedge_verbs=_words(hedges["verbs"]),
        hedge_patterns=tuple(re.compile(p, re.IGNORECASE) for p in hedges["patterns"]),
        source_nouns=_words(anon["source_nouns"]),
        generic_nouns=_words(anon["generic_nouns"]),
        outlet_nouns=_words(anon["outlet_nouns"]),
        document_nouns=_words(anon["document_nouns"]),
        mute_nouns=_words(anon["mute_nouns"]),
        quantifier_pronouns=_words(anon["quantifier_pronouns"]),
        body_nouns=_words(anon["outlet_nouns"] + anon["document_nouns"] + anon["organisation_nouns"]),
        number_words=_words(anon["number_words"]),
        first_person=_words(anon["first_person"]),
    )
