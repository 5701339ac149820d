"""Polarity and modality of a trigger mention.

Negation is read from the trigger itself ("did not invade", "no talks"), from the light
or existence verb that carries an event noun ("won't launch attacks", "the assault had
not occurred"). Modality walks up from the trigger through the verbs that govern it:
modal auxiliaries, conditional clauses ("if"), purpose clauses ("to negotiate"),
planning and demanding verbs ("agreed to hold", "demanded that Ukraine cede") and
adjectives on event nouns ("possible agreement", "planned summit"). The strongest cue
wins: demanded, then hypothetical, then planned.
"""

from __future__ import annotations

from spacy.tokens import Token

from kgbuild.extract.events_lexicon import EventLexicon
from kgbuild.extract.events_roles import governor
from kgbuild.extract.events_triggers import Trigger
from kgbuild.model import Modality

__all__ = ["polarity_and_modality"]

RANK = {Modality.ASSERTED: 0, Modality.PLANNED: 1, Modality.HYPOTHETICAL: 2, Modality.DEMANDED: 3}
NEGATORS = {"not", "n't", "never", "no"}
UP_DEPS = {"xcomp", "ccomp", "advcl", "conj", "pcomp"}


def polarity_and_modality(trig: Trigger, lex: EventLexicon) -> tuple[bool, Modality]:
    """(negated, modality) of one trigger mention."""
    head = trig.head
    cues: list[Modality] = []
    negated = _negated(head)
    verb = head
    if not trig.verbal:
        cues.extend(lex.modifiers[c.lower_] for c in head.children
                    if c.dep_ == "amod" and c.lower_ in lex.modifiers)
        carrier = _carrier(head, lex)
        if carrier is None:
            return negated, _strongest(cues)
        verb, lemma, light = carrier
        negated = negated or (light and _negated(verb))
        if lemma in lex.modality_governors:
            cues.append(lex.modality_governors[lemma])
    cues.extend(_clause_cues(verb, lex, existence=verb.lemma_.lower() in lex.existence_verbs))
    return negated, _strongest(cues)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)


def _carrier(noun: Token, lex: EventLexicon) -> tuple[Token, str, bool] | None:
    """The verb that carries an event noun: (verb, lemma, whether its negation is the event's)."""
    gov = governor(noun, lex)
    if gov is not None:
        verb, lemma = gov
        return verb, lemma, lemma in lex.light_verbs
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        lemma = head.lemma_.lower()
        particle = next((c.lower_ for c in head.children if c.dep_ in ("prt", "dobj")), None)
        if lemma in lex.existence_verbs or f"{lemma} {particle}" in lex.existence_verbs:
            return head, lemma, True
    return None


def _clause_cues(verb: Token, lex: EventLexicon, *, existence: bool = False) -> list[Modality]:
    """Modality cues on ``verb`` and the verbs above it, up to a reporting verb."""
    cues: list[Modality] = []
    reported = False
    for depth in range(5):
        cues.extend(_local_cues(verb, lex, reported=reported or existence))
        if verb.dep_ not in UP_DEPS or verb.head is verb or depth == 4:
            break
        dep, up = verb.dep_, verb.head
        lemma = up.lemma_.lower()
        if lemma in lex.reporting_verbs:
            break
        if dep == "advcl":
            marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "aux")}
            if "to" in marks and not (marks & lex.conditionals):
                cues.append(Modality.PLANNED)
            break
        if lemma in lex.modality_governors and dep in ("xcomp", "ccomp"):
            cues.append(lex.modality_governors[lemma])
        if dep == "pcomp":
            break
        verb = up
    return cues


def _local_cues(verb: Token, lex: EventLexicon, *, reported: bool) -> list[Modality]:
    cues = []
    for child in verb.children:
        word = child.lower_
        if child.dep_ == "aux" and word in lex.modals:
            cue = lex.modals[word]
            cues.append(Modality.PLANNED if word == "would" and reported else cue)
        elif child.dep_ == "mark" and word in lex.conditionals:
            cues.append(Modality.HYPOTHETICAL)
        elif child.dep_ == "aux" and word == "to" and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
            cues.append(Modality.PLANNED)  # "were to send"
    return cues


def _strongest(cues: list[Modality]) -> Modality:
    return max(cues, key=RANK.__getitem__, default=Modality.ASSERTED)
