"""`kgbuild build --store`: build and load in one go (with or without -o)."""

from __future__ import annotations

from pathlib import Path

from kgbuild.cli import app
from kgbuild.store import query_store

TEXT = "Talks resume\nThe minister said that talks would resume in Geneva.\n"


def test_build_into_a_store_writes_nothing_to_stdout(runner, tmp_path: Path):
    (tmp_path / "talks.txt").write_text(TEXT)
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", str(tmp_path / "talks.txt"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    graphs = query_store(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert {g for (g,) in graphs} == {"https://w3id.org/kgbuild/id/doc/talks", "https://w3id.org/kgbuild/ontology"}


def test_build_to_a_file_and_a_store(runner, tmp_path: Path):
    (tmp_path / "talks.txt").write_text(TEXT)
    out, store = tmp_path / "talks.ttl", tmp_path / "store"
    result = runner.invoke(app, ["build", str(tmp_path / "talks.txt"), "-o", str(out), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    from kgbuild.store import load_graphs_into_store

    before = query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    load_graphs_into_store([out], store)  # the file and the build give the same graphs
    assert query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows == before
