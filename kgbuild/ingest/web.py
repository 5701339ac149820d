"""News as it arrives on the web: saved HTML pages, web archives (WARC) and RSS/Atom feeds.

* An HTML page's main text, title, publication date, byline, site name and canonical URL are read
  by trafilatura (boilerplate - navigation, ads, comments, related links - is left out). The
  graph's text is the title and the main text; every offset points into it.
* A WARC file (``.warc``, ``.warc.gz``; read by warcio, streamed record by record) gives one
  article per ``response`` record of an HTML page with status 200; its target URI and record id are
  kept as provenance. Other records (requests, metadata, redirects, PDFs, images) are skipped and
  counted in one note per archive.
* An RSS or Atom feed (``.rss``, ``.atom``, or ``.xml`` that feedparser reads as a feed) gives one
  article per item: its full content where the feed carries it, else its summary, with a note.

What the page says wins; ``--published`` and ``--publisher`` fill only what it lacks. A text whose
language (py3langid) is not the model's is skipped with a clear message, unless ``language`` is None.
Nothing here opens a network connection: the libraries are given bytes, never URLs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from kgbuild.errors import InputError
from kgbuild.ingest.text import check_size, clean_text, parse_date
from kgbuild.model import Document
from kgbuild.safety import InputWarning

__all__ = ["HTML_SUFFIXES", "is_feed", "is_web_archive", "read_feed", "read_html_page",
           "read_warc"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_NAMES = (".warc", ".warc.gz")
MIN_WORDS = 12  # a main text shorter than this is a teaser, a paywall or a cookie notice, not an article
HTML_BYTES_PER_CHAR = 20  # a page holds markup besides its text: the byte limit for a --max-chars text
_AUTHOR_SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")
_LANGUAGE_SAMPLE = 4000  # characters of the text the language is read from
_Warn = Callable[[InputWarning], None]


def is_web_archive(path: Path) -> bool:
    return path.name.lower().endswith(WARC_NAMES)


def is_feed(path: Path) -> bool:
    return path.suffix.lower() in FEED_SUFFIXES


def _language(text: str) -> str:
    import py3langid

    return str(py3langid.classify(text[:_LANGUAGE_SAMPLE])[0])


def _check_language(text: str, origin: str, language: str | None) -> str:
    found = _language(text)
    if language is not None and found != language:
        raise InputError(f"the text is in language {found!r}, not {language!r}: skipped (choose a pipeline for "
                         f"that language with --model)", path=origin)
    return found


def _authors(byline: str | None) -> tuple[str, ...]:
    names = [n.strip(" ,.") for n in _AUTHOR_SEPARATORS.split(byline or "")]
    return tuple(dict.fromkeys(n for n in names if n and len(n) <= 100))


def _date(value: str | None) -> str | None:
    """A page's or item's date as YYYY-MM-DD, or None where it gives none that reads as one."""
    try:
        return parse_date(value)
    except InputError:
        return None


def _pick(on_page: str | None, given: str | None, override: bool) -> str | None:
    """The page's value, or the one given where the page has none (or always, with ``override``)."""
    return (given or on_page) if override else (on_page or given)


def _with_title(title: str | None, body: str) -> str:
    """The graph's text: the headline as its first line (as in a plain-text article), then the body."""
    body = clean_text(body).strip()
    title = " ".join((title or "").split())
    if not title or body.startswith(title):
        return body
    return f"{title}\n\n{body}"


def read_html_page(data: bytes, origin: str, doc_id: str, *, url: str | None = None, source_url: str | None = None,
                   record: str | None = None, published: str | None = None, publisher: str | None = None,
                   language: str | None = "en", max_chars: int = 0, override: bool = False) -> Document:
    """One article from the bytes of an HTML page (trafilatura: main text and metadata); ``published`` and
    ``publisher`` fill what the page lacks, or replace what it says with ``override``."""
    import trafilatura

    if max_chars and len(data) > max_chars * HTML_BYTES_PER_CHAR:
        raise InputError(f"page of {len(data):,} bytes is over the limit for --max-chars {max_chars:,}", path=origin)
    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError("not an HTML page (nothing to parse)", path=origin)
    found = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                        include_tables=False, deduplicate=False)
    body = getattr(found, "text", None) if found is not None else None
    if not body or len(body.split()) < MIN_WORDS:
        raise InputError("no main text on the page (a paywall, a cookie wall or an empty page?)", path=origin)
    text = _with_title(found.title, body)
    check_size(text, origin, max_chars)
    return Document(id=doc_id, text=text, title=text.split("\n", 1)[0], url=found.url or url,
                    published=_pick(_date(found.date), published, override),
                    publisher=_pick(found.sitename, publisher, override),
                    origin=origin, authors=_authors(found.author), language=_check_language(text, origin, language),
                    source_url=source_url, record=record)


def read_warc(path: Path, *, on_error: Callable[[InputError], None], on_warning: _Warn,
              **page: Any) -> Iterator[Document]:
    """The HTML pages of a web archive, record by record (bounded memory); other records counted in a note."""
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    number = 0
    records: Any = None
    limit = (page.get("max_chars") or 0) * HTML_BYTES_PER_CHAR or None
    try:
        with path.open("rb") as stream:
            records = _quiet_iterator()(stream)
            for record in records:
                number += 1
                reason = _not_a_page(record)
                if reason:
                    skipped[reason] += 1
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path} record {number} ({uri})"
                try:
                    data = record.content_stream().read(limit + 1 if limit else -1)
                    yield read_html_page(data, where, f"{_stem(path)}-{number}", url=uri, source_url=uri,
                                         record=record.rec_headers.get_header("WARC-Record-ID"), **page)
                except InputError as exc:
                    on_error(exc)
                except (OSError, ValueError, EOFError) as exc:  # a bad length, a broken gzip member
                    on_error(InputError(f"cannot read the record: {_one_line(exc)}", path=where))
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        on_error(InputError(f"cannot read the archive after record {number}: {_one_line(exc)}", path=str(path)))
    damaged = getattr(records, "err_count", 0)
    if damaged:
        on_warning(InputWarning(f"{path}: {damaged} record{'' if damaged == 1 else 's'} not where the Content-Length "
                                "before it says (a damaged archive); read on from the next record header"))
    if skipped:
        counts = ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
        total = sum(skipped.values())
        on_warning(InputWarning(f"{path}: {total} record{'' if total == 1 else 's'} skipped ({counts})"))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or exc.__class__.__name__


@cache
def _quiet_iterator() -> type:
    """warcio's ArchiveIterator without its own message on stderr for a record whose Content-Length is wrong
    (it counts them in ``err_count``; kgbuild reports them in its note)."""
    from warcio.archiveiterator import ArchiveIterator

    return type("QuietArchiveIterator", (ArchiveIterator,), {"INC_RECORD": ""})


def _not_a_page(record: Any) -> str | None:
    """Why a WARC record is not an HTML page to read (None: it is one)."""
    if record.rec_type != "response":
        return f"{record.rec_type} records"
    headers = record.http_headers
    if headers is None:
        return "responses without HTTP headers"
    status = headers.get_statuscode() or ""
    if status != "200":
        return "redirects" if status.startswith("3") else f"HTTP {status} responses"
    kind = (headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind not in {"text/html", "application/xhtml+xml"}:
        return f"{kind or 'untyped'} responses"
    return None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (*WARC_NAMES, *FEED_SUFFIXES):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _item_text(html: str) -> str:
    """The text of a feed item's HTML content: paragraphs kept as lines where trafilatura finds them."""
    import trafilatura

    wrapped = f"<html><body><article>{html}</article></body></html>"
    found = trafilatura.bare_extraction(wrapped, include_comments=False, include_tables=False, deduplicate=False)
    return (getattr(found, "text", None) if found is not None else None) or trafilatura.html2txt(wrapped)


def read_feed(data: bytes, path: Path, *, on_error: Callable[[InputError], None], on_warning: _Warn,
              published: str | None = None, publisher: str | None = None, language: str | None = "en",
              max_chars: int = 0, override: bool = False) -> Iterator[Document]:
    """The items of an RSS or Atom feed: full content where the feed carries it, else the summary (with a note)."""
    import feedparser

    feed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not feed.get("version") and not feed.entries:
        reason = feed.get("bozo_exception") or "no RSS or Atom root element"
        raise InputError(f"not an RSS or Atom feed: {reason}", path=str(path))
    site = _pick(feed.feed.get("title"), publisher, override)
    for number, entry in enumerate(feed.entries, 1):
        where = f"{path} item {number}"
        try:
            content = entry.get("content") or []
            html = content[0].get("value") if content else None
            if not html:
                html = entry.get("summary")
                if html:
                    on_warning(InputWarning(f"{where}: the feed carries no full text; its summary was read"))
            body = _item_text(html) if html and "<" in html else (html or "")
            if not body.strip():
                raise InputError("item without text", path=where)
            text = _with_title(entry.get("title"), body)
            check_size(text, where, max_chars)
            when = entry.get("published_parsed") or entry.get("updated_parsed")
            names = [a.get("name", "") for a in entry.get("authors") or []] or [entry.get("author", "")]
            yield Document(id=f"{_stem(path)}-{number}", text=text, title=text.split("\n", 1)[0],
                           url=entry.get("link"),
                           published=_pick(date(*when[:3]).isoformat() if when else None, published, override),
                           publisher=site, origin=where, authors=_authors("; ".join(n for n in names if n)),
                           language=_check_language(text, where, language))
        except InputError as exc:
            on_error(exc)
