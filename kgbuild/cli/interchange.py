"""`kgbuild extract` and `kgbuild map`: the extraction interchange (JSONL, ``kgbuild-extraction/1``) on its own.

``extract`` stops before RDF and writes what was found; ``map`` takes such files — kgbuild's,
corrected by hand, or another tool's — through the same mapping, SHACL gate and writers as ``build``.
"""

from __future__ import annotations

from typing import Annotated

import typer

from kgbuild.cli.common import (
    EXIT_BAD_INPUT,
    ConfigOpt,
    EncodingOpt,
    EventLexiconOpt,
    KbOpt,
    LenientOpt,
    MaxCharsOpt,
    ModelOpt,
    PathsArg,
    PatternsOpt,
    PublishedOpt,
    PublisherOpt,
    ShapesOpt,
    app,
    err,
    exit_unless_writable,
    fail,
    report_input,
    write_or_exit,
)
from kgbuild.config import load_settings
from kgbuild.errors import KgbuildError
from kgbuild.out.serialize import Format, format_for_path
from kgbuild.wording import counted


@app.command("extract")
def extract_command(
    paths: PathsArg,
    output: Annotated[str, typer.Option("-o", "--output", help="Extraction file (JSONL, one document per "
                                        "line), or - for stdout.")] = "-",
    model: ModelOpt = None,
    published: PublishedOpt = None,
    publisher: PublisherOpt = None,
    encoding: EncodingOpt = None,
    lenient: LenientOpt = False,
    max_chars: MaxCharsOpt = None,
    kb: KbOpt = None,
    event_lexicon: EventLexiconOpt = None,
    patterns: PatternsOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Extract actors, events, claims and sources from articles and write them as JSON lines (no RDF yet).

    The format is kgbuild-extraction/1 (schema: kgbuild/data/extraction.schema.json); `kgbuild map` turns it
    into the graph `kgbuild build` would have written. Skipped documents exit 2.
    """
    from kgbuild.out.interchange import write_extractions
    from kgbuild.runner.build import extract
    from kgbuild.runner.result import Skipped

    skipped: list[Skipped] = []
    warnings: list[str] = []
    try:
        settings = load_settings(config).with_overrides(
            model=model, published=published, publisher=publisher, encoding=encoding, lenient=lenient or None,
            max_chars=max_chars, knowledge_base=kb, event_lexicon=event_lexicon, patterns=tuple(patterns or ()))
        extractions = list(extract(paths, settings, skipped, warnings))
    except KgbuildError as exc:
        raise fail(exc) from None
    report_input(skipped, warnings)
    if not extractions:
        err.print("no document could be extracted; nothing written", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        write_extractions(extractions, output)
    except OSError as exc:
        err.print(f"error: cannot write {output}: {exc.strerror}", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    err.print(f"{counted(len(extractions), 'document')}, {counted(sum(len(x.actors) for x in extractions), 'actor')}, "
              f"{counted(sum(len(x.events) for x in extractions), 'event')}, "
              f"{counted(sum(len(x.claims) for x in extractions), 'claim')}; {len(skipped)} skipped", markup=False)
    if skipped:
        raise typer.Exit(EXIT_BAD_INPUT)


@app.command("map")
def map_command(
    paths: Annotated[list[str], typer.Argument(help="Extraction files (JSONL, kgbuild-extraction/1), folders of "
                                               "them, or -.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file, or - for stdout.")] = "-",
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="Output format (default: from the "
                                               "output suffix, else ttl).")] = None,
    base_iri: Annotated[str | None, typer.Option("--base-iri", help="Base IRI of minted nodes.")] = None,
    shapes: ShapesOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Map extractions (kgbuild's own, corrected, or another tool's) to RDF, validate with SHACL, then write.

    Bad lines are reported with file, line and JSON path and skipped (exit 2); the rest are mapped.
    Nothing is written when the graph does not conform (exit 1).
    """
    from kgbuild.runner.build import map_files

    try:
        settings = load_settings(config).with_overrides(base_iri=base_iri, shapes=shapes)
        result = map_files(paths, settings)
    except KgbuildError as exc:
        raise fail(exc) from None
    report_input(result.skipped)
    exit_unless_writable(result.violations, result.conforms, len(result.graphs), "no extraction could be mapped")
    write_or_exit(result.graphs, output, fmt or format_for_path(output))
    err.print(f"{counted(len(result.graphs), 'document')}, {counted(result.triples, 'triple')}, "
              f"{counted(result.actors, 'actor')}, {counted(result.events, 'event')}, "
              f"{counted(result.claims, 'claim')}; {len(result.skipped)} skipped", markup=False)
    if result.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)
