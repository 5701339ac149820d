"""`kgbuild extract` then `kgbuild map` is `kgbuild build`, byte for byte; the SHACL gate applies to map too."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, SEED
from kgbuild.cli import app
from kgbuild.out.interchange import FORMAT

OWN = EXAMPLES / "interchange" / "own-extraction.jsonl"


@pytest.fixture(scope="module")
def seed_jsonl(tmp_path_factory):
    from typer.testing import CliRunner

    path = tmp_path_factory.mktemp("interchange") / "seed.jsonl"
    result = CliRunner().invoke(app, ["extract", str(SEED), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_extract_writes_one_sorted_line_per_document(seed_jsonl, tmp_path, runner):
    [line] = seed_jsonl.read_text(encoding="utf-8").splitlines()
    obj = json.loads(line)
    assert obj["format"] == FORMAT and obj["document"]["id"] == "seed-article"
    assert line == json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    again = tmp_path / "again.jsonl"
    assert runner.invoke(app, ["extract", str(SEED), "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == seed_jsonl.read_bytes()


@pytest.mark.parametrize("suffix", ["ttl", "trig"])
def test_extract_then_map_equals_build_byte_for_byte(seed_jsonl, tmp_path, runner, suffix):
    mapped, built = tmp_path / f"mapped.{suffix}", tmp_path / f"built.{suffix}"
    result = runner.invoke(app, ["map", str(seed_jsonl), "-o", str(mapped)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["build", str(SEED), "-o", str(built)]).exit_code == 0
    assert mapped.read_bytes() == built.read_bytes()


def test_extract_piped_into_map_as_processes(tmp_path):
    base = "https://example.org/news/"
    extract = subprocess.run([sys.executable, "-m", "kgbuild", "extract", str(SEED)], capture_output=True, check=True)
    mapped = subprocess.run([sys.executable, "-m", "kgbuild", "map", "-", "--base-iri", base, "-f", "nt"],
                            input=extract.stdout, capture_output=True, check=True)
    built = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(SEED), "--base-iri", base, "-f", "nt"],
                           capture_output=True, check=True)
    assert mapped.stdout == built.stdout
    assert f"<{base}doc/seed-article>".encode() in mapped.stdout


def test_map_does_not_write_a_graph_that_does_not_conform(tmp_path, runner):
    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kgbuild/ontology#> .
<urn:ex:ClaimsSaidAt> a sh:NodeShape ; sh:targetClass kg:Claim ;
    sh:property [ sh:path kg:saidAt ; sh:minCount 1 ] .
""", encoding="utf-8")
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["map", str(OWN), "-o", str(out), "--shapes", str(shapes)])
    assert result.exit_code == 1, result.output
    assert "graph does not conform: 3 SHACL results; nothing written" in result.output
    assert not out.exists()


def test_extract_reports_skipped_documents_and_exits_2(tmp_path, runner):
    articles = tmp_path / "articles.jsonl"
    articles.write_text('{"id": "a", "text": "Officials said the talks would resume."}\n{"id": ""}\n',
                        encoding="utf-8")
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["extract", str(articles), "-o", str(out)])
    assert result.exit_code == 2
    assert f"skipped: {articles}:2" in result.output
    assert [json.loads(line)["document"]["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a"]


def test_extract_then_map_equals_build_for_several_documents(runner, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\nThe minister said that talks with Russia would resume in Geneva.\n")
    (folder / "b.txt").write_text("Strike ends\nA union official said that the strike in Lyon had ended.\n")
    built, extracted, mapped = tmp_path / "built.ttl", tmp_path / "x.jsonl", tmp_path / "mapped.ttl"
    assert runner.invoke(app, ["build", str(folder), "-o", str(built)]).exit_code == 0
    assert runner.invoke(app, ["extract", str(folder), "-o", str(extracted)]).exit_code == 0
    assert runner.invoke(app, ["map", str(extracted), "-o", str(mapped)]).exit_code == 0
    assert mapped.read_bytes() == built.read_bytes()
