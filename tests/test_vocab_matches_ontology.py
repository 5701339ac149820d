"""kgbuild.rdf.vocab.KG and ontology/kgbuild.ttl declare exactly the same terms, typed as mapping uses them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, URIRef

from kgbuild.model import EventKind
from kgbuild.rdf.mapping import ACTOR_CLASSES, ROLE_PROPERTIES
from kgbuild.rdf.vocab import KG, KG_NS, ONTOLOGY_IRI

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kgbuild.ttl"

VOCAB_TERMS = sorted(name for name in KG.__annotations__ if not name.startswith("_"))
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}

CLASSES = {name for name in VOCAB_TERMS if name[0].isupper()}
# datatype properties and their ranges, as kgbuild/rdf/mapping.py writes them
DATATYPE_RANGES = {
    "headline": XSD.string,
    "text": XSD.string,
    "datePublished": XSD.date,
    "url": XSD.anyURI,
    "beginIndex": XSD.nonNegativeInteger,
    "endIndex": XSD.nonNegativeInteger,
    "anchorOf": XSD.string,
    "metonymic": XSD.boolean,
    "title": XSD.string,
    "countryCode": XSD.string,
    "description": XSD.string,
    "sourceRole": XSD.string,
    "sourceNumber": XSD.string,
    "qualifier": XSD.string,
    "claimText": XSD.string,
    "cue": XSD.string,
    "cueLemma": XSD.string,
    "chainPosition": XSD.nonNegativeInteger,
    "attributionRole": XSD.string,
    "quoteType": XSD.string,
    "attributionKind": XSD.string,
    "negated": XSD.boolean,
    "hedged": XSD.boolean,
    "hedge": XSD.string,
    "declined": XSD.boolean,
    "eventLemma": XSD.string,
    "instrument": XSD.string,
    "participantText": XSD.string,
    "agentText": XSD.string,
    "patientText": XSD.string,
    "recipientText": XSD.string,
    "propBankRoleset": XSD.string,
    "frameNetFrame": XSD.string,
    "modality": XSD.string,
    "inXSDDate": XSD.date,
    "beginDate": XSD.date,
    "endDate": XSD.date,
    "inLanguage": XSD.string,
    "sourceUrl": XSD.anyURI,
    "warcRecordId": XSD.string,
    "relationType": XSD.string,
    "evidence": XSD.string,
}
OBJECT_PROPERTIES = set(VOCAB_TERMS) - CLASSES - set(DATATYPE_RANGES)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY)


def _declared_kg_terms(onto: Graph) -> set[str]:
    return {
        str(s)[len(KG_NS) :]
        for t in DECLARATION_TYPES
        for s in onto.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(KG_NS)
    }


def test_vocab_lists_terms() -> None:
    assert len(VOCAB_TERMS) > 50
    for name in VOCAB_TERMS:
        assert getattr(KG, name) == URIRef(KG_NS + name)


@pytest.mark.parametrize("name", VOCAB_TERMS)
def test_vocab_term_is_declared_with_label_and_comment(name: str, onto: Graph) -> None:
    term = URIRef(KG_NS + name)
    types = set(onto.objects(term, RDF.type)) & DECLARATION_TYPES
    assert len(types) == 1, f"kg:{name} declared as {types}"
    for prop in (RDFS.label, RDFS.comment):
        values = [v for v in onto.objects(term, prop) if isinstance(v, Literal) and v.language == "en"]
        assert len(values) == 1 and str(values[0]).strip(), f"kg:{name} needs one English {prop}"


def test_ontology_declares_no_term_outside_vocab(onto: Graph) -> None:
    used = {
        str(node)[len(KG_NS) :]
        for triple in onto
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(KG_NS)
    }
    assert used - set(VOCAB_TERMS) == set()
    assert _declared_kg_terms(onto) == set(VOCAB_TERMS)


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    version = onto.value(ONTOLOGY_IRI, OWL.versionIRI)
    assert version is not None and str(version).startswith(str(ONTOLOGY_IRI) + "/")
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert not list(onto.objects(ONTOLOGY_IRI, OWL.imports))


def test_term_kinds_match_mapping(onto: Graph) -> None:
    for name in CLASSES:
        assert (KG[name], RDF.type, OWL.Class) in onto, name
    for name, datatype in DATATYPE_RANGES.items():
        assert (KG[name], RDF.type, OWL.DatatypeProperty) in onto, name
        assert onto.value(KG[name], RDFS.range) == datatype, name
    for name in OBJECT_PROPERTIES:
        assert (KG[name], RDF.type, OWL.ObjectProperty) in onto, name


def test_mapping_classes_sit_in_the_taxonomy(onto: Graph) -> None:
    def ancestors(cls: URIRef) -> set[URIRef]:
        return set(onto.transitive_objects(cls, RDFS.subClassOf))

    for kind in EventKind:
        assert KG.Event in ancestors(KG[kind.value]), kind
    for cls in ACTOR_CLASSES.values():
        assert KG.Actor in ancestors(cls), cls
    assert KG.Actor in ancestors(KG.AnonymousSource)
    for prop in ROLE_PROPERTIES.values():
        assert (prop, RDF.type, OWL.ObjectProperty) in onto


def test_every_external_term_is_declared(onto: Graph) -> None:
    """OWL 2 DL without imports: every non-kg term in a subclass/subproperty axiom is typed."""
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf):
        for parent in onto.objects(None, prop):
            if isinstance(parent, URIRef) and not str(parent).startswith(KG_NS):
                types = set(onto.objects(parent, RDF.type)) & DECLARATION_TYPES
                assert types, f"{parent} is not declared"
