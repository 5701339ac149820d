"""Deterministic serialisation and atomic writes.

Turtle comes from rdflib's serializer (subjects, predicates and objects sorted);
N-Triples and N-Quads are sorted line by line; TriG and N-Quads put each document
in its own named graph (the document IRI). Several documents are written one block
each, in order, after the union of their prefixes: the one layout of every output,
whether ``kgbuild build`` streams it or the Python API writes it. Files are written to a temporary file
in the target folder and renamed, so a failure never leaves a partial file and
never clobbers a good previous one.

Every literal stays parseable by any RDF parser, whatever the text holds: in
Turtle, TriG, N-Triples and N-Quads, C0 controls other than tab and newline, DEL, C1
controls and U+2028/U+2029 are written as ``\\uXXXX`` escapes (they can only occur
inside literals), and N-Triples/N-Quads are split on ``\\n`` only. (Non-characters
such as U+FFFE stay raw: Raptor refuses them escaped but reads them raw.)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import IO

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, URIRef

from kgbuild.errors import InputError, KgbuildError, UsageError
from kgbuild.rdf.graph_store import SingleGraphStore
from kgbuild.rdf.ntriples import escape_unsafe as _escape_unsafe
from kgbuild.rdf.ntriples import ntriples_lines
from kgbuild.rdf.vocab import KG_NS
from kgbuild.resources import data_path, ontology_path
from kgbuild.safety import find_surrogate

__all__ = ["BLOCK_FORMATS", "Format", "Prefixes", "document_piece", "format_for_path", "jsonld_context",
           "remove_stale_temps", "serialize", "split_header", "temp_files", "write_bytes", "write_graphs"]


class Format(StrEnum):
    """Output formats of ``kgbuild build``."""

    ttl = "ttl"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"


BLOCK_FORMATS = (Format.ttl, Format.trig)  # formats with a header of prefixes before the documents' blocks
SUFFIXES = {".ttl": Format.ttl, ".nt": Format.nt, ".nq": Format.nq, ".trig": Format.trig, ".jsonld": Format.jsonld,
            ".json": Format.jsonld}
DocGraph = tuple[URIRef, Graph]


def format_for_path(path: str | Path | None, default: Format = Format.ttl) -> Format:
    if path is None or str(path) == "-":
        return default
    return SUFFIXES.get(Path(path).suffix.lower(), default)


def _only(graphs: Sequence[DocGraph]) -> Graph:
    """The graph of a one-document output (``serialize`` lays out several documents itself)."""
    return graphs[0][1] if graphs else Graph()


def _sorted_lines(text: str | set[str]) -> bytes:
    """Sorted distinct lines: of a writer's text, or the lines themselves (``ntriples_lines``)."""
    found = text if isinstance(text, set) else {line for line in _escape_unsafe(text).split("\n") if line.strip()}
    lines = sorted(found)
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _dataset(graphs: Sequence[DocGraph]) -> Dataset:
    ds = Dataset()
    for name, g in graphs:
        for prefix, ns in g.namespaces():
            ds.bind(prefix, ns, override=True, replace=True)
        target = ds.graph(name)
        for triple in g:
            target.add(triple)
    return ds


_COERCED = {XSD.date, XSD.dateTime, XSD.nonNegativeInteger, XSD.integer, XSD.boolean, XSD.anyURI, XSD.decimal}


def _ontology_terms() -> dict[str, object]:
    """A JSON-LD term for every class and property of kgbuild's ontology: ``"claimText"``, ``"saidBy"``
    (``@type: @id``), ``"datePublished"`` (``@type: xsd:date``)… so the JSON-LD reads like the ontology."""
    ontology = Graph().parse(ontology_path(), format="turtle")
    terms: dict[str, object] = {}
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property):
        for node in ontology.subjects(RDF.type, kind):
            name = str(node)[len(KG_NS):] if str(node).startswith(KG_NS) else ""
            if not name.isidentifier() or name in terms:
                continue
            iri = f"kg:{name}"
            ranges = set(ontology.objects(node, RDFS.range))
            if kind == OWL.ObjectProperty:
                terms[name] = {"@id": iri, "@type": "@id"}
            elif kind == OWL.DatatypeProperty and len(ranges) == 1 and next(iter(ranges)) in _COERCED:
                terms[name] = {"@id": iri, "@type": f"xsd:{str(next(iter(ranges)))[len(str(XSD)):]}"}
            else:
                terms[name] = iri
    return terms


@lru_cache(maxsize=1)
def _context() -> str:
    shipped = json.loads(data_path("context.jsonld").read_text(encoding="utf-8"))["@context"]
    context = {name: term for name, term in _ontology_terms().items() if name not in shipped}
    context.update(shipped)  # the shipped file wins: prefixes, and any term it defines by hand
    return json.dumps({"@context": dict(sorted(context.items()))})


def jsonld_context() -> dict:
    """kgbuild's JSON-LD context: ``kgbuild/data/context.jsonld`` plus a term per ontology class and property."""
    return json.loads(_context())


def serialize(graphs: Sequence[DocGraph], fmt: Format = Format.ttl) -> bytes:
    """Serialise per-document graphs in the one layout of kgbuild's output, ``kgbuild build``'s.

    One document: its graph as the format writes it (nq/trig: in a named graph, the document IRI). Several:
    each document as one block (N-Triples/N-Quads lines sorted within the document), in the given order,
    after the union of their ``@prefix`` lines (Turtle/TriG); JSON-LD is one merged document.
    """
    try:
        fmt = Format(fmt)
    except ValueError:
        raise UsageError(f"unknown format {fmt!r}") from None
    _refuse_surrogates(graphs)
    if len(graphs) <= 1:
        return _serialize(graphs, fmt)
    prefixes = Prefixes(fmt)
    bodies = []
    for iri, graph in graphs:
        lines, body = document_piece(iri, graph, fmt)
        prefixes.add(lines)
        bodies.append(body)
    if fmt is Format.jsonld:
        return prefixes.jsonld(b"".join(bodies))
    return prefixes.header() + b"".join(bodies)


def split_header(data: bytes) -> tuple[tuple[str, ...], bytes]:
    """Split Turtle/TriG into its leading ``@prefix`` lines and the rest."""
    lines = data.split(b"\n")
    n = 0
    while n < len(lines) and lines[n].startswith(b"@prefix "):
        n += 1
    body_start = n + 1 if n < len(lines) and lines[n] == b"" else n
    return tuple(line.decode("utf-8") for line in lines[:n]), b"\n".join(lines[body_start:])


def document_piece(iri: URIRef | None, graph: Graph, fmt: Format) -> tuple[tuple[str, ...], bytes]:
    """One document's share of a multi-document output: its prefix lines and its body.

    Turtle/TriG: the ``@prefix`` lines and the rest; JSON-LD: ``prefix<TAB>namespace`` pairs and the document as
    N-Triples (joined into one JSON-LD document at the end, ``Prefixes.jsonld``); N-Triples/N-Quads: no prefixes.
    """
    data = serialize([(iri, graph)], Format.nt if fmt is Format.jsonld else fmt)  # type: ignore[list-item]
    if fmt in BLOCK_FORMATS:
        return split_header(data)
    if fmt is Format.jsonld:
        return tuple(f"{p}\t{ns}" for p, ns in sorted(graph.namespaces())), data
    return (), data


class Prefixes:
    """The union of the documents' prefixes: the header of a multi-document output."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt
        self._lines: dict[str, str] = {}

    def add(self, lines: Iterable[str]) -> None:
        for line in lines:
            name = line.split("\t", 1)[0] if self.fmt is Format.jsonld else line.split()[1]
            if self._lines.setdefault(name, line) != line:
                raise KgbuildError(f"prefix {name} is bound to two namespaces ({self._lines[name]} / {line})")

    def header(self) -> bytes:
        lines = sorted(self._lines.values())
        return ("\n".join(lines) + "\n\n").encode("utf-8") if lines else b""

    def jsonld(self, ntriples: bytes | Path) -> bytes:
        """One JSON-LD document from the documents' N-Triples (bytes, or a file of them)."""
        graph = Graph()
        for line in sorted(self._lines.values()):
            prefix, ns = line.split("\t", 1)
            graph.bind(prefix, ns, override=True, replace=True)
        if isinstance(ntriples, Path):
            graph.parse(ntriples, format="nt")
        else:
            graph.parse(data=ntriples.decode("utf-8"), format="nt")
        return _serialize([(None, graph)], Format.jsonld)  # type: ignore[list-item]


def _refuse_surrogates(graphs: Sequence[DocGraph]) -> None:
    """A lone surrogate (from a ``Document`` made in Python) is no Unicode text: no RDF syntax can hold it, and
    rdflib's Turtle writer would silently turn it into ``?``."""
    for _, graph in graphs:
        store = graph.store
        if isinstance(store, SingleGraphStore) and find_surrogate("".join(store.terms())) is None:
            continue  # the common case, checked on each distinct term once
        for triple in graph:
            for term in triple:
                if (offset := find_surrogate(term)) is not None:
                    raise InputError(f"{term[:60]!r} holds a lone surrogate (\\u{ord(term[offset]):04x}) at "
                                     f"character offset {offset}, which is not Unicode text and cannot be written")


def _serialize(graphs: Sequence[DocGraph], fmt: Format) -> bytes:
    if fmt is Format.ttl:
        return _escape_unsafe(_only(graphs).serialize(format="turtle")).encode("utf-8")
    if fmt is Format.nt:
        return _sorted_lines(ntriples_lines(_only(graphs)))  # rdflib's nt11 rows, each term written once
    if fmt is Format.nq:
        return _sorted_lines(_dataset(graphs).serialize(format="nquads"))
    if fmt is Format.trig:
        return _escape_unsafe(_dataset(graphs).serialize(format="trig")).encode("utf-8")
    context = jsonld_context()
    text = _only(graphs).serialize(format="json-ld", context=context["@context"], sort_keys=True, indent=2)
    return text.encode("utf-8")


_TEMP_SUFFIX = ".kgbuild-tmp"


def temp_files(target: str | Path) -> list[Path]:
    """The temporary files of writes to ``target``: ``.NAME.PID.RANDOM.kgbuild-tmp`` beside it."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    return sorted(folder.glob(f".{glob_escape(target.name)}.*{_TEMP_SUFFIX}"))


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: alive, someone else's
        return True
    return True


def remove_stale_temps(target: Path) -> None:
    """Remove temporary files left by writers to ``target`` that died (SIGKILL, power loss) mid-write."""
    for tmp in temp_files(target):
        pid = tmp.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (a no-op where directories cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary handle whose bytes replace ``path`` only when the ``with`` block ends normally.

    The bytes go to ``.NAME.PID.RANDOM.kgbuild-tmp`` in the target's folder, are flushed
    and fsynced, then renamed over the target and the folder fsynced. On any failure
    (``OSError`` such as ENOSPC, ``KeyboardInterrupt``) the temporary file is removed and
    the previous target is untouched; temporary files of dead writers are removed first.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX, dir=folder)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; give the file the usual mode
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(folder)


def write_bytes(data: bytes, path: str | Path) -> None:
    """Write ``data`` to ``path`` atomically (see ``atomic_output``); ``-`` is stdout."""
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    with atomic_output(path) as handle:
        handle.write(data)


def write_graphs(graphs: Sequence[DocGraph], path: str | Path, fmt: Format | None = None) -> None:
    """Write per-document graphs atomically in the layout of ``kgbuild build`` (``serialize``); ``-`` is stdout."""
    write_bytes(serialize(graphs, fmt or format_for_path(path)), path)
