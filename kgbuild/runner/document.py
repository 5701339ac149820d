"""One document's way through the stages: parse (spaCy, batched), extract, map, validate, and serialise or keep.

Every strategy of the runner (in this process, in worker processes, on a Dask cluster) builds documents
with ``render_documents``; extractions read from files go through ``render`` alone. Nothing here writes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from kgbuild.config import DEFAULT_MODEL, Settings
from kgbuild.extract import extract_document
from kgbuild.extract.kb import KnowledgeBase
from kgbuild.model import Document, Extraction
from kgbuild.nlp import load_nlp
from kgbuild.out.serialize import Format, document_piece
from kgbuild.rdf.iris import Minter
from kgbuild.rdf.kb_files import read_kb
from kgbuild.rdf.mapping import to_graph
from kgbuild.runner.result import DocOutput, Skipped
from kgbuild.validate.gate import validate_graph

__all__ = ["extract_each", "failed", "knowledge_base", "render", "render_documents"]

GC_THRESHOLD = 100_000  # net allocations between young-generation collections while rendering


@lru_cache(maxsize=2)
def knowledge_base(path: Path | None) -> KnowledgeBase | None:
    """The user's knowledge base, read once per process (workers build many batches)."""
    return read_kb(path) if path else None


def extract_each(documents: Iterable[Document], settings: Settings, *,
                 batch_size: int = 16) -> Iterator[tuple[Document, Extraction | Exception]]:
    """Parse documents with spaCy (batched) and extract each, lazily and in order; a document whose
    extraction fails comes with its exception instead, so one failure never stops the batch."""
    nlp = load_nlp(settings.model or DEFAULT_MODEL, tuple(settings.patterns))
    kb = knowledge_base(settings.knowledge_base)
    for sdoc, document in nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=batch_size):
        try:
            extraction: Extraction | Exception = extract_document(sdoc, document, kb=kb,
                                                                  event_lexicon=settings.event_lexicon)
        except Exception as exc:  # reported per document by the callers
            extraction = exc
        yield document, extraction


def failed(document: Document, exc: Exception) -> Skipped:
    """The report of a document whose extraction failed."""
    return Skipped(document.origin or document.id, f"extraction failed: {exc.__class__.__name__}: {exc}")


def render(extraction: Extraction, settings: Settings, fmt: Format | None) -> DocOutput:
    """Map one extraction to its graph and validate it (``settings.validate``); then serialise it in ``fmt``,
    or keep the graph when ``fmt`` is None. kgbuild's own extractions and those read from files
    (``kgbuild.out.interchange``) become the same triples."""
    graph = to_graph(extraction, base=settings.base_iri)
    violations = tuple(validate_graph(graph, shapes=settings.shapes).violations) if settings.validate else ()
    iri = Minter(settings.base_iri).document(extraction.document.id)
    document = extraction.document
    counts = {"triples": len(graph), "claims": len(extraction.claims), "events": len(extraction.events),
              "actors": len(extraction.actors), "violations": violations}
    if fmt is None:
        return DocOutput(document.id, document.origin or document.id, graph=(iri, graph), **counts)  # type: ignore[arg-type]
    prefixes, data = document_piece(iri, graph, fmt)
    return DocOutput(document.id, document.origin or document.id, data, prefixes, **counts)  # type: ignore[arg-type]


def render_documents(documents: list[Document], settings: Settings, fmt: Format | None) -> list[DocOutput]:
    """Parse (one ``nlp.pipe`` batch), extract, map, validate and serialise (or keep) each document, in order."""
    out = []
    with _fewer_collections():
        for document, extraction in extract_each(documents, settings, batch_size=max(1, len(documents))):
            if isinstance(extraction, Exception):
                out.append(DocOutput(document.id, document.origin or document.id,
                                     skipped=failed(document, extraction).reason))
            else:
                out.append(render(extraction, settings, fmt))
    return out


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run Python's cyclic garbage collector less often while documents are rendered.

    Rendering allocates some hundred thousand small objects per batch (parses, triples, index
    dictionaries) that live until their document is written; with the default threshold (a
    collection every 700 net allocations) the collector keeps traversing them and spaCy's model,
    5-8 % of a build on news (``bench/README.md``). Garbage is still collected, every
    ``GC_THRESHOLD`` allocations; the previous thresholds are restored afterwards.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
