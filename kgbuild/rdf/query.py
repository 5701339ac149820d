"""Running SPARQL queries (the competency questions or the user's) over built graphs.

Queries run offline: ``SERVICE`` and ``FROM <url>`` cannot reach the network.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kgbuild.errors import InputError, UsageError
from kgbuild.rdf.files import load_ontology, parse_rdf
from kgbuild.resources import queries_dir
from kgbuild.safety import OfflineError, offline

__all__ = ["QueryResult", "load_graphs", "render", "resolve_query", "run_query"]


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def resolve_query(query: str) -> str:
    """A query file path, a packaged query name (``claims``), or SPARQL text."""
    path = Path(query)
    if path.suffix == ".rq" or (len(query) < 300 and "\n" not in query and path.is_file()):
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read query: {exc.strerror}", path=query) from None
    packaged = queries_dir() / f"{query}.rq"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    if any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        return query
    names = ", ".join(sorted(p.stem for p in queries_dir().glob("*.rq")))
    raise UsageError(f"{query!r} is neither a query file, a packaged query ({names}) nor SPARQL")


def load_graphs(paths: Sequence[Path], *, with_ontology: bool = True) -> Graph:
    graph = Graph()
    for path in paths:
        parse_rdf(path, graph)
    if with_ontology:
        graph += load_ontology()
    return graph


def run_query(graph: Graph, sparql: str) -> QueryResult:
    try:
        with offline():
            result = graph.query(sparql)
            if result.type == "SELECT":
                rows = tuple(tuple("" if v is None else str(v) for v in row) for row in result)
    except OfflineError as exc:
        raise UsageError(f"query refused: {exc}") from None
    except Exception as exc:  # pyparsing / rdflib errors
        if isinstance(exc.__context__, OfflineError) or "network access is disabled" in str(exc):
            raise UsageError(f"query refused: network access is disabled (SERVICE, FROM): {exc}") from None
        raise UsageError(f"bad SPARQL query: {exc}") from None
    if result.type == "ASK":
        return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type != "SELECT":
        raise UsageError("only SELECT and ASK queries are supported here")
    columns = tuple(str(v) for v in result.vars or ())
    return QueryResult(columns, rows)


def render(result: QueryResult, fmt: str) -> str:
    """Render as ``table``, ``csv``, ``tsv`` or ``json`` (a list of objects)."""
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return out.getvalue()
    if fmt == "json":
        rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table(result)
    raise UsageError(f"unknown format {fmt!r}: table, csv, tsv or json")


def _table(result: QueryResult) -> str:
    width = [len(c) for c in result.columns]
    cells = [[c if len(c) <= 80 else c[:77] + "..." for c in row] for row in result.rows]
    for row in cells:
        width = [max(w, len(c)) for w, c in zip(width, row, strict=True)]
    line = "  ".join(c.ljust(w) for c, w in zip(result.columns, width, strict=True))
    lines = [line, "  ".join("-" * w for w in width)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, width, strict=True)) for row in cells]
    lines.append(f"({len(result.rows)} rows)")
    return "\n".join(lines) + "\n"
