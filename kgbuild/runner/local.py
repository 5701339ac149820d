"""The local strategy: documents built in this process, or in ``jobs`` worker processes, with the cache.

Documents go in chunks (one ``nlp.pipe`` batch each); with workers, a few chunks are in flight at once and
their results come back in input order, so the output is the same whatever ``jobs``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from kgbuild.config import Settings
from kgbuild.model import Document
from kgbuild.out.serialize import Format
from kgbuild.runner.cache import DocumentCache
from kgbuild.runner.document import render_documents
from kgbuild.runner.result import DocOutput

__all__ = ["CHUNK", "CHUNK_CHARS", "Local"]

# Documents per nlp.pipe batch, and per worker task with --jobs: spaCy's networks run about 5 % faster on
# batches of 16 news articles than on batches of 8, for a larger working set (peak memory on 200 news
# articles 427 -> 570 MB; 32 gave no more speed and 650 MB; bench/README.md). With two workers, tasks of 16
# also beat tasks of 8 (200 news articles: 9.7 s against 10.1 s), the faster batches outweighing the wait
# for the last task. A batch also closes at CHUNK_CHARS characters, so that the memory stays bounded when
# the documents are long.
CHUNK = 16
CHUNK_CHARS = 80_000


@dataclass
class Local:
    """Build in this process (``jobs`` = 1) or in ``jobs`` processes; ``fmt`` None keeps graphs in memory
    (in this process only); ``cache`` reuses documents built before."""

    settings: Settings
    fmt: Format | None
    jobs: int = 1
    cache: DocumentCache | None = None

    def __call__(self, documents: Iterable[Document]) -> Iterator[DocOutput]:
        """DocOutputs in input order."""
        pool = None
        if self.jobs > 1:
            from kgbuild.runner.pool import start_pool

            pool = start_pool(self.settings, self.jobs)
        pending: deque[tuple[list[DocOutput | None], list[Document], Future | list[DocOutput] | None]] = deque()
        try:
            for chunk in _chunks(documents, CHUNK, CHUNK_CHARS):
                hits = [self.cache.get(d) if self.cache else None for d in chunk]
                misses = [d for d, hit in zip(chunk, hits, strict=True) if hit is None]
                work: Future | list[DocOutput] | None = None
                if misses:
                    work = pool.submit(render_documents, misses, self.settings, self.fmt) if pool else \
                        render_documents(misses, self.settings, self.fmt)
                pending.append((hits, misses, work))
                while pending and (pool is None or len(pending) > 2 * self.jobs or _done(pending[0][2])):
                    yield from _merge_chunk(*pending.popleft(), self.cache)
            while pending:
                yield from _merge_chunk(*pending.popleft(), self.cache)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)


def _chunks(documents: Iterable[Document], size: int, chars: int) -> Iterator[list[Document]]:
    """Batches of ``size`` documents, or fewer that together reach ``chars`` characters."""
    chunk: list[Document] = []
    length = 0
    for document in documents:
        chunk.append(document)
        length += len(document.text)
        if len(chunk) == size or length >= chars:
            yield chunk
            chunk = []
            length = 0
    if chunk:
        yield chunk


def _done(work: object) -> bool:
    return not isinstance(work, Future) or work.done()


def _merge_chunk(hits: list[DocOutput | None], misses: list[Document], work: object,
                 cache: DocumentCache | None) -> Iterator[DocOutput]:
    rendered = iter(work.result() if isinstance(work, Future) else (work or []))
    fresh: dict[int, DocOutput] = {}
    for document in misses:
        out = next(rendered)
        if cache:
            cache.put(document, out)
        fresh[id(document)] = out
    misses_iter = iter(misses)
    for hit in hits:
        yield hit if hit is not None else fresh[id(next(misses_iter))]
