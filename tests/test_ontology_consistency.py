"""ontology/kgbuild.ttl is consistent under HermiT, alone and with a graph shaped like kgbuild's output.

owlready2 cannot read Turtle, so the ontology is converted to RDF/XML with rdflib first.
HermiT supports only the OWL 2 datatype map, which lacks xsd:date (used by kg:datePublished,
kg:inXSDDate, kg:beginDate, kg:endDate, as OWL-Time does for time:inXSDDate); it is run with
``--ignoreUnsupportedDatatypes`` so that such values are treated as opaque.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdflib import Graph

owlready2 = pytest.importorskip("owlready2")

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kgbuild.ttl"

pytestmark = [
    pytest.mark.slow,
    # CI installs Java (.ci/run): there a missing JVM is a failure, locally a skip
    pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("CI"), reason="HermiT needs Java"),
]

PREFIXES = """
@prefix kg:   <https://w3id.org/kgbuild/ontology#> .
@prefix id:   <https://w3id.org/kgbuild/id/> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""

# The tricky parts of real output: a GPE that is agent, patient and place; an anonymous
# *person* who is a source; kg:about pointing at an actor and an event; a multi-class event
# (Invasion is both a conflict and a movement); an article that is its own mentions' context.
ABOX = (
    PREFIXES
    + """
id:doc a kg:NewsArticle ; kg:text "Russia invaded Ukraine, an official said." ;
    kg:datePublished "2022-02-24"^^xsd:date ; kg:publisher id:reuters ; kg:citesSource id:reuters ;
    kg:mentions id:russia, id:ukraine, id:official .
<https://w3id.org/kgbuild/id/doc#char=0,6> a kg:Mention ; kg:beginIndex "0"^^xsd:nonNegativeInteger ;
    kg:endIndex "6"^^xsd:nonNegativeInteger ; kg:anchorOf "Russia" ; kg:inDocument id:doc ;
    kg:metonymic false .
<https://w3id.org/kgbuild/id/doc#char=7,14> a kg:Mention ; kg:beginIndex "7"^^xsd:nonNegativeInteger ;
    kg:endIndex "14"^^xsd:nonNegativeInteger ; kg:anchorOf "invaded" ; kg:inDocument id:doc .
id:russia a kg:GeopoliticalEntity ; rdfs:label "Russia" ; kg:countryCode "RU" ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc#char=0,6> ; owl:sameAs <http://www.wikidata.org/entity/Q159> .
id:ukraine a kg:GeopoliticalEntity ; rdfs:label "Ukraine" .
id:reuters a kg:Organization ; rdfs:label "Reuters" .
id:kremlin a kg:Organization ; rdfs:label "Kremlin" ; kg:standsFor id:russia .
id:official a kg:Person, kg:AnonymousSource, kg:Source ; rdfs:label "an official" ;
    kg:description "an official" ; kg:sourceRole "official" ; kg:sourceNumber "one" ;
    kg:qualifier "familiar with the matter" ; kg:affiliatedWith id:ukraine ; kg:title "spokesman" .
id:time a kg:TimeExpression ; rdfs:label "Thursday" ; kg:inXSDDate "2022-02-24"^^xsd:date ;
    kg:beginDate "2022-02-24"^^xsd:date ; kg:endDate "2022-02-24"^^xsd:date .
id:event a kg:Invasion ; kg:appearance id:doc ; kg:eventLemma "invade" ;
    kg:denotedBy <https://w3id.org/kgbuild/id/doc#char=7,14> ;
    kg:hasAgent id:russia ; kg:hasPatient id:ukraine ; kg:hasPlace id:ukraine ;
    kg:hasParticipant id:kremlin ; kg:hasTime id:time ; kg:instrument "tanks" ;
    kg:negated false ; kg:modality "asserted" .
id:claim a kg:Claim ; kg:appearance id:doc ; kg:claimText "Russia invaded Ukraine" ;
    kg:cue "said" ; kg:cueLemma "say" ; kg:cueMention <https://w3id.org/kgbuild/id/doc#char=7,14> ;
    kg:saidBy id:official ; kg:reportedBy id:reuters ; kg:hasAttribution id:att0, id:att1 ;
    kg:quoteType "indirect" ; kg:negated false ; kg:hedged true ; kg:hedge "reportedly" ;
    kg:about id:russia, id:event ; kg:partOfClaim id:claim2 ; kg:saidAt id:time ;
    kg:speakerMention <https://w3id.org/kgbuild/id/doc#char=0,6> .
id:claim2 a kg:Claim ; kg:saidBy id:reuters .
id:att0 a kg:Attribution ; kg:agent id:official ; kg:chainPosition "0"^^xsd:nonNegativeInteger ;
    kg:attributionRole "source" .
id:att1 a kg:Attribution ; kg:agent id:reuters ; kg:chainPosition "1"^^xsd:nonNegativeInteger ;
    kg:attributionRole "publisher" .
id:nr a kg:NonResponse ; kg:appearance id:doc ; kg:nonResponder id:kremlin ; kg:cue "declined to comment" ;
    kg:declined true .
"""
)


def _reason(graph: Graph, tmp_path: Path):
    """Run HermiT over ``graph``; return the owlready2 world (raises if inconsistent)."""
    path = tmp_path / "kgbuild.owl"
    graph.serialize(path, format="xml")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    owlready2.sync_reasoner_hermit(world, debug=0, ignore_unsupported_datatypes=True)
    return world


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def test_ontology_is_consistent_and_every_class_satisfiable(ontology: Graph, tmp_path: Path) -> None:
    world = _reason(ontology, tmp_path)
    assert list(world.inconsistent_classes()) == []


def test_ontology_with_output_shaped_data_is_consistent(ontology: Graph, tmp_path: Path) -> None:
    data = Graph().parse(data=ABOX, format="turtle")
    world = _reason(ontology + data, tmp_path)
    assert list(world.inconsistent_classes()) == []


def test_reasoner_detects_a_person_that_is_an_organization(ontology: Graph, tmp_path: Path) -> None:
    """Guards the two tests above against a reasoner run that checks nothing."""
    bad = Graph().parse(data=PREFIXES + "id:x a kg:Person, kg:Organization .", format="turtle")
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(ontology + bad, tmp_path)


def test_reasoner_detects_a_mention_used_as_an_actor(ontology: Graph, tmp_path: Path) -> None:
    bad = Graph().parse(data=PREFIXES + "id:e a kg:Event ; kg:hasAgent id:m . id:m a kg:Mention .", format="turtle")
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(ontology + bad, tmp_path)
