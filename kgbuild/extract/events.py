"""Events from trigger words."""

from __future__ import annotations

from spacy.tokens import Doc

from kgbuild.extract.spans import token_mention
from kgbuild.extract.table import ActorTable
from kgbuild.model import Document, Event, EventKind, Participant, Role, TimeExpression

__all__ = ["find_events"]

LEXICON = {"invasion": EventKind.INVASION, "invade": EventKind.INVASION, "attack": EventKind.ATTACK,
           "talk": EventKind.NEGOTIATION, "summit": EventKind.SUMMIT, "agreement": EventKind.AGREEMENT}


def find_events(sdoc: Doc, document: Document, table: ActorTable, times: list[TimeExpression]) -> list[Event]:
    events = []
    for tok in sdoc:
        kind = LEXICON.get(tok.lemma_.lower())
        if kind is None:
            continue
        participants = []
        for child in tok.children:
            key = table.at(child.idx, child.idx + len(child.text))
            if key and child.dep_ in ("nsubj", "poss"):
                participants.append(Participant(key, Role.AGENT))
        events.append(Event(key=f"{tok.idx}", kind=kind, triggers=(token_mention(tok),), lemma=tok.lemma_.lower(),
                            participants=tuple(participants)))
    return events
