"""JSON-LD output uses readable kg: terms and round-trips to the Turtle graph, offline."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kgbuild.out.serialize import Format, jsonld_context, serialize


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during JSON-LD processing")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_context_has_readable_terms():
    context = jsonld_context()["@context"]
    assert context["claimText"] == "kg:claimText"
    assert context["saidBy"] == {"@id": "kg:saidBy", "@type": "@id"}
    assert context["datePublished"] == {"@id": "kg:datePublished", "@type": "xsd:date"}
    assert context["Claim"] == "kg:Claim"
    assert context["label"] == "rdfs:label"  # the shipped file's terms are kept


def test_jsonld_round_trips_to_the_turtle_graph(seed_ttl: Path, no_network: None):
    turtle = Graph().parse(seed_ttl)
    data = serialize([(None, turtle)], Format.jsonld)  # type: ignore[list-item]
    doc = json.loads(data)
    nodes = doc["@graph"]
    claim = next(n for n in nodes if n.get("@type") == "Claim")
    assert "claimText" in claim and "saidBy" in claim
    back = Graph().parse(data=data, format="json-ld")
    assert isomorphic(back, turtle)
