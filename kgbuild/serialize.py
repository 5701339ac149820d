"""Deterministic serialisation and atomic writes.

Turtle comes from rdflib's serializer (subjects, predicates and objects sorted);
N-Triples and N-Quads are sorted line by line; TriG and N-Quads put each document
in its own named graph (the document IRI). Files are written to a temporary file
in the target folder and renamed, so a failure never leaves a partial file and
never clobbers a good previous one.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kgbuild.errors import UsageError
from kgbuild.resources import data_path

__all__ = ["Format", "serialize", "write_bytes", "write_graphs", "format_for_path"]


class Format(str, Enum):
    """Output formats of ``kgbuild build``."""

    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"


SUFFIXES = {".ttl": Format.ttl, ".nt": Format.nt, ".nq": Format.nq, ".trig": Format.trig, ".jsonld": Format.jsonld,
            ".json": Format.jsonld}
DocGraph = tuple[URIRef, Graph]


def format_for_path(path: str | Path | None, default: Format = Format.ttl) -> Format:
    if path is None or str(path) == "-":
        return default
    return SUFFIXES.get(Path(path).suffix.lower(), default)


def _merge(graphs: Sequence[DocGraph]) -> Graph:
    if len(graphs) == 1:
        return graphs[0][1]
    merged = Graph()
    for _, g in graphs:
        for prefix, ns in g.namespaces():
            merged.bind(prefix, ns, override=True, replace=True)
        merged += g
    return merged


def _sorted_lines(text: str) -> bytes:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _dataset(graphs: Sequence[DocGraph]) -> Dataset:
    ds = Dataset()
    for name, g in graphs:
        for prefix, ns in g.namespaces():
            ds.bind(prefix, ns, override=True, replace=True)
        target = ds.graph(name)
        for triple in g:
            target.add(triple)
    return ds


def jsonld_context() -> dict:
    return json.loads(data_path("context.jsonld").read_text(encoding="utf-8"))


def serialize(graphs: Sequence[DocGraph], fmt: Format = Format.ttl) -> bytes:
    """Serialise per-document graphs: merged for ttl/nt/jsonld, one named graph each for nq/trig."""
    if fmt is Format.ttl:
        return _merge(graphs).serialize(format="turtle", encoding="utf-8")
    if fmt is Format.nt:
        return _sorted_lines(_merge(graphs).serialize(format="nt11"))
    if fmt is Format.nq:
        return _sorted_lines(_dataset(graphs).serialize(format="nquads"))
    if fmt is Format.trig:
        return _dataset(graphs).serialize(format="trig", encoding="utf-8")
    if fmt is Format.jsonld:
        context = jsonld_context()
        text = _merge(graphs).serialize(format="json-ld", context=context["@context"], sort_keys=True, indent=2)
        return text.encode("utf-8")
    raise UsageError(f"unknown format {fmt!r}")


def write_bytes(data: bytes, path: str | Path) -> None:
    """Write ``data`` to ``path`` atomically (``-`` is stdout)."""
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graphs(graphs: Sequence[DocGraph], path: str | Path, fmt: Format | None = None) -> None:
    write_bytes(serialize(graphs, fmt or format_for_path(path)), path)
