"""Marking up article text with possibly overlapping spans, as properly nested HTML.

Spans may nest or cross in any way (a claim contains actor mentions, a cue overlaps an event
trigger, offsets may even run past the text). Spans are opened outermost first; a span that
would cross the end of the enclosing one is split there and continued later, so the output is
always well-formed and, with the tags stripped and entities unescaped, equals the text.

>>> mark_up("Putin said no", [Mark(0, 5, "actor"), Mark(0, 13, "claim")])
'<span class="claim"><span class="actor">Putin</span> said no</span>'
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from html import escape

__all__ = ["Mark", "mark_up"]


@dataclass(frozen=True)
class Mark:
    """A span to mark up: ``classes`` of a ``<span>``, extra attributes, and a layer (lower = outer)."""

    start: int
    end: int
    classes: str
    attrs: Mapping[str, str] = field(default_factory=dict)
    layer: int = 0
    first_attrs: Mapping[str, str] = field(default_factory=dict)  # only on the first piece (id, tabindex)
    continued: bool = False

    def open_tag(self) -> str:
        attrs = dict(self.attrs)
        if not self.continued:
            attrs.update(self.first_attrs)
        classes = f"{self.classes} cont" if self.continued else self.classes
        rendered = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
        return f'<span class="{escape(classes)}"{rendered}>'


def mark_up(text: str, marks: Iterable[Mark]) -> str:
    """HTML of ``text`` with every mark as a ``<span>`` (split where spans cross)."""
    size = len(text)
    heap: list[tuple[int, int, int, int, Mark]] = []
    for seq, mark in enumerate(marks):
        start, end = max(0, min(mark.start, size)), max(0, min(mark.end, size))
        if start < end:
            heapq.heappush(heap, (start, -end, mark.layer, seq, replace(mark, start=start, end=end)))
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    while heap or stack:
        next_start = heap[0][0] if heap else size + 1
        if stack and stack[-1].end <= next_start:
            top = stack.pop()
            out.append(escape(text[pos:top.end], quote=False))
            out.append("</span>")
            pos = top.end
            continue
        start, _, layer, seq, mark = heapq.heappop(heap)
        out.append(escape(text[pos:start], quote=False))
        pos = start
        if stack and mark.end > stack[-1].end:
            rest = replace(mark, start=stack[-1].end, continued=True)
            heapq.heappush(heap, (rest.start, -rest.end, layer, seq, rest))
            mark = replace(mark, end=stack[-1].end)
        out.append(mark.open_tag())
        stack.append(mark)
    out.append(escape(text[pos:], quote=False))
    return "".join(out)
