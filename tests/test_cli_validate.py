"""`kgbuild validate`: 0 conforms, 1 violations (naming focus node and shape), 2 unreadable."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kgbuild.cli import app
from kgbuild.rdf.vocab import KG


def test_seed_conforms(runner, seed_ttl: Path):
    result = runner.invoke(app, ["validate", str(seed_ttl)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "1 graph, 0 violations, 0 unreadable"


def test_deleting_a_required_triple_is_a_violation(runner, seed_ttl: Path, tmp_path: Path):
    graph = Graph().parse(seed_ttl)
    claim, _, text = next(iter(graph.triples((None, KG.claimText, None))))
    graph.remove((claim, KG.claimText, text))
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert str(claim) in result.output
    assert "claimText" in result.output
    assert "Shape" in result.output or "shape" in result.output
    assert result.output.strip().splitlines()[-1] == "1 graph, 1 violation, 0 unreadable"


def test_unreadable_graph_exits_2(runner, tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 2
    assert "bad.ttl" in result.output


def test_sparql_constraints_are_parsed_once_not_per_document(seed_ttl: Path):
    """pySHACL hands rdflib the constraint's SPARQL text for every focus node; kgbuild prepares it once."""
    import rdflib.plugins.sparql.processor as processor

    from kgbuild.validate.gate import validate_graph

    graph = Graph().parse(seed_ttl)
    validate_graph(graph)
    calls = []
    original = processor.parseQuery
    processor.parseQuery = lambda q: calls.append(q) or original(q)
    try:
        assert validate_graph(graph).conforms
    finally:
        processor.parseQuery = original
    assert calls == []
