"""Streaming builds: one document at a time from input to an output file, in one or N processes.

Each document is parsed, extracted, mapped, validated and serialised on its own
(``render_documents``); a ``GraphSink`` appends it to a temporary file and renames
the file into place only when every document conformed. Output order: documents in
input order; N-Triples/N-Quads lines sorted within each document; Turtle/TriG one
block per document after the union of the ``@prefix`` lines. A single document
gives exactly the bytes of ``serialize``. Memory follows the document, not the corpus
(JSON-LD excepted: it is merged in memory at the end).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from kgbuild.config import Settings
from kgbuild.errors import InputError, KgbuildError, UsageError
from kgbuild.ingest import JSONL_SUFFIXES, TEXT_SUFFIXES, read_documents
from kgbuild.model import Document, Extraction
from kgbuild.serialize import Format, atomic_output, serialize
from kgbuild.validate import Violation
from kgbuild.wording import counted

__all__ = ["BuildSummary", "DocOutput", "DocumentCache", "GraphSink", "build_to", "count_documents",
           "pipeline_fingerprint", "render_documents", "split_header", "write_documents"]

CHUNK = 8  # documents per nlp.pipe batch and per worker task
GC_THRESHOLD = 100_000  # net allocations between young-generation collections while rendering
BLOCK_FORMATS = (Format.ttl, Format.trig)


@dataclass(frozen=True)
class DocOutput:
    """One document's validated, serialised graph (or why it was skipped)."""

    doc_id: str
    origin: str
    data: bytes = b""
    prefixes: tuple[str, ...] = ()  # "@prefix p: <ns> ." lines (Turtle/TriG)
    triples: int = 0
    claims: int = 0
    events: int = 0
    actors: int = 0
    violations: tuple[Violation, ...] = ()
    skipped: str | None = None
    cached: bool = False

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)


@dataclass
class BuildSummary:
    """What a streaming build did: counts, what was skipped, SHACL results, cache hits, time."""

    documents: int = 0
    triples: int = 0
    claims: int = 0
    events: int = 0
    actors: int = 0
    cache_hits: int = 0
    seconds: float = 0.0
    skipped: list = field(default_factory=list)  # list[pipeline.Skipped]
    violations: list[Violation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # repairs made by --lenient

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    @property
    def rate(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def add(self, out: DocOutput) -> None:
        self.documents += 1
        self.triples += out.triples
        self.claims += out.claims
        self.events += out.events
        self.actors += out.actors
        self.cache_hits += out.cached
        self.violations.extend(out.violations)

    def __str__(self) -> str:
        return (f"{counted(self.documents, 'document')}, {counted(self.triples, 'triple')}, "
                f"{counted(self.actors, 'actor')}, {counted(self.events, 'event')}, {counted(self.claims, 'claim')}; "
                f"{len(self.skipped)} skipped; {counted(len(self.warnings), 'warning')}; "
                f"{self.cache_hits} from cache; "
                f"{self.seconds:.1f} s ({self.rate:.2f} docs/s)")


# --- one document -> DocOutput ------------------------------------------------------------------------

def split_header(data: bytes) -> tuple[tuple[str, ...], bytes]:
    """Split Turtle/TriG into its leading ``@prefix`` lines and the rest."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    body_start = n + 1 if n < len(lines) and lines[n] == b"" else n
    return tuple(line.decode("utf-8") for line in lines[:n]), b"\n".join(lines[body_start:])


def _render(extraction: Extraction, settings: Settings, fmt: Format) -> DocOutput:
    """Map and validate (the one mapping step, ``pipeline.map_extraction``), then serialise one document."""
    from kgbuild.pipeline import map_extraction

    result = map_extraction(extraction, settings)
    [(iri, graph)] = result.graphs
    data = serialize([(iri, graph)], Format.nt if fmt is Format.jsonld else fmt)
    prefixes: tuple[str, ...] = ()
    if fmt in BLOCK_FORMATS:
        prefixes, data = split_header(data)
    elif fmt is Format.jsonld:
        prefixes = tuple(f"{p}\t{ns}" for p, ns in sorted(graph.namespaces()))
    document = extraction.document
    return DocOutput(document.id, document.origin or document.id, data, prefixes, len(graph),
                     result.claims, result.events, result.actors, tuple(result.violations))


def render_documents(documents: list[Document], settings: Settings, fmt: Format) -> list[DocOutput]:
    """Parse (one ``nlp.pipe`` batch), extract, map, validate and serialise each document, in order."""
    from kgbuild.pipeline import extract_each, failed

    out = []
    with _fewer_collections():
        for document, extraction in extract_each(documents, settings, batch_size=len(documents)):
            if isinstance(extraction, Exception):
                out.append(DocOutput(document.id, document.origin or document.id,
                                     skipped=failed(document, extraction).reason))
            else:
                out.append(_render(extraction, settings, fmt))
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


# --- the cache -----------------------------------------------------------------------------------------

def _hash_files(digest: hashlib._Hash, paths: Iterable[Path]) -> None:
    for path in sorted(set(paths)):
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")


def _model_version(model: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}=={version(model)}"
    except PackageNotFoundError:
        meta = Path(model) / "meta.json"
        return f"{model}:{hashlib.sha256(meta.read_bytes()).hexdigest() if meta.is_file() else '?'}"


@lru_cache(maxsize=8)
def pipeline_fingerprint(settings: Settings, fmt: Format) -> str:
    """Everything that changes a document's output but is not the document: kgbuild's code and data, the
    model's name and version, ontology, shapes, lexicons, knowledge base, patterns, and the settings."""
    import spacy

    import kgbuild
    from kgbuild.resources import ontology_path
    from kgbuild.validate import shape_files

    root = Path(kgbuild.__file__).parent
    digest = hashlib.sha256()
    digest.update(json.dumps([getattr(kgbuild, "__version__", "?"), spacy.__version__, _model_version(settings.model),
                              settings.base_iri, settings.published, settings.publisher, settings.validate,
                              settings.override_page_metadata, str(fmt)]).encode())
    files = [p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".json", ".tsv", ".txt", ".jsonl",
                                                                           ".jsonld", ".ttl"}]
    _hash_files(digest, files)
    _hash_files(digest, [ontology_path(), *shape_files(settings.shapes), *settings.patterns])
    _hash_files(digest, [p for p in (settings.event_lexicon, settings.knowledge_base) if p])
    return digest.hexdigest()


class DocumentCache:
    """Validated, serialised documents on disk, keyed by document content + pipeline fingerprint."""

    def __init__(self, folder: str | Path, settings: Settings, fmt: Format) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.fingerprint = pipeline_fingerprint(settings, fmt)

    def key(self, document: Document) -> str:
        content = json.dumps(asdict(document) | {"origin": None}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(f"{self.fingerprint}\n{content}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, document: Document) -> DocOutput | None:
        try:
            raw = self._path(self.key(document)).read_bytes()
            header, data = raw.split(b"\n", 1)
            meta = json.loads(header)
            violations = tuple(Violation(**v) for v in meta.pop("violations"))
            return DocOutput(document.id, document.origin or document.id, data, tuple(meta.pop("prefixes")),
                             violations=violations, cached=True, **meta)
        except (OSError, ValueError, TypeError):
            return None

    def put(self, document: Document, out: DocOutput) -> None:
        if out.skipped is not None or not out.conforms:
            return
        meta = {"triples": out.triples, "claims": out.claims, "events": out.events, "actors": out.actors,
                "prefixes": list(out.prefixes), "violations": [asdict(v) for v in out.violations]}
        with atomic_output(self._path(self.key(document))) as handle:
            handle.write(json.dumps(meta, sort_keys=True).encode() + b"\n" + out.data)


# --- running it: in process, in a process pool ---------------------------------------------------------

def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for document in documents:
        chunk.append(document)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def iter_outputs(documents: Iterable[Document], settings: Settings, fmt: Format, *, jobs: int = 1,
                 cache: DocumentCache | None = None) -> Iterator[DocOutput]:
    """DocOutputs in input order; misses are rendered in this process (jobs=1) or in ``jobs`` processes."""
    pool = None
    if jobs > 1:
        from kgbuild.workers import start_pool

        pool = start_pool(settings, jobs)
    pending: deque[tuple[list[DocOutput | None], list[Document], Future | list[DocOutput] | None]] = deque()
    try:
        for chunk in _chunks(documents, CHUNK if jobs == 1 else CHUNK // 2):
            hits = [cache.get(d) if cache else None for d in chunk]
            misses = [d for d, hit in zip(chunk, hits, strict=True) if hit is None]
            work: Future | list[DocOutput] | None = None
            if misses:
                work = pool.submit(render_documents, misses, settings, fmt) if pool else \
                    render_documents(misses, settings, fmt)
            pending.append((hits, misses, work))
            while pending and (pool is None or len(pending) > 2 * jobs or _done(pending[0][2])):
                yield from _merge_chunk(*pending.popleft(), cache)
        while pending:
            yield from _merge_chunk(*pending.popleft(), cache)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


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


# --- the sink -------------------------------------------------------------------------------------------

class GraphSink:
    """Appends serialised documents to a temporary file; ``commit`` puts the file in place, ``abort`` drops it.

    ``-`` is stdout: the output is still held in a temporary file until commit, so a failed build prints nothing.
    """

    def __init__(self, path: str | Path, fmt: Format) -> None:
        self.path, self.fmt = str(path), fmt
        folder = Path(tempfile.gettempdir()) if self.path == "-" else (Path(self.path).parent or Path("."))
        folder.mkdir(parents=True, exist_ok=True)
        name = "stdout" if self.path == "-" else Path(self.path).name
        fd, self._body = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".kgbuild-tmp", dir=folder)
        self._handle = os.fdopen(fd, "wb")
        self._prefixes: dict[str, str] = {}
        self.folder, self.name = folder, name

    def add(self, out: DocOutput) -> None:
        for line in out.prefixes:
            name = line.split("\t", 1)[0] if self.fmt is Format.jsonld else line.split()[1]
            if self._prefixes.setdefault(name, line) != line:
                raise KgbuildError(f"prefix {name} is bound to two namespaces ({self._prefixes[name]} / {line})")
        self._handle.write(out.data)

    def write_bytes_of(self, graphs: Iterable[tuple[object, object]], settings: Settings | None = None) -> None:
        """Add in-memory (document IRI, graph) pairs in the streaming layout (as ``kgbuild build`` writes them)."""
        for iri, graph in graphs:
            data = serialize([(iri, graph)], Format.nt if self.fmt is Format.jsonld else self.fmt)  # type: ignore[list-item]
            prefixes: tuple[str, ...] = ()
            if self.fmt in BLOCK_FORMATS:
                prefixes, data = split_header(data)
            elif self.fmt is Format.jsonld:
                prefixes = tuple(f"{p}\t{ns}" for p, ns in sorted(graph.namespaces()))  # type: ignore[attr-defined]
            self.add(DocOutput(str(iri), str(iri), data, prefixes))

    def _header(self) -> bytes:
        lines = sorted(self._prefixes.values())
        return ("\n".join(lines) + "\n\n").encode("utf-8") if lines else b""

    def commit(self) -> None:
        self._handle.close()
        if self.fmt is Format.jsonld:
            self._commit_jsonld()
            return
        if self.path == "-":
            sys.stdout.buffer.write(self._header())
            with open(self._body, "rb") as body:
                shutil.copyfileobj(body, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            Path(self._body).unlink(missing_ok=True)
            return
        try:
            with atomic_output(self.path) as handle, open(self._body, "rb") as body:
                handle.write(self._header())
                shutil.copyfileobj(body, handle)
        finally:
            Path(self._body).unlink(missing_ok=True)

    def _commit_jsonld(self) -> None:
        from rdflib import Graph

        from kgbuild.serialize import write_bytes

        graph = Graph()
        for line in sorted(self._prefixes.values()):
            prefix, ns = line.split("\t", 1)
            graph.bind(prefix, ns, override=True, replace=True)
        try:
            graph.parse(self._body, format="nt")
        finally:
            Path(self._body).unlink(missing_ok=True)
        write_bytes(serialize([(None, graph)], Format.jsonld), self.path)  # type: ignore[list-item]

    def abort(self) -> None:
        self._handle.close()
        Path(self._body).unlink(missing_ok=True)


def write_documents(graphs: Iterable[tuple[object, object]], path: str | Path, fmt: Format | None = None) -> None:
    """Write per-document graphs in the streaming layout of ``kgbuild build`` (atomically)."""
    from kgbuild.serialize import format_for_path

    sink = GraphSink(path, fmt or format_for_path(path))
    try:
        sink.write_bytes_of(graphs)
        sink.commit()
    except BaseException:
        sink.abort()
        raise


# --- the build ------------------------------------------------------------------------------------------

def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``paths`` hold (JSONL lines, text files), or None when it is not cheap (stdin)."""
    from kgbuild.ingest import _expand
    from kgbuild.ingest_web import is_feed, is_web_archive

    paths = list(paths)
    if any(str(p) == "-" for p in paths):
        return None
    total = 0
    for path in _expand(paths):
        if path is None:
            return None
        if is_web_archive(path) or is_feed(path):
            return None  # how many pages an archive or a feed holds is known only by reading it
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            except OSError:
                continue
        elif path.suffix.lower() in TEXT_SUFFIXES or path.exists():
            total += 1
    return total


Progress = Callable[[BuildSummary, DocOutput], None]


def build_to(paths: Iterable[str | Path], output: str | Path | GraphSink, settings: Settings | None = None, *,
             fmt: Format | None = None, jobs: int = 1, cache: str | Path | None = None,
             progress: Progress | None = None) -> BuildSummary:
    """Build, validate and write document by document; the output appears only if every document conformed.

    ``jobs`` processes each load the model once; the output is the same whatever ``jobs``. ``cache`` is a
    folder of per-document results reused when neither the document nor the pipeline changed.
    """
    from kgbuild.pipeline import Skipped
    from kgbuild.serialize import format_for_path

    s = settings or Settings()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    sink = output if isinstance(output, GraphSink) else GraphSink(output, fmt or format_for_path(output))
    summary = BuildSummary()
    start = time.perf_counter()

    def on_error(exc: InputError) -> None:
        summary.skipped.append(Skipped(exc.path or "<input>", str(exc)))

    documents = read_documents(paths, **s.reader_options(), on_error=on_error,
                               on_warning=lambda w: summary.warnings.append(str(w)))
    store = DocumentCache(cache, s, sink.fmt) if cache else None
    try:
        for out in iter_outputs(documents, s, sink.fmt, jobs=jobs, cache=store):
            if out.skipped is not None:
                summary.skipped.append(Skipped(out.origin, out.skipped))
                continue
            summary.add(out)
            if summary.conforms:
                sink.add(out)
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(summary, out)
        summary.seconds = time.perf_counter() - start
        if summary.conforms and summary.documents:
            sink.commit()
        else:
            sink.abort()
    except BaseException:
        sink.abort()
        raise
    return summary
