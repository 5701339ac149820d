"""kgbuild's N-Triples lines are rdflib's N-Triples 1.1 rows, byte for byte, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD, BNode, Graph, Literal, URIRef

from kgbuild.rdf.ntriples import escape_unsafe, ntriples_lines

TEXT = st.one_of(st.sampled_from(["1", "01", "true", "1.0", "2024-01-05"]),
                 st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
IRI = st.sampled_from(["https://example.org/a", "https://example.org/b#x", "urn:x-y:z", "https://例え.jp/ü"])
DATATYPES = st.sampled_from([None, XSD.integer, XSD.date, XSD.boolean, URIRef("https://example.org/dt")])
OBJECT = st.one_of(
    IRI.map(URIRef),
    st.builds(lambda t, d: Literal(t, datatype=d), TEXT, DATATYPES),
    st.builds(lambda t, lang: Literal(t, lang=lang), TEXT, st.sampled_from(["en", "de-CH", "zh-Hant"])),
    st.just(BNode("b1")),
)


def rdflib_lines(graph: Graph) -> set[str]:
    return {line for line in escape_unsafe(graph.serialize(format="nt11")).split("\n") if line.strip()}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(IRI, IRI, OBJECT), min_size=0, max_size=12))
def test_lines_are_rdflibs(triples):
    graph = Graph()
    for s, p, o in triples:
        graph.add((URIRef(s), URIRef(p), o))
    assert ntriples_lines(graph) == rdflib_lines(graph)


def test_control_characters_quotes_and_backslashes():
    graph = Graph()
    text = 'a "quoted" \\ back\nline\r\x0b\x1c\x85\u2028 tab\t end'
    graph.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(text)))
    graph.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(text, lang="en")))
    lines = ntriples_lines(graph)
    assert lines == rdflib_lines(graph)
    assert all("\n" not in line and "\x1c" not in line and "\u2028" not in line for line in lines)
