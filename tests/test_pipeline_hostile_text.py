"""Property tests: whatever the text, ids and JSONL fields, build never raises, and its output parses (rdflib and
Oxigraph, every format), holds only RFC 3987 IRIs and conforms to the shapes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph
import pytest
from hostile_helpers import bad_iris, parse_everywhere
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import XSD, Graph, Literal

from kgbuild.errors import InputError
from kgbuild.ingest.documents import clean_text, read_jsonl
from kgbuild.model import Document
from kgbuild.out.serialize import Format, serialize
from kgbuild.rdf.mapping import to_graph
from kgbuild.rdf.vocab import KG
from kgbuild.runner.build import extract_documents
from kgbuild.validate.gate import validate_graph

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


hostile_name = st.one_of(
    st.lists(st.sampled_from([*HOSTILE_PIECES, "/", "?", "#", "..", "%41", "id", " "]), min_size=1, max_size=8)
    .map("".join),
    st.text(min_size=1, max_size=30),
).filter(lambda t: t.strip() != "")
hostile_url = st.one_of(
    st.sampled_from(["https://example.org/a?b=c#d", "https://пример.рф/новости", "urn:x:y", "javascript:alert(1)",
                     "mailto:a@b.c", "https://e.org/%zz", "http://[::1]/"]),
    st.builds(lambda a, b: f"https://e.org/{a}{b}", st.sampled_from(HOSTILE_PIECES), st.text(max_size=10)),
    st.text(max_size=30),
)


def _parses_in_every_format(graph: Graph, tmp: Path) -> None:
    doc = next(iter(graph.subjects(predicate=None, object=KG.NewsArticle)))
    counts = {fmt: parse_everywhere(serialize([(doc, graph)], fmt), fmt.value, tmp) for fmt in Format}
    assert set(counts.values()) == {len(graph)}, counts


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=hostile_text, doc_id=hostile_name, title=hostile_name, publisher=hostile_name, url=hostile_url)
def test_hostile_jsonl_fields_are_refused_or_stored_safely(tmp_path: Path, text: str, doc_id: str, title: str,
                                                           publisher: str, url: str):
    line = json.dumps({"id": doc_id, "text": text, "title": title, "publisher": publisher, "url": url})
    try:
        [document] = read_jsonl(io.BytesIO(line.encode() + b"\n"), "h.jsonl")
    except InputError as exc:  # only the url may be refused, and the message says which field and line
        assert "h.jsonl:1: 'url'" in str(exc), exc
        return
    [extraction] = list(extract_documents([document]))
    graph = to_graph(extraction)
    report = validate_graph(graph)
    assert report.conforms, report.violations[:3]
    assert not bad_iris(graph)
    if url.strip():
        assert (None, KG.url, Literal(url.strip(), datatype=XSD.anyURI)) in graph
    assert document.text == clean_text(text)  # nothing dropped: only a BOM and line ends normalised
    assert (None, KG.text, Literal(document.text)) in graph
    _parses_in_every_format(graph, tmp_path)


@pytest.mark.parametrize("text", ["\x00\x01\x1f\x7f\x85\u2028\u2029 said \ufffe\uffff", "a\rb\r\nc \\ \"\"\" \\u0000"])
def test_control_characters_in_text_parse_in_every_format(tmp_path: Path, text: str):
    graph = build_one("The minister said talks would resume. " + text)
    assert validate_graph(graph).conforms
    assert not bad_iris(graph)
    _parses_in_every_format(graph, tmp_path)
