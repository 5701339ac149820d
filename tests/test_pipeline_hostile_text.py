"""Property tests: whatever the text, build never raises, and its output parses (rdflib and
Oxigraph) and conforms to the shapes."""

from __future__ import annotations

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kgbuild.mapping import to_graph
from kgbuild.model import Document
from kgbuild.pipeline import extract_documents
from kgbuild.serialize import serialize
from kgbuild.validate import validate_graph

HOSTILE_PIECES = [
    '"', "“", "”", "'", "\\", "<", ">", "{", "}", "|", "^", "`", "%20", "@prefix x: <http://e/> .",
    "<http://evil.example/> <http://p> <http://o> .", "SELECT * WHERE { ?s ?p ?o }", "\u200b", "\u202e",
    "\u0000", "\x07", "😀", "שלום", "مرحبا", "Владимир Путин said", "said", " said that ", "\n", "\r\n", "\t",
    "Source: ", "Quote: ", "According to ", "The Kremlin", "Kyiv", "Mr. O'Brien", "—", "…", "%", "#", "",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(min_size=1, max_size=20)), min_size=1, max_size=25,
).map("".join).filter(lambda t: t.strip() != "")


def build_one(text: str) -> Graph:
    [extraction] = list(extract_documents([Document(id="h<o>s t\"i/le", text=text, title=text[:40])]))
    return to_graph(extraction)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_any_text_builds_a_conforming_graph_that_parses_everywhere(text: str):
    graph = build_one(text)
    report = validate_graph(graph)
    assert report.conforms, report.violations[:3]
    data = serialize([(next(iter(graph.subjects())), graph)])
    assert len(Graph().parse(data=data, format="turtle")) == len(graph)
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)


def test_text_cannot_inject_triples():
    text = 'Attack\nThe minister said "x" . <http://evil.example/s> <http://evil.example/p> "o" .'
    graph = build_one(text)
    assert not any("evil.example" in str(s) or "evil.example" in str(p) for s, p, _ in graph)
