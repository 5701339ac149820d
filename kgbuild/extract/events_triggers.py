"""Finding event triggers: every eventive predicate of the text.

* verbs that PropBank lists (``events_predicates``), phrasal verbs with their particle ("pushed
  back", "rolled out"), multi-word verbs of the event lexicon ("set fire"); not copulas,
  auxiliaries or raising verbs (they are not in the table), not light verbs whose object is an
  event noun ("made an offer": the offer is the event) and not aspectual verbs with an event
  complement ("began to fall", "continued the talks");
* event nouns: nominalisations PropBank lists and WordNet calls acts or events ("the sale", "its
  bankruptcy"), events WordNet names ("the earthquake"), multi-word nouns of either lexicon
  ("cease-fire"), the noun of a PropBank light-verb construction ("took advantage"); one token,
  the head, unless the lexicon lists the phrase;
* named events (spaCy's EVENT entities: "World War II", "the 2008 financial crisis").

The event lexicon (``kgbuild/data/event_lexicon.json`` and a user's ``--event-lexicon``) adds
triggers and types them over the generated table.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kgbuild.extract.actors_names import is_facility
from kgbuild.extract.events_lexicon import EventLexicon
from kgbuild.extract.events_predicates import Predicate, Predicates
from kgbuild.model import EventKind

__all__ = ["Trigger", "find_triggers"]

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "NORP", "LANGUAGE"}
NOUN_POS = {"NOUN", "PROPN"}
COMPLEMENT_DEPS = {"xcomp", "ccomp"}
EVENT_OBJECT_DEPS = {"dobj", "attr", "nsubjpass", "nsubj"}
NON_PREDICATE_DEPS = {"amod", "compound", "prep", "mark", "cc", "advmod", "det", "case"}  # "including", "according"
SEMI_AUXILIARIES = {"go", "use", "have", "ought"}  # "is going to", "used to", "has to": tense and modality, not events
# "in addition", "on time", "in order"; not "for": "filed for bankruptcy"
FIXED_PREPOSITIONS = {"in", "on", "at", "by", "with", "into", "under"}


@dataclass
class Trigger:
    """One trigger mention: its head token, the token range of its words, kind and lemma."""

    head: Token
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    kind: EventKind
    lemma: str
    verbal: bool
    predicate: Predicate | None = None

    @property
    def text(self) -> str:
        return self.head.doc[self.start:self.end].text


def find_triggers(sdoc: Doc, lex: EventLexicon, table: Predicates) -> list[Trigger]:
    """Every event trigger in the document, in text order."""
    nouns: dict[int, Trigger] = {}
    for ent in sdoc.ents:
        if ent.label_ == "EVENT" and not is_facility(ent.text):  # "... Constitution Hall" is a place
            nouns[ent.root.i] = _named_event(ent.root, ent.start, ent.end, lex, table)
    for tok in sdoc:
        if tok.i not in nouns:
            found = _noun_trigger(tok, lex, table)
            if found is not None:
                nouns[tok.i] = found
    triggers = list(nouns.values())
    covered = {i for t in triggers for i in range(t.start, t.end)}  # "laying claim": one trigger, not two
    for tok in sdoc:
        if tok.pos_ == "VERB" and tok.dep_ not in NON_PREDICATE_DEPS and tok.i not in covered:
            found = _verb_trigger(tok, lex, table, nouns)
            if found is not None:
                triggers.append(found)
    return sorted(triggers, key=lambda t: t.start)


def _noun_trigger(tok: Token, lex: EventLexicon, table: Predicates) -> Trigger | None:
    if tok.pos_ not in NOUN_POS or tok.dep_ == "compound" or tok.ent_type_ in NAME_LABELS:
        return None
    if tok.pos_ == "PROPN" and not tok.is_lower:
        return None
    if _fixed_phrase(tok):
        return None
    phrase = _noun_phrase(tok, lex, table)
    if phrase is not None:
        return phrase
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low in lex.removed_nouns or lemma in lex.removed_nouns:
        return None
    kind = lex.nouns.get(low) or lex.nouns.get(lemma)
    pred = table.nouns.get(lemma) or table.nouns.get(low)
    if kind is None and pred is None:
        return None
    word = low if low in lex.nouns or (pred is not None and pred.lemma == low) else lemma
    return Trigger(tok, tok.i, tok.i + 1, kind or pred.kind, word, verbal=False, predicate=pred)  # type: ignore[union-attr]


def _fixed_phrase(tok: Token) -> bool:
    """A bare singular noun in an adverbial prepositional phrase ("in addition", "on time", "in order
    to", "by design"): a fixed expression, not a mention of an event."""
    head = tok.head
    return (tok.dep_ == "pobj" and head.lower_ in FIXED_PREPOSITIONS and tok.tag_ == "NN"
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod", "prep", "acl", "relcl")
                        for c in tok.children)
            and not (head.head.pos_ in NOUN_POS and head.dep_ == "prep" and head.i > head.head.i))


def _named_event(root: Token, start: int, end: int, lex: EventLexicon, table: Predicates) -> Trigger:
    lemma = root.lemma_.lower()
    pred = table.nouns.get(lemma)
    kind = lex.nouns.get(root.lower_) or lex.nouns.get(lemma) or (pred.kind if pred else EventKind.EVENT)
    return Trigger(root, start, end, kind, root.doc[start:end].text, verbal=False, predicate=pred)


def _noun_phrase(tok: Token, lex: EventLexicon, table: Predicates) -> Trigger | None:
    """A multi-word noun trigger ending at ``tok`` ("land grab", "cease - fire")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    candidates = [(words, kind) for _, words, kind in lex.noun_phrases_ending(low)]
    if lemma != low:
        candidates += [(words, kind) for _, words, kind in lex.noun_phrases_ending(lemma)]
    for last in dict.fromkeys((low, lemma)):
        for words in table.noun_phrases_ending(last):
            candidates.append((words, None))
    for words, kind in candidates:
        i, k = tok.i - 1, len(words) - 2
        while k >= 0 and i >= 0:
            if tok.doc[i].text == "-":
                i -= 1
                continue
            if tok.doc[i].lower_ != words[k]:
                break
            i, k = i - 1, k - 1
        if k < 0:
            pred = table.nouns.get(" ".join(words))
            text = "-".join(words) if "-" in tok.doc[i + 1:tok.i].text else " ".join(words)
            found = kind or (pred.kind if pred else EventKind.EVENT)
            return Trigger(tok, i + 1, tok.i + 1, found, text, verbal=False, predicate=pred)
    return None


def _verb_trigger(tok: Token, lex: EventLexicon, table: Predicates, nouns: dict[int, Trigger]) -> Trigger | None:
    lemma = tok.lemma_.lower()
    particle = next((c for c in tok.children if c.dep_ == "prt"), None)
    phrasal = f"{lemma} {particle.lower_}" if particle is not None else lemma
    if lemma in lex.removed_verbs or phrasal in lex.removed_verbs:
        return None
    if _light_verb(tok, lemma, phrasal, lex, table, nouns) or _aspectual(tok, lemma, table, nouns):
        return None
    if lemma in SEMI_AUXILIARIES and any(c.dep_ == "xcomp" for c in tok.children):
        return None
    for words, kind in lex.verb_phrases_starting(lemma):
        rest = [t.lower_ for t in tok.doc[tok.i + 1:tok.i + len(words)]]
        if rest == list(words[1:]):
            pred = table.verbs.get(" ".join(words))
            return Trigger(tok, tok.i, tok.i + len(words), kind, " ".join(words), verbal=True, predicate=pred)
    if particle is not None and (phrasal in lex.verbs or phrasal in table.verbs):
        pred = table.verbs.get(phrasal)
        kind = lex.verbs.get(phrasal) or (pred.kind if pred else EventKind.EVENT)
        end = particle.i + 1 if particle.i == tok.i + 1 else tok.i + 1
        return Trigger(tok, tok.i, end, kind, phrasal, verbal=True, predicate=pred)
    pred = table.verbs.get(lemma)
    kind = lex.verbs.get(lemma) or (pred.kind if pred else None)
    if kind is None:
        return None
    return Trigger(tok, tok.i, tok.i + 1, kind, lemma, verbal=True, predicate=pred)


def _light_verb(tok: Token, lemma: str, phrasal: str, lex: EventLexicon, table: Predicates,
                nouns: dict[int, Trigger]) -> bool:
    """A light verb whose object is an event noun ("launched attacks", "made an offer", "took control"):
    the noun is the event; a PropBank light-verb construction makes its noun a trigger if it was not one."""
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "attr")):
        if (lemma, obj.lemma_.lower()) in table.light and obj.i not in nouns and obj.pos_ == "NOUN":
            pred = table.light[(lemma, obj.lemma_.lower())]
            nouns[obj.i] = Trigger(obj, obj.i, obj.i + 1, lex.nouns.get(obj.lower_) or pred.kind, obj.lemma_.lower(),
                                   verbal=False, predicate=pred)
            return True
    light = lemma in table.light_verbs or lemma in lex.light_verbs or phrasal in lex.light_verbs
    return light and any(c.dep_ in ("dobj", "attr", "nsubjpass") and c.i in nouns for c in tok.children)


def _aspectual(tok: Token, lemma: str, table: Predicates, nouns: dict[int, Trigger]) -> bool:
    """"began to fall", "continued the talks", "the talks resumed": the complement is the event."""
    if lemma not in table.aspectual:
        return False
    for child in tok.children:
        if child.dep_ in COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX"):
            return True
        if child.dep_ in EVENT_OBJECT_DEPS and child.i in nouns:
            return True
    return False
