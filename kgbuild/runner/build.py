"""The one runner: documents in, one ``DocOutput`` per document, a sink out, one ``BuildResult``.

    read (ingest) -> strategy (parse, extract, map, validate, serialise) -> collect -> sink

A strategy turns documents into DocOutputs in input order: ``Local`` builds them in this process or in
``jobs`` worker processes (``kgbuild.runner.local``), ``Dask`` on a cluster (``kgbuild.runner.dask``).
``collect`` counts each one into the result and hands each conforming document to the sink: a
``GraphSink`` (the output file, put in place only when every document conformed), or the result's list of
graphs for a build in memory. Every entry point below is that one path with a strategy and a sink.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from rdflib import Graph

from kgbuild.config import Settings
from kgbuild.errors import InputError, NotConformingError, UsageError
from kgbuild.ingest.documents import read_documents
from kgbuild.model import Document, Extraction
from kgbuild.out.interchange import read_extractions
from kgbuild.out.serialize import Format, format_for_path
from kgbuild.out.sink import GraphSink
from kgbuild.runner.cache import DocumentCache
from kgbuild.runner.document import extract_each, failed, render
from kgbuild.runner.local import Local
from kgbuild.runner.result import BuildResult, DocOutput, Skipped
from kgbuild.validate.gate import ValidationReport

__all__ = ["Progress", "build", "build_text", "build_to", "collect", "extract", "extract_documents",
           "map_extractions", "map_files", "read"]

Progress = Callable[[BuildResult, DocOutput], None]


def read(paths: Iterable[str | Path], settings: Settings, skipped: list[Skipped] | None = None,
         warnings: list[str] | None = None) -> Iterator[Document]:
    """The documents at ``paths`` (files, folders, JSONL, pages, archives, feeds, ``-``), read with the settings'
    reader options; an unreadable input goes to ``skipped`` (else it raises), a repair made by ``--lenient``
    to ``warnings`` (else it is a Python warning)."""
    return read_documents(paths, **settings.reader_options(),
                          on_error=None if skipped is None else (lambda exc: skipped.append(_skip(exc))),
                          on_warning=None if warnings is None else (lambda w: warnings.append(str(w))))


def _skip(exc: InputError) -> Skipped:
    return Skipped(exc.path or "<input>", str(exc))


def collect(outputs: Iterable[DocOutput], result: BuildResult, *, keep: Callable[[DocOutput], None] | None = None,
            progress: Progress | None = None) -> BuildResult:
    """Count every DocOutput into ``result``; give each built document to ``keep`` while all have conformed."""
    start = time.perf_counter() - result.seconds
    for out in outputs:
        result.add(out)
        if keep is not None and out.skipped is None and result.conforms:
            keep(out)
        result.seconds = time.perf_counter() - start
        if progress:
            progress(result, out)
    result.seconds = time.perf_counter() - start
    return result


def build_to(paths: Iterable[str | Path], output: str | Path, settings: Settings | None = None, *,
             fmt: Format | None = None, jobs: int = 1, cache: str | Path | None = None,
             progress: Progress | None = None) -> BuildResult:
    """Build, validate and write document by document; the output appears only if every document conformed.

    ``jobs`` processes each load the model once; the output is the same whatever ``jobs``. ``cache`` is a
    folder of per-document results reused when neither the document nor the pipeline changed. Memory
    follows the document, not the corpus (JSON-LD excepted: it is joined in memory at the end).
    """
    s = settings or Settings()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    sink = GraphSink(output, fmt or format_for_path(output))
    result = BuildResult()
    strategy = Local(s, sink.fmt, jobs, DocumentCache(cache, s, sink.fmt) if cache else None)
    try:
        collect(strategy(read(paths, s, result.skipped, result.warnings)), result,
                keep=lambda out: sink.add(out.prefixes, out.data), progress=progress)
        if result.conforms and result.documents:
            sink.commit()
        else:
            sink.abort()
    except BaseException:
        sink.abort()
        raise
    return result


def build(paths: Iterable[str | Path], settings: Settings | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Build and validate every document, keeping the graphs in ``result.graphs``; nothing is written here
    (``kgbuild.write_graphs(result.graphs, path)`` writes what ``build_to`` would)."""
    s = settings or Settings()
    result = BuildResult()
    return collect(Local(s, None)(read(paths, s, result.skipped, result.warnings)), result, progress=progress)


def map_extractions(extractions: Iterable[Extraction], settings: Settings | None = None, *,
                    skipped: list[Skipped] | None = None, progress: Progress | None = None) -> BuildResult:
    """Map and validate extractions from anywhere, as ``build`` does; ``skipped`` seeds ``result.skipped``."""
    s = settings or Settings()
    result = BuildResult(skipped=skipped if skipped is not None else [])
    return collect((render(extraction, s, None) for extraction in extractions), result, progress=progress)


def map_files(paths: Iterable[str | Path], settings: Settings | None = None,
              progress: Progress | None = None) -> BuildResult:
    """Read extraction files (``kgbuild-extraction/1`` JSONL, or ``-``) and map them; bad lines are skipped."""
    skipped: list[Skipped] = []
    extractions = read_extractions(paths, on_error=lambda exc: skipped.append(_skip(exc)))
    return map_extractions(extractions, settings, skipped=skipped, progress=progress)


def extract_documents(documents: Iterable[Document], settings: Settings | None = None, *,
                      skipped: list[Skipped] | None = None, batch_size: int = 16) -> Iterator[Extraction]:
    """Parse documents with spaCy (batched) and extract model objects, lazily; a failed document goes to
    ``skipped`` (else it raises)."""
    for document, extraction in extract_each(documents, settings or Settings(), batch_size=batch_size):
        if isinstance(extraction, Exception):
            if skipped is None:
                raise extraction
            skipped.append(failed(document, extraction))
            continue
        yield extraction


def extract(paths: Iterable[str | Path], settings: Settings | None = None,
            skipped: list[Skipped] | None = None, warnings: list[str] | None = None) -> Iterator[Extraction]:
    """Read and extract the documents at ``paths``: the first stages of ``build``, for ``kgbuild extract``.

    Bad documents go to ``skipped`` (else they raise); repairs made by ``--lenient`` to ``warnings``.
    """
    s = settings or Settings()
    return extract_documents(read(paths, s, skipped, warnings), s, skipped=skipped)


def build_text(text: str, *, doc_id: str = "document", settings: Settings | None = None, **meta: str) -> Graph:
    """Build one validated graph from a string (``meta``: title, url, published, publisher).

    >>> g = build_text("Ukraine's president said talks would resume.")  # doctest: +SKIP
    """
    s = settings or Settings()
    document = Document(id=doc_id, text=text, origin=doc_id, **meta)
    extraction = next(extract_documents([document], s))
    out = render(extraction, replace(s, validate=True), None)
    if not out.conforms:
        report = ValidationReport(conforms=False, violations=out.violations)
        raise NotConformingError(f"{doc_id}: graph does not conform ({len(out.violations)} results)", report)
    _, graph = out.graph  # type: ignore[misc]
    return graph
