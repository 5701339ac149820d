"""Places: gazetteer relabelling, canonical names, ISO codes and GeoNames links, demonyms."""

from __future__ import annotations

from kgbuild.extract.actors import find_actors
from kgbuild.extract.actors_places import country_of_demonym, gazetteer
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document


def actors(nlp, text: str):
    table = ActorTable("t")
    find_actors(nlp(text), Document(id="t", text=text), table)
    return {a.key: a for a in table.freeze()}


def test_capital_mislabelled_by_model_is_a_linked_gpe(nlp):
    found = actors(nlp, "Kyiv would consider a full cease-fire.")
    kyiv = found["gpe/kyiv"]
    assert kyiv.kind == ActorKind.GPE
    assert kyiv.country_code == "UA"
    assert kyiv.same_as == ("https://sws.geonames.org/703448/",)


def test_subdivision_with_type_word_and_bare_name_are_one_actor(nlp):
    found = actors(nlp, "Troops entered Russia's western Kursk Oblast last week. After Kursk, the mood changed.")
    kursk = [a for a in found.values() if "kursk" in a.key]
    assert [a.name for a in kursk] == ["Kursk Oblast"]
    assert kursk[0].country_code == "RU-KRS"
    assert len(kursk[0].mentions) == 2


def test_region_phrase_is_one_entity(nlp):
    found = actors(nlp, "Fighting continued in eastern Ukraine's Donetsk region.")
    assert found["gpe/donetsk-oblast"].mentions[0].text == "Donetsk region"


def test_official_country_name_is_canonicalised(nlp):
    found = actors(nlp, "The Russian Federation and the United States of America signed. Russia said so.")
    assert "gpe/russia" in found and "gpe/russian-federation" not in found
    assert found["gpe/united-states"].country_code == "US"


def test_demonym_adjective_is_not_an_actor(nlp):
    found = actors(nlp, "Russian officials had postponed a meeting with Qatari officials.")
    assert not any(a.kind == ActorKind.GPE for a in found.values())


def test_plural_demonym_subject_is_a_mention_of_the_country(nlp):
    found = actors(nlp, "After the offensive, the Russians balked.")
    assert [m.text for m in found["gpe/russia"].mentions] == ["Russians"]


def test_country_of_demonym_adds_the_country():
    table = ActorTable("t")
    assert country_of_demonym("a Russian", table) == "gpe/russia"
    assert table.get("gpe/russia").same_as == ("https://sws.geonames.org/2017370/",)
    assert country_of_demonym("diplomatic", table) is None


def test_gazetteer_prefers_countries_and_knows_aliases():
    gaz = gazetteer()
    assert gaz.lookup("U.S.").name == "United States"
    assert gaz.lookup("Georgia").kind == "country"
    assert gaz.lookup("Crimean Peninsula").name == "Crimea"


def test_facility_names_are_locations_whatever_the_ner_label(nlp):
    from kgbuild.extract import extract_document
    from kgbuild.model import ActorKind, Document

    text = "The shuttle will go to the Museum of Flight in Seattle, not to the Johnson Space Center."
    x = extract_document(nlp(text), Document(id="t", text=text))
    kinds = {a.name: a.kind for a in x.actors}
    assert kinds.get("Museum of Flight") is ActorKind.LOCATION
    assert kinds.get("Johnson Space Center") is ActorKind.LOCATION


def test_homonymous_places_take_the_reading_of_the_documents_country(nlp):
    from kgbuild.extract import extract_document
    from kgbuild.model import Document

    text = ("Iodine levels were tested in New South Wales, Victoria, Queensland and South Australia. "
            "Australia's health minister welcomed the study.")
    x = extract_document(nlp(text), Document(id="t", text=text))
    victoria = next(a for a in x.actors if any(m.text == "Victoria" for m in a.mentions))
    assert victoria.name == "Victoria" and victoria.country_code == "AU-VIC"


def test_cities_keep_the_articles_name_but_a_shared_node(nlp):
    from kgbuild.extract import extract_document
    from kgbuild.model import Document

    text = "Pilgrims gathered in Mecca on Friday, officials said."
    x = extract_document(nlp(text), Document(id="t", text=text))
    mecca = next(a for a in x.actors if a.country_code == "SA" and a.mentions)
    assert mecca.name == "Mecca"
    assert mecca.key == "gpe/makkah"  # the linked name, so "Makkah" in another article is the same node


def test_a_place_after_of_in_an_organisation_name_is_a_mention_of_it(nlp):
    found = actors(nlp, "She studied at the University of Copenhagen and later taught at the University of Ohio.")
    assert {"gpe/copenhagen", "gpe/ohio"} <= set(found)
    university = next(a for a in found.values() if a.name == "University of Copenhagen")
    assert university.kind == ActorKind.ORGANIZATION
    assert found["gpe/copenhagen"].mentions[0].text == "Copenhagen"


def test_a_city_inside_a_name_without_of_is_left_alone(nlp):
    found = actors(nlp, "The Washington Post and the Toronto Star reported the deal.")
    assert not any(k in found for k in ("gpe/washington", "gpe/toronto"))
