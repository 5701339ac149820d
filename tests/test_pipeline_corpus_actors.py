"""Several articles built together: one node per shared actor, every mention kept."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDFS, Graph

from kgbuild.rdf.vocab import KG
from kgbuild.runner.build import build


def test_shared_actors_are_one_node_with_all_mentions(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Talks in Geneva\nVladimir Putin met officials in Geneva on Monday. "
                                    "Putin said that Russia wanted a deal.\n")
    (tmp_path / "b.txt").write_text("Summit delayed\nRussia's Vladimir Putin postponed the summit. "
                                    "The Kremlin said that Russia needed more time.\n")
    result = build([tmp_path])
    assert result.conforms, result.violations[:3]
    graph = Graph()
    for _, g in result.graphs:
        graph += g
    putin = [s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Vladimir Putin"]
    russia = [s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Russia"]
    assert len(set(putin)) == 1 and len(set(russia)) == 1
    docs = {str(graph.value(m, KG.inDocument)) for m in graph.objects(putin[0], KG.denotedBy)}
    assert {d.rsplit("/", 1)[-1] for d in docs} == {"a", "b"}
    assert len(list(graph.objects(putin[0], KG.denotedBy))) >= 3
    assert {str(d).rsplit("/", 1)[-1] for d in graph.subjects(KG.mentions, russia[0])} == {"a", "b"}


def test_a_source_that_only_did_not_respond_conforms(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Recall widens\nThe carmaker recalled 40,000 vehicles on Monday. "
                                    "A company spokesperson did not respond to a request for comment.\n")
    result = build([tmp_path / "a.txt"])
    assert result.conforms, result.violations[:3]
    graph = result.graphs[0][1]
    assert len(list(graph.subjects(KG.nonResponder, None))) == 1
