"""First-person frames outside quotation marks: the interviewee, the interviewer, or the author."""

from __future__ import annotations

from claims_helpers import extract, speaker_name

from kgbuild.model import ClaimKind

INTERVIEW = """Interview with beekeeper Marta Kowalczyk
The Daily Ledger spoke to the beekeeper about the dry summer.
Do you think that the hives will recover?
I think that most of them will recover by spring.
I mean, the colonies are stronger than they look.
We hope that the rain comes early this year.
"""


def _by_content(x):
    return {c.content.text: c for c in x.claims}


def test_answers_are_the_interviewees(nlp):
    x = extract(nlp, INTERVIEW)
    claims = _by_content(x)
    think = claims["most of them will recover by spring"]
    assert speaker_name(x, think) == "Marta Kowalczyk"
    assert think.kind is ClaimKind.BELIEF
    assert think.speaker_mention.text == "I"
    assert speaker_name(x, claims["the rain comes early this year"]) == "Marta Kowalczyk"


def test_a_parenthetical_i_mean(nlp):
    x = extract(nlp, INTERVIEW)
    claim = _by_content(x)["the colonies are stronger than they look"]
    assert claim.cue.text == "mean"
    assert speaker_name(x, claim) == "Marta Kowalczyk"


def test_a_question_asks_the_interviewee(nlp):
    x = extract(nlp, INTERVIEW)
    claim = _by_content(x)["there is the hives will recover".replace("there is ", "")]
    assert speaker_name(x, claim) == "Marta Kowalczyk"  # "do you think ...?": the addressee's belief


def test_outside_an_interview_the_first_person_is_the_author(nlp):
    x = extract(nlp, "Notes from the valley\nI believe that the old mill should be restored.")
    claim = next(iter(x.claims))
    assert claim.content.text == "the old mill should be restored"
    assert speaker_name(x, claim) == "author"


def test_first_person_inside_a_quotation_is_the_quoted_speaker(nlp):
    x = extract(nlp, '"I think the harvest will be late," the farmer Jonas Rook said.')
    assert {speaker_name(x, c) for c in x.claims} == {"Jonas Rook"}


def test_generic_you_inside_a_quotation_is_no_source(nlp):
    x = extract(nlp, '"You know, the harvest will be late," the farmer Jonas Rook said.')
    assert [c.cue.text for c in x.claims] == ["said"]


def test_an_unresolved_pronoun_is_the_source(nlp):
    x = extract(nlp, "They think that the factory will close.")
    claim = next(iter(x.claims))
    assert claim.content.text == "the factory will close"
    assert speaker_name(x, claim) == "they"


def test_that_said_is_no_attribution(nlp):
    assert extract(nlp, "That said, the road is still open.").claims == ()
