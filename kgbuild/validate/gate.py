"""The SHACL gate: validate a graph against kgbuild's (or the user's) shapes with pySHACL.

Returns a plain ``ValidationReport``; never prints. The ontology's class hierarchy is
in the data graph while it is validated, so ``sh:targetClass kg:Event`` also reaches an
instance typed only ``kg:Attack`` (SHACL follows ``rdfs:subClassOf`` in the data).
pySHACL runs with speed-ups that keep its results (``kgbuild.validate.speedups``; SHACL-SPARQL
constraints run in Oxigraph, ``kgbuild.rdf.sparql_oxigraph``).

Reading user RDF never touches the network (``kgbuild.safety.offline``): JSON-LD
with a remote ``@context`` and RDF/XML with external entities are refused with an
``InputError``, ``owl:imports`` is never followed (``do_owl_imports=False``).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

import kgbuild.validate.speedups as speedups
from kgbuild.errors import InputError
from kgbuild.rdf.files import RDF_SUFFIXES, load_ontology, parse_rdf
from kgbuild.rdf.graph_store import single_graph
from kgbuild.rdf.sparql_oxigraph import evaluate_in_oxigraph
from kgbuild.resources import shapes_dir
from kgbuild.safety import offline

__all__ = ["ValidationReport", "Violation", "class_hierarchy", "load_ontology", "load_shapes", "shape_files",
           "validate_graph", "warm_up"]




@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result: which node broke which shape, and how."""

    focus: str
    shape: str
    path: str
    severity: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        path = f" path {self.path}" if self.path else ""
        value = f" value {self.value}" if self.value else ""
        return f"{self.severity}: {self.focus}{path}{value}: {self.message} (shape {self.shape})"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...] = field(default=())

    @property
    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for v in self.violations:
            out[v.severity] = out.get(v.severity, 0) + 1
        return out


def shape_files(directory: Path | None = None) -> list[Path]:
    directory = directory or shapes_dir()
    if directory.is_file():
        return [directory]
    files = sorted(p for p in directory.rglob("*") if p.suffix in RDF_SUFFIXES)
    if not files:
        raise InputError("no shapes files (*.ttl, *.nt, *.rdf, *.jsonld) found", path=str(directory))
    return files


@lru_cache(maxsize=8)
def _load_shapes(paths: tuple[Path, ...]) -> Graph:
    graph = single_graph()
    for path in paths:
        parse_rdf(path, graph)
    speedups.reuse_shapes(graph)  # cached here and never changed: pySHACL may keep its parsed shapes
    return graph


def load_shapes(directory: Path | None = None) -> Graph:
    return _load_shapes(tuple(shape_files(directory)))


def _text(graph: Graph, node: object) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        return str(node)
    if isinstance(node, Literal):
        return str(node)
    # a blank-node shape or path: describe it by its name or message where possible
    name = graph.value(node, SH.name)  # type: ignore[arg-type]
    return str(name) if name else "(anonymous)"


def violations_of(results: Graph) -> tuple[Violation, ...]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        shape = results.value(result, SH.sourceShape)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        found.append(Violation(
            focus=_text(results, results.value(result, SH.focusNode)),
            shape=_text(results, shape),
            path=_text(results, results.value(result, SH.resultPath)),
            severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            message="; ".join(messages) or "constraint not met",
            value=_text(results, results.value(result, SH.value)),
        ))
    return tuple(sorted(found))


def class_hierarchy(ontology: Graph) -> tuple[tuple[Node, Node, Node], ...]:
    """The ``rdfs:subClassOf`` triples between named classes: all SHACL needs of the ontology to reach an
    instance typed ``kg:Attack`` from ``sh:targetClass kg:Event`` or ``sh:class kg:Event``."""
    return tuple(sorted((s, RDFS.subClassOf, o) for s, o in ontology.subject_objects(RDFS.subClassOf)
                        if isinstance(s, URIRef) and isinstance(o, URIRef)))


def warm_up() -> None:
    """Do the one-time work of the first validation now (worker processes call this before forking)."""
    speedups.install()
    _default_hierarchy()


@lru_cache(maxsize=1)
def _default_hierarchy() -> tuple[tuple[Node, Node, Node], ...]:
    return class_hierarchy(load_ontology())


def validate_graph(graph: Graph, *, shapes: Path | None = None, ontology: Graph | None = None,
                   extra: Iterable[Graph] = ()) -> ValidationReport:
    """Validate ``graph`` with pySHACL against the shapes (default: kgbuild's own).

    The ontology's class hierarchy is added to ``graph`` for the validation and removed afterwards
    (the graph is the same when this returns; do not share it with another thread meanwhile). That
    is what pySHACL's ``ont_graph`` would give SHACL, without copying the data graph and the whole
    ontology for every document. Shapes with SHACL rules (which write into the data graph) and
    datasets take pySHACL's copying path instead.
    """
    speedups.install()
    extra = tuple(extra)
    shapes_graph = load_shapes(shapes)
    try:
        with offline():
            if isinstance(graph, ConjunctiveGraph) or (None, SH.rule, None) in shapes_graph:
                ont = ontology if ontology is not None else load_ontology()
                for g in extra:
                    ont = ont + g
                conforms, results, _ = shacl_validate(graph, ont_graph=ont, **_options(shapes_graph))
            else:
                hierarchy = _default_hierarchy() if ontology is None else class_hierarchy(ontology)
                for g in extra:
                    hierarchy += class_hierarchy(g)
                conforms, results = _validate_in_place(graph, hierarchy, shapes_graph)
        if not isinstance(results, Graph):  # pySHACL returns a ValidationFailure (a SPARQL constraint
            raise results                   # with MINUS, VALUES or SERVICE) instead of raising it
    except Exception as exc:  # pySHACL raises ReportableRuntimeError, ConstraintLoadError, parse errors ...
        where = str(shapes) if shapes else "kgbuild shapes"
        raise InputError(f"cannot validate with these shapes: {exc.__class__.__name__}: {exc}", path=where) from None
    return ValidationReport(conforms=bool(conforms), violations=violations_of(results))


def _options(shapes_graph: Graph) -> dict[str, object]:
    return {"shacl_graph": shapes_graph, "inference": "none", "advanced": True, "allow_warnings": True,
            "abort_on_first": False, "do_owl_imports": False}


def _validate_in_place(graph: Graph, hierarchy: Iterable[tuple[Node, Node, Node]],
                       shapes_graph: Graph) -> tuple[bool, Graph]:
    added = [t for t in dict.fromkeys(hierarchy) if t not in graph]
    for triple in added:
        graph.add(triple)
    # SHACL functions are registered with rdflib's engine only: shapes that declare any keep rdflib
    functions = any((None, RDF.type, kind) in shapes_graph for kind in (SH.SPARQLFunction, SH.Function))
    try:
        with nullcontext() if functions else evaluate_in_oxigraph(graph):
            conforms, results, _ = shacl_validate(graph, inplace=True, **_options(shapes_graph))
    finally:
        for triple in added:
            graph.remove(triple)
    return conforms, results
