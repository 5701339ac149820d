"""Speech acts as events: the reporting verb of a claim is a ``StatementEvent`` of its speaker.

A claim ("X said that ...") stays a claim; its cue, when it is a verb or an event noun of the
text ("said", "announced", "his statement"), is also an event, as in SEM graphs, so that "what
did X do" includes what X said: the event's agent is the claim's speaker and it conveys the claim
(``Event.claim``). An event already found at the cue keeps its class when a resource typed it as
something more specific than an event ("demanded" stays a statement, "promised" too); an untyped
one becomes a ``StatementEvent``. Cues that are not predicates ("according to") make no event.

Inside a direct quotation, "I" and "we" are its speaker: ``"We've reduced our effort," said Angers``
makes the speaker's organisation (his affiliation, else the speaker) the agent of "reduced"; "I" is
the speaker. The extractor keeps such pronouns as participant texts until the claims are known.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from kgbuild.extract.events_triggers import NON_PREDICATE_DEPS
from kgbuild.model import Actor, Claim, Event, EventKind, Mention, Participant, QuoteType, Role

__all__ = ["link_statements"]

CUE_POS = {"VERB", "NOUN"}


def link_statements(sdoc: Doc, events: list[Event], claims: list[Claim],
                    actor: Callable[[str], Actor | None] = lambda key: None) -> list[Event]:
    """``events`` with each claim's speech act linked (or added), in order of first mention; first-person
    participants inside direct quotations resolved to the quotation's speaker (``actor`` looks up keys)."""
    events = _first_person(events, claims, actor)
    by_trigger: dict[int, int] = {}
    for i, event in enumerate(events):
        for m in event.triggers:
            by_trigger[m.start] = i
    found = list(events)
    linked: set[int] = set()
    for claim in claims:
        i = by_trigger.get(claim.cue.start)
        if i is not None and i not in linked:
            found[i] = _speech_act(found[i], claim)
            linked.add(i)
        elif i is None and _is_predicate(sdoc, claim.cue):
            cue_word = _first_word(claim.cue)
            found.append(Event(key=f"e{claim.cue.start}", kind=EventKind.STATEMENT, triggers=(cue_word,),
                               lemma=claim.cue_lemma, participants=(Participant(claim.speaker, Role.AGENT),),
                               times=claim.times, claim=claim.key))
            by_trigger[claim.cue.start] = len(found) - 1
            linked.add(len(found) - 1)
    return sorted(found, key=lambda e: e.triggers[0].start)


def _speech_act(event: Event, claim: Claim) -> Event:
    # the speaker is the agent of the speech act, whatever role the parse gave it ("it is noted ...")
    participants = (Participant(claim.speaker, Role.AGENT),
                    *(p for p in event.participants if p.actor != claim.speaker))
    kind = EventKind.STATEMENT if event.kind is EventKind.EVENT else event.kind
    texts = tuple(t for t in event.participant_texts if t.role is not Role.AGENT)  # the speaker is the subject
    return replace(event, kind=kind, participants=participants, participant_texts=texts, claim=claim.key,
                   times=event.times or claim.times)


def _is_predicate(sdoc: Doc, cue: Mention) -> bool:
    span = sdoc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].pos_ in CUE_POS and span[0].dep_ not in NON_PREDICATE_DEPS


def _first_word(cue: Mention) -> Mention:
    """The cue's verb ("made" of "made it clear"): the trigger is one word, as for other events."""
    word = cue.text.split(" ", 1)[0]
    return Mention(cue.start, cue.start + len(word), word)


FIRST_PERSON = {"i": False, "me": False, "we": True, "us": True}  # pronoun -> the speaker's group


def _first_person(events: list[Event], claims: list[Claim], actor: Callable[[str], Actor | None]) -> list[Event]:
    quotes = sorted((c.content.start, c.content.end, c.speaker) for c in claims
                    if c.quote_type is not QuoteType.INDIRECT)
    if not quotes:
        return events
    starts = [q[0] for q in quotes]
    found = []
    for event in events:
        pronouns = [t for t in event.participant_texts if t.text.lower() in FIRST_PERSON]
        i = bisect_right(starts, event.triggers[0].start) - 1
        if not pronouns or i < 0 or event.triggers[0].start >= quotes[i][1]:
            found.append(event)
            continue
        speaker = quotes[i][2]
        record = actor(speaker)
        affiliation = record.affiliation if record is not None else None
        added = [Participant(affiliation or speaker if FIRST_PERSON[t.text.lower()] else speaker, t.role)
                 for t in pronouns]
        keep = [p for p in event.participants if p.actor not in {a.actor for a in added}]
        found.append(replace(event, participants=(*keep, *added),
                             participant_texts=tuple(t for t in event.participant_texts if t not in pronouns)))
    return found
