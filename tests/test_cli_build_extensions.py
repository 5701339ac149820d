"""`kgbuild build --kb / --event-lexicon / --patterns / --config`: users extend what kgbuild knows."""

from __future__ import annotations

import json
import os
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from conftest import EXAMPLES
from kgbuild.cli import app
from kgbuild.rdf.vocab import KG

TEXT = "Zorvath accord\nThe Zorvath Council said that the flotilla had sailed. Putin said the regatta would resume.\n"


def build(runner, tmp_path: Path, *options: str) -> Graph:
    article = tmp_path / "article.txt"
    article.write_text(TEXT)
    out = tmp_path / "out.ttl"
    result = runner.invoke(app, ["build", str(article), "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return Graph().parse(out)


def test_knowledge_base_links_people(runner, tmp_path: Path):
    graph = build(runner, tmp_path, "--kb", str(EXAMPLES / "kb" / "people-and-orgs.csv"))
    putin = next(s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Vladimir Putin")
    assert (putin, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q7747")) in graph


def lemma_classes(graph: Graph) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event, lemma in graph.subject_objects(KG.eventLemma):
        found.setdefault(str(lemma), set()).update(str(c).rsplit("#", 1)[-1] for c in graph.objects(event, RDF.type))
    return found


def test_event_lexicon_types_adds_and_removes_triggers(runner, tmp_path: Path):
    before = lemma_classes(build(runner, tmp_path))
    assert "ContestEvent" not in before["regatta"] and "flotilla" not in before and "sail" in before
    lexicon = tmp_path / "lexicon.json"
    lexicon.write_text(json.dumps({"nouns": {"regatta": "ContestEvent", "flotilla": "MovementEvent"},
                                   "verbs": {"sail": None}}))
    after = lemma_classes(build(runner, tmp_path, "--event-lexicon", str(lexicon)))
    assert "ContestEvent" in after["regatta"] and "MovementEvent" in after["flotilla"]
    assert "sail" not in after


def test_entity_patterns_add_organisations(runner, tmp_path: Path):
    patterns = tmp_path / "orgs.jsonl"
    patterns.write_text(json.dumps({"label": "ORG", "pattern": "Zorvath Council"}) + "\n")
    graph = build(runner, tmp_path, "--patterns", str(patterns))
    council = next(s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Zorvath Council")
    assert (council, RDF.type, KG.Organization) in graph


def test_config_file_sets_base_iri_and_publisher(runner, tmp_path: Path):
    config = tmp_path / "kgbuild.toml"
    config.write_text('[kgbuild]\nbase_iri = "https://example.org/news/"\npublisher = "Example Times"\n')
    graph = build(runner, tmp_path, "--config", str(config))
    assert any(str(s).startswith("https://example.org/news/doc/") for s in graph.subjects())
    publisher = graph.value(next(graph.subjects(KG.text, None)), KG.publisher)
    assert str(graph.value(publisher, RDFS.label)) == "Example Times"


def test_written_files_get_the_usual_permissions(runner, tmp_path: Path):
    build(runner, tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "out.ttl").stat().st_mode & 0o777 == 0o666 & ~umask
