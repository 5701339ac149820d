"""Every example in examples/ is a test: rebuilding it gives its committed graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import EXAMPLES
from kgbuild.runner.build import build
from kgbuild.validate.gate import validate_graph

ARTICLES = sorted(p for p in EXAMPLES.glob("*.txt") if p.with_suffix(".ttl").exists())


def test_there_are_examples():
    assert ARTICLES, "examples/ has no article with a committed graph"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_example_rebuilds_to_its_committed_graph(article: Path):
    expected = Graph().parse(article.with_suffix(".ttl"))
    result = build([article])
    assert result.conforms, result.violations[:5]
    [(_, got)] = result.graphs
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(f"{article.name}: {len(only_got)} new triples, {len(only_expected)} missing; "
                    f"regenerate with `kgbuild build {article} -o {article.with_suffix('.ttl')}` if intended.\n"
                    f"new: {sorted(map(str, only_got))[:5]}\nmissing: {sorted(map(str, only_expected))[:5]}")


@pytest.mark.parametrize("graph_file", sorted(EXAMPLES.glob("*.ttl")), ids=lambda p: p.stem)
def test_committed_example_graph_conforms(graph_file: Path):
    assert validate_graph(Graph().parse(graph_file)).conforms
