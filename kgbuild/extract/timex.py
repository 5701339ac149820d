"""Time expressions: spaCy DATE entities (plus a few patterns) normalised to ISO dates.

A single day gets ``value``; a period (a year, a month, "last week", "the past two
months") gets ``begin``/``end``. Relative expressions are resolved against the
document's publication date, or, when it has none, a dateline among the first lines
("Friday, July 21, 2017"). Without an anchor, relative expressions keep their text only.
Dates without a year take the anchor's year, or the year before if that would put
them more than about six months after publication.

>>> resolve("22 August", date(2024, 8, 16))
('2024-08-22', None, None)
>>> resolve("last week", date(2024, 8, 16))
(None, '2024-08-05', '2024-08-11')
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Doc

from kgbuild.extract.spans import char_mention
from kgbuild.model import Document, TimeExpression

__all__ = ["anchor_date", "find_times", "resolve"]

Resolved = tuple[str | None, str | None, str | None]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3, "couple": 2}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_YEAR_ONLY = re.compile(r"^(?:(?:in|the\s+year|early|late|mid-?)\s+)?(?P<year>1[89]\d\d|20\d\d)$", re.I)
_DECADE = re.compile(r"\b(?P<decade>1[89]\d0|20\d0)s\b")
_UNITS = r"(?P<unit>day|week|month|year|decade)s?"
_PAST_N = re.compile(rf"\b(?:past|last|previous|over|more than|nearly|almost|over the past)\s+(?:the\s+)?"
                     rf"(?:(?P<n>\w+)\s+)?{_UNITS}\b", re.I)
_AGO = re.compile(rf"\b(?P<n>\w+)\s+{_UNITS}\s+ago\b", re.I)
_RELATIVE = re.compile(r"\b(?P<which>this|last|next|past|previous|coming|earlier this|later this)\s+"
                       r"(?P<unit>week|month|year|weekend|spring|summer|autumn|fall|winter)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:(?P<which>last|next|this|on)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
_BARE_MONTH = re.compile(rf"^(?:(?:in|early|late|mid-?|last|next|this)\s+)?{_MONTH}$", re.I)
_EXTRA = re.compile(r"\b(?:yesterday|today|tomorrow|(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r"))\b", re.I)


def find_times(sdoc: Doc, document: Document) -> list[TimeExpression]:
    """DATE entities and weekday/yesterday words, each resolved against the publication date."""
    anchor = anchor_date(document)
    spans = [(e.start_char, e.end_char) for e in sdoc.ents if e.label_ == "DATE"]
    for match in _EXTRA.finditer(document.text):
        if not any(s < match.end() and match.start() < e for s, e in spans):
            spans.append((match.start(), match.end()))
    times = []
    for start, end in sorted(spans):
        m = char_mention(document.text, start, end)
        if not m.text:
            continue
        value, begin, end_ = resolve(m.text, anchor)
        times.append(TimeExpression(key=f"{m.start}-{m.end}", mention=m, value=value, begin=begin, end=end_))
    return times


def anchor_date(document: Document) -> date | None:
    """The publication date, else a full date standing alone on one of the first lines."""
    if document.published:
        try:
            return date.fromisoformat(document.published[:10])
        except ValueError:
            return None
    for line in document.text.splitlines()[:4]:
        line = line.strip()
        if 6 <= len(line) <= 40:
            value = _full_date(line)
            if value is not None and len(_strip_date(line)) <= 12:
                return value
    return None


def _strip_date(line: str) -> str:
    for rx in (_DAY_MONTH, _MONTH_DAY, _ISO):
        line = rx.sub("", line)
    return re.sub(r"\b(?:" + "|".join(WEEKDAYS) + r")\b|[\W\d]+", "", line, flags=re.I)


def _full_date(text: str) -> date | None:
    for rx in (_ISO, _MONTH_DAY, _DAY_MONTH):
        m = rx.search(text)
        if m and m.group("year"):
            return _safe_date(int(m.group("year")), _month(m.group("month")), int(m.group("day")))
    return None


def _month(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, anchor: date | None) -> date | None:
    if anchor is None:
        return None
    value = _safe_date(anchor.year, month, day)
    if value is not None and value > anchor + timedelta(days=183):
        value = _safe_date(anchor.year - 1, month, day)
    return value


def _month_year(month: int, which: str, anchor: date) -> int:
    """The year of a month named without one ("in August", "next March")."""
    if which == "next":
        return anchor.year + 1 if month <= anchor.month else anchor.year
    if which == "last":
        return anchor.year - 1 if month >= anchor.month else anchor.year
    return anchor.year - 1 if month > anchor.month + 6 else anchor.year


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _period(begin: date, end: date) -> Resolved:
    return (begin.isoformat(), None, None) if begin == end else (None, begin.isoformat(), end.isoformat())


def resolve(text: str, anchor: date | None) -> Resolved:
    """(value, begin, end) of a time expression; ``None`` where it cannot be resolved."""
    text = " ".join(text.replace("\u2019", "'").split())
    for resolver in (_absolute, _relative):
        found = resolver(text, anchor)
        if found is not None:
            return found
    return None, None, None


def _absolute(text: str, anchor: date | None) -> Resolved | None:
    m = _ISO.search(text)
    if m:
        return _iso(_safe_date(int(m["year"]), int(m["month"]), int(m["day"]))), None, None
    for rx in (_MONTH_DAY, _DAY_MONTH):
        m = rx.search(text)
        if m:
            month, day = _month(m["month"]), int(m["day"])
            value = _safe_date(int(m["year"]), month, day) if m["year"] else _infer_year(month, day, anchor)
            return _iso(value), None, None
    m = _MONTH_YEAR.search(text)
    if m:
        return _period(*_month_span(int(m["year"]), _month(m["month"])))
    m = _YEAR_ONLY.match(text)
    if m:
        year = int(m["year"])
        return _period(date(year, 1, 1), date(year, 12, 31))
    m = _DECADE.search(text)
    if m:
        decade = int(m["decade"])
        return _period(date(decade, 1, 1), date(decade + 9, 12, 31))
    m = _BARE_MONTH.match(text)
    if m and anchor is not None:
        month = _month(m["month"])
        return _period(*_month_span(_month_year(month, text.lower().split()[0], anchor), month))
    return None


def _relative(text: str, anchor: date | None) -> Resolved | None:
    if anchor is None:
        return None
    low = text.lower()
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "this afternoon": 0,
              "this evening": 0, "last night": -1}
    for word, offset in simple.items():
        if re.search(rf"\b{word}\b", low):
            return _iso(anchor + timedelta(days=offset)), None, None
    m = _AGO.search(low)
    if m and _count(m["n"]) is not None:
        return _ago(anchor, _count(m["n"]) or 1, m["unit"])
    m = _RELATIVE.search(low)
    if m:
        return _relative_unit(anchor, m["which"], m["unit"])
    m = _PAST_N.search(low)
    if m:
        n = _count(m["n"]) if m["n"] else 1
        if n is not None:
            return _period(_minus(anchor, n, m["unit"]), anchor)
    m = _WEEKDAY.search(low)
    if m:
        return _weekday(anchor, WEEKDAYS[m["weekday"]], m["which"])
    return None


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return int(word) if word.isdigit() else NUMBERS.get(word.lower())


def _minus(anchor: date, n: int, unit: str) -> date:
    unit = unit.lower()
    if unit == "day":
        return anchor - timedelta(days=n)
    if unit == "week":
        return anchor - timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    year, month = divmod(anchor.year * 12 + anchor.month - 1 - months, 12)
    return date(year, month + 1, min(anchor.day, calendar.monthrange(year, month + 1)[1]))


def _ago(anchor: date, n: int, unit: str) -> Resolved:
    then = _minus(anchor, n, unit)
    if unit == "day":
        return then.isoformat(), None, None
    if unit == "week":
        monday = then - timedelta(days=then.weekday())
        return _period(monday, monday + timedelta(days=6))
    if unit == "month":
        return _period(*_month_span(then.year, then.month))
    return _period(date(then.year, 1, 1), date(then.year, 12, 31))


def _relative_unit(anchor: date, which: str, unit: str) -> Resolved:
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit in ("week", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        if unit == "weekend":
            return _period(monday + timedelta(days=5), monday + timedelta(days=6))
        return _period(monday, monday + timedelta(days=6))
    if unit == "month":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
        begin, end = _month_span(year, month + 1)
    elif unit == "year":
        begin, end = date(anchor.year + step, 1, 1), date(anchor.year + step, 12, 31)
    else:
        begin, end = _season(anchor, unit, step)
    if which == "earlier this":
        return _period(begin, min(end, anchor))
    if which == "later this":
        return _period(max(begin, anchor), end)
    return _period(begin, end)


def _season(anchor: date, name: str, step: int) -> tuple[date, date]:
    first, last = SEASONS[name]
    year = anchor.year - 1 if first > last and anchor.month <= last else anchor.year
    year += step
    end_year = year + 1 if first > last else year
    return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def _weekday(anchor: date, weekday: int, which: str | None) -> Resolved:
    """A weekday: the most recent one up to the anchor (news reports the past), or the next one."""
    if which == "next":
        delta = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=delta)).isoformat(), None, None
    delta = (anchor.weekday() - weekday) % 7
    if which == "last" and delta == 0:
        delta = 7
    return (anchor - timedelta(days=delta)).isoformat(), None, None
