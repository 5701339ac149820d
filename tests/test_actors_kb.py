"""The user's knowledge base links people and organisations to external IRIs."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.errors import InputError
from kgbuild.extract.actors import find_actors
from kgbuild.extract.table import ActorTable
from kgbuild.model import Document
from kgbuild.rdf.kb_files import read_kb

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kb" / "people-and-orgs.csv"


def test_example_kb_reads_aliases_to_the_preferred_label():
    kb = read_kb(EXAMPLE)
    assert kb.lookup("Putin").label == "Vladimir Putin"
    assert kb.lookup("the washington post's").iri == "http://www.wikidata.org/entity/Q166032"


def test_kb_adds_same_as_and_preferred_name(nlp):
    text = "Zelensky spoke to reporters on Monday."
    table = ActorTable("t")
    find_actors(nlp(text), Document(id="t", text=text), table, kb=read_kb(EXAMPLE))
    actor = table.get("person/volodymyr-zelensky")
    assert actor is not None
    assert actor.same_as == ("http://www.wikidata.org/entity/Q3881714",)


def test_turtle_kb(tmp_path):
    path = tmp_path / "kb.ttl"
    path.write_text('@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                    '<http://example.org/nato> skos:prefLabel "NATO" ; skos:altLabel "North Atlantic Alliance" .\n',
                    encoding="utf-8")
    assert read_kb(path).lookup("North Atlantic Alliance").label == "NATO"


def test_csv_without_header_is_an_input_error(tmp_path):
    path = tmp_path / "kb.csv"
    path.write_text("Putin,http://example.org/putin\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_kb(path)
