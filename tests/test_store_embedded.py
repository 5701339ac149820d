"""The embedded Oxigraph store: per-document named graphs, replace on reload, all-or-nothing loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph

from kgbuild.errors import InputError
from kgbuild.out.store import load_graphs_into_store, query_store, read_named_graphs
from kgbuild.rdf.query import load_graphs, resolve_query, run_query
from kgbuild.rdf.vocab import KG, ONTOLOGY_IRI
from kgbuild.resources import queries_dir

SEED_DOC = "https://w3id.org/kgbuild/id/doc/seed-article"


def count(store: Path, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
    return int(query_store(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}").rows[0][0])


def test_document_graph_has_the_files_triples_and_reload_replaces(seed_ttl: Path, tmp_path: Path):
    store = tmp_path / "store"
    result = load_graphs_into_store([seed_ttl], store)
    assert dict(result.graphs).keys() == {SEED_DOC, str(ONTOLOGY_IRI)}
    file_triples = len(Graph().parse(seed_ttl))
    assert count(store, SEED_DOC) == file_triples
    total = count(store)
    load_graphs_into_store([seed_ttl], store)
    assert count(store) == total
    assert count(store, SEED_DOC) == file_triples


@pytest.mark.parametrize("name", ["actors", "claims", "events"])
def test_competency_queries_agree_with_rdflib_on_the_file(seed_ttl: Path, tmp_path: Path, name: str):
    store = tmp_path / "store"
    load_graphs_into_store([seed_ttl], store)
    sparql = (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")
    from_store = query_store(store, sparql)
    from_file = run_query(load_graphs([seed_ttl]), resolve_query(name))
    assert from_store.columns == from_file.columns
    assert sorted(from_store.rows) == sorted(from_file.rows)
    assert from_store.rows


def test_failed_load_leaves_the_store_as_it_was(seed_ttl: Path, tmp_path: Path):
    store = tmp_path / "store"
    load_graphs_into_store([seed_ttl], store)
    before = sorted(query_store(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows)
    # a good file that would replace the document's graph (it keeps the kg:NewsArticle triple), then a bad one
    full = Graph().parse(seed_ttl)
    partial = Graph()
    for triple in sorted(full)[::2]:
        partial.add(triple)
    partial += full.triples((None, RDF.type, KG.NewsArticle))
    smaller = tmp_path / "smaller.ttl"
    partial.serialize(smaller, format="turtle")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> <<<")
    with pytest.raises(InputError, match=r"bad\.ttl"):
        load_graphs_into_store([smaller, bad], store)
    after = sorted(query_store(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows)
    assert after == before


TWO_DOCS = """
@prefix kg: <https://w3id.org/kgbuild/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://ex.org/id/doc/a> a kg:NewsArticle ; kg:mentions <https://ex.org/id/actor/putin> .
<https://ex.org/id/doc/a/claim/1> a kg:Claim ; kg:saidBy <https://ex.org/id/actor/putin> .
<https://ex.org/id/doc/b> a kg:NewsArticle ; kg:mentions <https://ex.org/id/actor/zelensky> .
<https://ex.org/id/doc/b#char=0,4> a kg:Mention ; kg:inDocument <https://ex.org/id/doc/b> .
<https://ex.org/id/actor/putin> a kg:Person ; rdfs:label "Putin" ; kg:affiliatedWith <https://ex.org/id/actor/russia> .
<https://ex.org/id/actor/russia> a kg:GeopoliticalEntity .
<https://ex.org/id/actor/zelensky> a kg:Person ; rdfs:label "Zelensky" .
"""


def test_a_file_with_two_documents_is_split_into_two_graphs(tmp_path: Path):
    path = tmp_path / "two.ttl"
    path.write_text(TWO_DOCS)
    graphs = {str(name): g for name, g in read_named_graphs([path])}
    assert graphs.keys() == {"https://ex.org/id/doc/a", "https://ex.org/id/doc/b"}
    a, b = graphs["https://ex.org/id/doc/a"], graphs["https://ex.org/id/doc/b"]
    assert len(a) == 8  # its own 4, Putin's 3 (he is mentioned there), Russia's 1 (through Putin)
    subjects_a = {str(s) for s in a.subjects()}
    assert "https://ex.org/id/actor/russia" in subjects_a and "https://ex.org/id/actor/zelensky" not in subjects_a
    assert {str(s) for s in b.subjects()} == {"https://ex.org/id/doc/b", "https://ex.org/id/doc/b#char=0,4",
                                              "https://ex.org/id/actor/zelensky"}


def test_trig_input_keeps_its_named_graphs(tmp_path: Path):
    path = tmp_path / "in.trig"
    path.write_text("<https://ex.org/g1> { <https://ex.org/s> <https://ex.org/p> 1 . }\n"
                    "<https://ex.org/g2> { <https://ex.org/s> <https://ex.org/p> 2 , 3 . }\n")
    store = tmp_path / "store"
    load_graphs_into_store([path], store, ontology=False)
    assert count(store, "https://ex.org/g1") == 1
    assert count(store, "https://ex.org/g2") == 2
    assert count(store) == 3
