"""Shared checks for the hostile-input tests: a strict RFC 3987 IRI pattern and "parses everywhere"."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph, URIRef

_UCS = "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef" + "".join(
    f"{chr(plane * 0x10000)}-{chr(plane * 0x10000 + 0xFFFD)}" for plane in range(1, 15))
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
_UNRESERVED = rf"A-Za-z0-9\-._~{_UCS}"
_SUB = "!$&'()*+,;="
_PCT = "%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB}:@]|{_PCT})"
_HOST = rf"(?:\[[0-9A-Fa-f:.vV]+\]|(?:[{_UNRESERVED}{_SUB}]|{_PCT})*)"
_AUTHORITY = rf"(?:(?:[{_UNRESERVED}{_SUB}:]|{_PCT})*@)?{_HOST}(?::[0-9]*)?"
_HIER = rf"(?://{_AUTHORITY}(?:/{_PCHAR}*)*|/(?:{_PCHAR}+(?:/{_PCHAR}*)*)?|{_PCHAR}+(?:/{_PCHAR}*)*|)"
# RFC 3987, section 2.2: IRI = scheme ":" ihier-part [ "?" iquery ] [ "#" ifragment ]
RFC3987_IRI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+\-.]*:{_HIER}(?:\?(?:{_PCHAR}|[{_PRIVATE}/?])*)?(?:#(?:{_PCHAR}|[/?])*)?")

RDFLIB = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
OXIGRAPH = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
            "nq": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG,
            "jsonld": pyoxigraph.RdfFormat.JSON_LD}
RAPTOR = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "trig": "trig"}


def bad_iris(graph: Graph | Dataset) -> list[str]:
    """Every IRI in ``graph`` (named-graph names included) that is not an RFC 3987 IRI."""
    if isinstance(graph, Dataset):
        terms = {t for *triple, g in graph.quads((None, None, None, None)) for t in (*triple, g)}
    else:
        terms = {t for triple in graph for t in triple}
    return sorted(str(t) for t in terms if isinstance(t, URIRef) and not RFC3987_IRI.fullmatch(str(t)))


def parse_everywhere(data: bytes, fmt: str, tmp: Path, *, external: bool = False) -> int:
    """Parse with rdflib and Oxigraph (and rapper and serdi if ``external``); the triple/quad count, equal in all."""
    ds = Dataset()
    ds.parse(data=data, format=RDFLIB[fmt])
    count = len(list(ds.quads((None, None, None, None))))
    store = pyoxigraph.Store()
    store.load(data, format=OXIGRAPH[fmt])
    assert len(store) == count, (fmt, len(store), count)
    if external and fmt in RAPTOR:
        path = tmp / f"out.{fmt}"
        path.write_bytes(data)
        for cmd in (["rapper", "-q", "-i", RAPTOR[fmt], "-c", str(path), "http://example.org/"],
                    ["serdi", "-i", RAPTOR[fmt], "-o", "ntriples", str(path)]):
            if shutil.which(cmd[0]):
                done = subprocess.run(cmd, capture_output=True, timeout=120)
                assert done.returncode == 0, (cmd[0], fmt, done.stderr[-2000:])
    return count
