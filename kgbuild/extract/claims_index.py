"""Quotations and claims indexed once by offset, so that each frame looks them up in logarithmic time
instead of scanning every quotation or claim of the article."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from kgbuild.extract.claims_quotes import QuoteSpan
from kgbuild.model import Claim, QuoteType

__all__ = ["ClaimIndex", "Quotes"]


class Quotes(list[QuoteSpan]):
    """The article's quotation spans in text order (they do not overlap), with offset look-ups."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        super().__init__(sorted(spans, key=lambda q: q.start))
        self._starts = [q.start for q in self]
        self._ends = [q.end for q in self]

    def containing(self, pos: int) -> QuoteSpan | None:
        i = bisect_right(self._starts, pos) - 1
        return self[i] if i >= 0 and pos < self[i].end else None

    def last_ending_by(self, pos: int) -> QuoteSpan | None:
        """The last quotation that ends at or before ``pos``."""
        i = bisect_right(self._ends, pos) - 1
        return self[i] if i >= 0 else None

    def first_starting_from(self, pos: int) -> QuoteSpan | None:
        """The first quotation that starts at or after ``pos``."""
        i = bisect_left(self._starts, pos)
        return self[i] if i < len(self) else None

    def starting_from(self, pos: int) -> Iterator[QuoteSpan]:
        """The quotations that start at or after ``pos``, in text order."""
        for i in range(bisect_left(self._starts, pos), len(self)):
            yield self[i]

    def quote_type(self, start: int, end: int) -> QuoteType:
        """Direct inside one quotation, mixed when overlapping one, else indirect."""
        q = self.containing(start)
        if q is not None and end <= q.end:
            return QuoteType.DIRECT
        if q is not None:
            return QuoteType.MIXED
        nxt = self.first_starting_from(start)
        return QuoteType.MIXED if nxt is not None and nxt.start < end else QuoteType.INDIRECT


class ClaimIndex:
    """Claims by the offsets of their content."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = sorted(claims, key=lambda c: (c.content.start, c.content.end))
        self._starts = [c.content.start for c in self.claims]
        self._longest = max((c.content.end - c.content.start for c in self.claims), default=0)
        direct = [c for c in self.claims if c.quote_type == QuoteType.DIRECT]
        self._direct = direct
        self._direct_starts = [c.content.start for c in direct]

    def containing(self, pos: int, *, exclude: str | None = None) -> Claim | None:
        """The shortest claim whose content contains ``pos`` (contents are at most the longest one long)."""
        best: Claim | None = None
        i = bisect_right(self._starts, pos) - 1
        while i >= 0 and self._starts[i] >= pos - self._longest:
            c = self.claims[i]
            if pos < c.content.end and c.key != exclude and (
                    best is None or c.content.end - c.content.start < best.content.end - best.content.start):
                best = c
            i -= 1
        return best

    def nearest_direct(self, pos: int, within: int) -> Claim | None:
        """The direct quotation's claim that starts nearest to ``pos`` (earlier one on a tie)."""
        i = bisect_left(self._direct_starts, pos)
        near = [(abs(c.content.start - pos), c.content.start, k) for k, c in
                ((j, self._direct[j]) for j in (i - 1, i) if 0 <= j < len(self._direct))
                if abs(c.content.start - pos) <= within]
        return self._direct[min(near)[2]] if near else None
