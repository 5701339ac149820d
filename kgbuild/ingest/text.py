"""What every reader of articles shares: publication dates, line ends, the size limit."""

from __future__ import annotations

import re
from datetime import date

from kgbuild.errors import InputError

__all__ = ["check_size", "clean_text", "parse_date"]


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


def clean_text(text: str) -> str:
    """Drop a BOM, normalise line ends; offsets refer to the cleaned text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_size(text: str, origin: str, max_chars: int) -> None:
    """Refuse a text over ``max_chars`` characters, or one with nothing in it."""
    if max_chars and len(text) > max_chars:
        raise InputError(f"document has {len(text):,} characters, more than --max-chars {max_chars:,}", path=origin)
    if not text.strip():
        raise InputError("document is empty", path=origin)
