"""The line-break sentence starts are those of the token-by-token definition, on any text."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kgbuild.nlp.pipeline import line_sentences

_NLP = spacy.blank("en")
_PIECES = st.sampled_from(["Word", "word", " ", "  ", "\n", "\n\n", " \n ", "\r\n", "\t", ".", "—", "x\ny",
                           "U.S.", "said:", "\u2028", "\u00a0", "“Quote”"])


def _by_token(text: str) -> list[bool | None]:
    """The definition, token by token: after a token whose text or trailing space holds a line break,
    a token that is not space starts a sentence."""
    doc = _NLP.make_doc(text)
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].whitespace_ + doc[tok.i - 1].text and not tok.is_space:
            tok.is_sent_start = True
    return [tok.is_sent_start for tok in doc]


def _starts(text: str) -> list[bool | None]:
    return [tok.is_sent_start for tok in line_sentences(_NLP.make_doc(text))]


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_same_sentence_starts_as_token_by_token(text: str) -> None:
    assert _starts(text) == _by_token(text)


def test_a_long_text_of_many_lines() -> None:
    text = "Headline here\nBy A. Reporter\n\n" + "A sentence with words in it.\n" * 5000
    starts = _starts(text)
    assert starts == _by_token(text)
    assert starts.count(True) == 5002  # the first token's start is the parser's to set
