"""Checks of the ontology itself: HermiT consistency (owlready2, Java) and shapes agreement."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import OWL, SH

from kgbuild.errors import KgbuildError
from kgbuild.rdf.files import load_ontology
from kgbuild.rdf.vocab import KG_NS
from kgbuild.validate.gate import load_shapes

__all__ = ["OntologyCheck", "check_consistency", "check_ontology", "undeclared_shape_terms"]

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@dataclass(frozen=True)
class OntologyCheck:
    consistent: bool
    unsatisfiable: tuple[str, ...] = ()
    undeclared: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.consistent and not self.unsatisfiable and not self.undeclared


def check_consistency(*graphs: Graph) -> tuple[bool, tuple[str, ...]]:
    """Run HermiT on the union of ``graphs``: (consistent, unsatisfiable class IRIs)."""
    if shutil.which("java") is None:
        raise KgbuildError("HermiT needs Java on the PATH (java not found)")
    import owlready2

    merged = Graph()
    for g in graphs:
        merged += g
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "merged.owl"
        merged.serialize(path, format="xml")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0,
                                              ignore_unsupported_datatypes=True)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, ()
        unsat = tuple(sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing))
        return True, unsat


def undeclared_shape_terms(shapes: Graph | None = None, ontology: Graph | None = None) -> tuple[str, ...]:
    """kg: classes and properties used by the shapes but not declared in the ontology."""
    shapes = shapes if shapes is not None else load_shapes()
    ontology = ontology if ontology is not None else load_ontology()
    declared = {s for t in DECLARATIONS for s in ontology.subjects(RDF.type, t)}
    used: set[URIRef] = set()
    for prop in (SH.targetClass, SH["class"], SH.path, SH.targetSubjectsOf, SH.targetObjectsOf):
        used.update(o for o in shapes.objects(None, prop) if isinstance(o, URIRef))
    return tuple(sorted(str(t) for t in used if str(t).startswith(KG_NS) and t not in declared))


def check_ontology(data: Graph | None = None) -> OntologyCheck:
    """HermiT consistency of the ontology (plus ``data``) and shapes/ontology agreement."""
    graphs = [load_ontology()] + ([data] if data is not None else [])
    consistent, unsat = check_consistency(*graphs)
    return OntologyCheck(consistent, unsat, undeclared_shape_terms())
