"""Nominal and prepositional attribution frames (PARC's nominal cues and source phrases).

* a cue noun with a that-clause, whose source is its possessor, a by/from-phrase, or the subject of
  the light verb it is the object of: "his claim that ...", "allegations by the opposition that ...",
  "the ministry issued a warning that ...", "made the accusation that ..."; "denied the allegation
  that ..." has no source for the allegation (the denier did not make it) and gives no frame;
* "in X's view, ...", "in the view of X, ..." (the latter is a prepositional cue of ``cues.json``);
* "X's position is that ...", "his argument was that ...": a view noun as the subject of "be";
* "as X put it, ...", "as X said, ...": the main clause is the content.
"""

from __future__ import annotations

from spacy.tokens import Token

from kgbuild.extract.claims_frame import (
    SUBJECTS,
    Frame,
    clause_without,
    content_span,
    has_that,
    quote_type,
    token_mention,
)
from kgbuild.extract.claims_index import Quotes
from kgbuild.extract.claims_lexicon import Lexicon
from kgbuild.model import ClaimKind

__all__ = ["as_frame", "nominal_frame", "noun_owner", "view_frame"]

CLAUSE_DEPS = ("acl", "ccomp", "appos", "relcl", "advcl")


def noun_owner(noun: Token, lex: Lexicon) -> Token | None:
    """Whose claim, statement or warning: "his claim", "claims by X", "X made the claim"."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() in lex.light_verbs:
        verb = noun.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        return subj
    return None


def nominal_frame(noun: Token, lex: Lexicon, quotes: Quotes) -> Frame | None:
    """A cue noun with a that-clause and a source."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or (lemma not in lex.nouns and noun.lower_ not in lex.nouns):
        return None
    clause = next((c for c in noun.children if c.dep_ in CLAUSE_DEPS and c.i > noun.i and has_that(c)), None)
    if clause is None:
        return None
    source = noun_owner(noun, lex)
    if source is None:
        return None
    span = content_span(clause)
    if span[1] <= span[0]:
        return None
    kind = lex.kind(lemma if lemma in lex.kinds else noun.lower_)
    return Frame(token_mention(noun), lemma, span, quote_type(quotes, *span), source, clause, noun, kind)


def view_frame(tok: Token, lex: Lexicon, quotes: Quotes) -> Frame | None:
    """"in X's view, ...", and "X's position is that ..."."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in lex.view_nouns:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    kind = lex.kind(lemma, ClaimKind.BELIEF)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep":
        prep = tok.head
        span = clause_without(prep, (prep.i, tok.right_edge.i))
        if span[1] <= span[0]:
            return None
        return Frame(token_mention(prep, tok), f"in {lemma}", span, quote_type(quotes, *span), poss, prep.head,
                     prep, kind)
    if tok.dep_ in SUBJECTS and tok.head.lemma_ == "be":
        clause = next((c for c in tok.head.children if c.dep_ in ("ccomp", "attr", "acomp") and c.i > tok.i
                       and (c.dep_ != "attr" or has_that(c))), None)
        if clause is None or (clause.dep_ == "ccomp" and not has_that(clause) and clause.pos_ not in ("VERB", "AUX")):
            return None
        span = content_span(clause)
        if span[1] <= span[0]:
            return None
        return Frame(token_mention(tok), lemma, span, quote_type(quotes, *span), poss, clause, tok, kind)
    return None


def as_frame(mark: Token, lex: Lexicon, quotes: Quotes) -> Frame | None:
    """"As the mayor put it, the city is broke." / "..., as officials said." """
    if mark.lower_ != "as" or mark.dep_ != "mark":
        return None
    verb = mark.head
    lemma = verb.lemma_.lower()
    if verb.dep_ != "advcl" or verb.i < mark.i or not (lemma in lex.verbs or lemma in lex.as_frames):
        return None
    if verb.head.pos_ not in ("VERB", "AUX"):
        return None  # "as far as I can tell": a hedge on the clause, not its source
    if lemma in lex.as_frames and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return None  # "as X put it"
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    span = clause_without(verb, (verb.left_edge.i, verb.right_edge.i))
    if span[1] <= span[0]:
        return None
    return Frame(token_mention(verb), lemma, span, quote_type(quotes, *span), subject, verb.head, verb,
                 lex.kind(lemma))
