"""A corpus's story: build its articles with the runner (or read built graphs), then link them.

``build_story`` is the per-document pass (``build_to``, with ``--jobs`` and ``--cache``) followed by the
merge step (``kgbuild.story``), which reads only the built graph: the story is the same whatever the order
of the documents and whatever ``jobs``. The story layer is validated by the SHACL gate with the types of
the article nodes it refers to.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from kgbuild.config import Settings
from kgbuild.out.serialize import Format, write_graphs
from kgbuild.rdf.mapping import bind_prefixes
from kgbuild.report.data import GRAPH_SUFFIXES, Article, read_graph_files
from kgbuild.resources import shapes_dir
from kgbuild.runner.build import build_to
from kgbuild.runner.result import BuildResult
from kgbuild.story.build import story_of_graph
from kgbuild.story.graph import story_graph
from kgbuild.story.types import Story
from kgbuild.validate.gate import Violation, validate_graph

__all__ = ["STORY_SHAPES", "StoryBuild", "build_story", "write_story"]

STORY_SHAPES = "kgbuild-story-shapes.ttl"  # in shapes/: the layer's shapes (articles are validated when built)


@dataclass
class StoryBuild:
    """The articles' graph, their story and its layer, and what went wrong."""

    corpus: Graph
    articles: list[Article]
    story: Story
    layer: Graph
    built: BuildResult = field(default_factory=BuildResult)  # the articles built here (none for graph files)
    violations: list[Violation] = field(default_factory=list)  # the story layer's

    @property
    def conforms(self) -> bool:
        return self.built.conforms and not any(v.severity == "Violation" for v in self.violations)


def build_story(inputs: Iterable[str | Path], settings: Settings | None = None, *, jobs: int = 1,
                cache: str | Path | None = None) -> StoryBuild:
    """Build the articles among ``inputs`` (graph files are read as they are) and link the corpus."""
    s = settings or Settings()
    inputs = [str(p) for p in inputs]
    graphs = [Path(p) for p in inputs if Path(p).suffix.lower() in GRAPH_SUFFIXES]
    articles = [p for p in inputs if Path(p).suffix.lower() not in GRAPH_SUFFIXES]
    corpus = bind_prefixes(read_graph_files(graphs), s.base_iri)
    built = BuildResult()
    if articles:
        with tempfile.TemporaryDirectory(prefix="kgbuild-story-") as tmp:
            out = Path(tmp) / "articles.nq"
            built = build_to(articles, out, s, fmt=Format.nq, jobs=jobs, cache=cache)
            if out.exists():
                read_graph_files([out], corpus)
    found, story = story_of_graph(corpus, s.base_iri)
    layer = story_graph(story, s.base_iri)
    violations = _validate(layer, corpus, s) if s.validate else []
    return StoryBuild(corpus, found, story, layer, built, violations)


def _validate(layer: Graph, corpus: Graph, settings: Settings) -> list[Violation]:
    """The story layer under the shapes, with the types of the article nodes it refers to."""
    data = Graph()
    for triple in layer:
        data.add(triple)
    referred = {o for o in layer.objects() if isinstance(o, URIRef)} | {s for s in layer.subjects()
                                                                         if isinstance(s, URIRef)}
    for node in referred:
        for kind in corpus.objects(node, RDF.type):
            data.add((node, RDF.type, kind))
    return list(validate_graph(data, shapes=shapes_dir() / STORY_SHAPES).violations)


def write_story(story: StoryBuild, output: str | Path, fmt: Format, *, layer_only: bool = False) -> None:
    """Write the articles' graph and the story layer (one block or named graph each), or the layer alone."""
    base = story.story.iri.rsplit("story", 1)[0]
    parts: Sequence[tuple[URIRef, Graph]] = [(URIRef(story.story.iri), story.layer)]
    if not layer_only:
        parts = [(URIRef(f"{base}corpus"), story.corpus), *parts]
    write_graphs(parts, output, fmt)
