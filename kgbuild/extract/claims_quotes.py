"""Character-level structure of an article: quotation spans and header lines.

Quotes are found on the raw text (curly and straight marks) because the parser
does not see them as units; header lines ("Source: X with reference to Y",
"Quote: ...") are the conventions of aggregator sites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["HeaderLine", "QuoteSpan", "find_headers", "find_quotes", "inner"]

OPEN, CLOSE, STRAIGHT = "\u201c", "\u201d", '"'
MAX_QUOTE = 4000
_HEADER = re.compile(r"^[ \t]*(?P<label>Sources?|Quote|Quotes)[ \t]*:[ \t]*(?P<body>.*)$", re.MULTILINE)
_REFERENCE = re.compile(r"\s+(?:with (?:a )?reference to|citing|referring to|quoting)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class QuoteSpan:
    """``start`` is the opening mark, ``end`` is just after the closing mark."""

    start: int
    end: int


@dataclass(frozen=True)
class HeaderLine:
    """A labelled header line: ``label`` is "source" or "quote"; the body's offsets."""

    label: str
    start: int
    end: int
    outlet: tuple[int, int] | None = None  # "Source: X with reference to Y": the span of X
    reference: tuple[int, int] | None = None  # ... and of Y


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation spans, curly or straight; a quote left open at a line end that is followed by a
    line opening a quote is closed there (the multi-paragraph convention); a straight mark that can
    only open a quote (after a space, before a word) while one is open means that the open one was
    never closed ('also known as "Wild 2) ...'): the new one opens instead."""
    spans: list[QuoteSpan] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and start is not None:
            rest = text[i + 1: i + 3].lstrip()
            if rest[:1] in (OPEN, STRAIGHT) and i > start + 1 and text[i - 1] not in ":":
                spans.append(QuoteSpan(start, i))
                start = None
            continue
        if ch == OPEN or (ch == STRAIGHT and (start is None or _opens(text, i))):
            start = i  # a straight mark that can only open ('... as "Wild 2) ... the "discover" ...') drops a stray one
        elif (ch in (CLOSE, STRAIGHT)) and start is not None:
            if i - start <= MAX_QUOTE and i > start + 1:
                spans.append(QuoteSpan(start, i + 1))
            start = None
    return spans


def _opens(text: str, i: int) -> bool:
    """A straight quotation mark at ``i`` that cannot close: white space (or an opening bracket) before it,
    a letter or digit after it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([") and after.isalnum()


def inner(text: str, span: QuoteSpan) -> tuple[int, int]:
    """Offsets of a quote's content without its marks and trailing punctuation."""
    start, end = span.start + 1, span.end
    if text[end - 1] in (CLOSE, STRAIGHT):
        end -= 1
    return trim(text, start, end)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding white space, quote marks and clause punctuation."""
    while start < end and (text[start].isspace() or text[start] in "\"\u201c\u201d,;:-\u2014"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"\u201c\u201d,;:.-\u2014"):
        end -= 1
    return start, end


def find_headers(text: str) -> list[HeaderLine]:
    """Lines labelled "Source:" or "Quote:"."""
    headers = []
    for m in _HEADER.finditer(text):
        label = "source" if m.group("label").lower().startswith("source") else "quote"
        body_start, body_end = m.start("body"), m.end("body")
        outlet = reference = None
        if label == "source":
            ref = _REFERENCE.search(text, body_start, body_end)
            out_end = ref.start() if ref else body_end
            outlet = trim(text, body_start, out_end)
            if ref:
                reference = trim(text, ref.end(), body_end)
            if outlet[0] >= outlet[1]:
                outlet = None
        headers.append(HeaderLine(label, body_start, body_end, outlet, reference))
    return headers
