"""The same event across articles: per-article events linked when their type, participants, place and time are
compatible; conservative by default.

Two events of different articles are candidates only when they share a named participant (or place) and a
type: the same family of the ontology's event classes (Invasion and Attack are both conflict events; Summit
and Negotiation meeting events) or the same lemma. They are linked when nothing contradicts (not negated,
neither only hypothetical, no other agent — "Russia attacked Ukraine" is not "Ukraine attacked Russia" — and
dates that overlap when both have dates) and enough agrees (``MIN_AGREEMENT`` of: each shared participant or
place, the same lemma, overlapping dates). Links are taken strongest first and never put two events of one
article into one story event (each article's own coreference already merged its mentions), nor events with
unrelated agents. Candidates come from an index on (type, participant), so the work follows the number of
events, not its square.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kgbuild.report.data import Article, EventInfo
from kgbuild.story.text import content_of
from kgbuild.story.types import EventRef, StoryEvent

__all__ = ["MIN_AGREEMENT", "link_events"]

MIN_AGREEMENT = 2
HYPOTHETICAL = "hypothetical"
SPEECH = "StatementEvent"  # speech acts are stories' claims, linked by the claim step
CORE_ROLES = ("agent", "patient", "recipient", "participant")
MAX_BUCKET = 200  # events compared within one (type, participant) bucket: the nearest ones in time


@dataclass(frozen=True)
class _Event:
    ref: EventRef
    core: frozenset[str]
    agents: frozenset[str]
    patients: frozenset[str]
    places: frozenset[str]
    dates: tuple[str, str] | None  # (first day, last day)
    modality: str
    words: frozenset[str]  # content words of the arguments that are not actors ("brake fluid")
    labels: dict[str, str]

    @property
    def types(self) -> tuple[str, ...]:
        return (*(f"type {f}" for f in _families().get(self.ref.kind, ())), f"lemma {self.ref.lemma}")


@lru_cache(maxsize=1)
def _families() -> dict[str, tuple[str, ...]]:
    """Event class -> its families: the classes just below ``kg:Event`` it descends from in the ontology
    (Invasion -> ConflictEvent and MovementEvent; Attack -> ConflictEvent); ``kg:Event`` itself has none."""
    from rdflib import RDFS

    from kgbuild.rdf.files import load_ontology
    from kgbuild.rdf.vocab import KG, KG_NS

    ontology = load_ontology()
    parents: dict[str, set[str]] = defaultdict(set)
    for child, parent in ontology.subject_objects(RDFS.subClassOf):
        if str(child).startswith(KG_NS) and str(parent).startswith(KG_NS):
            parents[str(child)[len(KG_NS):]].add(str(parent)[len(KG_NS):])
    top = str(KG.Event)[len(KG_NS):]

    def tops(kind: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found = set()
        for parent in parents.get(kind, ()):
            if parent == top:
                found.add(kind)
            elif parent not in seen:
                found |= tops(parent, seen | {kind})
        return found

    return {kind: tuple(sorted(tops(kind))) for kind in parents if tops(kind)}


def _dates(event: EventInfo, article: Article) -> tuple[str, str] | None:
    spans = []
    for iri in event.times:
        time = article.times.get(iri)
        if time is None:
            continue
        first, last = time.date or time.begin, time.date or time.end
        if first and last:
            spans.append((first, last))
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def _events(articles: Sequence[Article]) -> list[_Event]:
    found = []
    for article in articles:
        for event in article.events:
            if event.kind == SPEECH or event.negated:
                continue
            named = {iri for _, iri in event.participants if iri in article.actors and
                     not article.actors[iri].anonymous}
            roles: dict[str, set[str]] = defaultdict(set)
            for role, iri in event.participants:
                if iri in named:
                    roles[role].add(iri)
            core = frozenset().union(*(roles[r] for r in CORE_ROLES))
            places = frozenset(roles["place"])
            words = frozenset().union(*(content_of(text).words for _, text in event.texts))
            if not core and not places and not words:
                continue
            triggers = tuple(sorted({article.text[s.start:s.end] for s in event.triggers}))
            ref = EventRef(article.iri, event.iri, event.kind, event.lemma, triggers)
            found.append(_Event(ref, core, frozenset(roles["agent"]), frozenset(roles["patient"]), places,
                                _dates(event, article), event.modality, words,
                                {iri: article.actors[iri].label for iri in named}))
    return sorted(found, key=lambda e: (e.ref.article, e.ref.event))


def _candidates(events: Sequence[_Event]) -> set[tuple[int, int]]:
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        for kind in event.types:
            for actor in event.core | event.places:
                buckets[(kind, actor)].append(i)
        for word in event.words:  # arguments that are not actors link events of the same lemma only
            buckets[(f"lemma {event.ref.lemma}", f"word {word}")].append(i)
    pairs = set()
    for members in buckets.values():
        if len(members) > MAX_BUCKET:  # compare each with its neighbours in time only
            members = sorted(members, key=lambda i: (events[i].dates or ("9999",))[0])
        for n, i in enumerate(members):
            for j in members[n + 1: n + 1 + MAX_BUCKET]:
                if events[i].ref.article != events[j].ref.article:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _agreement(a: _Event, b: _Event) -> list[str] | None:
    """What agrees between two events, or None when something contradicts."""
    if HYPOTHETICAL in {a.modality, b.modality} and a.modality != b.modality:
        return None  # what might happen is not what happened
    if a.agents and b.agents and not a.agents & b.agents:
        return None  # someone else did it: "Russian strikes" are not "Ukrainian strikes"
    if a.dates and b.dates and (a.dates[1] < b.dates[0] or b.dates[1] < a.dates[0]):
        return None
    shared_types = [t for t in a.types if t in b.types]
    if not shared_types:
        return None
    places = sorted(a.places & b.places)
    shared = sorted(((a.core | a.places) & (b.core | b.places)) - set(places))  # whatever the role
    words = sorted(a.words & b.words)
    same_lemma = a.ref.lemma == b.ref.lemma
    if not shared and not places and not (same_lemma and words):
        return None
    evidence = [*shared_types]
    evidence += [f"participant {a.labels.get(iri, iri)}" for iri in shared]
    evidence += [f"place {a.labels.get(iri, iri)}" for iri in places]
    evidence += [f"argument {w}" for w in words]
    if a.dates and b.dates:
        evidence.append(f"time {max(a.dates[0], b.dates[0])}")
    score = len(shared) + len(places) + bool(words) + same_lemma + bool(a.dates and b.dates)
    return evidence if score >= MIN_AGREEMENT else None


def link_events(articles: Sequence[Article], base: str) -> list[StoryEvent]:
    """The story events of ``articles``: groups of two or more per-article events, each with its evidence."""
    events = _events(articles)
    scored = []
    for i, j in _candidates(events):
        evidence = _agreement(events[i], events[j])
        if evidence is not None:
            scored.append((-len(evidence), events[i].ref.event, events[j].ref.event, i, j, evidence))
    scored.sort(key=lambda s: s[:3])
    parent = list(range(len(events)))
    articles_of = [{e.ref.article} for e in events]
    evidence_of: dict[int, set[str]] = defaultdict(set)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    agents_of = [set(e.agents) for e in events]
    for *_, i, j, evidence in scored:
        ri, rj = root(i), root(j)
        if ri == rj:
            evidence_of[ri].update(evidence)
            continue
        if articles_of[ri] & articles_of[rj]:
            continue  # would make two events of one article the same
        if agents_of[ri] and agents_of[rj] and not agents_of[ri] & agents_of[rj]:
            continue  # would give one event two sets of agents that have nothing in common
        parent[rj] = ri
        articles_of[ri] |= articles_of[rj]
        agents_of[ri] |= agents_of[rj]
        evidence_of[ri] |= evidence_of.pop(rj, set()) | set(evidence)
    groups: dict[int, list[EventRef]] = defaultdict(list)
    for i, event in enumerate(events):
        groups[root(i)].append(event.ref)
    found = [StoryEvent(_iri(base, members), tuple(sorted(members)), tuple(sorted(evidence_of[r])))
             for r, members in groups.items() if len(members) > 1]
    return sorted(found, key=lambda s: s.iri)


def _iri(base: str, members: Iterable[EventRef]) -> str:
    digest = hashlib.sha1("\n".join(sorted(m.event for m in members)).encode()).hexdigest()[:16]
    return f"{base}story/event/{digest}"
