"""Contents that are not that-clauses: what a directive asks for, what an accusation charges, and the
clause around a parenthetical frame.

* directives and commitments with an infinitive: "urged Congress to act" -> "Congress to act",
  "vowed to fight on" -> "to fight on";
* verb + preposition cues: "called on the government to release them" -> "the government to release
  them", "called for an inquiry" -> "an inquiry";
* accusations and evaluations with an of/for-complement: "accused the minister of lying" -> "the
  minister of lying", "criticised the board for ignoring the warnings" -> "the board for ignoring the
  warnings" (an evaluation needs a verbal complement: "thanked them for their help" carries no
  proposition);
* denials of a reported proposition: "rejected claims that the ward was understaffed", "denied the
  allegation that he had bet" -> the that-clause of the object noun (what is denied; who made the
  allegation is not said);
* parenthetical frames: "I mean, is the problem national?", "The river, I think, will flood" -> the
  clause the frame is inserted in.
"""

from __future__ import annotations

from spacy.tokens import Token

from kgbuild.extract.claims_frame import SUBJECTS, clause_without, content_span, has_that
from kgbuild.extract.claims_lexicon import Lexicon
from kgbuild.extract.claims_quotes import trim
from kgbuild.extract.spans import doc_text, sentence_of
from kgbuild.model import ClaimKind

__all__ = ["denied_clause", "infinitive_span", "of_complement", "parenthetical_span", "prepositional_cue"]

OBJECTS = ("dobj", "dative")
SET_OFF = (",", "\u2014", "-", ";")
BREAKS = ("\u2014", "--", ";", ":")  # a clause ends at these, whatever the parser hung after them
PARENTHETICAL_KINDS = (ClaimKind.ASSERTION, ClaimKind.BELIEF, ClaimKind.EVIDENCE)


def _span(first: Token, last: Token) -> tuple[int, int]:
    return trim(doc_text(first.doc), first.idx, last.idx + len(last.text))


def infinitive_span(verb: Token, xcomp: Token) -> tuple[int, int]:
    """The infinitive with the object it is predicated of: "urged [Congress to act]"."""
    obj = next((c for c in verb.children if c.dep_ in OBJECTS and c.i < xcomp.i), None)
    first = obj.left_edge if obj is not None else xcomp.left_edge
    return _span(first, xcomp.right_edge)


def prepositional_cue(verb: Token, lex: Lexicon) -> tuple[Token, ClaimKind, tuple[int, int]] | None:
    """"called on X to act" / "called for X": the preposition, the kind and the content."""
    preps = lex.prepositional_verbs.get(verb.lemma_.lower())
    if not preps:
        return None
    for prep in verb.children:
        if prep.dep_ not in ("prep", "prt") or prep.lower_ not in preps or prep.i < verb.i:
            continue
        pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > prep.i), None)
        if pobj is None and prep.dep_ == "prt":
            pobj = next((c for c in verb.children if c.dep_ in OBJECTS and c.i > prep.i), None)
        if pobj is None:
            continue
        if xcomp is not None:  # "called on the government to release them"
            return prep, preps[prep.lower_], _span(pobj.left_edge, xcomp.right_edge)
        if f"{verb.lemma_.lower()} {prep.lower_}" in lex.noun_contents and pobj.pos_ in ("NOUN", "PROPN", "VERB"):
            return prep, preps[prep.lower_], _span(pobj.left_edge, pobj.right_edge)  # "called for an inquiry"
    return None


def of_complement(verb: Token, lex: Lexicon, kind: ClaimKind) -> tuple[int, int] | None:
    """"accused X of lying", "blamed X for the attack", "praised X for acting quickly"."""
    words = lex.of_verbs.get(verb.lemma_.lower())
    if not words:
        return None
    obj = next((c for c in verb.children if c.dep_ in OBJECTS), None)
    holder = obj if obj is not None else verb
    for prep in [*holder.children, *verb.children]:
        if prep.dep_ != "prep" or prep.lower_ not in words or prep.i < verb.i:
            continue
        comp = next((c for c in prep.children if c.dep_ in ("pcomp", "pobj")), None)
        if comp is None:
            continue
        verbal = comp.dep_ == "pcomp" or comp.tag_ == "VBG" or any(t.pos_ == "VERB" for t in comp.subtree)
        if kind is not ClaimKind.ACCUSATION and not verbal:
            continue
        first = obj.left_edge if obj is not None and obj.i < prep.i else prep
        return _span(first, prep.right_edge)
    return None


def denied_clause(verb: Token, kind: ClaimKind) -> tuple[int, int] | None:
    """"rejected claims that X", "dismissed reports that X": a denial's object noun with a that-clause."""
    if kind is not ClaimKind.DENIAL:
        return None
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.pos_ != "NOUN":
            continue
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "appos", "relcl") and c.i > obj.i
                       and has_that(c)), None)
        if clause is not None:
            return content_span(clause)
    return None


def parenthetical_span(verb: Token, kind: ClaimKind) -> tuple[int, int] | None:
    """A frame set off by commas inside or before its clause: "I mean, X", "X, I think, Y", "You see, X".
    Only saying and believing frame a clause this way ("I hope, X" does not)."""
    if verb.dep_ != "parataxis" or verb.head.i == verb.i or kind not in PARENTHETICAL_KINDS:
        return None
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "prep") for c in verb.children):
        return None  # a clause of its own, not a frame
    lo, hi = verb.left_edge.i, verb.right_edge.i
    doc = verb.doc
    opening = all(t.is_punct or t.is_space or _discourse_marker(t) for t in doc[sentence_of(verb).start: lo])
    before = lo - 1
    while before > 0 and _discourse_marker(doc[before]):
        before -= 1  # "On NATO, well I mean ...": a discourse marker between the comma and the frame
    if not (opening or (before >= 0 and doc[before].text in SET_OFF) or doc[lo].text in SET_OFF
            or doc[hi].text in SET_OFF or (hi + 1 < len(doc) and doc[hi + 1].text in SET_OFF)):
        return None  # "I mean the theory was ...", "X, I think, Y"; not a clause run into another
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or any(t.i == head.i for t in verb.subtree):
        return None
    subject = next((c for c in head.children if c.dep_ in (*SUBJECTS, "expl")), None)
    if subject is not None and hi < subject.left_edge.i < head.i:
        # "On NATO, well I mean the question is why ...": the frame opens its clause, whatever came before
        first = next((t for t in doc[hi + 1: head.i + 1] if not (t.is_punct or t.is_space)), head)
        return _span(first, _clause_end(head))
    if subject is not None and subject.i < lo and hi < head.i:
        # "That, I think, started it, but ...": the frame splits its clause; the content is what follows it
        first = next((t for t in doc[hi + 1: head.i + 1] if not (t.is_punct or t.is_space)), head)
        return _span(first, _clause_end(head))
    start, end = clause_without(verb, (lo, hi))
    if end <= verb.idx:  # a final frame scopes back to the nearest dash, bracket or semicolon: "(... — X, I believe)"
        opener = next((t for t in reversed(doc[:lo]) if t.idx < start or t.text in BREAKS or t.text == "("), None)
        if opener is not None and opener.idx >= start:
            start, end = trim(doc_text(doc), opener.idx + len(opener.text), end)
    return start, end


def _clause_end(head: Token) -> Token:
    """The last word of the clause headed by ``head``: before a dash or semicolon, and before a clause
    coordinated after a comma ("there are signs of it, and in fact we had ...")."""
    doc = head.doc
    end = head.right_edge.i
    for child in head.rights:
        if child.dep_ == "punct" and child.text in BREAKS:
            end = min(end, child.i - 1)
        elif child.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in child.children):
            cc = next((c for c in head.rights if c.dep_ == "cc" and c.i < child.left_edge.i), None)
            start = cc.i if cc is not None else child.left_edge.i
            if start > 0 and (doc[start - 1].text == "," or doc[start].text == ","):
                end = min(end, start - 1)
    while end > head.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return doc[end]


def _discourse_marker(tok: Token) -> bool:
    return tok.pos_ in ("INTJ", "CCONJ") or tok.lower_ in ("well", "so", "now")
