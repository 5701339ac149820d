"""Reusing documents already built: validated, serialised documents on disk, keyed by the document's content
and a fingerprint of everything else that changes its output (``--cache``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from kgbuild.config import Settings
from kgbuild.model import Document
from kgbuild.out.serialize import Format, atomic_output
from kgbuild.runner.result import DocOutput
from kgbuild.validate.gate import Violation

__all__ = ["DocumentCache", "pipeline_fingerprint"]


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

    from kgbuild.resources import ontology_path
    from kgbuild.validate.gate import shape_files

    root = Path(__file__).resolve().parents[1]  # the kgbuild package: its code and data
    digest = hashlib.sha256()
    digest.update(json.dumps([spacy.__version__, _model_version(settings.model),
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
        if out.skipped is not None or not out.conforms or out.graph is not None:
            return  # only documents that were written are kept
        meta = {"triples": out.triples, "claims": out.claims, "events": out.events, "actors": out.actors,
                "prefixes": list(out.prefixes), "violations": [asdict(v) for v in out.violations]}
        with atomic_output(self._path(self.key(document))) as handle:
            handle.write(json.dumps(meta, sort_keys=True).encode() + b"\n" + out.data)
