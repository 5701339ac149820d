"""The one orchestrator: documents in, validated graphs out.

ingest -> nlp -> extract -> mapping -> validate, one document at a time (spaCy
batches with ``nlp.pipe``), so memory and SHACL cost follow the document, not the
corpus. A bad document is reported in ``BuildResult.skipped`` and the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef

from kgbuild.config import Settings
from kgbuild.errors import InputError, NotConformingError
from kgbuild.extract import extract_document
from kgbuild.ingest import read_documents
from kgbuild.interchange import read_extractions
from kgbuild.iris import Minter
from kgbuild.kb import KnowledgeBase, read_kb
from kgbuild.mapping import to_graph
from kgbuild.model import Document, Extraction
from kgbuild.nlp import DEFAULT_MODEL, load_nlp
from kgbuild.validate import ValidationReport, Violation, validate_graph

__all__ = ["BuildResult", "Skipped", "build", "build_text", "build_to", "extract", "extract_documents",
           "map_extraction", "map_extractions", "map_files"]

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
    warnings: list[str] = field(default_factory=list)
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


def extract_each(documents: Iterable[Document], settings: Settings | None = None, *,
                 batch_size: int = 16) -> Iterator[tuple[Document, Extraction | Exception]]:
    """Parse documents with spaCy (batched) and extract each, lazily and in order; a document whose
    extraction fails comes with its exception instead, so one failure never stops the batch."""
    s = settings or Settings()
    nlp = load_nlp(s.model or DEFAULT_MODEL, tuple(s.patterns))
    kb = knowledge_base(s.knowledge_base)
    for sdoc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
        try:
            extraction: Extraction | Exception = extract_document(sdoc, document, kb=kb,
                                                                  event_lexicon=s.event_lexicon)
        except Exception as exc:  # reported per document by the callers
            extraction = exc
        yield document, extraction


def failed(document: Document, exc: Exception) -> Skipped:
    """The report of a document whose extraction failed."""
    return Skipped(document.origin or document.id, f"extraction failed: {exc.__class__.__name__}: {exc}")


@lru_cache(maxsize=2)
def knowledge_base(path: Path | None) -> KnowledgeBase | None:
    """The user's knowledge base, read once per process (workers build many batches)."""
    return read_kb(path) if path else None


def extract_documents(documents: Iterable[Document], settings: Settings | None = None, *,
                      skipped: list[Skipped] | None = None, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse documents with spaCy (batched) and extract model objects, lazily."""
    for document, extraction in extract_each(documents, settings, batch_size=batch_size):
        if isinstance(extraction, Exception):
            if skipped is None:
                raise extraction
            skipped.append(failed(document, extraction))
            continue
        yield extraction


def extract(paths: Iterable[str | Path], settings: Settings | None = None,
            skipped: list[Skipped] | None = None, warnings: list[str] | None = None) -> Iterator[Extraction]:
    """Read and extract the documents at ``paths`` (files, folders, JSONL, ``-``).

    Bad documents go to ``skipped`` (else they raise); repairs made by ``--lenient`` to ``warnings``.
    """
    s = settings or Settings()
    on_error = None if skipped is None else (lambda exc: skipped.append(_skip(exc)))
    on_warning = None if warnings is None else (lambda w: warnings.append(str(w)))
    documents = read_documents(paths, **s.reader_options(), on_error=on_error,
                               on_warning=on_warning)
    return extract_documents(documents, s, skipped=skipped)


def _skip(exc: InputError) -> Skipped:
    return Skipped(exc.path or "<input>", str(exc))


def build(paths: Iterable[str | Path], settings: Settings | None = None,
          progress: ProgressCallback | None = None) -> BuildResult:
    """Build, map and validate every document; nothing is written here."""
    s = settings or Settings()
    result = BuildResult()
    minter = Minter(s.base_iri)
    for extraction in extract(paths, s, result.skipped, result.warnings):
        map_extraction(extraction, s, result, minter=minter)
        if progress:
            progress(extraction)
    return result


def build_to(paths: Iterable[str | Path], output: str | Path, settings: Settings | None = None, **options: object):
    """Stream: build, validate and write document by document (``kgbuild.stream.build_to``); returns a
    ``BuildSummary``. Options: ``fmt``, ``jobs``, ``cache``, ``progress``. Memory does not grow with the corpus."""
    from kgbuild.stream import build_to as stream_build_to

    return stream_build_to(paths, output, settings, **options)  # type: ignore[arg-type]


def map_extraction(extraction: Extraction, settings: Settings | None = None, result: BuildResult | None = None, *,
                   minter: Minter | None = None) -> BuildResult:
    """Map one extraction to its graph, validate it (``settings.validate``) and add both to ``result``.

    The one mapping step of ``build`` and ``map_extractions``: kgbuild's own extractions and
    those read from files (``kgbuild.interchange``) become the same triples.
    """
    s = settings or Settings()
    result = BuildResult() if result is None else result
    graph = to_graph(extraction, base=s.base_iri)
    if s.validate:
        result.violations.extend(validate_graph(graph, shapes=s.shapes).violations)
    result.graphs.append(((minter or Minter(s.base_iri)).document(extraction.document.id), graph))
    result.claims += len(extraction.claims)
    result.events += len(extraction.events)
    result.actors += len(extraction.actors)
    return result


def map_extractions(extractions: Iterable[Extraction], settings: Settings | None = None, *,
                    skipped: list[Skipped] | None = None, progress: ProgressCallback | None = None) -> BuildResult:
    """Map and validate extractions from anywhere, as ``build`` does; ``skipped`` seeds ``result.skipped``."""
    s = settings or Settings()
    result = BuildResult(skipped=skipped if skipped is not None else [])
    minter = Minter(s.base_iri)
    for extraction in extractions:
        map_extraction(extraction, s, result, minter=minter)
        if progress:
            progress(extraction)
    return result


def map_files(paths: Iterable[str | Path], settings: Settings | None = None,
              progress: ProgressCallback | None = None) -> BuildResult:
    """Read extraction files (``kgbuild-extraction/1`` JSONL, or ``-``) and map them; bad lines are skipped."""
    skipped: list[Skipped] = []
    extractions = read_extractions(paths, on_error=lambda exc: skipped.append(_skip(exc)))
    return map_extractions(extractions, settings, skipped=skipped, progress=progress)


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
