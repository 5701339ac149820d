"""Our Turtle is read by independent parsers (rapper, serdi, Oxigraph), and a second SHACL
engine (rdf-validate-shacl, JavaScript) agrees with pySHACL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

from conftest import ROOT, require
from kgbuild.rdf.vocab import KG
from kgbuild.resources import ontology_path
from kgbuild.validate.gate import shape_files

SHACL_JS = ROOT / "tools" / "shacl-js"


def test_rapper_parses_seed(seed_ttl: Path):
    proc = subprocess.run([require("rapper"), "-i", "turtle", "-c", str(seed_ttl)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    count = len(Graph().parse(seed_ttl))
    assert f"returned {count} triples" in proc.stderr


def test_serdi_parses_seed(seed_ttl: Path):
    proc = subprocess.run([require("serdi"), "-i", "turtle", "-o", "ntriples", str(seed_ttl)], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == len(Graph().parse(seed_ttl))


def test_oxigraph_parses_seed(seed_ttl: Path):
    store = pyoxigraph.Store()
    store.load(path=str(seed_ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(Graph().parse(seed_ttl))


def shacl_js(data: Path) -> dict:
    require("node")
    if not (SHACL_JS / "node_modules" / "rdf-validate-shacl").is_dir():
        pytest.fail("run `npm ci --prefix tools/shacl-js` first (see .ci/run)")
    args = ["node", str(SHACL_JS / "validate.mjs"), "--shapes", *map(str, shape_files()), "--data", str(data),
            str(ontology_path())]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_second_shacl_engine_agrees_on_seed(seed_ttl: Path):
    assert shacl_js(seed_ttl)["conforms"] is True


def test_second_shacl_engine_agrees_on_a_broken_graph(seed_ttl: Path, tmp_path: Path):
    from kgbuild.validate.gate import validate_graph

    graph = Graph().parse(seed_ttl)
    claim = next(graph.subjects(KG.claimText, None))
    graph.remove((claim, KG.claimText, None))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    js = shacl_js(broken)
    py = validate_graph(graph)
    assert js["conforms"] is False and py.conforms is False
    assert {(r["focus"], r["path"]) for r in js["results"]} == {(v.focus, v.path) for v in py.violations}
