"""Frames that attribute nothing (``claims_scope``), and their look-alikes that still do (texts of our own)."""

from __future__ import annotations

import pytest
from claims_helpers import extract, only, speaker_name

from kgbuild.model import ClaimKind

NOTHING = [
    # a relative clause whose antecedent fills a gap in the content
    "These are the promises the candidate said she would keep.",
    "The bridge, which the engineer said would hold, collapsed in May.",
    "Everything the coach asked the players to practise was on the list.",
    # a negated frame after its clause: the speaker professes not to know
    "The ferry was late again, I don't know.",
    "Maybe the shop sold too many tickets I can't remember.",
    # a clause the parser may hang on a perception verb with an object of its own
    "We have seen floods in towns that nobody would expect it.",
    # an inference from a thing, not a source
    "His early sketches showed that he had a gift for perspective.",
    "The worn steps suggest that the chapel was busy for centuries.",
    # the first person is told: the teller is not named
    "I was told that the museum would close in June.",
    # a title the verb's phrase mentions is not what is said
    'Tomas proposed to Lena in front of their favourite painting, "Night Harbour", by a Dutch master at the '
    'national museum in May 2011.',
]


@pytest.mark.parametrize("text", NOTHING)
def test_frames_that_attribute_nothing(nlp, text):
    x = extract(nlp, text)
    assert [c.content.text for c in x.claims] == []


KEPT = [
    # the relative word belongs to the frame, or the relative clause is of time
    ("The farmer who said that the well had run dry sold the land.", "farmer", "the well had run dry",
     ClaimKind.ASSERTION),
    ("The council issued a statement in which the mayor said that the pool would reopen.", "mayor",
     "the pool would reopen", ClaimKind.ASSERTION),
    # an unnegated final frame, and a negated frame before its clause
    ("The ferry was late again, I now know.", "author", "The ferry was late again", ClaimKind.BELIEF),
    # a source of evidence, and people, with an inference verb
    ("The inspection showed that the cables had rusted.", "inspection", "the cables had rusted",
     ClaimKind.EVIDENCE),
    ("Astronomers showed that the comet had two tails.", "Astronomers", "the comet had two tails",
     ClaimKind.EVIDENCE),
    ("These girls will prove that nothing can stop them.", "girls", "nothing can stop them", ClaimKind.EVIDENCE),
    # a passive with a named teller
    ("We were told by the mayor that the bridge would reopen.", "mayor", "the bridge would reopen",
     ClaimKind.ASSERTION),
]


@pytest.mark.parametrize(("text", "source", "content", "kind"), KEPT)
def test_look_alikes_that_still_attribute(nlp, text, source, content, kind):
    x = extract(nlp, text)
    claim = only(x)
    assert claim.content.text == content
    assert source in speaker_name(x, claim)
    assert claim.kind is kind


def test_negated_frame_before_its_clause_is_kept(nlp):
    claim = only(extract(nlp, "The minister does not believe that the dam will hold."))
    assert claim.content.text == "the dam will hold"
    assert claim.negated is False  # the frame is negated, not the content
