"""A user knowledge base: names of people and organisations -> external IRIs.

Two formats are read:

* CSV with a header ``label,iri,kind`` (``kind`` optional: Person, Organization, GPE,
  Location). Several rows may share an IRI; the first label of an IRI is its preferred,
  canonical name, the others are aliases::

      label,iri,kind
      Vladimir Putin,http://www.wikidata.org/entity/Q7747,Person
      Putin,http://www.wikidata.org/entity/Q7747,Person
      The Washington Post,http://www.wikidata.org/entity/Q166032,Organization

* Turtle (``.ttl``): every subject with ``skos:prefLabel``, ``rdfs:label``,
  ``schema:name`` or ``foaf:name`` (preferred label first, in that order) and
  optionally ``skos:altLabel``; its kind from an ``rdf:type`` whose local name is
  Person, Organization/Organisation, Place or GeopoliticalEntity.

Matching is on normalised names (case-, article- and possessive-insensitive).
Actors that match get ``same_as`` the IRI and the preferred label as their name, so the
same person or organisation has one node across documents.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kgbuild.errors import InputError
from kgbuild.extract.names import normalise

__all__ = ["KBEntry", "KnowledgeBase", "read_kb"]

KINDS = {"person": "Person", "organization": "Organization", "organisation": "Organization", "org": "Organization",
         "gpe": "GPE", "geopoliticalentity": "GPE", "location": "Location", "place": "Location"}


@dataclass(frozen=True)
class KBEntry:
    """One known actor: preferred ``label``, its ``iri`` and (optional) ``kind``."""

    label: str
    iri: str
    kind: str | None = None


class KnowledgeBase:
    """Name -> ``KBEntry`` lookups.

    >>> kb = KnowledgeBase([("Vladimir Putin", "http://example.org/putin", "Person"),
    ...                     ("Putin", "http://example.org/putin", "Person")])
    >>> kb.lookup("putin's").label
    'Vladimir Putin'
    """

    def __init__(self, rows: list[tuple[str, str, str | None]] = ()) -> None:  # type: ignore[assignment]
        self._preferred: dict[str, KBEntry] = {}
        self._by_name: dict[str, KBEntry] = {}
        for label, iri, kind in rows:
            self.add(label, iri, kind)

    def __len__(self) -> int:
        return len(self._preferred)

    def add(self, label: str, iri: str, kind: str | None = None) -> None:
        kind = KINDS.get((kind or "").strip().lower().replace(" ", ""))
        entry = self._preferred.setdefault(iri, KBEntry(label.strip(), iri, kind))
        self._by_name.setdefault(normalise(label), entry)

    def lookup(self, name: str) -> KBEntry | None:
        return self._by_name.get(normalise(name))


def read_kb(path: str | Path) -> KnowledgeBase:
    """Read a CSV (``label,iri,kind``) or Turtle knowledge base."""
    path = Path(path)
    if not path.is_file():
        raise InputError("knowledge base not found", path=str(path))
    if path.suffix.lower() in {".ttl", ".turtle", ".nt", ".n3"}:
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
    from rdflib import RDF, RDFS, Graph, Namespace  # only needed for Turtle knowledge bases
    from rdflib.namespace import FOAF, SKOS

    schema = Namespace("https://schema.org/")
    graph = Graph()
    try:
        graph.parse(path)
    except Exception as exc:  # rdflib raises many parser-specific errors
        raise InputError(f"cannot parse knowledge base: {exc}", path=str(path)) from None
    rows = []
    for subject in sorted(set(graph.subjects()), key=str):
        kind = next((str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in sorted(graph.objects(subject, RDF.type))
                     if str(t).rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower() in KINDS), None)
        labels = []
        for prop in (SKOS.prefLabel, RDFS.label, schema.name, FOAF.name, SKOS.altLabel):
            labels.extend(sorted(str(o) for o in graph.objects(subject, prop)))
        rows.extend((label, str(subject), kind) for label in labels)
    return rows
