"""The one orchestrator: documents in, validated graphs out.

ingest -> nlp -> extract -> mapping -> validate, one document at a time (spaCy
batches with ``nlp.pipe``), so memory and SHACL cost follow the document, not the
corpus. A bad document is reported in ``BuildResult.skipped`` and the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kgbuild.config import Settings
from kgbuild.errors import InputError, NotConformingError
from kgbuild.extract import extract_document
from kgbuild.ingest import read_documents
from kgbuild.iris import Minter
from kgbuild.kb import read_kb
from kgbuild.mapping import to_graph
from kgbuild.model import Document, Extraction
from kgbuild.nlp import DEFAULT_MODEL, load_nlp
from kgbuild.validate import ValidationReport, Violation, validate_graph

__all__ = ["BuildResult", "Skipped", "build", "build_text", "extract", "extract_documents"]

ProgressCallback = Callable[[Extraction], None]


@dataclass(frozen=True)
class Skipped:
    """A document that was not built, and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}" if not self.reason.startswith(self.origin) else self.reason


@dataclass
class BuildResult:
    """Per-document graphs (document IRI, graph), what was skipped, and the SHACL verdict."""

    graphs: list[tuple[URIRef, Graph]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    claims: int = 0
    events: int = 0
    actors: int = 0

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    @property
    def triples(self) -> int:
        return sum(len(g) for _, g in self.graphs)

    @property
    def report(self) -> ValidationReport:
        return ValidationReport(conforms=self.conforms, violations=tuple(self.violations))


def extract_documents(documents: Iterable[Document], settings: Settings | None = None, *,
                      skipped: list[Skipped] | None = None, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse documents with spaCy (batched) and extract model objects, lazily."""
    s = settings or Settings()
    nlp = load_nlp(s.model or DEFAULT_MODEL, tuple(s.patterns))
    kb = read_kb(s.knowledge_base) if s.knowledge_base else None
    for sdoc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
        try:
            yield extract_document(sdoc, document, kb=kb, event_lexicon=s.event_lexicon)
        except Exception as exc:  # one document's failure must not stop the batch
            if skipped is None:
                raise
            skipped.append(Skipped(document.origin or document.id,
                                   f"extraction failed: {exc.__class__.__name__}: {exc}"))


def extract(paths: Iterable[str | Path], settings: Settings | None = None,
            skipped: list[Skipped] | None = None) -> Iterator[Extraction]:
    """Read and extract the documents at ``paths`` (files, folders, JSONL, ``-``)."""
    s = settings or Settings()
    on_error = None if skipped is None else (lambda exc: skipped.append(_skip(exc)))
    documents = read_documents(paths, encoding=s.encoding, lenient=s.lenient, max_chars=s.max_chars,
                               published=s.published, publisher=s.publisher, on_error=on_error)
    return extract_documents(documents, s, skipped=skipped)


def _skip(exc: InputError) -> Skipped:
    return Skipped(exc.path or "<input>", str(exc))


def build(paths: Iterable[str | Path], settings: Settings | None = None,
          progress: ProgressCallback | None = None) -> BuildResult:
    """Build, map and validate every document; nothing is written here."""
    s = settings or Settings()
    result = BuildResult()
    minter = Minter(s.base_iri)
    for extraction in extract(paths, s, result.skipped):
        graph = to_graph(extraction, base=s.base_iri)
        if s.validate:
            result.violations.extend(validate_graph(graph, shapes=s.shapes).violations)
        result.graphs.append((minter.document(extraction.document.id), graph))
        result.claims += len(extraction.claims)
        result.events += len(extraction.events)
        result.actors += len(extraction.actors)
        if progress:
            progress(extraction)
    return result


def build_text(text: str, *, doc_id: str = "document", settings: Settings | None = None, **meta: str) -> Graph:
    """Build one validated graph from a string (``meta``: title, url, published, publisher).

    >>> g = build_text("Ukraine's president said talks would resume.")  # doctest: +SKIP
    """
    s = settings or Settings()
    document = Document(id=doc_id, text=text, origin=doc_id, **meta)
    extraction = next(extract_documents([document], s))
    graph = to_graph(extraction, base=s.base_iri)
    report = validate_graph(graph, shapes=s.shapes)
    if not report.conforms:
        raise NotConformingError(f"{doc_id}: graph does not conform ({len(report.violations)} results)", report)
    return graph
