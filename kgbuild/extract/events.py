"""Events: typed triggers (verbal and nominal), their participants, times, polarity and modality.

Steps, one sentence at a time and then over the document:

1. triggers (``events_triggers``): every eventive predicate of the generated PropBank/WordNet table
   (``events_predicates``, ``kgbuild/data/predicates.tsv``), typed by it, with the hand lexicon
   (``kgbuild/data/event_lexicon.json``, format in ``events_lexicon``; a user file given as
   ``lexicon_path`` is merged over it) laid over the table; light verbs with an event object
   ("launch attacks", "made an offer") give way to the noun, aspectual verbs to their complement;
2. participants by role from the parse (``events_roles``): actors, other arguments as text, instruments;
3. negation and modality (``events_modality``);
4. time expressions attached through the parse (a DATE modifying the trigger, its light
   verb, or the clause whose argument the trigger is);
5. coreferent mentions merged into one event (``events_coref``).

After claims are found, ``events_statements`` makes each claim's reporting verb a statement event.

Event keys are ``e<offset of the first trigger>``: stable for the same text.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Token

from kgbuild.extract.events_coref import Draft, merge_drafts
from kgbuild.extract.events_lexicon import EventLexicon, event_lexicon
from kgbuild.extract.events_modality import polarity_and_modality
from kgbuild.extract.events_predicates import predicates
from kgbuild.extract.events_roles import RoleFinder, governor
from kgbuild.extract.events_triggers import Trigger, find_triggers
from kgbuild.extract.table import ActorTable
from kgbuild.model import Document, Event, Mention, Modality, TimeExpression

__all__ = ["find_events"]

ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "pobj", "xcomp", "advcl", "agent", "prep"}


def find_events(sdoc: Doc, document: Document, table: ActorTable, times: list[TimeExpression], *,
                lexicon_path: Path | str | None = None) -> list[Event]:
    """Events of one document, coreferent mentions merged, in order of first mention."""
    lex = event_lexicon(Path(lexicon_path) if lexicon_path is not None else None)
    table_of_predicates = predicates()
    triggers = find_triggers(sdoc, lex, table_of_predicates)
    heads = {t.head.i: t for t in triggers}
    roles = RoleFinder(table, lex, lambda tok: tok.i in heads, table_of_predicates.light_verbs)
    drafts = []
    for trig in triggers:
        found = roles.participants(trig)
        negated, modality = polarity_and_modality(trig, lex)
        drafts.append(Draft([trig], found.participants(), found.instrument_texts(), found.text_participants(),
                            negations=[negated], modalities=[modality]))
    _attach_times(sdoc, times, {d.first.head.i: d for d in drafts}, lex)
    return [_event(d) for d in merge_drafts(drafts)]


def _event(draft: Draft) -> Event:
    first = draft.first
    mentions = tuple(sorted({_mention(t) for t in draft.triggers}))
    asserted = [m for m in draft.modalities if m is Modality.ASSERTED]
    return Event(
        key=f"e{mentions[0].start}",
        kind=first.kind,
        triggers=mentions,
        lemma=first.lemma,
        participants=tuple(draft.participants),
        times=tuple(draft.times),
        instruments=tuple(draft.instruments),
        negated=all(draft.negations),
        modality=asserted[0] if asserted and not all(draft.negations) else draft.modalities[0],
        participant_texts=tuple(draft.texts),
        roleset=first.predicate.roleset if first.predicate else None,
        frame=first.predicate.frame if first.predicate else None,
    )


def _mention(trig: Trigger) -> Mention:
    span = trig.head.doc[trig.start:trig.end]
    return Mention(span.start_char, span.end_char, span.text)


def _attach_times(sdoc: Doc, times: list[TimeExpression], drafts: dict[int, Draft], lex: EventLexicon) -> None:
    """Give each time expression to the event it modifies, if any."""
    for time in times:
        span = sdoc.char_span(time.mention.start, time.mention.end, alignment_mode="expand")
        if span is None:
            continue
        target = _time_target(span.root, drafts, lex)
        if target is not None and time.key not in target.times:
            target.times.append(time.key)


def _time_target(root: Token, drafts: dict[int, Draft], lex: EventLexicon) -> Draft | None:
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in ("npadvmod", "tmod", "advmod", "obl", "nmod", "appos", "compound"):
        return None
    if head.i in drafts:
        return drafts[head.i]
    for child in head.children:  # a light verb's event object: "held talks on Monday"
        gov = governor(child, lex) if child.i in drafts else None
        if gov is not None and (gov[1] in lex.light_verbs or gov[1] in lex.governors):
            return drafts[child.i]
    return _nearest_argument(head, root, drafts)


def _nearest_argument(verb: Token, root: Token, drafts: dict[int, Draft]) -> Draft | None:
    """An event that is a direct argument of ``verb`` (or the object of its prepositions), nearest the time."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    candidates = []
    for child in verb.children:
        if child.dep_ not in ARGUMENT_DEPS:
            continue
        if child.i in drafts:
            candidates.append(child)
        if child.dep_ in ("prep", "agent"):
            candidates.extend(p for p in child.children if p.dep_ == "pobj" and p.i in drafts)
    if not candidates:
        return None
    best = min(candidates, key=lambda t: (abs(t.i - root.i), t.i))
    return drafts[best.i]
