"""Entity spans repaired by their construction: slashes, a given name and its surname, capitalised common words,
places inside region and character names, inverted republics, named storms."""

from __future__ import annotations

from spacy.tokens import Span

from kgbuild.extract.actors import find_actors
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document


def actors_of(doc, text: str) -> dict:
    table = ActorTable("t")
    find_actors(doc, Document(id="t", text=text), table)
    return {a.key: a for a in table.freeze()}


def build(nlp, text: str) -> dict:
    return actors_of(nlp(text), text)


def with_entity(nlp, text: str, word: str, label: str) -> dict:
    """The model's parse of ``text``, with ``word`` as its only entity (the model's cut we repair)."""
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == word)
    doc.ents = [Span(doc, i, i + 1, label=label)]
    return actors_of(doc, text)


def test_names_joined_by_a_slash_are_two_organisations(nlp):
    found = build(nlp, "The latest Ipsos / Reuters poll from late September placed him at 13 percent.")
    assert {"organization/ipsos", "organization/reuters"} <= set(found)
    assert not any("/" in a.name for a in found.values())


def test_given_name_entity_takes_the_untagged_surname_after_it(nlp):
    found = with_entity(nlp, "She signed books with the illustrator Johnnie Christmas on Friday.", "Johnnie", "PERSON")
    assert [m.text for m in found["person/johnnie-christmas"].mentions] == ["Johnnie Christmas"]
    assert "person/johnnie" not in found


def test_a_name_that_is_no_given_name_is_not_extended(nlp):
    found = with_entity(nlp, "She met Kowalski Christmas Eve in the town.", "Kowalski", "PERSON")
    assert "person/kowalski-christmas" not in found


def test_capitalised_verb_or_adjective_is_no_name(nlp):
    found = with_entity(nlp, "Browsing the archive, I noticed that many recordings were damaged.", "Browsing", "PERSON")
    assert not found
    found = build(nlp, "Tropical cyclones are sustained by latent heat. Cyclone Phailin weakened over land.")
    assert "organization/tropical" not in found


def test_region_and_character_names_do_not_mention_the_country(nlp):
    found = build(nlp, "The fair is one of the largest in North America.")
    assert "gpe/united-states" not in found
    found = build(nlp, "One fan wore a Captain America costume.")
    assert "gpe/united-states" not in found


def test_inverted_republic_is_the_country(nlp):
    found = build(nlp, "Korea Republic lost to Mexico in Rostov.")
    assert [m.text for m in found["gpe/south-korea"].mentions] == ["Korea Republic"]


def test_named_storm_is_an_event_not_a_person(nlp):
    found = build(nlp, "Cyclone Phailin made landfall on Saturday. Officials said Phailin had weakened.")
    storm = found["other/cyclone-phailin"]
    assert storm.kind == ActorKind.OTHER
    assert sorted(m.text for m in storm.mentions) == ["Cyclone Phailin", "Phailin"]
    assert not any(a.kind == ActorKind.PERSON for a in found.values())
    found = build(nlp, "Typhoon Haiyan struck the Philippines.")
    assert "other/typhoon-haiyan" in found and "person/typhoon-haiyan" not in found


def test_a_name_a_work_noun_introduces_is_a_work_not_an_actor(nlp):
    """'the superhero film Watchmen', 'his book Hydrodynamica': titles of works (kind Other); the noun
    must modify the name or have it in apposition ('In the film, Smith plays ...' keeps Smith)."""
    works = build(nlp, "She starred in the superhero film Watchmen in 2009. He summarized ideas from his book "
                       "Hydrodynamica. She appeared in the period drama Downton Abbey.")
    assert {a.name: a.kind for a in works.values()} == {
        "Watchmen": ActorKind.OTHER, "Hydrodynamica": ActorKind.OTHER, "Downton Abbey": ActorKind.OTHER}
    actors = build(nlp, "In the film, John Smith plays a spy. The film company Miramax bought it.")
    kinds = {a.name: a.kind for a in actors.values()}
    assert kinds["John Smith"] == ActorKind.PERSON and kinds["Miramax"] == ActorKind.ORGANIZATION
