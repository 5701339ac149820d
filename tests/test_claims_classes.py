"""Each attribution class of issue 14, cue by cue, on sentences written for these tests: source, cue, content
and kind of the one claim each sentence makes (see test_claims_kinds for the first cue of each class)."""

from __future__ import annotations

import pytest
from claims_helpers import extract, only, speaker_name

from kgbuild.model import ClaimKind

A, B, E, D = ClaimKind.ASSERTION, ClaimKind.BELIEF, ClaimKind.EVIDENCE, ClaimKind.DIRECTIVE
ACC, DEN, COM, EV, ANN = (ClaimKind.ACCUSATION, ClaimKind.DENIAL, ClaimKind.COMMITMENT, ClaimKind.EVALUATION,
                          ClaimKind.ANNOUNCEMENT)

CASES = [
    # (text, source name, cue words, content, kind)
    # assertions
    ("The harbour authority stated that the pier would stay closed until spring.",
     "harbour authority", "stated", "the pier would stay closed until spring", A),
    ('"The water is safe to drink," the engineer added.',
     "engineer", "added", "The water is safe to drink", A),
    ("In her blog, the novelist wrote that the festival had lost its soul.",
     "novelist", "wrote", "the festival had lost its soul", A),
    ("The striker tweeted that he was leaving the club after ten years.",
     "striker", "tweeted", "he was leaving the club after ten years", A),
    # beliefs and opinions
    ("Most shopkeepers think the new car park will bring more customers.",
     "shopkeepers", "think", "the new car park will bring more customers", B),
    ("The defence lawyer argued that the photographs had been taken illegally.",
     "defence lawyer", "argued", "the photographs had been taken illegally", B),
    ("Several economists doubt that the bank will cut rates this year.",
     "economists", "doubt", "the bank will cut rates this year", B),
    ("Analysts expect that the merger will be approved by the regulator.",
     "Analysts", "expect", "the merger will be approved by the regulator", B),
    ("The tunnel will open in June, engineers believe.",
     "engineers", "believe", "The tunnel will open in June", B),
    # evidentials: what data, polls and studies show
    ("The data suggest that the drought began earlier than thought.",
     "data", "suggest", "the drought began earlier than thought", E),
    ("Early results indicate that turnout was higher than in 2019.",
     "Early results", "indicate", "turnout was higher than in 2019", E),
    ("Polls show that the governor's lead has narrowed to three points.",
     "Polls", "show", "the governor's lead has narrowed to three points", E),
    ("A study by the university found that the river carries twice as much plastic as in 2010.",
     "study by the university", "found", "the river carries twice as much plastic as in 2010", E),
    # directives and proposals
    ("The nurses' union called for an independent inquiry into the deaths.",
     "nurses' union", "called for", "an independent inquiry into the deaths", D),
    ("Local leaders urged Congress to act before the winter.",
     "Local leaders", "urged", "Congress to act before the winter", D),
    ("The coach asked the players to stay off social media.",
     "coach", "asked", "the players to stay off social media", D),
    ("The planning committee proposed that the old mill be turned into flats.",
     "planning committee", "proposed", "the old mill be turned into flats", D),
    ("The inspectors recommended that the school replace its heating system.",
     "inspectors", "recommended", "the school replace its heating system", D),
    # accusations and denials
    ("Prosecutors alleged that the director had hidden the losses from investors.",
     "Prosecutors", "alleged", "the director had hidden the losses from investors", ACC),
    ("The company disputed that its trucks had caused the damage.",
     "company", "disputed", "its trucks had caused the damage", DEN),
    ("The minister rejected claims that the hospital was understaffed.",
     "minister", "rejected", "the hospital was understaffed", DEN),
    ("The minister dismissed reports that she would resign.",
     "minister", "dismissed", "she would resign", DEN),
    # commitments
    ("The president pledged to cut fuel taxes by a third.",
     "president", "pledged", "to cut fuel taxes by a third", COM),
    ("The rebels vowed that they would never lay down their arms.",
     "rebels", "vowed", "they would never lay down their arms", COM),
    # evaluations that carry a proposition
    ("The mayor praised the volunteers for clearing the beach in a single day.",
     "mayor", "praised", "the volunteers for clearing the beach in a single day", EV),
    ("Human rights groups condemned the army for shelling the villages.",
     "Human rights groups", "condemned", "the army for shelling the villages", EV),
    # announcements
    ("The police confirmed that two people had been arrested.",
     "police", "confirmed", "two people had been arrested", ANN),
    ("The newspaper reported that the minister had resigned.",
     "newspaper", "reported", "the minister had resigned", ANN),
    ("The museum revealed that the painting was a forgery.",
     "museum", "revealed", "the painting was a forgery", ANN),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "kind"), CASES,
                         ids=[f"{c[4].value}-{c[2]}" for c in CASES])
def test_cue_of_each_class(nlp, text, source, cue, content, kind):
    x = extract(nlp, text)
    claim = only(x)
    assert (claim.cue.text, claim.content.text, claim.kind) == (cue, content, kind)
    assert source in speaker_name(x, claim)


NOMINAL = [
    # nominal cues, prepositional frames and the media a source speaks in
    ("Senator Ada Voss spoke to reporters on Monday. Her claim that the port had been sold was rejected by the "
     "board.", "Ada Voss", "claim", "the port had been sold", A),
    ("The opposition's allegation that the vote was rigged has not been proven.",
     "opposition", "allegation", "the vote was rigged", ACC),
    ("The ministry issued a statement on Sunday saying that the border would reopen.",
     "ministry", "saying", "the border would reopen", A),
    ("The health ministry said in a statement that the outbreak was under control.",
     "health ministry", "said", "the outbreak was under control", A),
    ("As the union's leader put it, the strike is the workers' last resort.",
     "union's leader", "put", "the strike is the workers' last resort", A),
    ("In the view of the inspectors, the stadium is unsafe.",
     "inspectors", "In the view of", "the stadium is unsafe", B),
    ("The party's position is that the tax must be scrapped.",
     "party", "position", "the tax must be scrapped", B),
    ("According to a report by the fire service, the blaze started in the kitchen.",
     "report by the fire service", "According to", "the blaze started in the kitchen", E),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "kind"), NOMINAL,
                         ids=[f"{c[4].value}-{c[2]}" for c in NOMINAL])
def test_nominal_and_prepositional_frames(nlp, text, source, cue, content, kind):
    x = extract(nlp, text)
    claim = only(x)
    assert (claim.cue.text, claim.content.text, claim.kind) == (cue, content, kind)
    assert source in speaker_name(x, claim)


def test_in_an_interview_with_an_outlet_reports_the_claim(nlp):
    x = extract(nlp, "In an interview with The Guardian, the architect warned that the tower could be delayed.")
    claim = only(x)
    assert (claim.cue.text, claim.content.text, claim.kind) == ("warned", "the tower could be delayed", COM)
    assert "architect" in speaker_name(x, claim)
    assert [a.name for a in x.actors if a.key in claim.reported_by] == ["Guardian"]


@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ("A court ruling found that the dismissal of the workers was unlawful.",
     "court ruling", "found", "the dismissal of the workers was unlawful"),
    ("A report released by the auditors says the project wasted millions.",
     "report released by the auditors", "says", "the project wasted millions"),
    ("A report by the audit office concluded that the project had wasted millions.",
     "report by the audit office", "concluded", "the project had wasted millions"),
    ("The leaked files reveal that the firm paid no tax for a decade.",
     "leaked files", "reveal", "the firm paid no tax for a decade"),
])
def test_sources_that_are_no_one_give_evidence(nlp, text, source, cue, content):
    # a document asserts, announces and believes nothing: what it says is evidence
    x = extract(nlp, text)
    claim = only(x)
    assert (claim.cue.text, claim.content.text, claim.kind) == (cue, content, E)
    actor = next(a for a in x.actors if a.key == claim.speaker)
    assert actor.evidence_source and source in actor.name


def test_a_document_released_by_a_source_speaks_for_it(nlp):
    x = extract(nlp, "The agency released figures showing that unemployment fell in May.")
    claim = only(x)
    assert (claim.cue.text, claim.content.text, claim.kind) == ("showing", "unemployment fell in May", E)
    assert speaker_name(x, claim) == "agency"


def test_a_relative_clause_of_a_source(nlp):
    x = extract(nlp, "A diplomat who said that the talks had failed was recalled.")
    claim = only(x)
    assert claim.content.text == "the talks had failed"
    assert speaker_name(x, claim) == "diplomat"


def test_said_comma_quotation(nlp):
    x = extract(nlp, 'Ms Okafor smiled and said, "Thank you, all of you."')
    claim = only(x)
    assert claim.content.text == "Thank you, all of you"
    assert speaker_name(x, claim) == "Okafor"


@pytest.mark.parametrize(("text", "content"), [
    ("On the budget, well I mean the real question is who will pay for it.",
     "the real question is who will pay for it"),
    ("That, I think, started the whole dispute, but nobody remembers it now.", "started the whole dispute"),
    ("The ferry was late again (the captain was ill, I believe).", "the captain was ill"),
])
def test_parenthetical_frames_scope_over_their_clause(nlp, text, content):
    claim = only(extract(nlp, text))
    assert claim.content.text == content
    assert claim.kind is B


def test_an_indirect_question_is_no_claim_unless_asked(nlp):
    assert extract(nlp, "The guide explained what the monument commemorates.").claims == ()
    claim = only(extract(nlp, "Reporters asked whether the minister would resign."))
    assert (claim.kind, claim.content.text) == (D, "whether the minister would resign")


def test_a_that_clause_after_a_place_is_no_report(nlp):
    # "that" opens a relative clause of "countries", not what was seen
    assert extract(nlp, "We have seen floods across the region, in towns that nobody would expect it.").claims == ()
