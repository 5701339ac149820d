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

The files are read by ``kgbuild.rdf.kb_files.read_kb``. Matching is on normalised names
(case-, article- and possessive-insensitive).
Actors that match get ``same_as`` the IRI and the preferred label as their name, so the
same person or organisation has one node across documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from kgbuild.extract.names import normalise

__all__ = ["KINDS", "KBEntry", "KnowledgeBase"]

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
