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
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kgbuild.config import Settings
from kgbuild.errors import InputError, StoreError, UsageError
from kgbuild.model import Document
from kgbuild.out.serialize import BLOCK_FORMATS, Format, Prefixes, split_header, write_bytes
from kgbuild.out.sink import GraphSink
from kgbuild.runner.build import Progress, collect, read
from kgbuild.runner.cache import DocumentCache
from kgbuild.runner.local import Local
from kgbuild.runner.result import BuildResult, DocOutput

__all__ = ["MANIFEST", "Dask", "build_distributed", "merge_parts", "read_manifest"]

MANIFEST = "manifest.json"
MANIFEST_VERSION = "kgbuild-manifest/1"
CONNECT_TIMEOUT = "10s"


def run_partition(index: int, documents: list[Document], settings: Settings, fmt: Format, folder: str,
                  cache: str | None = None) -> tuple[dict, list[DocOutput]]:
    """On a worker: build a partition with the local strategy; if every document conformed, write its part
    file. Returns the part's record and the documents' outputs without their bytes (they are in the part)."""
    store = DocumentCache(cache, settings, fmt) if cache else None
    outputs = list(Local(settings, fmt, 1, store)(documents))
    kept = [o for o in outputs if o.skipped is None]
    record: dict[str, Any] = {"index": index, "documents": len(kept), "triples": sum(o.triples for o in kept),
                              "path": None}
    if kept and all(o.conforms for o in kept):
        prefixes = Prefixes(fmt)
        for o in kept:
            prefixes.add(o.prefixes)
        data = prefixes.header() + b"".join(o.data for o in kept)
        name = f"part-{index:05d}.{fmt.value}"
        write_bytes(data, Path(folder) / name)
        record.update(path=name, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    return record, [replace(o, data=b"", prefixes=()) for o in outputs]


def _connect(client_class: Any, address: str) -> Any:
    """A client of the scheduler at ``address``, before anything in the output folder is touched; a scheduler
    that cannot be reached is a ``StoreError`` (exit 2), not a traceback."""
    try:
        return client_class(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise StoreError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


@dataclass
class Dask:
    """The Dask strategy: partitions of ``partition_size`` documents built on the cluster's workers, each
    writing its part file into ``folder``; DocOutputs (without bytes) come back in input order and the parts'
    records are kept for the manifest."""

    client: Any
    settings: Settings
    fmt: Format
    folder: Path
    partition_size: int = 16
    cache: str | None = None
    parts: list[dict] = field(default_factory=list)

    def __call__(self, documents: Iterable[Document]) -> Iterator[DocOutput]:
        window = 2 * max(1, len(self.client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        chunk: list[Document] = []
        for document in documents:
            chunk.append(document)
            if len(chunk) == self.partition_size:
                pending.append(self._submit(len(self.parts) + len(pending), chunk))
                chunk = []
                while len(pending) > window:
                    yield from self._collect(pending.popleft())
        if chunk:
            pending.append(self._submit(len(self.parts) + len(pending), chunk))
        while pending:
            yield from self._collect(pending.popleft())

    def _submit(self, index: int, chunk: list[Document]) -> Any:
        return self.client.submit(run_partition, index, chunk, self.settings, self.fmt, str(self.folder.resolve()),
                                  self.cache, pure=False)

    def _collect(self, future: Any) -> Iterator[DocOutput]:
        record, outputs = future.result()
        self.parts.append(record)
        yield from outputs


def build_distributed(paths: Iterable[str | Path], folder: str | Path, settings: Settings | None = None, *,
                      scheduler: str | object, fmt: Format = Format.ttl, partition_size: int = 16,
                      cache: str | Path | None = None, progress: Progress | None = None) -> BuildResult:
    """Build on the Dask cluster at ``scheduler`` (an address or a ``distributed.Client``) into ``folder``."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--scheduler needs Dask's distributed package: pip install 'kgbuild[distributed]'") from None

    if fmt is Format.jsonld:
        raise UsageError("--scheduler writes ttl, nt, nq or trig parts (JSON-LD cannot be joined by concatenation)")
    client = scheduler if isinstance(scheduler, Client) else _connect(Client, str(scheduler))
    s = settings or Settings()
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    (out / MANIFEST).unlink(missing_ok=True)
    for old in out.glob("part-*"):
        old.unlink()
    strategy = Dask(client, s, fmt, out, partition_size, str(cache) if cache else None)
    result = BuildResult()
    try:
        collect(strategy(read(paths, s, result.skipped, result.warnings)), result, progress=progress)
    finally:
        if client is not scheduler:
            client.close()
    records = sorted(strategy.parts, key=lambda r: r["index"])
    if not result.conforms or not result.documents:
        for record in records:
            if record["path"]:
                (out / record["path"]).unlink(missing_ok=True)
        return result
    parts = [{"path": r["path"], "documents": r["documents"], "triples": r["triples"], "sha256": r["sha256"],
              "bytes": r["bytes"]} for r in records if r["path"]]
    manifest = {"version": MANIFEST_VERSION, "format": fmt.value, "parts": parts, "documents": result.documents,
                "triples": result.triples, "claims": result.claims, "events": result.events,
                "actors": result.actors, "skipped": [str(x) for x in result.skipped]}
    write_bytes((json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode(), out / MANIFEST)
    return result


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
            sink.add(prefixes, data)
        sink.commit()
    except BaseException:
        sink.abort()
        raise
    return manifest
