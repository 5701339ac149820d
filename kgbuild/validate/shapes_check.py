"""Checking SHACL shapes files themselves against SHACL-for-SHACL (the shapes graph bundled with pySHACL).

A mistake such as ``sh:minCount "x"`` or a property shape with two ``sh:path`` values would make
pySHACL fail obscurely, or silently check nothing; here it is reported with its file, the shape
at fault (named by its IRI, or by its parent shape and path when it is a blank node) and the rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kgbuild.errors import KgbuildError
from kgbuild.rdf.files import parse_rdf
from kgbuild.validate.gate import Violation, shape_files, violations_of

__all__ = ["ShapesFileCheck", "check_shapes_file", "check_shapes_files", "expand_shape_paths"]

SHACL_SHACL_SPEC = "https://www.w3.org/TR/shacl/#shacl-shacl"


@dataclass(frozen=True)
class ShapesFileCheck:
    """One shapes file: its SHACL-for-SHACL results, or why it could not be read (``error``)."""

    path: str
    problems: tuple[Violation, ...] = field(default=())
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and not any(p.severity == "Violation" for p in self.problems)


@lru_cache(maxsize=1)
def _shacl_shacl() -> Graph:
    import pyshacl

    return Graph().parse(Path(pyshacl.__file__).parent / "assets" / "shacl-shacl.ttl", format="turtle")


def _describe(shapes: Graph, node: Node) -> str:
    """A readable name for a shape: its IRI, or ``property shape (path kg:x) of <Parent>``."""
    if not isinstance(node, BNode):
        return str(node)
    paths = [p.n3(shapes.namespace_manager) for p in shapes.objects(node, SH.path) if isinstance(p, URIRef)]
    label = "property shape" if paths else "blank-node shape"
    if paths:
        label += f" (path {', '.join(sorted(paths))})"
    parent = next(shapes.subjects(SH.property, node), None)
    if parent is not None:
        label += f" of {_describe(shapes, parent)}"
    return label


def check_shapes_file(path: Path) -> ShapesFileCheck:
    """Validate one shapes file against SHACL-for-SHACL."""
    from pyshacl import validate

    try:
        shapes = parse_rdf(path)
    except KgbuildError as exc:
        return ShapesFileCheck(str(path), error=str(exc))
    _conforms, results, _ = validate(shapes, shacl_graph=_shacl_shacl(), inference="none", advanced=False,
                                     allow_warnings=True)
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        v = violations_of(_one_result(results, result))[0]
        focus = results.value(result, SH.focusNode)
        path_node = results.value(result, SH.resultPath)
        problems.append(Violation(
            focus=_describe(shapes, focus) if focus is not None else v.focus,
            shape=v.shape if v.shape != "(anonymous)" else "SHACL-for-SHACL",
            path=path_node.n3(shapes.namespace_manager) if isinstance(path_node, URIRef) else v.path,
            severity=v.severity, message=v.message, value=v.value))
    return ShapesFileCheck(str(path), tuple(sorted(problems)))


def _one_result(results: Graph, result: Node) -> Graph:
    """The results graph cut down to one ``sh:ValidationResult`` (and the nodes it points to)."""
    out = Graph()
    todo, seen = [result], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in results.predicate_objects(node):
            out.add((node, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return out


def expand_shape_paths(paths: Sequence[Path] | None) -> list[Path]:
    """Files and folders to shapes files; none given: kgbuild's own shapes."""
    if not paths:
        return shape_files()
    out: list[Path] = []
    for path in paths:
        out.extend(shape_files(path) if path.is_dir() else [path])
    return out


def check_shapes_files(paths: Iterable[Path]) -> list[ShapesFileCheck]:
    return [check_shapes_file(p) for p in paths]
