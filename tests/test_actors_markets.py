"""Stock indices are things (kind Other); exchanges are organisations."""

from __future__ import annotations

from kgbuild.extract.actors import find_actors
from kgbuild.extract.actors_lexicon import is_exchange, is_stock_index
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document


def kinds(nlp, text: str) -> dict[str, ActorKind]:
    table = ActorTable("t")
    find_actors(nlp(text), Document(id="t", text=text), table)
    return {a.name: a.kind for a in table.freeze()}


def test_index_and_exchange_lexicons():
    assert is_stock_index("FTSE 100") and is_stock_index("Nikkei") and is_stock_index("Dow Jones Industrial Average")
    assert not is_stock_index("Nasdaq")  # also the exchange
    assert is_exchange("Nasdaq") and is_exchange("NYSE") and is_exchange("London Stock Exchange")


def test_indices_are_things(nlp):
    found = kinds(nlp, "The S&P 500 fell 3% and the FTSE 100 lost 2%, while the Nikkei 225 rose slightly.")
    assert found["S&P 500"] is ActorKind.OTHER
    assert found["FTSE 100"] is ActorKind.OTHER
    assert found["Nikkei 225"] is ActorKind.OTHER


def test_short_index_name_is_a_thing(nlp):
    found = kinds(nlp, "The Dow closed down 120 points on Friday.")
    assert found["Dow"] is ActorKind.OTHER


def test_exchange_is_an_organisation_and_its_acronym_joins_it(nlp):
    found = kinds(nlp, "Shares rose on the New York Stock Exchange; NYSE said trading was normal.")
    assert found == {"New York Stock Exchange": ActorKind.ORGANIZATION}
