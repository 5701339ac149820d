"""Speaker resolution: pronouns, definite descriptions, anonymous sources as actors."""

from __future__ import annotations

from claims_helpers import extract, speaker_name


def test_pronoun_resolves_to_previous_source(nlp):
    x = extract(nlp, "A diplomat involved in the talks said that the meeting was postponed. "
                     "He added that the delegation had left the city.")
    first, second = x.claims
    assert second.speaker == first.speaker
    assert second.speaker_mention.text == "He"


def test_definite_description_resolves_to_same_head(nlp):
    x = extract(nlp, "A diplomat involved in the talks said that the meeting was postponed. "
                     "The diplomat also stressed that the talks had not been called off.")
    first, second = x.claims
    assert second.speaker == first.speaker
    assert second.cue_lemma == "stress"


def test_anonymous_source_attributes(nlp):
    x = extract(nlp, "Two people familiar with the talks noted that the summit was delayed.")
    source = next(a for a in x.actors if a.key == x.claims[0].speaker)
    assert source.anonymous and source.source_role == "people"
    assert source.number == "Two"
    assert source.qualifier == "familiar with the talks"


def test_demonym_gives_affiliation(nlp):
    x = extract(nlp, "A Russian source said that the offer had expired.")
    source = next(a for a in x.actors if a.key == x.claims[0].speaker)
    assert source.affiliation is not None
    assert next(a for a in x.actors if a.key == source.affiliation).name == "Russia"


def test_distinct_anonymous_sources_stay_distinct(nlp):
    x = extract(nlp, '"It failed," another person familiar with the talks said. '
                     "Two people familiar with the talks noted that the summit was delayed.")
    assert x.claims[0].speaker != x.claims[1].speaker


def test_named_speaker_from_actor_table(nlp):
    x = extract(nlp, "German Chancellor Olaf Scholz said that Berlin would send more aid.")
    assert speaker_name(x, x.claims[0]) == "Olaf Scholz"


def test_conjoined_cue_inherits_subject(nlp):
    x = extract(nlp, "The spokesman said that the plant was safe and noted that no radiation had leaked.")
    assert len(x.claims) == 2
    assert x.claims[0].speaker == x.claims[1].speaker
    assert x.claims[1].cue_lemma == "note"


def test_it_refers_back_to_outlet(nlp):
    x = extract(nlp, "The newspaper said the minister had resigned. It added that an inquiry had begun.")
    assert x.claims[1].speaker == x.claims[0].speaker


def test_title_phrase_closed_by_a_name_resolves_to_the_person(nlp):
    x = extract(nlp, 'In a statement, Governor of Ohio John Kasich said, "The bridge will reopen in May."')
    claim = x.claims[0]
    assert speaker_name(x, claim) == "John Kasich"
    assert not next(a for a in x.actors if a.key == claim.speaker).anonymous


def test_lone_surname_joins_the_person_named_in_full_earlier(nlp):
    x = extract(nlp, 'Chief executive Elon Musk blamed supply problems. "Demand remains strong," Musk wrote.')
    [claim] = x.claims
    assert speaker_name(x, claim) == "Elon Musk"
    assert [a.name for a in x.actors].count("Musk") == 0


def test_it_said_after_a_clause_about_the_company_is_the_company(nlp):
    x = extract(nlp, "The company delivered 387,000 vehicles in the first quarter, it said in a statement.")
    [claim] = x.claims
    assert claim.speaker_mention.text == "it"
    assert speaker_name(x, claim).endswith("company")


def test_times_and_events_do_not_speak_and_he_finds_the_person(nlp):
    x = extract(nlp, "Chancellor Olaf Scholz told reporters the deal showed that the coalition could still govern. "
                     '"We have found a good solution," he said.')
    speakers = {speaker_name(x, c) for c in x.claims}
    assert speakers == {"Olaf Scholz"}


def test_some_and_others_are_groups_of_their_own(nlp):
    x = extract(nlp, "Economists were divided. Some warned that cuts would hurt growth, "
                     "while others said the compromise would calm markets.")
    names = sorted(speaker_name(x, c) for c in x.claims)
    assert names == ["Some", "others"]
    assert all(next(a for a in x.actors if a.key == c.speaker).anonymous for c in x.claims)
