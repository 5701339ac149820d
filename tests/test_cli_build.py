"""`kgbuild build` end to end: exit codes, formats, determinism, batches with bad documents."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from conftest import SEED
from kgbuild.cli import app


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kgbuild", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_build_seed_twice_is_byte_identical_across_hash_seeds(tmp_path: Path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}.ttl"
        proc = run_cli("build", str(SEED), "-o", str(out), env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        assert "claims" in proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    Graph().parse(data=outs[0], format="turtle")


@pytest.mark.parametrize(("fmt", "parse_as"), [("nt", "nt"), ("nq", "nquads"), ("trig", "trig"),
                                               ("jsonld", "json-ld")])
def test_every_output_format_parses(runner, tmp_path: Path, seed_ttl: Path, fmt: str, parse_as: str):
    out = tmp_path / f"seed.{fmt}"
    result = runner.invoke(app, ["build", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    reference = Graph().parse(seed_ttl)
    if parse_as in ("nquads", "trig"):
        ds = Dataset().parse(out, format=parse_as)
        names = [g.identifier for g in ds.graphs() if len(g)]
        assert len(names) == 1 and str(names[0]).endswith("/doc/seed-article")
        assert len(ds) == len(reference)
    else:
        assert len(Graph().parse(out, format=parse_as)) == len(reference)


def test_batch_with_a_bad_document_builds_the_rest_and_exits_2(runner, tmp_path: Path):
    (tmp_path / "good.txt").write_text("Talks resume\nThe minister said that talks would resume in Geneva.\n")
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["build", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 2
    assert "skipped" in result.output and "empty.txt" in result.output
    graph = Graph().parse(out)
    assert any("doc/good" in str(s) for s in graph.subjects())


def test_nothing_readable_writes_nothing(runner, tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["build", str(tmp_path / "empty.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()


def test_bad_base_iri_is_a_usage_error(runner, tmp_path: Path):
    result = runner.invoke(app, ["build", str(SEED), "-o", str(tmp_path / "x.ttl"), "--base-iri", "no iri"])
    assert result.exit_code == 2
    assert "--base-iri" in result.output


def test_unknown_model_is_a_clear_error(runner, tmp_path: Path):
    result = runner.invoke(app, ["build", str(SEED), "--model", "no_such_model_xyz"])
    assert result.exit_code == 2
    assert "no_such_model_xyz" in result.output


def test_custom_base_iri_and_published_date(runner, tmp_path: Path):
    out = tmp_path / "x.ttl"
    result = runner.invoke(app, ["build", str(SEED), "-o", str(out), "--base-iri", "https://example.org/news/",
                                 "--published", "2024-08-17", "--publisher", "The-News"])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "https://example.org/news/doc/seed-article" in text
    assert '"2024-08-17"^^xsd:date' in text
