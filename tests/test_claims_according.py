""""according to X" before and after the proposition."""

from __future__ import annotations

from claims_helpers import extract, only, speaker_name


def test_according_to_first(nlp):
    x = extract(nlp, "According to the ministry, the bridge will reopen next week.")
    c = only(x)
    assert c.cue_lemma == "according to"
    assert c.content.text == "the bridge will reopen next week"
    assert "ministry" in speaker_name(x, c)


def test_according_to_last(nlp):
    c = only(extract(nlp, "The bridge will reopen next week, according to local officials."))
    assert c.content.text == "The bridge will reopen next week"
    assert c.speaker_mention.text == "local officials"


def test_according_to_source_ends_at_the_comma_when_the_parser_runs_on(nlp):
    from claims_helpers import extract, only

    x = extract(nlp, "According to data from Cox Automotive, Tesla's share of the U.S. electric vehicle market "
                     "slipped below 50% for the first time.")
    claim = only(x)
    assert claim.content.text.startswith("Tesla's share of the U.S. electric vehicle market slipped")
    assert claim.speaker_mention.text == "data from Cox Automotive"


def test_according_to_a_title_and_a_name_is_the_person(nlp):
    from claims_helpers import extract, only, speaker_name

    x = extract(nlp, "The museum saw attendance reach 11,000 visitors in 2010, according to curator Elaine Gustafon.")
    assert speaker_name(x, only(x)) == "Elaine Gustafon"
