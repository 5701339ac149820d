"""The hostile corpus (tests/data/hostile/, manifest.json): each file alone gives its documented outcome, and
the whole folder in one batch builds the good documents and reports every bad one."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hostile_helpers import bad_iris, parse_everywhere
from rdflib import Dataset

from conftest import ROOT
from kgbuild.cli import app
from kgbuild.out.serialize import temp_files
from kgbuild.rdf.vocab import KG

HOSTILE = ROOT / "tests" / "data" / "hostile"
MANIFEST: dict[str, dict] = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
BODY = ("Ukraine's president said on Tuesday that talks with Russia would resume in Geneva. "
        "A diplomat familiar with the talks said the meeting had been postponed after the attack on Kyiv.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _generated(name: str) -> bytes:
    """The binary (or oddly named) corpus files, made at test time rather than committed."""
    prefix = name[:2]
    if prefix == "31" or prefix == "32":
        return b"Broken bytes\nThe minis\xff\xfe\xc3ter said that talks would resume.\n" + BODY.encode()
    if prefix == "33":
        return ("Café crème\nThe ministre of Zürich said talks would resume in São Paulo.\n" + BODY).encode("latin-1")
    if prefix == "34":
        return ("UTF-16 headline\nThe minister said talks would resume. Ωμέγα.\n" + BODY).encode("utf-16")
    if prefix == "35":
        return PNG * 50
    if prefix == "36":
        return ("NUL later\n" + BODY * 90 + "The minister said \x00 talks would resume.\n").encode()
    if prefix == "38":
        return b"Twenty megabytes\n" + b"The minister said talks would resume. " * 550_000
    if prefix == "39":
        huge = json.dumps({"id": "huge", "text": "x" * 10_000_000})
        return (huge + "\n" + json.dumps({"id": "after-huge", "text": "Fine\n" + BODY[:300]}) + "\n").encode()
    if prefix == "40":
        good = json.dumps({"id": "utf8-ok", "text": "Fine\n" + BODY})
        return good.encode() + b'\n{"id": "utf8-bad", "text": "bad \xff byte"}\n'
    return ("Hostile file name\n" + BODY).encode()  # 37, 41, 42: the content is fine


def corpus_file(name: str, folder: Path) -> Path:
    target = folder / name
    if MANIFEST[name].get("generated"):
        target.write_bytes(_generated(name))
    else:
        shutil.copyfile(HOSTILE / name, target)
    return target


def test_the_corpus_is_complete():
    committed = {p.name for p in HOSTILE.iterdir() if p.name != "manifest.json"}
    listed = {name for name, case in MANIFEST.items() if not case.get("generated")}
    assert committed == listed
    assert len(MANIFEST) >= 30
    for case in MANIFEST.values():
        assert case["exit"] in (0, 2) and case["message"] and "skipped" in case


def _skipped_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("skipped: ")]


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_each_hostile_file_gives_its_documented_outcome(name: str, runner, tmp_path: Path):
    case = MANIFEST[name]
    (tmp_path / "in").mkdir()
    source = corpus_file(name, tmp_path / "in")
    out = tmp_path / "out" / "graph.ttl"
    result = runner.invoke(app, ["build", str(source), "-o", str(out), *case.get("args", [])])
    said = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == case["exit"], result.output
    assert case["message"] in said, said
    if "--lenient" in case.get("args", []):  # --lenient says what it replaced, naming the file
        assert any(line.startswith(f"warning: {source}") for line in said.splitlines()), said
    assert len(_skipped_lines(result.output)) == case["skipped"], result.output
    for line in _skipped_lines(result.output):
        assert str(source) in line  # every refusal names the file (and line, for JSONL)
    built = case.get("built", 1 if case["exit"] == 0 else 0)
    assert not temp_files(out)
    if not built:
        assert not out.exists()
        return
    assert re.search(rf"\b{built} documents?, .*; {case['skipped']} skipped", result.output), result.output
    data = out.read_bytes()
    parse_everywhere(data, "ttl", tmp_path)
    graph = Dataset()
    graph.parse(data=data, format="turtle")
    assert len(set(graph.subjects(predicate=None, object=KG.NewsArticle))) == built
    assert not bad_iris(graph)
    assert "evil.example" not in " ".join(str(t) for t in graph.subjects())  # no injected subject


def test_the_whole_folder_in_one_batch(runner, tmp_path: Path):
    """Cases that need no options, in one build: good ones in the graph, bad ones each reported, exit 2."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    cases = {name: case for name, case in MANIFEST.items() if not case.get("args")}
    for name in cases:
        corpus_file(name, folder)
    out = tmp_path / "all.trig"
    result = runner.invoke(app, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 2, result.output
    skipped = sum(case["skipped"] for case in cases.values())
    built = sum(case.get("built", 1 if case["exit"] == 0 else 0) for case in cases.values())
    assert len(_skipped_lines(result.output)) == skipped, result.output
    assert re.search(rf"\b{built} documents?,", result.output), result.output
    assert f"; {skipped} skipped" in result.output, result.output
    for name, case in cases.items():
        reported = [line for line in _skipped_lines(result.output) if f"{folder / name}" in line]
        assert len(reported) == case["skipped"], (name, result.output)
    data = out.read_bytes()
    ds = Dataset()
    ds.parse(data=data, format="trig")
    graphs = [(g.identifier, g) for g in ds.graphs() if len(g)]
    assert len(graphs) == built
    assert not bad_iris(ds)
    from kgbuild.out.serialize import Format, serialize

    counts = {fmt.value: parse_everywhere(serialize(graphs, fmt), fmt.value, tmp_path, external=True)
              for fmt in Format}
    assert counts["nq"] == counts["trig"] and counts["nt"] == counts["ttl"] == counts["jsonld"], counts
