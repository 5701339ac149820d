"""`kgbuild load` / `query --store`: the CLI over the embedded Oxigraph store."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from rdflib import Graph

from kgbuild.cli import app


def test_load_then_query_the_store(runner, seed_ttl: Path, tmp_path: Path):
    store = tmp_path / "store"
    for _ in range(2):
        result = runner.invoke(app, ["load", str(seed_ttl), "--store", str(store)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["query", "--store", str(store), "-f", "csv", "-q",
                                 "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/kgbuild/id/doc/seed-article>"
                                 " { ?s ?p ?o } }"])
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout)))[1] == [str(len(Graph().parse(seed_ttl)))]
    from_store = runner.invoke(app, ["query", "--store", str(store), "-q", "claims", "-f", "tsv"])
    from_file = runner.invoke(app, ["query", str(seed_ttl), "-q", "claims", "-f", "tsv"])
    assert from_store.exit_code == 0, from_store.output
    assert sorted(from_store.stdout.splitlines()) == sorted(from_file.stdout.splitlines())


def test_load_needs_a_target_and_only_one(runner, seed_ttl: Path, tmp_path: Path):
    result = runner.invoke(app, ["load", str(seed_ttl)])
    assert result.exit_code == 2 and "--store" in result.output
    result = runner.invoke(app, ["load", str(seed_ttl), "--store", str(tmp_path / "s"), "--endpoint", "http://x"])
    assert result.exit_code == 2 and "not both" in result.output


def test_unreadable_file_loads_nothing(runner, seed_ttl: Path, tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("not turtle <<<")
    store = tmp_path / "store"
    result = runner.invoke(app, ["load", str(seed_ttl), str(bad), "--store", str(store)])
    assert result.exit_code == 2
    assert "bad.ttl" in result.output
    assert not store.exists()


def test_query_a_missing_store_is_a_clear_error(runner, tmp_path: Path):
    result = runner.invoke(app, ["query", "--store", str(tmp_path / "none"), "-q", "actors"])
    assert result.exit_code == 2
    assert "no Oxigraph store" in result.output


def test_query_needs_exactly_one_source(runner, seed_ttl: Path, tmp_path: Path):
    result = runner.invoke(app, ["query", str(seed_ttl), "--store", str(tmp_path), "-q", "actors"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["query", "-q", "actors"])
    assert result.exit_code == 2


def test_build_into_a_store_prints_its_summary_on_one_line(tmp_path: Path):
    """Run as users run it, in a narrow terminal: the summary line is neither wrapped nor cut."""
    import os
    import subprocess
    import sys

    from conftest import ROOT, SEED

    env = {**os.environ, "COLUMNS": "40", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(SEED), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    [summary] = [line for line in done.stderr.splitlines() if " document, " in line or " documents, " in line]
    assert summary.startswith("1 document, ") and summary.endswith(" docs/s)"), done.stderr
