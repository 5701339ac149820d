"""Safe by default: no network while reading user RDF, honest text, warnings that are said.

* ``offline()`` blocks every socket connection and DNS look-up made by this thread while
  it is active (an audit hook, installed once), so parsing, validating and querying
  user files can never fetch anything: not a JSON-LD ``@context``, not an XML external
  entity, not an ``owl:imports``, not a SPARQL ``SERVICE`` or ``FROM``.
* ``check_jsonld`` refuses JSON-LD documents that name a remote (non-inline) context.
* ``check_xml`` refuses RDF/XML that declares external entities (XXE).
* ``replace_surrogates`` finds lone UTF-16 surrogates (which JSON ``"\\ud800"`` can put in a
  ``str``, and which no RDF serialisation can hold) and replaces each by U+FFFD, one
  character for one, so offsets stay honest.
* ``InputWarning`` is what the lenient mode reports when it changes the input.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from kgbuild.errors import InputError

__all__ = ["InputWarning", "OfflineError", "check_jsonld", "check_xml", "find_surrogate", "offline",
           "replace_surrogates"]


class InputWarning(UserWarning):
    """The input was changed to be readable (``--lenient``): names the file, line and what was replaced."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = f"{path}:{line}" if path and line is not None else (path or "")
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.line = line


class OfflineError(ConnectionRefusedError):
    """Raised inside any socket connect / DNS look-up attempted under ``offline()``."""


_OFFLINE: ContextVar[int] = ContextVar("kgbuild_offline", default=0)
_NETWORK_EVENTS = frozenset({"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.sendto",
                             "socket.sendmsg", "urllib.Request"})
_hook_installed = False


def _audit(event: str, args: tuple) -> None:
    if event in _NETWORK_EVENTS and _OFFLINE.get():
        target = args[1] if event in ("socket.connect", "socket.sendto") and len(args) > 1 else args[:1]
        raise OfflineError("network access is disabled (kgbuild fetches nothing while reading RDF or running "
                           f"queries): {target}")


@contextmanager
def offline() -> Iterator[None]:
    """Within this block (in this thread), any attempt to open a network connection raises ``OfflineError``."""
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
    token = _OFFLINE.set(_OFFLINE.get() + 1)
    try:
        yield
    finally:
        _OFFLINE.reset(token)


def _contexts(node: object) -> Iterator[object]:
    """Every value of an ``@context`` or ``@import`` key, anywhere in a JSON-LD document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                yield value
            yield from _contexts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _contexts(item)


def check_jsonld(document: object, path: str) -> None:
    """Refuse a JSON-LD document whose ``@context`` (or ``@import``) names a document instead of inlining it."""
    for value in _contexts(document):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                raise InputError(f"JSON-LD context {item!r} is not inline; kgbuild does not fetch contexts "
                                 "(copy the context into the file)", path=path)


_EXTERNAL_ENTITY = re.compile(rb"<!ENTITY\s+(?:%\s+)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b")


def check_xml(data: bytes, path: str) -> None:
    """Refuse XML that declares an external entity (XXE); internal entities (Protégé's ``&owl;``) are fine."""
    if _EXTERNAL_ENTITY.search(data):
        raise InputError("XML declares an external entity (SYSTEM/PUBLIC); refused, kgbuild reads no other "
                         "files or URLs", path=path)


_SURROGATE = re.compile("[\ud800-\udfff]")


def find_surrogate(text: str) -> int | None:
    """Offset of the first lone surrogate in ``text``, or None."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


def replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD (same length), and how many there were."""
    return _SURROGATE.subn("\ufffd", text)
