"""Streaming builds: same bytes as the in-memory build, whatever --jobs, with a cache, on a Dask cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from kgbuild.cli import app
from kgbuild.out.serialize import Format, serialize
from kgbuild.runner.build import build_to

CORPUS = ROOT.parent / "shared" / "corpus" / "gum-nonnews.jsonl"


@pytest.fixture(scope="module")
def three_docs(tmp_path_factory) -> Path:
    """Three short real documents (the seed article and two GUM texts, or seed excerpts without the corpus)."""
    path = tmp_path_factory.mktemp("in") / "three.jsonl"
    seed = SEED.read_text(encoding="utf-8")
    docs = [{"id": "seed", "text": seed, "published": "2024-08-17"}]
    if CORPUS.exists():
        lines = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
        docs += [{"id": d["id"], "text": d["text"][:3000]} for d in lines[:2]]
    else:
        docs += [{"id": f"part{n}", "text": seed[n * 1500:(n + 1) * 1500]} for n in (1, 2)]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig"])
def test_one_document_streams_the_bytes_of_serialize(seed_result, tmp_path, fmt):
    out = tmp_path / f"seed.{fmt}"
    summary = build_to([SEED], out)
    assert summary.documents == 1 and summary.conforms
    assert summary.triples == seed_result.triples
    assert out.read_bytes() == serialize(seed_result.graphs, Format(fmt))


def test_jobs_two_writes_what_jobs_one_writes(runner, three_docs, tmp_path):
    outputs = {}
    for fmt in ("ttl", "nq"):
        for jobs in (1, 2):
            out = tmp_path / f"j{jobs}.{fmt}"
            result = runner.invoke(app, ["build", str(three_docs), "-o", str(out), "--jobs", str(jobs)])
            assert result.exit_code == 0, result.output
            outputs[fmt, jobs] = out.read_bytes()
        assert outputs[fmt, 1] == outputs[fmt, 2]
    # documents in input order, each document's quads sorted
    lines = outputs["nq", 1].decode().splitlines()
    graphs = [line.rsplit(" ", 2)[-2] for line in lines]
    assert graphs[0].endswith("/doc/seed>") and len(dict.fromkeys(graphs)) == 3
    # Turtle: prefixes once, then one block per document
    assert outputs["ttl", 1].count(b"@prefix kg:") == 1


def test_second_build_comes_from_the_cache(runner, three_docs, tmp_path):
    cache = tmp_path / "cache"
    first = runner.invoke(app, ["build", str(three_docs), "-o", str(tmp_path / "a.nt"), "--cache", str(cache)])
    assert first.exit_code == 0, first.output
    assert "0 from cache" in first.output
    second = runner.invoke(app, ["build", str(three_docs), "-o", str(tmp_path / "b.nt"), "--cache", str(cache)])
    assert second.exit_code == 0, second.output
    assert "3 documents" in second.output and "3 from cache" in second.output
    assert (tmp_path / "a.nt").read_bytes() == (tmp_path / "b.nt").read_bytes()
    # a setting that changes the output is part of the key
    third = build_to([three_docs], tmp_path / "c.nt", cache=cache,
                     settings=__import__("kgbuild").Settings(base_iri="https://example.org/kg/"))
    assert third.cache_hits == 0 and b"https://example.org/kg/" in (tmp_path / "c.nt").read_bytes()


def test_a_violation_writes_nothing_and_exits_1(runner, three_docs, tmp_path):
    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:x:NoLabels> a sh:NodeShape ; sh:targetSubjectsOf rdfs:label ;
    sh:property [ sh:path rdfs:label ; sh:maxCount 0 ] .
""", encoding="utf-8")
    out = tmp_path / "out.ttl"
    out.write_bytes(b"previous")
    result = runner.invoke(app, ["build", str(three_docs), "-o", str(out), "--shapes", str(shapes)])
    assert result.exit_code == 1, result.output
    assert "nothing written" in result.output
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_distributed_build_merges_to_the_local_build(runner, three_docs, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local.ttl"
    assert runner.invoke(app, ["build", str(three_docs), "-o", str(local)]).exit_code == 0
    parts = tmp_path / "parts"
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        result = runner.invoke(app, ["build", str(three_docs), "-o", str(parts), "--scheduler",
                                     cluster.scheduler_address, "--partition-size", "2", "-f", "ttl"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((parts / "manifest.json").read_text())
    assert [p["path"] for p in manifest["parts"]] == ["part-00000.ttl", "part-00001.ttl"]
    assert manifest["documents"] == 3
    merged = tmp_path / "merged.ttl"
    result = runner.invoke(app, ["merge", str(parts), "-o", str(merged)])
    assert result.exit_code == 0, result.output
    assert merged.read_bytes() == local.read_bytes()
    (parts / "part-00001.ttl").write_bytes(b"tampered")
    assert runner.invoke(app, ["merge", str(parts / "manifest.json"), "-o", str(tmp_path / "m2.ttl")]).exit_code == 2


def test_unreachable_scheduler_is_exit_2_and_leaves_the_previous_parts(runner, three_docs, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import socket

    import kgbuild.runner.dask as kg_distributed

    monkeypatch.setattr(kg_distributed, "CONNECT_TIMEOUT", "2s")
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    parts = tmp_path / "parts"
    parts.mkdir()
    (parts / "part-00000.ttl").write_bytes(b"previous")
    (parts / "manifest.json").write_text("{}")
    result = runner.invoke(app, ["build", str(three_docs), "-o", str(parts), "--scheduler", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 2, result.output
    assert "cannot reach the Dask scheduler" in result.output and "Traceback" not in result.output
    assert (parts / "part-00000.ttl").read_bytes() == b"previous" and (parts / "manifest.json").exists()


def test_build_on_real_dask_scheduler_and_worker_processes(runner, three_docs, tmp_path):
    """The README's cluster recipe with real ``dask scheduler`` and ``dask worker`` processes."""
    import shutil
    import subprocess
    import time

    dask = shutil.which("dask")
    if dask is None:
        pytest.skip("the dask command is not installed")
    info = tmp_path / "scheduler.json"
    common = ["--scheduler-file", str(info), "--no-dashboard"]
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", *common],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        for _ in range(120):
            if info.exists() and info.stat().st_size:
                break
            time.sleep(0.5)
        worker = subprocess.Popen([dask, "worker", "--nworkers", "1", "--nthreads", "1", *common],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        address = json.loads(info.read_text())["address"]
        distributed = pytest.importorskip("distributed")
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(1, timeout=120)  # a worker that never comes fails here, not by hanging
        parts = tmp_path / "parts"
        result = runner.invoke(app, ["build", str(three_docs), "-o", str(parts), "--scheduler", address,
                                     "--partition-size", "2", "-f", "nt"])
        assert result.exit_code == 0, result.output
        manifest = json.loads((parts / "manifest.json").read_text())
        assert manifest["documents"] == 3 and len(manifest["parts"]) == 2
    finally:
        for proc in (worker, scheduler):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
