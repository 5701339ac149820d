"""`kgbuild build`: articles in, validated graph out (written and/or loaded)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kgbuild.cli.common import (
    EXIT_BAD_INPUT,
    ConfigOpt,
    EncodingOpt,
    EndpointOpt,
    EventLexiconOpt,
    GspOpt,
    KbOpt,
    LenientOpt,
    MaxCharsOpt,
    ModelOpt,
    PathsArg,
    PatternsOpt,
    PublishedOpt,
    PublisherOpt,
    ShapesOpt,
    StoreOpt,
    app,
    err,
    exit_unless_writable,
    fail,
    interrupted,
    load_into,
    report_input,
)
from kgbuild.config import Settings, load_settings
from kgbuild.errors import KgbuildError, UsageError
from kgbuild.out.serialize import Format, format_for_path
from kgbuild.wording import counted

if TYPE_CHECKING:
    from kgbuild.runner.result import BuildResult, DocOutput

LOG_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal


@app.command()
def build(
    paths: PathsArg,
    output: Annotated[str | None, typer.Option("-o", "--output", help="Output file, or - for stdout (the default "
                                               "unless --store or --endpoint is given).")] = None,
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="Output format (default: from the "
                                               "output suffix, else ttl).")] = None,
    base_iri: Annotated[str | None, typer.Option("--base-iri", help="Base IRI of minted nodes.")] = None,
    model: ModelOpt = None,
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    shapes: ShapesOpt = None,
    encoding: EncodingOpt = None,
    lenient: LenientOpt = False,
    max_chars: MaxCharsOpt = None,
    kb: KbOpt = None,
    event_lexicon: EventLexiconOpt = None,
    patterns: PatternsOpt = None,
    config: ConfigOpt = None,
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    gsp: GspOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (each loads the model once); the "
                                      "output is the same whatever the number.", min=1)] = 1,
    cache: Annotated[Path | None, typer.Option("--cache", help="Folder of per-document results: unchanged "
                                               "documents (same text, settings, model and kgbuild) are not rebuilt.",
                                               file_okay=False)] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786): "
                                                  "build on the cluster; -o names a folder for the parts and "
                                                  "manifest.json (join them with kgbuild merge).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", help="Documents per part with --scheduler.",
                                                min=1)] = 16,
) -> None:
    """Build a knowledge graph from articles, validate it with SHACL, then write it and/or load it into a store.

    Nothing is written when the graph does not conform (exit 1) or when no document could be read (exit 2).
    With --store/--endpoint each document replaces its named graph (the document IRI).
    """
    to_store = store is not None or bool(endpoint or gsp)
    if store is not None and (endpoint or gsp):
        raise fail(UsageError("give either --store or --endpoint/--gsp, not both"))
    if scheduler and (to_store or not output or output == "-"):
        raise fail(UsageError("--scheduler needs -o FOLDER (for the parts and manifest.json) and no store"))
    if output is None and not to_store:
        output = "-"
    try:
        settings: Settings = load_settings(config).with_overrides(
            model=model, base_iri=base_iri, published=published, publisher=publisher, shapes=shapes,
            encoding=encoding, lenient=lenient or None, max_chars=max_chars, knowledge_base=kb,
            event_lexicon=event_lexicon, patterns=tuple(patterns or ()))
        if not to_store:
            _report(_stream(paths, output or "-", settings, fmt, jobs=jobs, cache=cache, scheduler=scheduler,
                            partition_size=partition_size))
            return
        _build_into_store(paths, output, settings, fmt, jobs=jobs, cache=cache, target=(store, endpoint, gsp))
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (``Terminated``)
        raise interrupted(exc) from None
    except KgbuildError as exc:
        raise fail(exc) from None


def _build_into_store(paths: list[str], output: str | None, settings: Settings, fmt: Format | None, *, jobs: int,
                      cache: Path | None, target: tuple[Path | None, str | None, str | None]) -> None:
    """Build with the streaming runner (``--jobs``, ``--cache``) into a file, then load that file into the store
    or endpoint; nothing is loaded unless every document conformed. N-Quads (the default) go into an embedded
    store through Oxigraph's bulk loader (``store.bulk_load_into_store``)."""
    import shutil
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kgbuild-store-") as tmp:
        if output is None or output == "-":  # a file of our own: N-Quads, or what stdout gets
            chosen: Format | None = fmt or (Format.ttl if output == "-" else Format.nq)
            built = str(Path(tmp) / f"build.{chosen.value}")
        else:
            chosen, built = fmt, output
        summary = _stream(paths, built, settings, chosen, jobs=jobs, cache=cache, scheduler=None, partition_size=0)
        report_input(summary.skipped, summary.warnings)
        exit_unless_writable(summary.violations, summary.conforms, summary.documents, "no document could be built")
        if output == "-":
            with open(built, "rb") as data:
                shutil.copyfileobj(data, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        store = target[0]
        if store is not None and (chosen or format_for_path(built)) is Format.nq:
            from kgbuild.out.store import bulk_load_into_store

            loaded = str(bulk_load_into_store([built], store))  # Oxigraph's bulk loader, on a copy swapped in
        else:
            loaded = load_into([built], *target)
        err.print(loaded, markup=False, soft_wrap=True)
    err.print(str(summary), markup=False, soft_wrap=True)
    if summary.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)


def _stream(paths: list[str], output: str, settings: Settings, fmt: Format | None, *, jobs: int,
            cache: Path | None, scheduler: str | None, partition_size: int) -> BuildResult:
    """Stream to a file (or, with a scheduler, to parts on a cluster), with progress."""
    from kgbuild.ingest.documents import count_documents
    from kgbuild.runner.build import build_to

    with _progress(count_documents(paths) if err.is_terminal else None) as progress:
        if scheduler:
            from kgbuild.runner.dask import build_distributed

            return build_distributed(paths, output, settings, scheduler=scheduler, fmt=fmt or Format.ttl,
                                     partition_size=partition_size, cache=cache, progress=progress)
        try:
            return build_to(paths, output, settings, fmt=fmt or format_for_path(output), jobs=jobs, cache=cache,
                            progress=progress)
        except OSError as exc:
            err.print(f"error: cannot write {output}: {exc.strerror}", markup=False, soft_wrap=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None


def _report(summary: BuildResult) -> None:
    """Report like the in-memory build: skipped inputs, violations (exit 1), the summary line."""
    report_input(summary.skipped, summary.warnings)
    exit_unless_writable(summary.violations, summary.conforms, summary.documents, "no document could be built")
    err.print(str(summary), markup=False, soft_wrap=True)
    if summary.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[BuildResult, DocOutput], None]]:
    """A rich bar (documents/s, ETA) on a terminal; otherwise a plain line every 10 s."""
    if not err.is_terminal:
        last = [time.monotonic()]

        def log(summary: BuildResult, _out: DocOutput) -> None:
            if time.monotonic() - last[0] >= LOG_EVERY:
                last[0] = time.monotonic()
                err.print(f"kgbuild: {counted(summary.documents, 'document')}, {summary.rate:.1f} docs/s", markup=False)

        yield log
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]:.1f} docs/s"),
               TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), TextColumn("[dim]{task.fields[last]}"))
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("build", total=total, rate=0.0, last="")
        yield lambda summary, out: bar.update(task, completed=summary.documents + len(summary.skipped),
                                              rate=summary.rate, last=out.doc_id)


@app.command()
def merge(
    manifest: Annotated[Path, typer.Argument(help="manifest.json of a distributed build, or its folder.",
                                             exists=True)],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file, or - for stdout; written "
                                        "atomically.")] = "-",
) -> None:
    """Join the parts of a `kgbuild build --scheduler` run, in order and checksum-checked, into one file."""
    from kgbuild.runner.dask import merge_parts

    try:
        info = merge_parts(manifest, output)
    except KgbuildError as exc:
        raise fail(exc) from None
    err.print(f"{counted(len(info['parts']), 'part')}, {counted(info['documents'], 'document')}, "
              f"{counted(info['triples'], 'triple')}", markup=False)
