"""Direct, indirect and mixed quotes; quote-first and quote-last orders."""

from __future__ import annotations

from claims_helpers import extract, only, speaker_name

from kgbuild.model import QuoteType


def test_indirect_that_clause(nlp):
    x = extract(nlp, "A diplomat said that Russian officials had postponed the meeting.")
    c = only(x)
    assert c.content.text == "Russian officials had postponed the meeting"
    assert c.cue_lemma == "say" and c.quote_type == QuoteType.INDIRECT
    assert x.document.text[c.content.start:c.content.end] == c.content.text


def test_quote_first_then_frame(nlp):
    x = extract(nlp, '"After the attack, the talks stalled," another person familiar with the talks said.')
    c = only(x)
    assert c.content.text == "After the attack, the talks stalled"
    assert c.quote_type == QuoteType.DIRECT
    assert speaker_name(x, c) == "person familiar with the talks"


def test_curly_quote_with_inverted_frame(nlp):
    x = extract(nlp, "\u201cWe will not give up,\u201d said the mayor.")
    c = only(x)
    assert c.content.text == "We will not give up"
    assert c.speaker_mention.text == "the mayor"


def test_quote_spanning_sentences(nlp):
    text = '"The vote was close. We expected more support," the senator said.'
    c = only(extract(nlp, text))
    assert c.content.text == "The vote was close. We expected more support"


def test_frame_then_colon_quote(nlp):
    c = only(extract(nlp, 'The minister told reporters: "The border will stay closed."'))
    assert c.content.text == "The border will stay closed"
    assert c.cue_lemma == "tell"


def test_mixed_quote_after_that(nlp):
    c = only(extract(nlp, 'The official made it clear that "the offer would not be repeated".'))
    assert c.cue_lemma == "make clear"
    assert c.content.text == "the offer would not be repeated"


def test_as_the_source_said_frames_the_main_clause(nlp):
    # "as X said" / "as X put it" is an attribution frame (PARC): the main clause is the content
    c = only(extract(nlp, "The so-called agreement was never signed, as the officials said."))
    assert c.content.text == "The so-called agreement was never signed"
    assert c.cue.text == "said"


def test_said_without_complement_is_no_claim(nlp):
    assert extract(nlp, "The officials said nothing, and the agreement was never signed.").claims == ()


def test_contrasting_report_is_cut_from_content(nlp):
    x = extract(nlp, "Critics say the law is unfair, while supporters argue it is needed.")
    assert [c.content.text for c in x.claims] == ["the law is unfair", "it is needed"]


def test_indirect_content_before_the_frame_even_when_the_parser_takes_it_for_the_subject(nlp):
    from claims_helpers import extract, speaker_name

    x = extract(nlp, "Air strikes killed at least 30 people in the south on Sunday, health officials said, "
                     "as negotiators in Cairo failed to agree on a truce.")
    [claim] = x.claims
    assert claim.content.text == "Air strikes killed at least 30 people in the south on Sunday"
    assert speaker_name(x, claim) == "health officials"
    assert claim.cue.text == "said"


def test_frame_after_a_sentence_break_the_parser_put_at_the_comma(nlp):
    from claims_helpers import extract, speaker_name

    x = extract(nlp, "Israeli strikes kill dozens in Gaza as ceasefire talks stall\n"
                     "Israeli air strikes killed at least 30 people in the southern Gaza Strip on Sunday, health "
                     "officials said, as negotiators in Cairo failed to agree on a ceasefire.")
    [claim] = x.claims
    assert claim.content.text.startswith("Israeli air strikes killed at least 30 people")
    assert speaker_name(x, claim) == "health officials"
