"""The word lists that drive claim extraction, read once from ``kgbuild/data``.

The cue inventory is ``cue_lexicon.json`` (generated from PropBank by ``tools/build_cue_lexicon.py``:
verbs, nouns and adjectives with their attribution kind and complements) merged with the curated
``cues.json`` (multi-word cues, stance adjectives, prepositional cues, and the kinds and exclusions
that override the generated inventory)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from kgbuild.model import ClaimKind
from kgbuild.resources import data_path

__all__ = ["Lexicon", "lexicon"]


@dataclass(frozen=True)
class Lexicon:
    """Reporting cues, hedges and source nouns (see the ``_doc`` entries of the data files)."""

    verbs: frozenset[str]
    kinds: dict[str, ClaimKind]  # cue lemma ("say", "make clear", "according to", "allegation") -> kind
    xcomp_verbs: frozenset[str]
    of_verbs: dict[str, frozenset[str]]  # "accuse" -> {"of"}, "blame" -> {"for", "on"}: with the object, the content
    prepositional_verbs: dict[str, dict[str, ClaimKind]]  # "call" -> {"on": directive, "for": directive}
    noun_contents: frozenset[str]  # "call for": its noun phrase is the content ("called for an inquiry")
    that_only: frozenset[str]  # perception verbs: a claim only with a that-clause ("saw that ...")
    pronoun_subjects: frozenset[str]  # "mean": a frame only with a personal pronoun subject ("I mean, ...")
    nouns: frozenset[str]  # nominal cues with a that-clause ("the allegation that")
    light_verbs: frozenset[str]  # "made the claim that": the subject is the source
    content_nouns: frozenset[str]  # "on condition that": the that-clause is the noun's, not a report's
    view_nouns: frozenset[str]  # "in X's view", "X's position is that"
    as_frames: frozenset[str]
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
    inference_verbs: frozenset[str]  # "the fossil suggests that": a frame only with a subject that can be a source
    human_nouns: frozenset[str]  # "parents", "women": people, not source roles
    agent_suffixes: tuple[str, ...]  # "astronomer", "economist": agent nouns
    adjunct_nouns: frozenset[str]  # "the day (when) he said ...": a relative clause with a whole report

    @property
    def frame_lemmas(self) -> frozenset[str]:
        """Lemmas that can head a reporting frame (verbs, object, phrasal and prepositional cues, label verbs,
        nominal cues)."""
        return self.verbs | self.object_cues.keys() | self.phrasal.keys() | self.label_verbs \
            | self.prepositional_verbs.keys() | self.nouns | self.view_nouns | self.as_frames

    @property
    def frame_words(self) -> frozenset[str]:
        """Lower-case words that can open a frame: stance adjectives, "according" / "in" of the prepositional cues,
        "as" of "as X put it"."""
        return self.adjectives | {words[0] for words in self.prepositional} | {"as", "in"}

    def kind(self, lemma: str, default: ClaimKind = ClaimKind.ASSERTION) -> ClaimKind:
        """The attribution kind of a cue lemma."""
        return self.kinds.get(lemma, default)

    @property
    def non_response_lemmas(self) -> frozenset[str]:
        return self.declined | self.silent | self.unreachable


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _read(name: str) -> dict:
    return json.loads(data_path(name).read_text(encoding="utf-8"))


# Kinds whose to-infinitive is what the source wants or commits to ("urged X to act", "vowed to act").
_TO_KINDS = (ClaimKind.DIRECTIVE, ClaimKind.COMMITMENT)
# Kinds whose of/for-complement is what the source accuses or judges ("accused X of lying").
_OF_KINDS = (ClaimKind.ACCUSATION, ClaimKind.EVALUATION)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (cached)."""
    cues, hedges, anon = _read("cues.json"), _read("hedges.json"), _read("anonymous.json")
    generated = _read("cue_lexicon.json")
    silence = cues["non_response"]
    excluded = _words(cues["not_cues"])
    entries = {lemma: e for lemma, e in generated["verbs"].items() if lemma not in excluded and " " not in lemma}
    kinds = {lemma: ClaimKind(e["kind"]) for lemma, e in entries.items()}
    kinds.update({lemma: ClaimKind(e["kind"]) for lemma, e in generated["nouns"].items() if lemma not in kinds})
    kinds.update({lemma: ClaimKind(e["kind"]) for lemma, e in generated["adjectives"].items() if lemma not in kinds})
    kinds.update({lemma.lower(): ClaimKind(kind) for lemma, kind in cues["kinds"].items()})
    to_verbs = {lemma for lemma, e in entries.items() if "to" in e["complements"] and kinds[lemma] in _TO_KINDS}
    of_verbs = {lemma: frozenset(c for c in e["complements"] if c in ("of", "for")) for lemma, e in entries.items()
                if kinds[lemma] in _OF_KINDS and {"of", "for"} & set(e["complements"])}
    for lemma, preps in cues["object_complements"].items():
        of_verbs[lemma] = of_verbs.get(lemma, frozenset()) | _words(preps)
    return Lexicon(
        verbs=_words(cues["verbs"]) | frozenset(entries),
        kinds=kinds,
        xcomp_verbs=_words(cues["xcomp_verbs"]) | frozenset(to_verbs),
        of_verbs=of_verbs,
        prepositional_verbs={v.lower(): {p.lower(): ClaimKind(k) for p, k in preps.items()}
                             for v, preps in cues["prepositional_verbs"].items()},
        noun_contents=_words(cues["noun_contents"]),
        pronoun_subjects=_words(cues["pronoun_subjects"]),
        that_only=frozenset(lemma for lemma, e in entries.items() if e.get("perception")),
        nouns=frozenset(n for n in generated["nouns"] if n not in excluded),
        light_verbs=_words(cues["light_verbs"]) | frozenset(generated["light_verbs"]),
        view_nouns=_words(cues["view_nouns"]),
        content_nouns=_words(cues["content_nouns"]),
        as_frames=_words(cues["as_frames"]),
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
        inference_verbs=_words(cues["inference_verbs"]),
        human_nouns=_words(anon["human_nouns"]),
        agent_suffixes=tuple(anon["agent_suffixes"]),
        adjunct_nouns=_words(cues["adjunct_nouns"]),
    )
