"""One runner, one result type, one output layout: the Python API writes the bytes the command writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild import BuildResult, build, build_to, serialize, write_graphs
from kgbuild.cli import app
from kgbuild.config import Settings
from kgbuild.out.serialize import Format
from kgbuild.runner.build import map_extractions, read
from kgbuild.runner.document import extract_each

TEXTS = {
    "a": "Airline merger approved\n\nRegulators in Brussels approved the merger of Lufthansa and ITA Airways on "
         "Tuesday, the European Commission said.",
    "b": "Storm hits coast\n\nA storm flooded hundreds of homes in Valencia, officials said. The mayor, Maria "
         "Catala, told reporters that the city would ask Madrid for aid.",
    "c": "Court rules on recall\n\nA federal judge ordered General Motors to recall 300,000 trucks, according to "
         "court filings seen by Reuters.",
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    for name, text in TEXTS.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def in_memory(articles: list[Path]) -> BuildResult:
    return build(articles)


@pytest.mark.parametrize("fmt", list(Format))
def test_the_python_api_writes_the_commands_bytes(articles: list[Path], in_memory: BuildResult, runner,
                                                  tmp_path: Path, fmt: Format) -> None:
    command = tmp_path / f"command.{fmt.value}"
    outcome = runner.invoke(app, ["build", *map(str, articles), "-o", str(command), "-f", fmt.value])
    assert outcome.exit_code == 0, outcome.output
    api = tmp_path / f"api.{fmt.value}"
    write_graphs(in_memory.graphs, api, fmt)
    assert api.read_bytes() == command.read_bytes()
    assert serialize(in_memory.graphs, fmt) == command.read_bytes()
    streamed = tmp_path / f"streamed.{fmt.value}"
    build_to(articles, streamed, fmt=fmt)
    assert streamed.read_bytes() == command.read_bytes()


def test_every_way_gives_the_same_result(articles: list[Path], in_memory: BuildResult, tmp_path: Path) -> None:
    streamed = build_to(articles, tmp_path / "out.nt")
    settings = Settings()
    extractions = [x for _, x in extract_each(read(articles, settings), settings)]
    mapped = map_extractions(extractions)  # type: ignore[arg-type]
    for result in (streamed, mapped):
        assert isinstance(result, BuildResult)
        assert (result.documents, result.triples, result.actors, result.events, result.claims) == \
            (in_memory.documents, in_memory.triples, in_memory.actors, in_memory.events, in_memory.claims)
    assert in_memory.documents == 3 and len(in_memory.graphs) == 3 and not streamed.graphs
    assert [str(iri) for iri, _ in mapped.graphs] == [str(iri) for iri, _ in in_memory.graphs]


def test_one_document_is_written_as_the_format_writes_it(in_memory: BuildResult) -> None:
    """A single document's output is rdflib's serialisation of its graph, with nothing added."""
    iri, graph = in_memory.graphs[0]
    data = serialize([(iri, graph)], Format.ttl).decode()
    assert data.startswith("@prefix ") and data.count("@prefix kg:") == 1
    merged = serialize(in_memory.graphs, Format.ttl).decode()
    assert merged.count("@prefix kg:") == 1  # one header for all documents
