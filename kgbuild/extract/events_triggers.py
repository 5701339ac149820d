"""Finding event triggers: lexicon words, multi-word triggers and noun compounds."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kgbuild.extract.events_lexicon import EventLexicon
from kgbuild.model import EventKind

__all__ = ["Trigger", "find_triggers", "is_event_noun"]

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "NORP", "LANGUAGE"}
VERB_POS = {"VERB"}
NOUN_POS = {"NOUN", "PROPN"}


@dataclass
class Trigger:
    """One trigger mention: its head token, the token range of its words, kind and lemma."""

    head: Token
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    kind: EventKind
    lemma: str
    verbal: bool

    @property
    def text(self) -> str:
        return self.head.doc[self.start:self.end].text


def find_triggers(sdoc: Doc, lex: EventLexicon) -> list[Trigger]:
    """Every event trigger in the document, in text order; light verbs with an event object are skipped."""
    nouns: dict[int, Trigger] = {}
    for tok in sdoc:
        found = _noun_trigger(tok, lex)
        if found is not None:
            nouns[tok.i] = found
    triggers = list(nouns.values())
    for tok in sdoc:
        if tok.pos_ in VERB_POS and tok.dep_ not in ("amod", "compound"):
            found = _verb_trigger(tok, lex, nouns)
            if found is not None:
                triggers.append(found)
    return sorted(triggers, key=lambda t: t.start)


def is_event_noun(tok: Token, lex: EventLexicon) -> bool:
    return _noun_trigger(tok, lex) is not None


def _noun_trigger(tok: Token, lex: EventLexicon) -> Trigger | None:
    if tok.pos_ not in NOUN_POS or tok.dep_ == "compound" or tok.ent_type_ in NAME_LABELS:
        return None
    if tok.pos_ == "PROPN" and not tok.is_lower:
        return None
    phrase = _noun_phrase(tok, lex)
    if phrase is not None:
        return phrase
    low, lemma = tok.lower_, tok.lemma_.lower()
    kind = lex.nouns.get(low) or lex.nouns.get(lemma)
    if kind is None:
        return None
    start = _compound_start(tok)
    words = [t.lower_ for t in tok.doc[start:tok.i]] + [lemma if low not in lex.nouns else low]
    return Trigger(tok, start, tok.i + 1, kind, " ".join(words), verbal=False)


def _noun_phrase(tok: Token, lex: EventLexicon) -> Trigger | None:
    """A multi-word noun trigger ending at ``tok`` ("land grab", "cease - fire")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    candidates = lex.noun_phrases_ending(low) + (lex.noun_phrases_ending(lemma) if lemma != low else ())
    for _, words, kind in sorted(candidates):
        i, k = tok.i - 1, len(words) - 2
        while k >= 0 and i >= 0:
            if tok.doc[i].text == "-":
                i -= 1
                continue
            if tok.doc[i].lower_ != words[k]:
                break
            i, k = i - 1, k - 1
        if k < 0:
            start = _compound_start(tok.doc[i + 1], stop=i + 1)
            return Trigger(tok, start, tok.i + 1, kind, "-".join(words) if "-" in tok.doc[i + 1:tok.i].text
                           else " ".join(words), verbal=False)
    return None


def _compound_start(tok: Token, stop: int | None = None) -> int:
    """Start of the common-noun compounds right before ``tok`` ("drone strikes", "peace talks")."""
    start = tok.i if stop is None else stop
    i = start - 1
    while i >= 0:
        prev = tok.doc[i]
        if prev.dep_ != "compound" or prev.pos_ != "NOUN" or prev.ent_type_ or list(prev.children):
            break
        if prev.head.i < start or prev.head.i > tok.i:
            break
        start, i = i, i - 1
    return start


def _verb_trigger(tok: Token, lex: EventLexicon, nouns: dict[int, Trigger]) -> Trigger | None:
    lemma = tok.lemma_.lower()
    particle = next((c for c in tok.children if c.dep_ == "prt"), None)
    light = f"{lemma} {particle.lower_}" if particle is not None else lemma
    if lemma in lex.reporting_verbs:
        return None
    if (light in lex.light_verbs or lemma in lex.light_verbs) and _event_object(tok, nouns):
        return None
    for words, kind in sorted(lex.verb_phrases().items(), key=lambda kv: -len(kv[0])):
        if words[0] != lemma:
            continue
        rest = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + len(words)]]
        if rest == list(words[1:]):
            return Trigger(tok, tok.i, tok.i + len(words), kind, " ".join(words), verbal=True)
    if particle is not None and light in lex.verbs:
        end = particle.i + 1 if particle.i == tok.i + 1 else tok.i + 1
        return Trigger(tok, tok.i, end, lex.verbs[light], light, verbal=True)
    kind = lex.verbs.get(lemma)
    if kind is None:
        return None
    return Trigger(tok, tok.i, tok.i + 1, kind, lemma, verbal=True)


def _event_object(tok: Token, nouns: dict[int, Trigger]) -> bool:
    return any(c.dep_ in ("dobj", "attr", "nsubjpass") and c.i in nouns for c in tok.children)
