"""Reading documents: plain-text files, folders of them, JSONL, and ``-`` for stdin.

A plain-text file's first non-empty line is its headline. A JSONL line is an object
with ``id`` and ``text`` and optional ``title``, ``url``, ``published``,
``publisher``. Problems with one document are raised as ``InputError`` naming the
file (and line); ``read_documents`` reports them through ``on_error`` and goes on
with the rest.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from kgbuild.errors import InputError
from kgbuild.model import Document

__all__ = ["DEFAULT_MAX_CHARS", "parse_date", "read_documents", "read_jsonl", "read_text_document"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DEFAULT_MAX_CHARS = 2_000_000
ErrorHandler = Callable[[InputError], None]


def parse_date(value: str | None, *, origin: str | None = None) -> str | None:
    """Normalise a publication date to ``YYYY-MM-DD`` (accepts full ISO timestamps)."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    match = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    try:
        return date.fromisoformat(match.group(1) if match else text).isoformat()
    except ValueError:
        raise InputError(f"published date {text!r} is not an ISO 8601 date (YYYY-MM-DD)", path=origin) from None


def _decode(data: bytes, origin: str, encoding: str, lenient: bool) -> str:
    if not data.strip():
        raise InputError("document is empty", path=origin)
    if b"\x00" in data[:8192] and encoding.lower().replace("-", "") in {"utf8", "utf8sig"}:
        raise InputError("looks like a binary file (NUL bytes), not text", path=origin)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if not lenient:
            raise InputError(
                f"invalid {encoding} at byte offset {exc.start} (use --encoding, or --lenient to replace bad bytes)",
                path=origin,
            ) from None
        text = data.decode(encoding, errors="replace")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=origin) from None
    return clean_text(text)


def clean_text(text: str) -> str:
    """Drop a BOM, normalise line ends; offsets refer to the cleaned text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text


def _check_size(text: str, origin: str, max_chars: int) -> None:
    if max_chars and len(text) > max_chars:
        raise InputError(f"document has {len(text):,} characters, more than --max-chars {max_chars:,}", path=origin)
    if not text.strip():
        raise InputError("document is empty", path=origin)


def _headline(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return None


def read_text_document(
    data: bytes,
    origin: str,
    doc_id: str,
    *,
    encoding: str = "utf-8",
    lenient: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    published: str | None = None,
    publisher: str | None = None,
) -> Document:
    """One plain-text article; its first non-empty line is the headline."""
    text = _decode(data, origin, encoding, lenient)
    _check_size(text, origin, max_chars)
    return Document(id=doc_id, text=text, title=_headline(text), published=published, publisher=publisher,
                    origin=origin)


def read_jsonl(
    stream: IO[bytes],
    origin: str,
    *,
    encoding: str = "utf-8",
    lenient: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    published: str | None = None,
    publisher: str | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Documents from JSON Lines, lazily; a bad line is reported with its number and skipped."""
    seen: set[str] = set()
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            yield _jsonl_document(raw, origin, number, encoding, lenient, max_chars, published, publisher, seen)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _jsonl_document(
    raw: bytes,
    origin: str,
    number: int,
    encoding: str,
    lenient: bool,
    max_chars: int,
    published: str | None,
    publisher: str | None,
    seen: set[str],
) -> Document:
    where = f"{origin}:{number}"
    try:
        obj = json.loads(raw.decode(encoding, errors="replace" if lenient else "strict"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a valid JSON line ({exc})", path=origin, line=number) from None
    if not isinstance(obj, dict):
        raise InputError("a JSONL line must be an object with 'id' and 'text'", path=origin, line=number)
    for name in ("id", "text"):
        if not isinstance(obj.get(name), (str, int)) or str(obj.get(name)).strip() == "":
            raise InputError(f"missing or empty {name!r}", path=origin, line=number)
    for name in ("title", "url", "published", "publisher"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise InputError(f"{name!r} must be a string", path=origin, line=number)
    doc_id = str(obj["id"])
    if doc_id in seen:
        raise InputError(f"duplicate id {doc_id!r}", path=origin, line=number)
    seen.add(doc_id)
    text = clean_text(str(obj["text"]))
    _check_size(text, where, max_chars)
    title = obj.get("title")
    return Document(
        id=doc_id,
        text=text,
        title=title.strip() if title else _headline(text),
        url=obj.get("url") or None,
        published=parse_date(obj.get("published"), origin=where) or published,
        publisher=obj.get("publisher") or publisher,
        origin=where,
    )


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | None]:
    for item in paths:
        if str(item) == "-":
            yield None
            continue
        path = Path(item)
        if path.is_dir():
            children = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from children
        else:
            yield path


def read_documents(
    paths: Iterable[str | Path],
    *,
    encoding: str = "utf-8",
    lenient: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    published: str | None = None,
    publisher: str | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Document]:
    """Yield documents lazily from files, folders (recursively, sorted), JSONL files and ``-``.

    Without ``on_error`` the first bad document raises ``InputError``; with it, each
    bad document is passed to ``on_error`` and skipped.
    """
    published = parse_date(published)
    opts = {"encoding": encoding, "lenient": lenient, "max_chars": max_chars, "published": published,
            "publisher": publisher}
    for path in _expand(paths):
        try:
            if path is None:
                data = sys.stdin.buffer.read()
                if data.lstrip().startswith(b"{"):
                    import io

                    yield from read_jsonl(io.BytesIO(data), "<stdin>", on_error=on_error, **opts)
                else:
                    yield read_text_document(data, "<stdin>", "stdin", **opts)
            elif path.suffix.lower() in JSONL_SUFFIXES:
                with _open(path) as stream:
                    yield from read_jsonl(stream, str(path), on_error=on_error, **opts)
            else:
                yield read_text_document(_read(path), str(path), path.stem, **opts)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None


def _read(path: Path) -> bytes:
    with _open(path) as stream:
        return stream.read()
