"""The extraction interchange: model objects <-> JSON, one extraction per JSONL line.

The format (``kgbuild-extraction/1``) is the serialised form of ``kgbuild.model`` and is
derived from its dataclasses, not written beside them: every field is a JSON property of
the same name, enums are their values, tuples are arrays, a ``Mention`` is
``{"start", "end", "text"}`` and ``None`` is left out. ``extraction_schema()`` derives the
JSON Schema (draft 2020-12) the same way; ``kgbuild/data/extraction.schema.json`` is its
committed copy, and a test keeps the two equal.

What a schema cannot say is checked on reading too: mentions must be spans of the
document text, and every actor, event, claim and time key used must be defined.
A bad line is an ``InputError`` naming the file, the line and the JSON path.

>>> from kgbuild.model import Document, Extraction
>>> extraction_to_json(Extraction(Document(id="d", text="Hi.")))["document"]
{'id': 'd', 'text': 'Hi.'}
"""

from __future__ import annotations

import inspect
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from kgbuild.errors import InputError
from kgbuild.model import (
    Actor,
    Claim,
    Document,
    Event,
    Extraction,
    Mention,
    NonResponse,
    Participant,
    TimeExpression,
)
from kgbuild.resources import data_path

__all__ = [
    "FORMAT",
    "SCHEMA_ID",
    "extraction_from_json",
    "extraction_schema",
    "extraction_to_json",
    "read_extractions",
    "schema_path",
    "write_extractions",
    "write_schema",
]

FORMAT = "kgbuild-extraction/1"
SCHEMA_ID = "https://w3id.org/kgbuild/schema/extraction/1"
SCHEMA_FILE = "extraction.schema.json"
EXTRACTION_SUFFIXES = {".jsonl", ".ndjson"}

# Fields that are not interchanged: where a document was read from is the reader's business.
LOCAL_FIELDS: dict[type, frozenset[str]] = {Document: frozenset({"origin"})}

# Which collection of the extraction a key field refers to.
REFERENCES: dict[tuple[type, str], str] = {
    (Extraction, "sources"): "actors",
    (Extraction, "publisher"): "actors",
    (Actor, "stands_for"): "actors",
    (Actor, "affiliation"): "actors",
    (Participant, "actor"): "actors",
    (Event, "times"): "times",
    (Event, "claim"): "claims",
    (Claim, "speaker"): "actors",
    (Claim, "reported_by"): "actors",
    (Claim, "about_actors"): "actors",
    (Claim, "about_events"): "events",
    (Claim, "part_of"): "claims",
    (Claim, "times"): "times",
    (NonResponse, "actor"): "actors",
}
KEYED = {"actors": Actor, "events": Event, "claims": Claim, "times": TimeExpression}

DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
IRI = r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$'
NON_EMPTY = {"minLength": 1}
# Constraints on single values, beyond their type (JSON Schema keywords; the reader checks them too).
CONSTRAINTS: dict[tuple[type, str], dict[str, Any]] = {
    (Document, "id"): NON_EMPTY,
    (Document, "published"): {"pattern": DATE},
    (Actor, "same_as"): {"pattern": IRI},
    (Mention, "start"): {"minimum": 0},
    (Mention, "end"): {"minimum": 0},
    (TimeExpression, "value"): {"pattern": DATE},
    (TimeExpression, "begin"): {"pattern": DATE},
    (TimeExpression, "end"): {"pattern": DATE},
    **{(cls, "key"): NON_EMPTY for cls in KEYED.values()},
    **{(NonResponse, "key"): NON_EMPTY},
}


# -- model -> JSON --------------------------------------------------------------------------------

def _fields(cls: type) -> list[Field[Any]]:
    local = LOCAL_FIELDS.get(cls, frozenset())
    return [f for f in fields(cls) if f.name not in local]


def _encode(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        encoded = ((f.name, _encode(getattr(value, f.name))) for f in _fields(type(value)))
        return {name: item for name, item in encoded if item is not None}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    return value


def extraction_to_json(extraction: Extraction) -> dict[str, Any]:
    """The JSON object of one extraction (``format`` first-class, ``None`` left out)."""
    obj = _encode(extraction)
    assert isinstance(obj, dict)
    return {"format": FORMAT, **obj}


# -- JSON -> model --------------------------------------------------------------------------------

class _Invalid(Exception):
    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if name.isidentifier() else f"{path}[{json.dumps(name)}]"


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional(tp: Any) -> Any | None:
    """``X`` for ``X | None``, else None."""
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0]
    return None


_JSON_TYPES = {str: "string", int: "integer", bool: "boolean"}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return {dict: "object", list: "array", str: "string", int: "integer", float: "number"}.get(type(value), "value")


@dataclass
class _Context:
    """What decoding collects for the checks a schema cannot make."""

    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    references: list[tuple[str, str, str]] = field(default_factory=list)  # path, collection, key


def _decode(tp: Any, value: object, path: str, ctx: _Context) -> Any:
    inner = _optional(tp)
    if inner is not None:
        return None if value is None else _decode(inner, value, path, ctx)
    if typing.get_origin(tp) is tuple:
        item_type = typing.get_args(tp)[0]
        if not isinstance(value, list):
            raise _Invalid(path, f"expected an array, got {_kind(value)}")
        return tuple(_decode(item_type, item, f"{path}[{i}]", ctx) for i, item in enumerate(value))
    if is_dataclass(tp):
        return _decode_object(tp, value, path, ctx)
    if isinstance(tp, type) and issubclass(tp, Enum):
        allowed = [m.value for m in tp]
        if value not in allowed:
            raise _Invalid(path, f"{value!r} is not a known {tp.__name__} (one of: {', '.join(allowed)})")
        return tp(value)
    if tp in _JSON_TYPES:
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise _Invalid(path, f"expected {_JSON_TYPES[tp]}, got {_kind(value)}")
        return value
    raise TypeError(f"no JSON form for {tp!r}")  # a model field of a type this module does not know


def _decode_object(cls: type, value: object, path: str, ctx: _Context) -> Any:
    if not isinstance(value, dict):
        raise _Invalid(path, f"expected an object ({cls.__name__}), got {_kind(value)}")
    known = {f.name: f for f in _fields(cls)}
    for name in value:
        if name not in known:
            raise _Invalid(_child(path, name), f"unknown field of {cls.__name__} (known: {', '.join(known)})")
    hints = _hints(cls)
    args: dict[str, Any] = {}
    for name, f in known.items():
        where = _child(path, name)
        if name not in value:
            if f.default is MISSING and f.default_factory is MISSING:
                raise _Invalid(where, f"missing required field of {cls.__name__}")
            continue
        decoded = _decode(hints[name], value[name], where, ctx)
        if decoded is None:
            continue
        constraints = CONSTRAINTS.get((cls, name))
        if constraints:
            for i, item in enumerate(decoded) if isinstance(decoded, tuple) else ((None, decoded),):
                _check_constraints(constraints, item, where if i is None else f"{where}[{i}]")
        collection = REFERENCES.get((cls, name))
        if collection:
            keys = decoded if isinstance(decoded, tuple) else (decoded,)
            multiple = isinstance(decoded, tuple)
            ctx.references.extend((f"{where}[{i}]" if multiple else where, collection, k) for i, k in enumerate(keys))
        args[name] = decoded
    obj = cls(**args)
    if isinstance(obj, Mention):
        ctx.mentions.append((path, obj))
    return obj


def _check_constraints(constraints: dict[str, Any], value: Any, path: str) -> None:
    if "minimum" in constraints and value < constraints["minimum"]:
        raise _Invalid(path, f"must be at least {constraints['minimum']}, got {value}")
    if "minLength" in constraints and len(value) < constraints["minLength"]:
        raise _Invalid(path, "must not be empty")
    if "pattern" in constraints and not re.search(constraints["pattern"], value):
        what = {DATE: "a date (YYYY-MM-DD)", IRI: "an absolute IRI"}.get(constraints["pattern"], "well-formed")
        raise _Invalid(path, f"{value!r} is not {what}")


def _check_mentions(text: str, mentions: list[tuple[str, Mention]]) -> None:
    for path, m in mentions:
        if m.end > len(text) or m.start > m.end:
            raise _Invalid(path, f"offsets {m.start}-{m.end} are outside the document text (0-{len(text)})")
        if text[m.start:m.end] != m.text:
            raise _Invalid(_child(path, "text"), f"{m.text!r} is not the document text at {m.start}-{m.end} "
                                                 f"({text[m.start:m.end]!r})")


def _check_keys(x: Extraction, references: list[tuple[str, str, str]]) -> None:
    defined: dict[str, set[str]] = {}
    for collection in KEYED:
        seen = defined.setdefault(collection, set())
        for i, item in enumerate(getattr(x, collection)):
            if item.key in seen:
                raise _Invalid(f"$.{collection}[{i}].key", f"duplicate key {item.key!r}")
            seen.add(item.key)
    for path, collection, key in references:
        if key not in defined[collection]:
            singular = collection.rstrip("s")
            raise _Invalid(path, f"{key!r} is not the key of any {singular} in $.{collection}")


def extraction_from_json(obj: object, *, origin: str | None = None) -> Extraction:
    """The extraction of a JSON object; raises ``InputError`` naming the JSON path of the first problem.

    ``origin`` (e.g. ``file:line``) becomes ``Document.origin``, for messages.
    """
    try:
        if not isinstance(obj, dict):
            raise _Invalid("$", f"expected an object (an extraction), got {_kind(obj)}")
        body = dict(obj)
        fmt = body.pop("format", None)
        if fmt != FORMAT:
            got = "missing" if fmt is None else repr(fmt)
            raise _Invalid("$.format", f"expected {FORMAT!r}, got {got}")
        ctx = _Context()
        x = _decode_object(Extraction, body, "$", ctx)
        _check_mentions(x.document.text, ctx.mentions)
        _check_keys(x, ctx.references)
    except _Invalid as exc:
        raise InputError(str(exc)) from None
    if origin is not None:
        from dataclasses import replace

        x = replace(x, document=replace(x.document, origin=origin))
    return x


# -- files ----------------------------------------------------------------------------------------

def _lines(line_source: Iterable[bytes], origin: str, seen: dict[str, str],
           on_error: Callable[[InputError], None] | None) -> Iterator[Extraction]:
    for number, raw in enumerate(line_source, start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        try:
            try:
                obj = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise InputError(f"not a valid JSON line ({exc})") from None
            x = extraction_from_json(obj, origin=where)
            if x.document.id in seen:
                raise InputError(f"$.document.id: duplicate document id {x.document.id!r} "
                                 f"(first at {seen[x.document.id]})")
            seen[x.document.id] = where
        except InputError as exc:
            error = InputError(str(exc), path=origin, line=number)
            if on_error is None:
                raise error from None
            on_error(error)
            continue
        yield x


def read_extractions(paths: Iterable[str | Path], *,
                     on_error: Callable[[InputError], None] | None = None) -> Iterator[Extraction]:
    """Extractions from ``kgbuild-extraction/1`` JSONL files, folders of them (sorted) or ``-``, lazily.

    Without ``on_error`` the first bad line raises ``InputError`` (file, line, JSON path);
    with it, each bad line is passed to ``on_error`` and skipped.
    """
    seen: dict[str, str] = {}
    for item in paths:
        if str(item) == "-":
            yield from _lines(sys.stdin.buffer, "<stdin>", seen, on_error)
            continue
        path = Path(item)
        files_ = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTRACTION_SUFFIXES) \
            if path.is_dir() else [path]
        for file in files_:
            try:
                stream = file.open("rb")
            except OSError as exc:
                error = InputError(f"cannot read: {exc.strerror}", path=str(file))
                if on_error is None:
                    raise error from None
                on_error(error)
                continue
            with stream:
                yield from _lines(stream, str(file), seen, on_error)


def dumps(extraction: Extraction) -> str:
    """One JSONL line (without newline): sorted keys, UTF-8 text, no spaces."""
    return json.dumps(extraction_to_json(extraction), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def write_extractions(extractions: Iterable[Extraction], path: str | Path) -> int:
    """Write one line per extraction to ``path`` (atomically; ``-`` is stdout); returns the count."""
    from kgbuild.out.serialize import write_bytes

    lines = [dumps(x) + "\n" for x in extractions]
    write_bytes("".join(lines).encode("utf-8"), path)
    return len(lines)


# -- JSON Schema ----------------------------------------------------------------------------------

def _doc(cls: type) -> str:
    text = inspect.getdoc(cls) or ""
    return " ".join(text.split("\n\n")[0].split())


def _comments(cls: type) -> dict[str, str]:
    """The trailing ``# comment`` of each field in the class source: the field's description."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    found = re.findall(r"^\s+(\w+):[^#\n]*#\s*(.+?)\s*$", source, flags=re.MULTILINE)
    return dict(found)


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    inner = _optional(tp)
    if inner is not None:
        return {"anyOf": [_type_schema(inner, defs), {"type": "null"}]}
    if typing.get_origin(tp) is tuple:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0], defs)}
    if is_dataclass(tp) or (isinstance(tp, type) and issubclass(tp, Enum)):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder against recursion
            defs[tp.__name__] = _object_schema(tp, defs) if is_dataclass(tp) else {
                "description": _doc(tp), "enum": [m.value for m in tp]}
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if tp in _JSON_TYPES:
        return {"type": _JSON_TYPES[tp]}
    raise TypeError(f"no JSON form for {tp!r}")


def _object_schema(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints, comments = _hints(cls), _comments(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in _fields(cls):
        prop = _type_schema(hints[f.name], defs)
        constraints = CONSTRAINTS.get((cls, f.name), {})
        if constraints:
            target = prop["anyOf"][0] if "anyOf" in prop else prop
            target = target["items"] if target.get("type") == "array" else target
            target.update(constraints)
        notes = [comments[f.name]] if f.name in comments else []
        if (cls, f.name) in REFERENCES:
            collection = REFERENCES[(cls, f.name)]
            notes.append(f"refers to $.{collection}[*].key")
        if notes:
            prop = {"description": "; ".join(notes), **prop}
        if f.default is not MISSING and f.default is not None:
            prop["default"] = _encode(f.default)
        elif f.default_factory is not MISSING:
            prop["default"] = _encode(f.default_factory())
        if f.default is MISSING and f.default_factory is MISSING:
            required.append(f.name)
        properties[f.name] = prop
    schema: dict[str, Any] = {"description": _doc(cls), "type": "object", "properties": properties}
    if cls is Mention:
        schema["description"] += " text must equal document.text[start:end]; end is exclusive."
    if required:
        schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def extraction_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one line of an extraction file, derived from ``kgbuild.model``."""
    defs: dict[str, Any] = {}
    body = _object_schema(Extraction, defs)
    body["properties"] = {"format": {"description": "the format and its version", "const": FORMAT},
                          **body["properties"]}
    body["required"] = ["format", *body.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"kgbuild extraction ({FORMAT})",
        "description": "One document and everything extracted from it: one JSON object per line of a JSONL file. "
                       "Beyond this schema, readers check that every mention is a span of document.text and "
                       "that every key used is defined.",
        **{k: v for k, v in body.items() if k != "description"},
        "$defs": dict(sorted(defs.items())),
    }


def schema_path() -> Path:
    """The committed schema file, ``kgbuild/data/extraction.schema.json``."""
    return data_path(SCHEMA_FILE)


def schema_text() -> str:
    """The schema as it is written to its file (sorted keys would hide the field order, so none)."""
    return json.dumps(extraction_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: str | Path | None = None) -> Path:
    """(Re)write the schema file (default: the committed one, see ``tools/make_extraction_schema.py``)."""
    target = Path(path) if path is not None else schema_path()
    target.write_text(schema_text(), encoding="utf-8")
    return target
