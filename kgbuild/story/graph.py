"""The story layer as RDF: story events, story claims and claim relations, with their evidence.

The layer is one more graph beside the articles' (named ``STORY/story`` in TriG and N-Quads). It refers to
the articles' events, claims and actors by their IRIs and repeats none of their triples.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kgbuild.rdf.mapping import bind_prefixes
from kgbuild.rdf.vocab import KG
from kgbuild.story.types import Story

__all__ = ["story_graph"]


def _text(value: str) -> Literal:
    return Literal(value)  # a plain literal: xsd:string, written as the article graphs write text


def story_graph(story: Story, base: str) -> Graph:
    """The triples of the story layer."""
    g = bind_prefixes(Graph(), base)
    for event in story.events:
        node = URIRef(event.iri)
        g.add((node, RDF.type, KG.StoryEvent))
        lemmas = sorted({m.lemma for m in event.members})
        g.add((node, RDFS.label, _text(f"{' / '.join(lemmas)} ({len(event.articles)} articles)")))
        for member in event.members:
            g.add((node, KG.groupsEvent, URIRef(member.event)))
            for other in event.members:
                if other.event != member.event:
                    g.add((URIRef(member.event), KG.sameEventAs, URIRef(other.event)))
        for article in event.articles:
            g.add((node, KG.reportedIn, URIRef(article)))
        for item in event.evidence:
            g.add((node, KG.evidence, _text(item)))
    for claim in story.claims:
        node = URIRef(claim.iri)
        g.add((node, RDF.type, KG.StoryClaim))
        g.add((node, RDFS.label, _text(claim.members[0].text)))
        for member in claim.members:
            g.add((node, KG.repetition, URIRef(member.claim)))
        for article in claim.articles:
            g.add((node, KG.reportedIn, URIRef(article)))
        if claim.source:
            g.add((node, KG.originalSource, URIRef(claim.source)))
        for item in claim.evidence:
            g.add((node, KG.evidence, _text(item)))
    for relation in story.relations:
        node = URIRef(relation.iri)
        source, target = URIRef(relation.source.claim), URIRef(relation.target.claim)
        g.add((node, RDF.type, KG.ClaimRelation))
        g.add((node, KG.fromClaim, source))
        g.add((node, KG.toClaim, target))
        g.add((node, KG.relationType, _text(relation.type)))
        for item in relation.evidence:
            g.add((node, KG.evidence, _text(item)))
        link = KG.contradicts if relation.contradicts else KG.supports
        g.add((source, link, target))
        g.add((target, link, source))
    return g
