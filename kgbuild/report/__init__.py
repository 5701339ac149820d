"""A static, self-contained HTML site of built graphs: each article beside its graph, and a corpus index.

``read_articles(graph)`` reads what the pages show; ``render_site`` turns it into pages (relative
path -> HTML); ``write_site`` writes them. Pages reference nothing outside the site.

>>> pages = render_site(read_articles(read_graph_files([Path("seed.ttl")])))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from kgbuild.report.data import Article, read_articles, read_graph_files
from kgbuild.report.html import render_article, render_index

__all__ = ["Article", "read_articles", "read_graph_files", "render_site", "write_site"]


def render_site(articles: Iterable[Article], *, story: str | None = None) -> dict[str, str]:
    """``index.html`` and ``articles/NAME.html`` for every article, as relative path -> HTML; ``story`` is the
    relative path of a story page the index links to (``kgbuild story --report``)."""
    articles = list(articles)
    pages = {"index.html": render_index(articles, story=story)}
    for article in articles:
        pages[f"articles/{article.name}.html"] = render_article(article)
    return pages


def write_site(pages: Mapping[str, str], directory: str | Path) -> list[Path]:
    """Write the pages under ``directory`` (created if missing; each file atomically); returns the paths."""
    from kgbuild.out.serialize import write_bytes

    written = []
    for relative, html in sorted(pages.items()):
        path = Path(directory) / relative
        write_bytes(html.encode("utf-8"), path)
        written.append(path)
    return written
