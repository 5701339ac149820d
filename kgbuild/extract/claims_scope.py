"""Frames that look like attributions but attribute nothing: the cue verb and its clause are there, yet no
source is reported as holding the clause.

* a relative clause whose antecedent fills a gap in the content: "the things he said he would do",
  "the plan, which he said would fail", "everything you asked him to remember" - the content is not a
  proposition of its own (not so for "the man who said that ...", "a statement in which he said that ...",
  where the relative word belongs to the frame, nor for "the day he said the war was over");
* a negated frame after its clause: "He was late again, I don't know.", "..., I can't remember." - the
  speaker professes not to know, and holds nothing;
* a clause the parser hung on a cognition or perception verb that has an object of its own: "we've seen
  strikes in countries that we wouldn't expect it" - the clause belongs to the noun, the verb reports
  nothing;
* an inference verb whose subject is a thing that cannot be a source: "his early drawings showed that he had
  a talent", "the fossil suggests that ..." - the writer's inference, not an attribution (a study, a poll, data,
  experts and organisations remain sources: "the survey shows that ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from kgbuild.extract.claims_frame import SUBJECTS
from kgbuild.extract.claims_lexicon import Lexicon
from kgbuild.model import ClaimKind

__all__ = ["attributes_nothing"]

RELATIVE_TAGS = ("WDT", "WP", "WP$")
COGNITION = (ClaimKind.BELIEF, ClaimKind.EVIDENCE)


def attributes_nothing(verb: Token, comp: Token | None, span: tuple[int, int], subject: Token | None,
                       kind: ClaimKind, lex: Lexicon) -> bool:
    """Whether the frame of ``verb`` with content ``span`` (characters) reports no one's proposition."""
    return _gapped(verb, span, lex) or _professed_ignorance(verb, span) or _noun_clause(verb, comp, kind, lex) \
        or _inference(verb, subject, lex)


def _gapped(verb: Token, span: tuple[int, int], lex: Lexicon) -> bool:
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return False
    doc = verb.doc
    for tok in doc[clause.left_edge.i: verb.i]:
        if tok.tag_ == "WRB":
            return False  # "the town where he said the attack happened": an adjunct, the clause is whole
        if tok.tag_ in RELATIVE_TAGS or (tok.lower_ == "that" and tok.dep_ != "mark"):
            return span[0] <= tok.idx < span[1] or _under(tok, span)  # the relative word fills the content's gap
    if clause.head.lower_ in lex.adjunct_nouns or clause.head.ent_type_ in ("DATE", "TIME"):
        return False  # "the day he said the war was over": a zero relative of time or manner
    # "the man she told that ...": the gap is the addressee
    return verb.lemma_.lower() not in lex.reported_to or any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _under(tok: Token, span: tuple[int, int]) -> bool:
    """The relative word hangs from a word of the content ("which he said would fail")."""
    head = tok.head
    return head.i != tok.i and span[0] <= head.idx < span[1]


def _professed_ignorance(verb: Token, span: tuple[int, int]) -> bool:
    return span[1] <= verb.idx and any(c.dep_ == "neg" for c in verb.children)


def _noun_clause(verb: Token, comp: Token | None, kind: ClaimKind, lex: Lexicon) -> bool:
    if comp is None or comp.dep_ != "ccomp" or comp.i < verb.i or kind not in COGNITION:
        return False
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i < comp.i and obj.pos_ == "NOUN" and not _person_like(obj, lex):
            return True
    return False


def _inference(verb: Token, subject: Token | None, lex: Lexicon) -> bool:
    if subject is None or verb.lemma_.lower() not in lex.inference_verbs or subject.dep_ not in SUBJECTS:
        return False
    return subject.pos_ == "NOUN" and not subject.ent_type_ and not _person_like(subject, lex)


def _person_like(noun: Token, lex: Lexicon) -> bool:
    """A noun that can name a source: people, bodies, outlets, documents and evidence."""
    lemma = noun.lemma_.lower()
    return lemma in lex.source_nouns or lemma in lex.body_nouns or lemma in lex.outlet_nouns \
        or noun.lower_ in lex.body_nouns or lemma in lex.human_nouns or lemma.endswith(lex.agent_suffixes)
