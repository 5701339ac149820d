"""Reporting chains, nested claims, non-responses and boilerplate."""

from __future__ import annotations

from claims_helpers import extract

HEADER = "Source: The Washington Post with reference to diplomats\n"


def test_header_source_reports_body_claims(nlp):
    x = extract(nlp, HEADER + "A diplomat said that the talks were postponed.\n")
    assert len(x.sources) == 1
    assert x.claims[0].reported_by == x.sources


def test_request_from_outlet_is_reporter(nlp):
    x = extract(nlp, "In response to a request from The Washington Post, the Office of the President of Ukraine "
                     "said that the summit had been postponed.")
    claim = x.claims[0]
    names = {a.key: a.name for a in x.actors}
    assert [names[k] for k in claim.reported_by] == ["Washington Post"]


def test_nested_claim_is_part_of_outer(nlp):
    x = extract(nlp, "A diplomat said that the talks stalled. "
                     'He added that Moscow\'s delegation called this "an escalation".')
    inner = next(c for c in x.claims if c.content.text == "an escalation")
    outer = next(c for c in x.claims if c.cue_lemma == "add")
    assert inner.part_of == outer.key
    assert inner.speaker != outer.speaker


def test_declined_to_comment_is_non_response(nlp):
    x = extract(nlp, "The White House declined to comment on this topic.")
    assert x.claims == ()
    assert len(x.non_responses) == 1 and x.non_responses[0].declined


def test_did_not_respond_is_non_response(nlp):
    x = extract(nlp, "The Kremlin did not respond to inquiries from the newspaper.")
    assert x.claims == ()
    assert [n.declined for n in x.non_responses] == [False]


def test_boilerplate_yields_nothing(nlp):
    x = extract(nlp, "Support The-News by becoming our patron! Thank you!\nTo leave a comment, please log in.")
    assert x.claims == () and x.non_responses == ()
