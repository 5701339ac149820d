"""A graph's N-Triples lines, each distinct term written once.

kgbuild's N-Triples (and the copy of a graph that the SHACL gate's SPARQL constraint reads in Oxigraph)
are rdflib's N-Triples 1.1 rows: ``s.n3() p.n3() o .`` with rdflib's own literal quoting, raw control
characters written as ``\\uXXXX``. rdflib's writer formats every term of every triple; a document's
graph repeats its terms (a mention's document, the predicates, the classes) so ``ntriples_lines`` formats
each distinct term once and joins. The lines are rdflib's, byte for byte (``tests/test_ntriples.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rdflib import Literal
from rdflib.plugins.serializers import nt as _rdflib_nt

__all__ = ["escape_unsafe", "ntriples_lines"]

# rdflib's literal quoting for N-Triples (private in rdflib 7; tested against rdflib's writer)
_quote_literal = _rdflib_nt._quoteLiteral

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape_unsafe(text: str) -> str:
    """Write raw control characters as ``\\uXXXX`` (valid in Turtle/N-Triples strings and IRIs alike)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", text)


def ntriples_lines(triples: Iterable[tuple[Any, Any, Any]]) -> set[str]:
    """The distinct N-Triples lines (without line ends) of ``triples``, unsorted."""
    written: dict[Any, str] = {}

    def text(term: Any) -> str:
        found = written.get(term)
        if found is None:
            found = _quote_literal(term) if isinstance(term, Literal) else term.n3()
            found = written[term] = escape_unsafe(found)
        return found

    return {f"{text(s)} {text(p)} {text(o)} ." for s, p, o in triples}
