"""Extraction -> rdflib Graph. Ontology terms only through ``kgbuild.rdf.vocab``.

The graph of one document:

* the article (``kg:NewsArticle``) with its text, headline, publisher and cited sources;
* one ``kg:Mention`` per grounded span (``<doc>#char=s,e``, NIF-style offsets);
* actors (corpus-wide IRIs for named ones), claims with their attribution chain,
  non-responses, events with participants by role, and time expressions.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL

from kgbuild.config import DEFAULT_BASE
from kgbuild.model import (
    Actor,
    ActorKind,
    Claim,
    Event,
    Extraction,
    Mention,
    NonResponse,
    Role,
    TimeExpression,
)
from kgbuild.rdf.graph_store import single_graph
from kgbuild.rdf.iris import Minter
from kgbuild.rdf.vocab import KG

__all__ = ["ACTOR_CLASSES", "bind_prefixes", "to_graph"]

ACTOR_CLASSES: dict[ActorKind, URIRef] = {
    ActorKind.PERSON: KG.Person,
    ActorKind.ORGANIZATION: KG.Organization,
    ActorKind.GPE: KG.GeopoliticalEntity,
    ActorKind.LOCATION: KG.Location,
    ActorKind.GROUP: KG.Group,
    ActorKind.OTHER: KG.OtherActor,
}
ROLE_PROPERTIES: dict[Role, URIRef] = {
    Role.AGENT: KG.hasAgent,
    Role.PATIENT: KG.hasPatient,
    Role.RECIPIENT: KG.hasRecipient,
    Role.PLACE: KG.hasPlace,
    Role.PARTICIPANT: KG.hasParticipant,
    Role.INSTRUMENT: KG.hasParticipant,
}
TEXT_PROPERTIES: dict[Role, URIRef] = {Role.AGENT: KG.agentText, Role.PATIENT: KG.patientText,
                                        Role.RECIPIENT: KG.recipientText}
ATTRIBUTION_ROLES = ("source", "reporter", "publisher")


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> Graph:
    graph.bind("kg", KG._NS, override=True, replace=True)
    graph.bind("owl", OWL)
    graph.bind("xsd", XSD)
    graph.bind("id", base)
    return graph


class _Mapper:
    def __init__(self, graph: Graph, extraction: Extraction, minter: Minter) -> None:
        self.g = graph
        self._add = graph.store.add  # the graph's own store (a SingleGraphStore): Graph.add's checks are ours
        self.x = extraction
        self.m = minter
        self.doc_id = extraction.document.id
        self.doc = minter.document(self.doc_id)
        self.actors = {a.key: a for a in extraction.actors}
        self.mentioned: set[URIRef] = set()

    # -- helpers -------------------------------------------------------------
    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        if o is None:
            return
        if not isinstance(o, (URIRef, Literal)):
            o = _literal(o) if not isinstance(o, str) or len(o) <= _SHARED_LITERAL else Literal(o)
        self._add((s, p, o), self.g)

    def mention(self, m: Mention, *, metonymic: bool = False) -> URIRef:
        node = self.m.mention(self.doc_id, m.start, m.end)
        if node in self.mentioned:  # a speech act's trigger is its claim's cue: one node, written once
            if metonymic:
                self.add(node, KG.metonymic, True)
            return node
        self.mentioned.add(node)
        self.add(node, RDF.type, KG.Mention)
        self.add(node, KG.beginIndex, _non_negative(m.start))
        self.add(node, KG.endIndex, _non_negative(m.end))
        self.add(node, KG.anchorOf, m.text)
        self.add(node, KG.inDocument, self.doc)
        if metonymic:
            self.add(node, KG.metonymic, True)
        return node

    def actor_iri(self, key: str) -> URIRef:
        actor = self.actors[key]
        return self.m.actor(actor.key, actor.document)

    def in_doc(self, kind: str, key: str) -> URIRef:
        return self.m.in_document(self.doc_id, kind, key)

    # -- stages --------------------------------------------------------------
    def document(self) -> None:
        d, doc = self.x.document, self.doc
        self.add(doc, RDF.type, KG.NewsArticle)
        self.add(doc, KG.text, Literal(d.text))
        self.add(doc, KG.headline, d.title)
        self.add(doc, KG.url, Literal(d.url, datatype=XSD.anyURI) if d.url else None)
        self.add(doc, KG.datePublished, Literal(d.published, datatype=XSD.date) if d.published else None)
        self.add(doc, KG.sourceUrl, Literal(d.source_url, datatype=XSD.anyURI) if d.source_url else None)
        self.add(doc, KG.warcRecordId, d.record)
        self.add(doc, KG.inLanguage, d.language)
        if self.x.publisher:
            self.add(doc, KG.publisher, self.actor_iri(self.x.publisher))
        for key in self.x.authors:
            self.add(doc, KG.author, self.actor_iri(key))
        for key in self.x.sources:
            self.add(doc, KG.citesSource, self.actor_iri(key))

    def actor(self, a: Actor) -> None:
        node = self.actor_iri(a.key)
        self.add(node, RDF.type, ACTOR_CLASSES[a.kind])
        self.add(node, RDFS.label, a.name)
        if a.anonymous:
            self.add(node, RDF.type, KG.AnonymousSource)
        self.add(self.doc, KG.mentions, node)
        for m in a.mentions:
            self.add(node, KG.denotedBy, self.mention(m, metonymic=a.stands_for is not None))
        for title in a.titles:
            self.add(node, KG.title, title)
        for iri in a.same_as:
            self.add(node, OWL.sameAs, URIRef(iri))
        self.add(node, KG.countryCode, a.country_code)
        if a.stands_for:
            self.add(node, KG.standsFor, self.actor_iri(a.stands_for))
        if a.affiliation:
            self.add(node, KG.affiliatedWith, self.actor_iri(a.affiliation))
        self.add(node, KG.description, a.description)
        self.add(node, KG.sourceRole, a.source_role)
        self.add(node, KG.sourceNumber, a.number)
        self.add(node, KG.qualifier, a.qualifier)

    def claim(self, c: Claim) -> None:
        node = self.in_doc("claim", c.key)
        self.add(node, RDF.type, KG.Claim)
        self.add(node, KG.appearance, self.doc)
        self.add(node, KG.claimText, Literal(c.content.text))
        self.add(node, KG.denotedBy, self.mention(c.content))
        self.add(node, KG.cue, c.cue.text)
        self.add(node, KG.cueLemma, c.cue_lemma)
        self.add(node, KG.cueMention, self.mention(c.cue))
        speaker = self.actor_iri(c.speaker)
        self.add(node, KG.saidBy, speaker)
        self.add(speaker, RDF.type, KG.Source)
        if self.actors[c.speaker].evidence_source:
            self.add(speaker, RDF.type, KG.EvidenceSource)
        if c.speaker_mention:
            self.add(node, KG.speakerMention, self.mention(c.speaker_mention))
        chain = [c.speaker, *reversed(c.reported_by)]
        if self.x.publisher and self.x.publisher not in chain:
            chain.append(self.x.publisher)
        for position, key in enumerate(chain):
            who = self.actor_iri(key)
            att = URIRef(f"{node}/attribution/{position}")
            self.add(node, KG.hasAttribution, att)
            self.add(att, RDF.type, KG.Attribution)
            self.add(att, KG.agent, who)
            self.add(att, KG.chainPosition, _non_negative(position))
            role = "source" if position == 0 else ("publisher" if key == self.x.publisher else "reporter")
            self.add(att, KG.attributionRole, role)
            if position:
                self.add(node, KG.reportedBy, who)
        self.add(node, KG.quoteType, c.quote_type.value)
        self.add(node, KG.attributionKind, c.kind.value)
        self.add(node, KG.negated, c.negated)
        self.add(node, KG.hedged, bool(c.hedges))
        for hedge in c.hedges:
            self.add(node, KG.hedge, hedge)
        for key in c.about_actors:
            self.add(node, KG.about, self.actor_iri(key))
        for key in c.about_events:
            self.add(node, KG.about, self.in_doc("event", key))
        if c.part_of:
            self.add(node, KG.partOfClaim, self.in_doc("claim", c.part_of))
        for key in c.times:
            self.add(node, KG.saidAt, self.in_doc("time", key))

    def non_response(self, n: NonResponse) -> None:
        node = self.in_doc("nonresponse", n.key)
        self.add(node, RDF.type, KG.NonResponse)
        self.add(node, KG.appearance, self.doc)
        self.add(node, KG.nonResponder, self.actor_iri(n.actor))
        self.add(node, KG.cue, n.cue.text)
        self.add(node, KG.cueMention, self.mention(n.cue))
        self.add(node, KG.declined, n.declined)

    def event(self, e: Event) -> None:
        node = self.in_doc("event", e.key)
        self.add(node, RDF.type, getattr(KG, e.kind.value))
        self.add(node, KG.appearance, self.doc)
        self.add(node, KG.eventLemma, e.lemma)
        for m in e.triggers:
            self.add(node, KG.denotedBy, self.mention(m))
        for p in e.participants:
            self.add(node, ROLE_PROPERTIES[p.role], self.actor_iri(p.actor))
        for key in e.times:
            self.add(node, KG.hasTime, self.in_doc("time", key))
        for text in e.instruments:
            self.add(node, KG.instrument, text)
        for pt in e.participant_texts:
            self.add(node, TEXT_PROPERTIES.get(pt.role, KG.participantText), pt.text)
        self.add(node, KG.negated, e.negated)
        self.add(node, KG.modality, e.modality.value)
        self.add(node, KG.propBankRoleset, e.roleset)
        self.add(node, KG.frameNetFrame, e.frame)
        if e.claim:
            self.add(node, KG.conveysClaim, self.in_doc("claim", e.claim))

    def time(self, t: TimeExpression) -> None:
        node = self.in_doc("time", t.key)
        self.add(node, RDF.type, KG.TimeExpression)
        self.add(node, RDFS.label, t.mention.text)
        self.add(node, KG.denotedBy, self.mention(t.mention))
        for prop, value in ((KG.inXSDDate, t.value), (KG.beginDate, t.begin), (KG.endDate, t.end)):
            if value:
                self.add(node, prop, Literal(value, datatype=XSD.date))

    def run(self) -> None:
        self.document()
        for a in self.x.actors:
            self.actor(a)
        for t in self.x.times:
            self.time(t)
        for e in self.x.events:
            self.event(e)
        for c in self.x.claims:
            self.claim(c)
        for n in self.x.non_responses:
            self.non_response(n)


_SHARED_LITERAL = 64  # plain values up to this length are made into literals once (lemmas, flags, roles, names)


@lru_cache(maxsize=1 << 14, typed=True)  # typed: True and 1 are different literals
def _literal(value: object) -> Literal:
    return Literal(value)


@lru_cache(maxsize=1 << 16)
def _non_negative(n: int) -> Literal:
    """A non-negative integer literal (offsets, chain positions), made once per value: the values repeat."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


def to_graph(extractions: Extraction | Iterable[Extraction], *, base: str = DEFAULT_BASE) -> Graph:
    """Map one or more extractions to one rdflib graph.

    Named actors get corpus-wide IRIs, so actors shared by several documents become
    one node with the mentions of all of them.
    """
    if isinstance(extractions, Extraction):
        extractions = [extractions]
    minter = Minter(base)
    graph = bind_prefixes(single_graph(), minter.base)
    for extraction in extractions:
        _Mapper(graph, extraction, minter).run()
    return graph
