"""Who says "I think ..." outside quotation marks: the interviewee, the interviewer or the author.

In an interview ("Interview with X", "X tells Wikinews", "Wikinews interviews X", "X, interviewed by
Y") the answers are the interviewee's and the questions the interviewer's: a first-person frame
("I think", "we believe", "I mean") in an answer is the interviewee's claim, in a question (a
sentence ending in "?") the interviewer's, and "do you think ...?" asks the interviewee. Outside an
interview, first-person frames outside quotes are the author's (an op-ed, a first-person report):
a document-local actor "author", the narrator of the article. Interviews are recognised from the
first lines only (title and lead), where articles announce them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kgbuild.extract.claims_speakers import SpeakerResolver
from kgbuild.extract.spans import sentence_of
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind

__all__ = ["FIRST_PERSON", "Narrator", "find_narrator"]

FIRST_PERSON = frozenset({"i", "we", "my", "our"})  # subjects, and possessors of "in my view", "our hope is"
SECOND_PERSON = frozenset({"you", "your"})
LEAD_CHARS = 1500  # interviews are announced in the title and the first lines
TALK_VERBS = frozenset({"talk", "speak", "chat", "tell"})
AUTHOR_KEY = "source/author"


@dataclass
class Narrator:
    """The first and second persons of the article's own voice."""

    table: ActorTable
    interviewee: str | None = None
    interviewer: str | None = None

    def speaker(self, subject: Token) -> str | None:
        """The actor that a first- or second-person subject outside quotes stands for."""
        low = subject.lower_
        question = sentence_of(subject).text.rstrip().endswith("?")
        if low in SECOND_PERSON:  # "do you think ...?" asks the interviewee; "you see, ..." in an answer
            return self.interviewee or self.author()
        if low not in FIRST_PERSON:
            return None
        if self.interviewee is None:
            return self.author()
        if question:
            return self.interviewer or self.author()
        return self.interviewee

    def author(self) -> str:
        return self.table.add_local(AUTHOR_KEY, "author", ActorKind.GROUP,
                                    description="the author (narrator) of the article")


def find_narrator(sdoc: Doc, table: ActorTable, resolver: SpeakerResolver) -> Narrator:
    """The interviewee and interviewer announced in the article's first lines, if it is an interview."""
    narrator = Narrator(table)
    for tok in sdoc:
        if tok.idx > LEAD_CHARS:
            break
        found = _interview(tok)
        if found is None:
            continue
        who, by = found
        speaker = resolver.resolve(who)
        if speaker is None:
            continue
        narrator.interviewee = speaker.key
        if by is not None:
            interviewer = resolver.resolve(by)
            narrator.interviewer = interviewer.key if interviewer else None
        break
    return narrator


def _interview(tok: Token) -> tuple[Token, Token | None] | None:
    """(interviewee, interviewer) of an interview announced at ``tok``."""
    lemma = tok.lemma_.lower()
    if lemma == "interview" and tok.pos_ in ("NOUN", "PROPN"):
        # "Interview with X", "An interview with the owners of ..."
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, None
        return None
    if lemma == "interview" and tok.pos_ == "VERB":
        agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if tok.dep_ == "acl" or agent is not None:  # "X, founder interviewed by Wikinews"
            who = next((c for c in tok.children if c.dep_ == "nsubjpass"), None) or _appositive_head(tok)
            return (who, agent) if who is not None else None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)  # "Wikinews interviews X"
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return (obj, subj) if obj is not None else None
    if lemma in TALK_VERBS and tok.pos_ == "VERB":
        # "X tells Wikinews about ...", "X talks to Wikinews"
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        outlet = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None) if lemma == "tell" else \
            next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                  for g in c.children if g.dep_ == "pobj"), None)
        if subj is not None and outlet is not None and outlet.pos_ == "PROPN" and subj.pos_ in ("PROPN", "NOUN") \
                and sentence_of(tok).start == 0:
            return subj, outlet
    return None


def _appositive_head(verb: Token) -> Token | None:
    """"Jack Herrick, wikiHow founder interviewed by Wikinews": the person the participle describes."""
    head = verb.head
    while head.dep_ == "appos" and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("PROPN", "NOUN") and head.i != verb.i else None
