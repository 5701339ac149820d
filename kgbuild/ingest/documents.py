"""Reading documents: plain-text files, folders of them, JSONL, and ``-`` for stdin.

A plain-text file's first non-empty line is its headline. A JSONL line is an object
with ``id`` and ``text`` and optional ``title``, ``url``, ``published``,
``publisher``. Problems with one document are raised as ``InputError`` naming the
file (and line, or byte offset); ``read_documents`` reports them through ``on_error``
and goes on with the rest. What ``--lenient`` changes (undecodable bytes, lone
surrogates) is reported as an ``InputWarning`` through ``on_warning`` (default: the
``warnings`` module), never silently.

Hostile input is refused before it costs memory: a file longer than ``max_chars``
characters is refused while it is being read (at most about ``max_chars`` characters
are held), a JSONL line longer than ``max_line_bytes(max_chars)`` is skipped without
being held. ``Document.text`` keeps every character of the decoded text (controls,
zero-width and bidirectional marks included) except a leading BOM, and ``\r\n`` /
``\r`` become ``\n``: offsets refer to that text.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kgbuild.config import DEFAULT_MAX_CHARS
from kgbuild.errors import InputError
from kgbuild.ingest.text import check_size, clean_text, parse_date
from kgbuild.ingest.web import (
    HTML_BYTES_PER_CHAR,
    HTML_SUFFIXES,
    is_feed,
    is_web_archive,
    read_feed,
    read_html_page,
    read_warc,
)
from kgbuild.model import Document
from kgbuild.safety import InputWarning, find_surrogate, replace_surrogates

__all__ = ["InputWarning", "count_documents", "max_line_bytes", "parse_date", "read_documents", "read_jsonl",
           "read_text_document"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_CHUNK = 1 << 20
ErrorHandler = Callable[[InputError], None]
WarningHandler = Callable[[InputWarning], None]
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f]+$")


def _warn(warning: InputWarning) -> None:
    warnings.warn(warning, stacklevel=4)


def max_line_bytes(max_chars: int) -> int:
    """The longest JSONL line read for a ``max_chars`` limit: room for JSON escapes (``\\uXXXX``) and metadata."""
    return 6 * max_chars + 65_536 if max_chars else 0


_replaced = threading.local()


def _record_replacement(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _replaced.spans.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("kgbuild.replace", _record_replacement)


def _codec(encoding: str, origin: str) -> codecs.CodecInfo:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=origin) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding", path=origin)
    return info


def _decode(data: bytes, origin: str, encoding: str, lenient: bool,
            on_warning: WarningHandler | None = None) -> str:
    info = _codec(encoding, origin)
    if not data.strip():
        raise InputError("document is empty", path=origin)
    if b"\x00" in data[:8192] and info.name in {"utf-8", "utf-8-sig"}:
        raise InputError(f"looks like a binary file (NUL byte at byte offset {data.index(0)}), not text",
                         path=origin)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if not lenient:
            raise InputError(
                f"invalid {encoding} at byte offset {exc.start} (use --encoding, or --lenient to replace bad bytes)",
                path=origin,
            ) from None
        _replaced.spans = []
        text = data.decode(encoding, errors="kgbuild.replace")
        spans, _replaced.spans = _replaced.spans, []
        count = sum(end - start for start, end in spans)
        (on_warning or _warn)(InputWarning(
            f"--lenient: replaced {count} undecodable byte{'s' if count != 1 else ''} with U+FFFD "
            f"(first at byte offset {spans[0][0]})", path=origin))
    return clean_text(text)


def _read_limited(stream: IO[bytes], origin: str, encoding: str, max_chars: int, size: int | None = None) -> bytes:
    """Read a whole stream, but refuse it (without holding more) as soon as it decodes to more than ``max_chars``."""
    if not max_chars or (size is not None and size <= max_chars):
        return stream.read()  # no codec decodes fewer bytes into more characters
    decoder = codecs.getincrementaldecoder(_codec(encoding, origin).name)(errors="replace")
    chunks: list[bytes] = []
    chars, read, after_cr = 0, 0, False
    while chunk := stream.read(_CHUNK):
        chunks.append(chunk)
        read += len(chunk)
        text = decoder.decode(chunk)
        if not text:
            continue
        chars += len(text) - text.count("\r\n") - (1 if after_cr and text[0] == "\n" else 0)
        after_cr = text[-1] == "\r"
        if chars > max_chars + 1:  # + 1: a BOM is dropped
            raise InputError(f"document has more than --max-chars {max_chars:,} characters "
                             f"(refused after reading {read:,} bytes)", path=origin)
    return b"".join(chunks)


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
    on_warning: WarningHandler | None = None,
) -> Document:
    """One plain-text article; its first non-empty line is the headline."""
    text = _decode(data, origin, encoding, lenient, on_warning)
    check_size(text, origin, max_chars)
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
    on_warning: WarningHandler | None = None,
    seen: dict[str, str] | None = None,
) -> Iterator[Document]:
    """Documents from JSON Lines, lazily; a bad line is reported with its number and skipped. A file of kgbuild
    extractions (its first line says so) is left out with a note.

    ``seen`` maps ids already read (in this call or, shared, across files) to where they were.
    """
    seen = {} if seen is None else seen
    limit = max_line_bytes(max_chars)
    number = documents = 0
    while raw := stream.readline(limit + 1 if limit else -1):
        number += 1
        try:
            if limit and len(raw) > limit and not raw.endswith(b"\n"):
                documents += 1
                _skip_line(stream)
                raise InputError(f"line longer than {limit:,} bytes (--max-chars {max_chars:,}); not read",
                                 path=origin, line=number)
            if not raw.strip() or (number == 1 and raw.strip() == b"\xef\xbb\xbf"):
                continue
            documents += 1
            if documents == 1 and _is_extraction(raw):  # `kgbuild build examples/`: the interchange example
                (on_warning or _warn)(InputWarning(f"{origin}: a kgbuild extraction file, not articles: left out "
                                                   "(`kgbuild map` reads it)"))
                return
            yield _jsonl_document(raw, origin, number, encoding, lenient, max_chars, published, publisher, seen,
                                  on_warning or _warn)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
    if not documents:
        raise InputError("no documents: the JSONL file is empty", path=origin)


def _skip_line(stream: IO[bytes]) -> None:
    while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
        pass


def _jsonl_document(
    raw: bytes,
    origin: str,
    number: int,
    encoding: str,
    lenient: bool,
    max_chars: int,
    published: str | None,
    publisher: str | None,
    seen: dict[str, str],
    on_warning: WarningHandler,
) -> Document:
    where = f"{origin}:{number}"
    try:
        line = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        if not lenient:
            raise InputError(f"invalid {encoding} at byte offset {exc.start} of the line (use --encoding, or "
                             "--lenient to replace bad bytes)", path=origin, line=number) from None
        line = _decode(raw, where, encoding, lenient, on_warning)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=origin) from None
    try:
        obj = json.loads(line.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not a valid JSON line ({exc})", path=origin, line=number) from None
    except RecursionError:
        raise InputError("not a valid JSON line (nested too deeply)", path=origin, line=number) from None
    if not isinstance(obj, dict):
        raise InputError("a JSONL line must be an object with 'id' and 'text'", path=origin, line=number)
    for name in ("id", "text"):
        if not isinstance(obj.get(name), (str, int)) or str(obj.get(name)).strip() == "":
            raise InputError(f"missing or empty {name!r}", path=origin, line=number)
    for name in ("title", "url", "published", "publisher"):
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise InputError(f"{name!r} must be a string", path=origin, line=number)
    for name in ("id", "text", "title", "url", "published", "publisher"):
        if isinstance(obj.get(name), str) and (offset := find_surrogate(obj[name])) is not None:
            if not lenient:
                raise InputError(f"{name!r} holds a lone surrogate (\\u{ord(obj[name][offset]):04x}) at character "
                                 f"offset {offset}, which is not Unicode text (use --lenient to replace it)",
                                 path=origin, line=number)
            obj[name], count = replace_surrogates(obj[name])
            on_warning(InputWarning(f"--lenient: replaced {count} lone surrogate{'s' if count != 1 else ''} in "
                                    f"{name!r} with U+FFFD (first at character offset {offset})",
                                    path=origin, line=number))
    url = obj.get("url")
    if url and not _URL.match(url.strip()):
        raise InputError(f"'url' {url[:80]!r} is not an absolute IRI (scheme:..., no spaces, quotes or <>{{}}|\\^`)",
                         path=origin, line=number)
    doc_id = str(obj["id"])
    _claim_id(doc_id, where, seen)
    text = clean_text(str(obj["text"]))
    check_size(text, where, max_chars)
    title = obj.get("title")
    return Document(
        id=doc_id,
        text=text,
        title=title.strip() if title else _headline(text),
        url=url.strip() if url else None,
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
                p for p in path.rglob("*") if p.is_file() and _readable(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from children
        else:
            yield path


def _readable(path: Path) -> bool:
    """Is a file in a folder one that kgbuild reads (text, JSONL, HTML, web archive or feed)?"""
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES or is_web_archive(path) or is_feed(path)


def read_documents(
    paths: Iterable[str | Path],
    *,
    encoding: str = "utf-8",
    lenient: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    published: str | None = None,
    publisher: str | None = None,
    on_error: ErrorHandler | None = None,
    on_warning: WarningHandler | None = None,
    language: str | None = "en",
    override_page_metadata: bool = False,
) -> Iterator[Document]:
    """Yield documents lazily from files, folders (recursively, sorted), JSONL files, HTML pages, web archives,
    feeds (``kgbuild.ingest.web``; pages in another language than ``language`` are skipped) and ``-``.

    Without ``on_error`` the first bad document raises ``InputError``; with it, each
    bad document is passed to ``on_error`` and skipped. Document ids are unique in one
    call: a second document with the same id (``a/x.txt`` and ``b/x.txt``) is refused.
    What ``lenient`` replaced goes to ``on_warning`` (default: ``warnings.warn``). ``published`` and
    ``publisher`` fill what a web page lacks, or replace what it says with ``override_page_metadata``.
    """
    published = parse_date(published)
    opts = {"encoding": encoding, "lenient": lenient, "max_chars": max_chars, "published": published,
            "publisher": publisher, "on_warning": on_warning}
    seen: dict[str, str] = {}
    page = {"published": published, "publisher": publisher, "language": language, "max_chars": max_chars,
            "override": override_page_metadata}
    for path in _expand(paths):
        try:
            if path is None:
                stream, first = _sniff(sys.stdin.buffer)
                if first == b"{":
                    yield from read_jsonl(stream, "<stdin>", on_error=on_error, seen=seen, **opts)
                else:
                    data = _read_limited(stream, "<stdin>", encoding, max_chars)
                    yield _unique(read_text_document(data, "<stdin>", "stdin", **opts), seen)
            elif path.suffix.lower() in JSONL_SUFFIXES:
                with _open(path) as stream:
                    yield from read_jsonl(stream, str(path), on_error=on_error, seen=seen, **opts)
            elif path.suffix.lower() in HTML_SUFFIXES or is_web_archive(path) or is_feed(path):
                yield from (_unique(d, seen) for d in _web_documents(path, on_error, on_warning or _warn, page))
            else:
                yield _unique(read_text_document(_read(path, encoding, max_chars), str(path), path.stem, **opts),
                              seen)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _is_extraction(raw: bytes) -> bool:
    """Is a JSONL line a kgbuild extraction (``"format": "kgbuild-extraction/…"``) rather than an article?"""
    if b'"kgbuild-extraction/' not in raw:
        return False
    try:
        obj = json.loads(raw)
    except ValueError:
        return False
    return isinstance(obj, dict) and str(obj.get("format", "")).startswith("kgbuild-extraction/")


def _web_documents(path: Path, on_error: ErrorHandler | None, on_warning: WarningHandler,
                   page: dict) -> Iterator[Document]:
    def skip(exc: InputError) -> None:
        if on_error is None:
            raise exc
        on_error(exc)

    if is_web_archive(path):
        yield from read_warc(path, on_error=skip, on_warning=on_warning, **page)
    elif is_feed(path):
        yield from read_feed(_read_bytes(path, page["max_chars"]), path, on_error=skip, on_warning=on_warning, **page)
    else:
        yield read_html_page(_read_bytes(path, page["max_chars"]), str(path), path.stem, **page)


def _read_bytes(path: Path, max_chars: int) -> bytes:
    """A page's or feed's bytes, refused past the limit for ``max_chars`` before they are all held."""
    limit = max_chars * HTML_BYTES_PER_CHAR if max_chars else -1
    with _open(path) as stream:
        try:
            data = stream.read(limit + 1 if limit > 0 else -1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None
    if limit > 0 and len(data) > limit:
        raise InputError(f"file is over {limit:,} bytes, the limit for --max-chars {max_chars:,}", path=str(path))
    return data


def _claim_id(doc_id: str, where: str, seen: dict[str, str]) -> None:
    if doc_id in seen:
        raise InputError(f"duplicate document id {doc_id!r} (first in {seen[doc_id]}); ids name the documents' "
                         "IRIs, so they must be unique", path=where)
    seen[doc_id] = where


def _unique(document: Document, seen: dict[str, str]) -> Document:
    _claim_id(document.id, document.origin or document.id, seen)
    return document


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None


def _read(path: Path, encoding: str = "utf-8", max_chars: int = DEFAULT_MAX_CHARS) -> bytes:
    with _open(path) as stream:
        try:
            size = path.stat().st_size if path.is_file() else None
            return _read_limited(stream, str(path), encoding, max_chars, size)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None


class _Peekable(io.RawIOBase):
    """A byte stream whose first bytes can be looked at and put back (to sniff stdin without holding it all)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._ahead = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if not self._ahead:
            read = getattr(self._stream, "read1", self._stream.read)
            self._ahead = read(len(buffer))
        n = min(len(buffer), len(self._ahead))
        buffer[:n] = self._ahead[:n]
        self._ahead = self._ahead[n:]
        return n

    def first_nonspace(self) -> bytes:
        """The first byte that is not whitespace or a BOM (b"" if none), leaving everything unread."""
        while True:
            chunk = self._stream.read(65_536)
            self._ahead += chunk
            stripped = self._ahead.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
            if stripped or not chunk or len(self._ahead) > _CHUNK:
                return stripped[:1]


def _sniff(stream: IO[bytes]) -> tuple[IO[bytes], bytes]:
    raw = _Peekable(stream)
    first = raw.first_nonspace()
    return io.BufferedReader(raw, buffer_size=_CHUNK), first


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``paths`` hold (JSONL lines, text files), or None when it is not cheap (stdin)."""
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
