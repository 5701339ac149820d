"""`kgbuild story`: a corpus in, its story out: the same events and claims across articles, who disputes whom."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli.common import (
    EXIT_BAD_INPUT,
    ConfigOpt,
    ModelOpt,
    PublishedOpt,
    PublisherOpt,
    app,
    err,
    exit_unless_writable,
    fail,
    interrupted,
    report_input,
)
from kgbuild.config import load_settings
from kgbuild.errors import KgbuildError
from kgbuild.out.serialize import Format, format_for_path
from kgbuild.wording import counted


@app.command()
def story(
    inputs: Annotated[list[str], typer.Argument(help="Articles (text files, folders, JSONL, HTML, WARC, "
                                                "feeds, -), built like `kgbuild build`, and/or built graphs "
                                                "(.ttl, .nt, .trig, .nq, .jsonld).")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file, or - for stdout: the articles' "
                                        "graph and the story layer.")] = "-",
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="Output format (default: from the "
                                               "output suffix, else ttl).")] = None,
    layer_only: Annotated[bool, typer.Option("--layer-only", help="Write the story layer alone (it refers to "
                                             "the articles' nodes by IRI).")] = False,
    report_dir: Annotated[Path | None, typer.Option("--report", help="Also write the HTML report to this folder, "
                                                    "with its story page (story.html).", file_okay=False)] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for building the "
                                      "articles.")] = 1,
    cache: Annotated[Path | None, typer.Option("--cache", help="Folder of per-document results to reuse.",
                                               file_okay=False)] = None,
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    model: ModelOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Link a corpus into one story: events reported by several articles, claims repeated across them (each
    repetition keeps its attribution chain), and claims that contradict or support each other.

    Articles are built first (as `kgbuild build` does, --jobs and --cache included); the story is the same
    whatever their order or --jobs. Nothing is written if a graph does not conform (exit 1).
    """
    from kgbuild.runner.story import build_story, write_story

    try:
        settings = load_settings(config).with_overrides(model=model, published=published, publisher=publisher)
        built = build_story(inputs, settings, jobs=jobs, cache=cache)
        report_input(built.built.skipped, built.built.warnings)
        exit_unless_writable(built.built.violations + built.violations, built.conforms, len(built.articles),
                             "no article could be built or read")
        write_story(built, output, fmt or format_for_path(output), layer_only=layer_only)
        if report_dir is not None:
            from kgbuild.report import render_site, write_site
            from kgbuild.story.page import STORY_PAGE, render_story

            pages = render_site(built.articles, story=STORY_PAGE)
            pages[STORY_PAGE] = render_story(built.story, built.articles)
            write_site(pages, report_dir)
    except KeyboardInterrupt as exc:
        raise interrupted(exc) from None
    except KgbuildError as exc:
        raise fail(exc) from None
    except OSError as exc:
        err.print(f"error: cannot write: {exc.strerror}", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    s = built.story
    disputes = sum(r.contradicts for r in s.relations)
    err.print(f"{counted(len(built.articles), 'article')}; {counted(len(s.events), 'event')} reported by several "
              f"articles, {counted(len(s.claims), 'repeated claim')}, {counted(disputes, 'dispute')}, "
              f"{counted(len(s.relations) - disputes, 'corroboration')}", markup=False, soft_wrap=True)
    if built.built.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)
