"""The actor registry of one document, filled by the actor and claim extractors.

Extractors add mentions to actors by key; the table merges them and hands out
frozen ``model.Actor`` objects at the end. It also answers "which actor is
mentioned in this character span?", which claims and events use to resolve
speakers and participants.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from kgbuild.extract.names import named_key
from kgbuild.model import Actor, ActorKind, Mention

__all__ = ["ActorTable"]


@dataclass
class _Entry:
    actor: Actor
    mentions: set[Mention] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)


class ActorTable:
    """Actors of one document, keyed; mentions indexed by offset."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self._entries: dict[str, _Entry] = {}
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key), kept sorted
        self._mentions: dict[tuple[int, int, str], Mention] = {}
        self._longest = 0  # the longest mention: how far before ``start`` a covering mention can begin
        self._sorted = True

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[str]:
        """The actor keys, in the order they were added."""
        return iter(list(self._entries))

    def get(self, key: str) -> Actor | None:
        entry = self._entries.get(key)
        return entry.actor if entry else None

    def keys(self) -> list[str]:
        return list(self._entries)

    def add_named(self, name: str, kind: ActorKind, mention: Mention | None = None, **attrs: object) -> str:
        """Add (or extend) a named actor whose key is document-independent."""
        key = named_key(kind.value, name)
        return self.add(key, name, kind, mention, document=None, **attrs)

    def add_local(self, local_key: str, name: str, kind: ActorKind, mention: Mention | None = None,
                  **attrs: object) -> str:
        """Add (or extend) an actor that exists only in this document (anonymous sources, groups)."""
        return self.add(local_key, name, kind, mention, document=self.doc_id, **attrs)

    def add(self, key: str, name: str, kind: ActorKind, mention: Mention | None, *, document: str | None,
            **attrs: object) -> str:
        entry = self._entries.get(key)
        if entry is None:
            entry = _Entry(Actor(key=key, name=name, kind=kind, document=document))
            self._entries[key] = entry
        titles = attrs.pop("titles", ())
        for title in titles:  # type: ignore[union-attr]
            if title not in entry.titles:
                entry.titles.append(title)
        updates = {k: v for k, v in attrs.items() if v is not None and getattr(entry.actor, k) in (None, (), False)}
        if updates:
            entry.actor = replace(entry.actor, **updates)
        if mention is not None:
            self.add_mention(key, mention)
        return key

    def update(self, key: str, **attrs: object) -> None:
        """Overwrite attributes of an actor (e.g. a better canonical name)."""
        entry = self._entries[key]
        entry.actor = replace(entry.actor, **attrs)

    def add_mention(self, key: str, mention: Mention) -> None:
        entry = self._entries[key]
        if mention not in entry.mentions:
            entry.mentions.add(mention)
            self._spans.append((mention.start, mention.end, key))
            self._mentions[(mention.start, mention.end, key)] = mention
            self._longest = max(self._longest, mention.end - mention.start)
            self._sorted = False

    def _index(self) -> list[tuple[int, int, str]]:
        if not self._sorted:
            self._spans.sort()
            self._sorted = True
        return self._spans

    def in_span(self, start: int, end: int) -> list[tuple[Mention, str]]:
        """Actor mentions wholly inside ``[start, end)``, in text order."""
        spans = self._index()
        i = bisect_right(spans, (start, -1, ""))
        found = []
        while i < len(spans) and spans[i][0] < end:
            s, e, key = spans[i]
            if e <= end:
                found.append((self._mentions[(s, e, key)], key))
            i += 1
        return found

    def overlapping(self, start: int, end: int) -> list[tuple[Mention, str]]:
        """Actor mentions that overlap ``[start, end)``, in text order (an index lookup, not a scan): such a
        mention begins at most ``_longest`` characters before ``start``."""
        spans = self._index()
        found = []
        for s, e, key in islice(spans, bisect_left(spans, (start - self._longest, -1, "")), None):
            if s >= end:
                break
            if e > start:
                found.append((self._mentions[(s, e, key)], key))
        return found

    def at(self, start: int, end: int) -> str | None:
        """The actor whose mention best covers ``[start, end)``: exact, then the longest inside, then overlap."""
        best: tuple[int, str] | None = None
        for mention, key in self.overlapping(start, end):
            s, e = mention.start, mention.end
            if s == start and e == end:
                return key
            overlap = min(e, end) - max(s, start)
            inside = s >= start and e <= end
            score = overlap + (10_000 if inside else 0)
            if best is None or score > best[0]:
                best = (score, key)
        return best[1] if best else None

    def freeze(self) -> tuple[Actor, ...]:
        """Frozen actors, in a stable order (first mention, then key)."""
        actors = []
        for entry in self._entries.values():
            actors.append(replace(entry.actor, mentions=tuple(sorted(entry.mentions)),
                                  titles=tuple(entry.titles) or entry.actor.titles))
        return tuple(sorted(actors, key=lambda a: (a.mentions[0].start if a.mentions else -1, a.key)))
