"""A corpus's story from its built graphs: read the articles, link events, then claims; deterministic.

The articles are read from the graph (``kgbuild.report.data``) and sorted by IRI, and every step orders
what it finds by IRI, so the story is the same whatever the order the documents were built in, whatever
``--jobs``, and whether they were built in memory, streamed or on a cluster.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph

from kgbuild.report.data import Article, read_articles
from kgbuild.story.claims import link_claims
from kgbuild.story.events import link_events
from kgbuild.story.types import Story

__all__ = ["make_story", "story_of_graph"]


def make_story(articles: Sequence[Article], base: str) -> Story:
    """Link the events and claims of ``articles``; ``base`` is the base IRI of the nodes it mints."""
    ordered = sorted(articles, key=lambda a: a.iri)
    events = link_events(ordered, base)
    claims, relations = link_claims(ordered, base)
    return Story(f"{base}story", tuple(a.iri for a in ordered), tuple(events), tuple(claims), tuple(relations))


def story_of_graph(graph: Graph, base: str) -> tuple[list[Article], Story]:
    """The articles of a built graph (one or many documents) and their story."""
    articles = read_articles(graph)
    return articles, make_story(articles, base)
