"""What the story step finds, as plain dataclasses: story events, story claims and claim relations."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ClaimRef", "ClaimRelation", "EventRef", "Story", "StoryClaim", "StoryEvent"]


@dataclass(frozen=True, order=True)
class EventRef:
    """One article's event, as the story sees it."""

    article: str  # the article's IRI
    event: str  # the event's IRI
    kind: str  # its ontology class (local name)
    lemma: str
    triggers: tuple[str, ...]  # the words of its mentions


@dataclass(frozen=True, order=True)
class ClaimRef:
    """One article's claim, as the story sees it."""

    article: str
    claim: str
    text: str
    speaker: str  # actor IRI ("" when none)
    speaker_label: str
    kind: str  # kg:attributionKind
    cue: str  # the cue's lemma
    negated: bool


@dataclass(frozen=True)
class StoryEvent:
    """Per-article events found to be one real-world event, and what matched."""

    iri: str
    members: tuple[EventRef, ...]
    evidence: tuple[str, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({m.article for m in self.members}))


@dataclass(frozen=True)
class StoryClaim:
    """Per-article claims with the same content from the same original source."""

    iri: str
    members: tuple[ClaimRef, ...]
    source: str  # actor IRI ("" when the repetitions name none)
    evidence: tuple[str, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({m.article for m in self.members}))


@dataclass(frozen=True)
class ClaimRelation:
    """``source`` contradicts or supports ``target``; ``type`` says how."""

    iri: str
    type: str  # denial, negation, different-number, retraction, corroboration
    source: ClaimRef
    target: ClaimRef
    evidence: tuple[str, ...]

    @property
    def contradicts(self) -> bool:
        return self.type != "corroboration"


@dataclass(frozen=True)
class Story:
    """The story layer of a corpus."""

    iri: str
    articles: tuple[str, ...]
    events: tuple[StoryEvent, ...]
    claims: tuple[StoryClaim, ...]
    relations: tuple[ClaimRelation, ...]
