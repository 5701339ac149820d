"""Event coreference: mentions of one event become one ``Event`` with several triggers.

Conservative rules, applied in text order, each mention joining at most one earlier event:

* an event noun that is the instrument of an event verb of the same family
  ("targeted facilities with drone strikes") is the same event;
* a noun mention with the same trigger lemma as an earlier noun mention
  ("the talks" ... "the talks"; "cease-fire"/"ceasefire") joins it unless it is
  marked as another one ("another attack", "new talks") or their agents or patients
  are disjoint;
* a definite noun mention ("the assault", "this offensive", "Ukraine's incursion") joins the
  latest earlier event of the same family sharing a participant and no disjoint agent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from kgbuild.extract.events_triggers import Trigger
from kgbuild.model import EventKind, Modality, Participant, ParticipantText, Role

__all__ = ["Draft", "family", "merge_drafts"]

LOOK_BACK = 32  # earlier events of the same noun or family a mention may corefer with
NEW_MARKERS = {"another", "other", "second", "further", "fresh", "renewed", "separate", "any", "a", "an"}
DEFINITE = {"the", "this", "that", "these", "those"}
FAMILIES = {
    EventKind.ATTACK: "conflict", EventKind.INVASION: "conflict", EventKind.OCCUPATION: "conflict",
    EventKind.CONFLICT: "conflict", EventKind.MEETING: "meeting", EventKind.NEGOTIATION: "meeting",
    EventKind.SUMMIT: "meeting", EventKind.AGREEMENT: "agreement", EventKind.CEASEFIRE: "agreement",
}


def family(trig: Trigger) -> str:
    """What a definite mention may corefer with: a family of classes, or for an untyped event its
    PropBank roleset ("sold" ... "the sale" share sell.01) or lemma."""
    if trig.kind is EventKind.EVENT:
        return (trig.predicate.roleset if trig.predicate and trig.predicate.roleset else None) or trig.lemma
    return FAMILIES.get(trig.kind, trig.kind.value)


@dataclass
class Draft:
    """An event being built: its trigger mentions and what they say about it."""

    triggers: list[Trigger]
    participants: list[Participant]
    instruments: list[str]
    texts: list[ParticipantText] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    negations: list[bool] = field(default_factory=list)
    modalities: list[Modality] = field(default_factory=list)

    @property
    def first(self) -> Trigger:
        return self.triggers[0]

    def keys(self, *roles: Role) -> set[str]:
        return {p.actor for p in self.participants if not roles or p.role in roles}

    def absorb(self, other: Draft) -> None:
        self.triggers.extend(other.triggers)
        known = {p.actor for p in self.participants}
        self.participants.extend(p for p in other.participants if p.actor not in known)
        self.instruments.extend(i for i in other.instruments if i not in self.instruments)
        self.texts.extend(t for t in other.texts if t not in self.texts)
        self.times.extend(t for t in other.times if t not in self.times)
        self.negations.extend(other.negations)
        self.modalities.extend(other.modalities)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Coreferent drafts merged into the earliest one; order kept. Earlier events are indexed by the
    lemmas of their noun mentions and by family, so each mention looks only at its candidates."""
    by_head = {d.first.head.i: d for d in drafts}
    merged: list[Draft] = []
    owner: dict[int, Draft] = {}
    index = _Index()
    for draft in drafts:
        target = _instrument_host(draft, by_head, owner) or _antecedent(draft, index)
        if target is None:
            merged.append(draft)
            owner[draft.first.head.i] = draft
            index.add(draft, draft)
        else:
            target.absorb(draft)
            owner[draft.first.head.i] = target
            index.add(target, draft)
    return merged


class _Index:
    """Merged events by the normalised lemma of each noun mention and by the family of the first."""

    def __init__(self) -> None:
        self.by_lemma: dict[str, list[Draft]] = {}
        self.by_family: dict[str, list[Draft]] = {}
        self.position: dict[int, int] = {}  # id of a merged event -> its place in the document's order
        self.listed: set[tuple[str, int]] = set()  # (lemma, id of a merged event) already in by_lemma

    def latest_first(self, found: list[Draft]) -> list[Draft]:
        """The most recent candidates, the event created last first (the order the merge looks back in):
        a mention refers back to one of the last ``LOOK_BACK`` events of its kind, not to any of them."""
        return sorted(found[-LOOK_BACK:], key=lambda d: self.position[id(d)], reverse=True)

    def add(self, target: Draft, new: Draft) -> None:
        for trig in new.triggers:
            lemma = _norm(trig.lemma)
            if not trig.verbal and (lemma, id(target)) not in self.listed:
                self.listed.add((lemma, id(target)))
                self.by_lemma.setdefault(lemma, []).append(target)
        if target is new:
            self.position[id(new)] = len(self.position)
            self.by_family.setdefault(family(new.first), []).append(new)


def _instrument_host(draft: Draft, by_head: dict[int, Draft], owner: dict[int, Draft]) -> Draft | None:
    trig = draft.first
    if trig.verbal or trig.head.dep_ != "pobj" or trig.head.head.lower_ not in ("with", "using", "in"):
        return None
    up = trig.head.head.head
    if up.dep_ == "dobj" and up.head.i in by_head:
        up = up.head
    host = owner.get(up.i)
    if host is None or not host.first.verbal or family(host.first) != family(trig):
        return None
    return host


def _determiner(head: Token) -> str | None:
    """"new" for a mention marked as another event ("another attack", "new talks"), "definite", or None."""
    children = [c for c in head.children if c.dep_ in ("det", "poss", "amod")]
    if any(c.lower_ in NEW_MARKERS for c in children):
        return "new"
    if any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in children):
        return "definite"
    if any(c.lower_ == "new" for c in children):
        return "new"
    return None


def _compatible(a: Draft, b: Draft) -> bool:
    for roles in ((Role.AGENT,), (Role.PATIENT,)):
        x, y = a.keys(*roles), b.keys(*roles)
        if x and y and not x & y:
            return False
    return True


def _norm(lemma: str) -> str:
    return lemma.replace("-", "").replace(" ", "")


def _antecedent(draft: Draft, index: _Index) -> Draft | None:
    trig = draft.first
    if trig.verbal:
        return None
    det = _determiner(trig.head)
    if det == "new":
        return None
    for earlier in index.latest_first(index.by_lemma.get(_norm(trig.lemma), [])):
        if _compatible(earlier, draft):
            return earlier
    if det != "definite":
        return None
    for earlier in reversed(index.by_family.get(family(trig), [])[-LOOK_BACK:]):
        if _compatible(earlier, draft) and earlier.keys() & draft.keys():
            return earlier
    return None
