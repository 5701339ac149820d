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
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, URIRef

from kgbuild.errors import UsageError
from kgbuild.resources import data_path, ontology_path
from kgbuild.vocab import KG_NS

__all__ = ["Format", "format_for_path", "jsonld_context", "serialize", "write_bytes", "write_graphs"]


class Format(StrEnum):
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


_COERCED = {XSD.date, XSD.dateTime, XSD.nonNegativeInteger, XSD.integer, XSD.boolean, XSD.anyURI, XSD.decimal}


def _ontology_terms() -> dict[str, object]:
    """A JSON-LD term for every class and property of kgbuild's ontology: ``"claimText"``, ``"saidBy"``
    (``@type: @id``), ``"datePublished"`` (``@type: xsd:date``)… so the JSON-LD reads like the ontology."""
    ontology = Graph().parse(ontology_path(), format="turtle")
    terms: dict[str, object] = {}
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property):
        for node in ontology.subjects(RDF.type, kind):
            name = str(node)[len(KG_NS):] if str(node).startswith(KG_NS) else ""
            if not name.isidentifier() or name in terms:
                continue
            iri = f"kg:{name}"
            ranges = set(ontology.objects(node, RDFS.range))
            if kind == OWL.ObjectProperty:
                terms[name] = {"@id": iri, "@type": "@id"}
            elif kind == OWL.DatatypeProperty and len(ranges) == 1 and next(iter(ranges)) in _COERCED:
                terms[name] = {"@id": iri, "@type": f"xsd:{str(next(iter(ranges)))[len(str(XSD)):]}"}
            else:
                terms[name] = iri
    return terms


@lru_cache(maxsize=1)
def _context() -> str:
    shipped = json.loads(data_path("context.jsonld").read_text(encoding="utf-8"))["@context"]
    context = {name: term for name, term in _ontology_terms().items() if name not in shipped}
    context.update(shipped)  # the shipped file wins: prefixes, and any term it defines by hand
    return json.dumps({"@context": dict(sorted(context.items()))})


def jsonld_context() -> dict:
    """kgbuild's JSON-LD context: ``kgbuild/data/context.jsonld`` plus a term per ontology class and property."""
    return json.loads(_context())


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
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual mode
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
