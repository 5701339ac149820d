"""Building on a Dask distributed cluster: one output part per partition, a manifest, and ``merge_parts``.

The client reads documents lazily and sends partitions of ``partition_size`` documents
to the workers; each worker (loading the spaCy model once per process, as every
process does) renders them exactly as a local build does and writes
``part-NNNNN.FORMAT`` into the output folder, which must therefore be storage that
every worker and the client see (a shared file system, or a mounted bucket). The
client writes ``manifest.json`` (parts in order, documents, triples, SHA-256 of each
part) only when every document conformed. ``merge_parts`` joins the parts into the
same bytes a single-process ``kgbuild build`` writes.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kgbuild.config import Settings
from kgbuild.errors import InputError, StoreError, UsageError
from kgbuild.ingest import read_documents
from kgbuild.model import Document
from kgbuild.serialize import Format, write_bytes
from kgbuild.stream import BLOCK_FORMATS, BuildSummary, DocOutput, DocumentCache, GraphSink, Progress, render_documents

__all__ = ["MANIFEST", "build_distributed", "merge_parts", "read_manifest"]

MANIFEST = "manifest.json"
MANIFEST_VERSION = "kgbuild-manifest/1"


def run_partition(index: int, documents: list[Document], settings: Settings, fmt: Format, folder: str,
                  cache: str | None = None) -> dict:
    """On a worker: render a partition; if every document conformed, write its part file. Returns its record."""
    store = DocumentCache(cache, settings, fmt) if cache else None
    outputs: list[DocOutput] = []
    misses = []
    for document in documents:
        hit = store.get(document) if store else None
        outputs.append(hit)  # type: ignore[arg-type]
        if hit is None:
            misses.append(document)
    rendered = iter(render_documents(misses, settings, fmt) if misses else [])
    for n, document in enumerate(documents):
        if outputs[n] is None:
            outputs[n] = next(rendered)
            if store:
                store.put(document, outputs[n])
    kept = [o for o in outputs if o.skipped is None]
    conforms = all(o.conforms for o in kept)
    record = {"index": index, "documents": len(kept), "triples": sum(o.triples for o in kept),
              "claims": sum(o.claims for o in kept), "events": sum(o.events for o in kept),
              "actors": sum(o.actors for o in kept), "cache_hits": sum(o.cached for o in kept),
              "skipped": [[o.origin, o.skipped] for o in outputs if o.skipped is not None],
              "violations": [v.__dict__ for o in kept for v in o.violations], "path": None}
    if conforms and kept:
        prefixes = sorted({line for o in kept for line in o.prefixes})
        header = ("\n".join(prefixes) + "\n\n").encode() if prefixes and fmt in BLOCK_FORMATS else b""
        data = header + b"".join(o.data for o in kept)
        name = f"part-{index:05d}.{fmt.value}"
        write_bytes(data, Path(folder) / name)
        record.update(path=name, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    return record


CONNECT_TIMEOUT = "10s"


def _connect(client_class: Any, address: str) -> Any:
    """A client of the scheduler at ``address``, before anything in the output folder is touched; a scheduler
    that cannot be reached is a ``StoreError`` (exit 2), not a traceback."""
    try:
        return client_class(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise StoreError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def build_distributed(paths: Iterable[str | Path], folder: str | Path, settings: Settings | None = None, *,
                      scheduler: str | object, fmt: Format = Format.ttl, partition_size: int = 16,
                      cache: str | Path | None = None, progress: Progress | None = None) -> BuildSummary:
    """Build on the Dask cluster at ``scheduler`` (an address or a ``distributed.Client``) into ``folder``."""
    try:
        from distributed import Client, wait
    except ImportError:
        raise UsageError("--scheduler needs Dask's distributed package: pip install 'kgbuild[distributed]'") from None

    from kgbuild.pipeline import Skipped
    from kgbuild.validate import Violation

    if fmt is Format.jsonld:
        raise UsageError("--scheduler writes ttl, nt, nq or trig parts (JSON-LD cannot be joined by concatenation)")
    client = scheduler if isinstance(scheduler, Client) else _connect(Client, str(scheduler))
    s = settings or Settings()
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)
    for old in out.glob("part-*"):
        old.unlink()
    summary = BuildSummary()
    start = time.perf_counter()
    documents = read_documents(paths, **s.reader_options(),
                               on_error=lambda exc: summary.skipped.append(Skipped(exc.path or "<input>", str(exc))),
                               on_warning=lambda w: summary.warnings.append(str(w)))
    try:
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        records: list[dict] = []

        def collect(future: object) -> None:
            record = future.result()  # type: ignore[attr-defined]
            records.append(record)
            summary.skipped.extend(Skipped(o, r) for o, r in record["skipped"])
            summary.violations.extend(Violation(**v) for v in record["violations"])
            for key in ("documents", "triples", "claims", "events", "actors", "cache_hits"):
                setattr(summary, key, getattr(summary, key) + record[key])
            summary.seconds = time.perf_counter() - start
            if progress:
                progress(summary, DocOutput("", ""))

        index, chunk = 0, []
        for document in documents:
            chunk.append(document)
            if len(chunk) == partition_size:
                pending.append(client.submit(run_partition, index, chunk, s, fmt, str(out.resolve()),
                                             str(cache) if cache else None, pure=False))
                index, chunk = index + 1, []
                while len(pending) > window:
                    collect(pending.popleft())
        if chunk:
            pending.append(client.submit(run_partition, index, chunk, s, fmt, str(out.resolve()),
                                         str(cache) if cache else None, pure=False))
        wait(list(pending))
        while pending:
            collect(pending.popleft())
    finally:
        if client is not scheduler:
            client.close()
    summary.seconds = time.perf_counter() - start
    records.sort(key=lambda r: r["index"])
    if not summary.conforms or not summary.documents:
        for record in records:
            if record["path"]:
                (out / record["path"]).unlink(missing_ok=True)
        return summary
    parts = [{"path": r["path"], "documents": r["documents"], "triples": r["triples"], "sha256": r["sha256"],
              "bytes": r["bytes"]} for r in records if r["path"]]
    manifest = {"version": MANIFEST_VERSION, "format": fmt.value, "parts": parts, "documents": summary.documents,
                "triples": summary.triples, "claims": summary.claims, "events": summary.events,
                "actors": summary.actors, "skipped": [str(x) for x in summary.skipped]}
    write_bytes((json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode(), out / MANIFEST)
    return summary


def read_manifest(path: str | Path) -> tuple[Path, dict]:
    """The manifest at ``path`` (the file, or the folder holding ``manifest.json``) and its folder."""
    path = Path(path)
    if path.is_dir():
        path = path / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read manifest: {exc.strerror}", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not a JSON manifest: {exc}", path=str(path)) from None
    if not isinstance(manifest, dict) or manifest.get("version") != MANIFEST_VERSION:
        raise InputError(f"not a {MANIFEST_VERSION} manifest", path=str(path))
    return path.parent, manifest


def merge_parts(manifest_path: str | Path, output: str | Path) -> dict:
    """Join the parts of a distributed build, in order, after checking their checksums; returns the manifest."""
    from kgbuild.stream import split_header

    folder, manifest = read_manifest(manifest_path)
    fmt = Format(manifest["format"])
    sink = GraphSink(output, fmt)
    try:
        for part in manifest["parts"]:
            path = folder / part["path"]
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read part: {exc.strerror}", path=str(path)) from None
            if hashlib.sha256(data).hexdigest() != part["sha256"]:
                raise InputError("checksum does not match the manifest", path=str(path))
            prefixes: tuple[str, ...] = ()
            if fmt in BLOCK_FORMATS:
                prefixes, data = split_header(data)
            sink.add(DocOutput(part["path"], str(path), data, prefixes))
        sink.commit()
    except BaseException:
        sink.abort()
        raise
    return manifest
