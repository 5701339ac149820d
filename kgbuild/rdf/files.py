"""Reading RDF files: by suffix, offline (no remote JSON-LD contexts, XML entities or imports), with errors
that name the file. Everything that reads RDF (stores, queries, the report, the checks, the SHACL gate) reads
it here, below validation.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from rdflib import Graph

from kgbuild.errors import InputError
from kgbuild.resources import ontology_path
from kgbuild.safety import OfflineError, check_jsonld, check_xml, offline

__all__ = ["RDF_SUFFIXES", "load_ontology", "parse_rdf"]

G = TypeVar("G", bound=Graph)
RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".n3": "n3", ".rdf": "xml", ".owl": "xml", ".jsonld": "json-ld",
                ".trig": "trig", ".nq": "nquads"}


def parse_rdf(path: Path, graph: G | None = None) -> G | Graph:
    """Parse one RDF file by its suffix into ``graph`` (a new ``Graph`` by default; pass a ``Dataset``
    for quads); a syntax error becomes an ``InputError`` naming the file."""
    graph = graph if graph is not None else Graph()
    fmt = RDF_SUFFIXES.get(path.suffix.lower(), "turtle")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None
    if fmt == "json-ld":
        _check_jsonld(data, path)
    elif fmt == "xml":
        check_xml(data, str(path))
    try:
        with offline():
            graph.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except OfflineError as exc:
        raise InputError(f"refused: {exc}", path=str(path)) from None
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(f"cannot parse as {fmt}: {exc}", path=str(path)) from None
    return graph


def _check_jsonld(data: bytes, path: Path) -> None:
    import json

    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(f"cannot parse as json-ld: {exc}", path=str(path)) from None
    check_jsonld(document, str(path))


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    return parse_rdf(ontology_path())
