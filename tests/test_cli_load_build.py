"""`kgbuild build --store`: build and load in one go (with or without -o)."""

from __future__ import annotations

from pathlib import Path

from kgbuild.cli import app
from kgbuild.out.store import query_store

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
    from kgbuild.out.store import load_graphs_into_store

    before = query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    load_graphs_into_store([out], store)  # the file and the build give the same graphs
    assert query_store(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows == before


def _articles(folder: Path, n: int) -> list[str]:
    folder.mkdir()
    for i in range(n):
        text = f"Talks {i}\nThe minister said that talks would resume in Geneva on day {i}.\n"
        (folder / f"a{i}.txt").write_text(text)
    return sorted(str(p) for p in folder.glob("*.txt"))


def test_build_into_a_store_with_jobs_and_cache_is_the_streamed_build(runner, tmp_path: Path):
    paths = _articles(tmp_path / "in", 5)
    store, cache = tmp_path / "store", tmp_path / "cache"
    args = ["build", *paths, "--store", str(store), "--jobs", "2", "--cache", str(cache)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.output and "0 from cache" in result.output
    assert any(cache.rglob("*")), "the cache is filled"
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    first = query_store(store, count).rows
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "5 from cache" in again.output, again.output
    assert query_store(store, count).rows == first  # each document replaced its own graph
    streamed = runner.invoke(app, ["build", *paths, "-o", str(tmp_path / "all.nq")])
    assert streamed.exit_code == 0
    other = tmp_path / "other"
    from kgbuild.out.store import load_graphs_into_store

    load_graphs_into_store([tmp_path / "all.nq"], other)
    assert query_store(other, count).rows == first


def test_a_build_that_does_not_conform_loads_nothing(runner, tmp_path: Path):
    paths = _articles(tmp_path / "in", 2)
    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kgbuild/ontology#> .
<urn:x:S> a sh:NodeShape ; sh:targetClass kg:NewsArticle ; sh:property [ sh:path kg:headline ; sh:maxCount 0 ] .
""")
    store = tmp_path / "store"
    result = runner.invoke(app, ["build", *paths, "--store", str(store), "--shapes", str(shapes)])
    assert result.exit_code == 1, result.output
    assert not store.exists() or query_store(store, "ASK { GRAPH ?g { ?s ?p ?o } }").rows == (("false",),)


def test_build_into_a_store_bulk_loads_on_a_copy(runner, tmp_path: Path, monkeypatch):
    import kgbuild.out.store as store_module

    calls = []
    real = store_module.bulk_load_into_store
    monkeypatch.setattr(store_module, "bulk_load_into_store", lambda *a, **k: calls.append(a) or real(*a, **k))
    paths = _articles(tmp_path / "in", 3)
    store = tmp_path / "store"
    count = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    for _ in range(2):  # the second load replaces each graph: the counts do not change
        result = runner.invoke(app, ["build", *paths, "--store", str(store)])
        assert result.exit_code == 0, result.output
        assert "4 graphs" in result.output
        rows = query_store(store, count).rows
    assert len(calls) == 2 and len(rows) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "store"]  # no copy left behind


def test_a_failed_bulk_load_leaves_the_store_as_it_was(runner, tmp_path: Path):
    from kgbuild.errors import StoreError
    from kgbuild.out.store import bulk_load_into_store

    paths = _articles(tmp_path / "in", 2)
    store = tmp_path / "store"
    assert runner.invoke(app, ["build", *paths, "--store", str(store)]).exit_code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = query_store(store, count).rows
    bad = tmp_path / "bad.nq"
    bad.write_text('<urn:x:a> <urn:x:b> "c" <urn:x:g> .\n<urn:x:a> <urn:x:b> "unterminated <urn:x:g> .\n')
    try:
        bulk_load_into_store([bad], store)
    except StoreError as exc:
        assert "store unchanged" in str(exc)
    else:
        raise AssertionError("a broken file was loaded")
    assert query_store(store, count).rows == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.nq", "in", "store"]
