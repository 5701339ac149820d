"""Every hand-written extraction in examples/interchange/ maps to its committed graph, which conforms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import EXAMPLES
from kgbuild.out.interchange import read_extractions
from kgbuild.runner.build import map_extractions

EXTRACTIONS = sorted((EXAMPLES / "interchange").glob("*.jsonl"))


def test_there_are_interchange_examples():
    assert EXTRACTIONS and all(p.with_suffix(".ttl").exists() for p in EXTRACTIONS)


@pytest.mark.parametrize("path", EXTRACTIONS, ids=lambda p: p.stem)
def test_interchange_example_maps_to_its_committed_graph(path: Path):
    result = map_extractions(read_extractions([path]))
    assert result.conforms, result.violations[:5]
    assert not result.skipped
    [(_, got)] = result.graphs
    expected = Graph().parse(path.with_suffix(".ttl"))
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(f"{path.name}: {len(only_got)} new, {len(only_expected)} missing triples; regenerate with "
                    f"`kgbuild map {path} -o {path.with_suffix('.ttl')}` if intended.\n"
                    f"new: {sorted(map(str, only_got))[:5]}\nmissing: {sorted(map(str, only_expected))[:5]}")


def test_own_extraction_has_what_an_outside_tool_would_bring():
    [x] = read_extractions([EXAMPLES / "interchange" / "own-extraction.jsonl"])
    anonymous = {a.key for a in x.actors if a.anonymous}
    assert any(c.speaker in anonymous and c.reported_by for c in x.claims)
    assert any(e.participants and e.times for e in x.events)
    assert x.non_responses and x.publisher
