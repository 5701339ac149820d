"""Organisations: acronyms, model cuts fixed by patterns, the publisher."""

from __future__ import annotations

from kgbuild.extract.actors import find_actors
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document


def build(nlp, text: str, publisher: str | None = None):
    table = ActorTable("t")
    key = find_actors(nlp(text), Document(id="t", text=text, publisher=publisher), table)
    return {a.key: a for a in table.freeze()}, key


def test_headline_acronym_joins_the_organisation(nlp):
    found, _ = build(nlp, "Secret talks disrupted – WP\nThe Washington Post journalists have reported on the talks.")
    post = found["organization/washington-post"]
    assert sorted(m.text for m in post.mentions) == ["WP", "Washington Post"]
    assert not any(k.endswith("/wp") for k in found)


def test_parenthesised_acronym_defines_it(nlp):
    found, _ = build(nlp, "The World Health Organization (WHO) issued a warning. WHO said iodine matters.")
    orgs = [a for a in found.values() if a.kind == ActorKind.ORGANIZATION]
    assert [a.name for a in orgs] == ["World Health Organization"]
    assert len(orgs[0].mentions) == 2


def test_office_of_the_president_of_a_country_is_one_organisation(nlp):
    found, _ = build(nlp, "In response, the Office of the President of Ukraine said that the summit was postponed.")
    assert found["organization/office-of-the-president-of-ukraine"].kind == ActorKind.ORGANIZATION


def test_person_administration_is_an_organisation(nlp):
    found, _ = build(nlp, "The Biden administration has long said that Ukraine should decide.")
    assert found["organization/biden-administration"].kind == ActorKind.ORGANIZATION
    assert "person/biden" not in found


def test_publisher_is_the_organisation_mentioned_in_the_text(nlp):
    found, key = build(nlp, "The Washington Post reported the talks.", publisher="The Washington Post")
    assert key == "organization/washington-post"
    assert found[key].kind == ActorKind.ORGANIZATION


def test_country_inside_an_organisation_name_is_a_mention_and_an_affiliation(nlp):
    from kgbuild.extract import extract_document
    from kgbuild.model import ActorKind, Document

    text = "The Bank of Canada raised interest rates on Tuesday, the Washington Post reported."
    x = extract_document(nlp(text), Document(id="t", text=text))
    by_name = {a.name: a for a in x.actors}
    canada = by_name["Canada"]
    assert canada.kind is ActorKind.GPE and canada.mentions[0].text == "Canada"
    assert by_name["Bank of Canada"].affiliation == canada.key
    assert "Washington" not in by_name  # a newspaper named after a city is not about the city


def test_model_mistakes_no_name_makes_become_other(nlp):
    from kgbuild.extract import extract_document
    from kgbuild.model import ActorKind, Document

    for text, name in [("The final mission, STS-134, landed in Florida in 2011.", "STS-134"),
                       ("Homeopathy is popular. Critics say homeopathy does not work.", "Homeopathy")]:
        x = extract_document(nlp(text), Document(id="t", text=text))
        kinds = {a.name: a.kind for a in x.actors}
        assert kinds[name] is ActorKind.OTHER, kinds
    assert kinds.get("Critics") is not ActorKind.OTHER
