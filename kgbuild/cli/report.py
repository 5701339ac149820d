"""`kgbuild report`: a static, self-contained HTML site of articles (built here) or built graphs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_NOT_CONFORMING,
    ConfigOpt,
    ModelOpt,
    PublishedOpt,
    PublisherOpt,
    app,
    err,
    fail,
    print_violations,
    report_input,
)
from kgbuild.config import load_settings
from kgbuild.errors import KgbuildError


@app.command()
def report(
    inputs: Annotated[list[str], typer.Argument(help="Articles (text files, folders, JSONL, HTML, WARC, "
                                                "feeds, -), built like `kgbuild build`, and/or built graphs "
                                                "(.ttl, .nt, .trig, .nq, .jsonld).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the site to (index.html and "
                                         "articles/NAME.html); created if missing.", file_okay=False)],
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write a static HTML report: each article with its claims, sources and events marked, and its graph.

    Pages are self-contained (inline CSS, SVG and script; no network) and open from the file system.
    Articles are built and validated first; nothing is written if a graph does not conform (exit 1).
    """
    from kgbuild.report import read_articles, read_graph_files, render_site, write_site
    from kgbuild.report.data import GRAPH_SUFFIXES

    graph_files = [Path(p) for p in inputs if Path(p).suffix.lower() in GRAPH_SUFFIXES]
    articles = [p for p in inputs if Path(p).suffix.lower() not in GRAPH_SUFFIXES]
    skipped = 0
    try:
        graph = read_graph_files(graph_files)
        if articles:
            from kgbuild.runner.build import build

            settings = load_settings(config).with_overrides(model=model, published=published, publisher=publisher)
            result = build(articles, settings)
            report_input(result.skipped, result.warnings)
            skipped = len(result.skipped)
            if not result.conforms:
                print_violations(result.violations)
                err.print(f"graph does not conform: {len(result.violations)} SHACL results; nothing written",
                          markup=False)
                raise typer.Exit(EXIT_NOT_CONFORMING)
            for _, built in result.graphs:
                graph += built
        found = read_articles(graph)
        if not found:
            err.print("no article (kg:NewsArticle) found; nothing written", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT)
        written = write_site(render_site(found), output)
    except KgbuildError as exc:
        raise fail(exc) from None
    except OSError as exc:
        err.print(f"error: cannot write {output}: {exc.strerror}", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    err.print(f"{len(found)} articles, {len(written)} pages written to {output}/ (open {output / 'index.html'})",
              markup=False, soft_wrap=True)
    if skipped:
        raise typer.Exit(EXIT_BAD_INPUT)
