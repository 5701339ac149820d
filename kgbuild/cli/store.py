"""`kgbuild load` and `kgbuild query`: SPARQL stores, endpoints and files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kgbuild.cli.common import EndpointOpt, GspOpt, NoOntologyOpt, StoreOpt, app, err, fail, load_into
from kgbuild.errors import KgbuildError, UsageError


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
        raise fail(UsageError("where to? give --store PATH or --endpoint URL"))
    try:
        err.print(load_into(graphs, store, endpoint, gsp, ontology=not no_ontology), markup=False, soft_wrap=True)
    except KgbuildError as exc:
        raise fail(exc) from None


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
    union: Annotated[str, typer.Option("--union", help="How an endpoint's query sees the union of its named "
                                       "graphs: auto (ask the server), oxigraph, fuseki, server (its default graph "
                                       "already is the union), list (name every graph: slow with many), none.")]
    = "auto",
) -> None:
    """Run a SPARQL SELECT or ASK query over built graphs plus the ontology, or over a store or endpoint.

    Over a store or endpoint the default graph is the union of all named graphs (every document and the ontology).
    """
    from kgbuild.rdf.query import load_graphs, render, resolve_query, run_query

    try:
        sources = sum((bool(graph), store is not None, bool(endpoint or query_url)))
        if sources != 1:
            raise UsageError("query either graph files, or --store PATH, or --endpoint URL (exactly one)")
        text = resolve_query(sparql)
        if store is not None:
            from kgbuild.out.store import query_store

            result = query_store(store, text)
        elif endpoint or query_url:
            from kgbuild.out.store import Endpoint, query_endpoint

            result = query_endpoint(Endpoint.from_urls(endpoint, query=query_url), text, union=union)
        else:
            result = run_query(load_graphs(graph or []), text)
        sys.stdout.write(render(result, fmt))
    except KgbuildError as exc:
        raise fail(exc) from None
