"""Small helpers from spaCy spans and tokens to model mentions."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kgbuild.model import Mention

__all__ = ["char_mention", "mention", "token_mention"]


def mention(span: Span) -> Mention:
    return Mention(span.start_char, span.end_char, span.text)


def token_mention(token: Token) -> Mention:
    return Mention(token.idx, token.idx + len(token.text), token.text)


def char_mention(text: str, start: int, end: int) -> Mention:
    """A mention for ``text[start:end]`` with surrounding white space trimmed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Mention(start, end, text[start:end])
