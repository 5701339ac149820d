"""Small helpers from spaCy spans and tokens to model mentions."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kgbuild.model import Mention

__all__ = ["char_mention", "doc_text", "mention", "sentence_of", "token_mention"]

_SENTENCES = "kgbuild.sentence_of"
_TEXT = "kgbuild.doc_text"


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


def sentence_of(tok: Token) -> Span:
    """The sentence of ``tok``, in constant time.

    spaCy's ``Token.sent`` walks the document's sentences on every call, which makes a
    per-token loop quadratic in the document length; this indexes them once per ``Doc``.
    """
    doc = tok.doc
    index = doc.user_data.get(_SENTENCES)
    if index is None or len(index) != len(doc):
        index = [sent for sent in doc.sents for _ in range(len(sent))]
        doc.user_data[_SENTENCES] = index
    return index[tok.i]


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per ``Doc`` (spaCy rebuilds the string from its tokens on every access)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text

