"""Reading a user knowledge base (``--kb``): a CSV file (``label,iri,kind``) or an RDF file, into the
``KnowledgeBase`` the actor extractor looks names up in (``kgbuild.extract.kb``, which gives both formats)."""

from __future__ import annotations

import csv
from pathlib import Path

from rdflib import RDF, RDFS, Namespace
from rdflib.namespace import FOAF, SKOS

from kgbuild.errors import InputError
from kgbuild.extract.kb import KINDS, KnowledgeBase
from kgbuild.rdf.files import parse_rdf

__all__ = ["read_kb"]


def read_kb(path: str | Path) -> KnowledgeBase:
    """Read a CSV (``label,iri,kind``) or Turtle knowledge base."""
    path = Path(path)
    if not path.is_file():
        raise InputError("knowledge base not found", path=str(path))
    if path.suffix.lower() in {".ttl", ".turtle", ".nt", ".n3", ".rdf", ".owl", ".jsonld"}:
        return KnowledgeBase(_turtle_rows(path))
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"label", "iri"} <= {f.strip().lower() for f in reader.fieldnames}:
            raise InputError("knowledge base CSV needs a header 'label,iri[,kind]'", path=str(path))
        rows = []
        for row in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            if row.get("label") and row.get("iri"):
                rows.append((row["label"], row["iri"], row.get("kind") or None))
    return KnowledgeBase(rows)


def _turtle_rows(path: Path) -> list[tuple[str, str, str | None]]:
    schema = Namespace("https://schema.org/")
    graph = parse_rdf(path)  # offline, errors naming the file
    rows = []
    for subject in sorted(set(graph.subjects()), key=str):
        kind = next((str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in sorted(graph.objects(subject, RDF.type))
                     if str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower() in KINDS), None)
        labels = []
        for prop in (SKOS.prefLabel, RDFS.label, schema.name, FOAF.name, SKOS.altLabel):
            labels.extend(sorted(str(o) for o in graph.objects(subject, prop)))
        rows.extend((label, str(subject), kind) for label in labels)
    return rows
