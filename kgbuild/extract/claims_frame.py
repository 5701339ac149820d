"""An attribution frame found in the text (PARC: cue, content, source) before its speaker is resolved,
and the span helpers that every kind of frame shares."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kgbuild.extract.claims_index import Quotes
from kgbuild.extract.claims_quotes import trim
from kgbuild.extract.spans import char_mention, doc_text, sentence_of
from kgbuild.model import ClaimKind, Mention, QuoteType

__all__ = ["CLAUSAL", "FINITE", "FRAME_GAP", "SUBJECTS", "Frame", "clause_without", "content_span", "governs",
           "has_that", "quote_type", "token_mention"]

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSAL = ("ccomp", "parataxis")
FINITE = ("VBD", "VBZ", "VBP", "MD")
FRAME_GAP = set(" \t\n,:;\u2014-")


@dataclass
class Frame:
    """A cue found in the text, before its speaker is resolved."""

    cue: Mention
    lemma: str
    content: tuple[int, int]
    quote_type: QuoteType
    subject: Token | None  # the words that name the source (resolved to an actor later)
    root: Token | None  # head of the content clause, for negation
    verb: Token  # the cue's head word
    kind: ClaimKind = ClaimKind.ASSERTION


def token_mention(tok: Token, last: Token | None = None) -> Mention:
    last = last or tok
    return char_mention(doc_text(tok.doc), tok.idx, last.idx + len(last.text))


def has_that(clause: Token) -> bool:
    """The clause opens with the complementiser "that" ("the claim that ...", not "the claim that he made")."""
    return any(m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i for m in clause.children)


def content_span(comp: Token, is_report=None) -> tuple[int, int]:
    """The complement clause without its complementiser, surrounding punctuation, and a conjoined
    report the parser hung inside it ("... was safe and noted that ...")."""
    tokens = list(comp.subtree)
    if is_report is not None:
        for conj in comp.rights:
            if conj.dep_ in ("conj", "advcl") and is_report(conj):
                tokens = [t for t in tokens if t.i < conj.left_edge.i]
    while tokens and tokens[-1].dep_ in ("cc", "mark", "punct"):
        tokens = tokens[:-1]
    while tokens and ((tokens[0].dep_ == "mark" and tokens[0].lower_ == "that") or tokens[0].is_punct):
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0].lower_ == "that" and tokens[0].dep_ not in SUBJECTS \
            and any(c.dep_ in SUBJECTS for c in comp.children):
        tokens = tokens[1:]  # "indicate that turnout was higher": the parser took the complementiser for a
        # determiner or an object ("told reporters that he would stay"); the clause has its own subject
    while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return 0, 0
    return trim(doc_text(comp.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def quote_type(quotes: Quotes, start: int, end: int) -> QuoteType:
    return quotes.quote_type(start, end)


def governs(head: Token, tok: Token) -> bool:
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def clause_without(tok: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """The clause that the phrase of token indices ``phrase`` (containing ``tok``) modifies, minus the phrase
    where it stands at either end of the clause ("according to X, ...", "..., as X put it")."""
    sent = sentence_of(tok)
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i and sentence_of(head.head) == sent:
        head = head.head
    lo = min(head.left_edge.i, phrase[0])
    hi = max(head.right_edge.i, phrase[1])
    doc = tok.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    if phrase[0] <= lo:
        lo = phrase[1] + 1
    elif phrase[1] >= hi:
        hi = phrase[0] - 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return 0, 0
    return trim(doc_text(doc), doc[lo].idx, doc[hi].idx + len(doc[hi].text))
