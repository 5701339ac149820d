"""What a report page shows, read from the RDF graph into plain dataclasses.

Everything comes from the graph (``kg:text``, mentions' ``kg:beginIndex``/``kg:endIndex``, claims,
attribution chains, events), so built articles and graph files take the same path. Orders are
deterministic: by text position, then by IRI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kgbuild.model import EventKind
from kgbuild.rdf.files import parse_rdf
from kgbuild.rdf.vocab import KG

__all__ = [
    "GRAPH_SUFFIXES",
    "ActorInfo",
    "Article",
    "ChainLink",
    "ClaimInfo",
    "EventInfo",
    "NonResponseInfo",
    "Span",
    "TimeInfo",
    "read_articles",
    "read_graph_files",
]

ACTOR_KINDS: dict[URIRef, str] = {
    KG.Person: "Person",
    KG.Organization: "Organization",
    KG.GeopoliticalEntity: "GPE",
    KG.Location: "Location",
    KG.Group: "Group",
    KG.OtherActor: "Other",
}
EVENT_CLASSES: dict[URIRef, str] = {getattr(KG, k.value): k.value for k in EventKind}
ROLE_PROPERTIES: tuple[tuple[str, URIRef], ...] = (
    ("agent", KG.hasAgent), ("patient", KG.hasPatient), ("recipient", KG.hasRecipient), ("place", KG.hasPlace),
    ("participant", KG.hasParticipant))
TEXT_PROPERTIES: tuple[tuple[str, URIRef], ...] = (
    ("agent", KG.agentText), ("patient", KG.patientText), ("recipient", KG.recipientText),
    ("participant", KG.participantText))
_CHAR = re.compile(r"#char=(\d+),(\d+)$")


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets into the article text (end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class ActorInfo:
    """An actor as seen in one article (its mentions are this article's only)."""

    iri: str
    label: str
    kind: str  # Person, Organization, GPE, Location, Group, Other
    anonymous: bool = False
    mentions: tuple[Span, ...] = ()
    titles: tuple[str, ...] = ()
    description: str | None = None
    source_role: str | None = None
    number: str | None = None
    qualifier: str | None = None
    same_as: tuple[str, ...] = ()
    evidence: bool = False  # kg:EvidenceSource: a poll, study, report, ruling, data
    affiliations: tuple[str, ...] = ()  # actor IRIs (kg:affiliatedWith)

    @property
    def display_kind(self) -> str:
        """The kind used for colours and badges; anonymous sources are their own kind."""
        return "Anonymous" if self.anonymous else self.kind


@dataclass(frozen=True)
class ChainLink:
    """One step of a claim's source chain (position 0 is the source)."""

    position: int
    role: str  # source, reporter, publisher
    agent: str  # actor IRI


@dataclass(frozen=True)
class ClaimInfo:
    iri: str
    number: int  # 1-based, in text order
    text: str
    span: Span | None
    cue: str
    cue_span: Span | None
    speaker: str  # actor IRI
    speaker_span: Span | None
    chain: tuple[ChainLink, ...]
    quote_type: str
    negated: bool
    hedged: bool
    hedges: tuple[str, ...]
    about: tuple[str, ...]  # actor or event IRIs
    part_of: str | None = None
    kind: str = ""  # kg:attributionKind: assertion, belief, evidence, directive, accusation, ...
    cue_lemma: str = ""  # kg:cueLemma ("say", "deny", "according to")


@dataclass(frozen=True)
class TimeInfo:
    iri: str
    label: str
    span: Span | None
    date: str | None = None
    begin: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class EventInfo:
    iri: str
    number: int  # 1-based, in text order
    kind: str  # the ontology class local name (Invasion, Summit, ...)
    lemma: str
    triggers: tuple[Span, ...]
    participants: tuple[tuple[str, str], ...]  # (role, actor IRI)
    times: tuple[str, ...]  # time IRIs
    instruments: tuple[str, ...]
    modality: str
    negated: bool
    texts: tuple[tuple[str, str], ...] = ()  # (role, words) of arguments that are not actors
    roleset: str | None = None  # PropBank roleset of the predicate ("acquire.01")
    conveys: str | None = None  # IRI of the claim a speech act conveys


@dataclass(frozen=True)
class NonResponseInfo:
    iri: str
    actor: str
    cue: str
    span: Span | None
    declined: bool


@dataclass(frozen=True)
class Article:
    """Everything one article page shows."""

    iri: str
    name: str  # file-name-safe, unique within the site
    headline: str
    text: str
    published: str | None
    url: str | None
    publisher: str | None  # actor IRI
    cited: tuple[str, ...]  # actor IRIs (kg:citesSource)
    actors: dict[str, ActorInfo]
    claims: tuple[ClaimInfo, ...]
    events: tuple[EventInfo, ...]
    times: dict[str, TimeInfo]
    non_responses: tuple[NonResponseInfo, ...]
    authors: tuple[str, ...] = ()  # actor IRIs (kg:author)
    language: str | None = None
    source_url: str | None = None  # where a web page was fetched from (a WARC record's target URI)
    record: str | None = None  # its WARC-Record-ID

    @property
    def sources(self) -> tuple[str, ...]:
        """Actors that speak, report or publish a claim here, or that the article cites, in first-use order."""
        seen: dict[str, None] = {}
        for claim in self.claims:
            seen.setdefault(claim.speaker)
        for claim in self.claims:
            for link in claim.chain:
                seen.setdefault(link.agent)
        for iri in self.cited:
            seen.setdefault(iri)
        return tuple(iri for iri in seen if iri in self.actors)

    @cached_property
    def claim_numbers(self) -> dict[str, int]:
        """Claim IRI -> its number on the page (C1, C2 ...)."""
        return {c.iri: c.number for c in self.claims}

    def is_anonymous(self, iri: str) -> bool:
        actor = self.actors.get(iri)
        return bool(actor and actor.anonymous)

    @property
    def anonymous_share(self) -> float | None:
        """Share of claims whose source (``kg:saidBy``) is anonymous; None without claims."""
        if not self.claims:
            return None
        return sum(self.is_anonymous(c.speaker) for c in self.claims) / len(self.claims)

    def label(self, iri: str) -> str:
        actor = self.actors.get(iri)
        if actor:
            return actor.label
        for event in self.events:
            if event.iri == iri:
                return f"{event.lemma} ({event.kind})"
        return iri.rsplit("/", 1)[-1]


GRAPH_SUFFIXES = (".ttl", ".nt", ".trig", ".nq", ".jsonld", ".n3", ".rdf", ".owl")


def read_graph_files(paths: Iterable[Path], graph: Graph | None = None) -> Graph:
    """Parse RDF files into ``graph`` (a new one by default); the suffix decides the syntax, quads are merged."""
    graph = graph if graph is not None else Graph()
    for path in paths:
        if path.suffix.lower() in (".trig", ".nq"):
            dataset = parse_rdf(path, Dataset())
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            parse_rdf(path, graph)
    return graph


_T = TypeVar("_T", ClaimInfo, EventInfo)


class _Reader:
    def __init__(self, graph: Graph) -> None:
        self.g = graph

    def str(self, node: Node, prop: URIRef) -> str | None:
        value = self.g.value(node, prop)
        return str(value) if value is not None else None

    def strs(self, node: Node, prop: URIRef) -> tuple[str, ...]:
        return tuple(sorted(str(o) for o in self.g.objects(node, prop)))

    def flag(self, node: Node, prop: URIRef) -> bool:
        value = self.g.value(node, prop)
        return bool(value.toPython()) if isinstance(value, Literal) else False

    def span(self, mention: Node | None) -> Span | None:
        if mention is None:
            return None
        begin, end = self.g.value(mention, KG.beginIndex), self.g.value(mention, KG.endIndex)
        if isinstance(begin, Literal) and isinstance(end, Literal):
            return Span(int(begin), int(end))
        match = _CHAR.search(str(mention))
        return Span(int(match.group(1)), int(match.group(2))) if match else None

    def spans(self, node: Node, prop: URIRef, doc: URIRef) -> tuple[Span, ...]:
        """Spans of ``node``'s mentions in ``doc`` (named actors have mentions in several documents)."""
        found = set()
        for mention in self.g.objects(node, prop):
            in_doc = self.g.value(mention, KG.inDocument)
            if in_doc is not None and in_doc != doc:
                continue
            if in_doc is None and not str(mention).startswith(f"{doc}#"):
                continue
            span = self.span(mention)
            if span is not None:
                found.add(span)
        return tuple(sorted(found))

    # -- the parts of an article ------------------------------------------------
    def actor(self, iri: URIRef, doc: URIRef) -> ActorInfo:
        g = self.g
        types = set(g.objects(iri, RDF.type))
        kind = next((name for cls, name in ACTOR_KINDS.items() if cls in types), "Other")
        label = self.str(iri, RDFS.label) or str(iri).rsplit("/", 1)[-1]
        return ActorInfo(
            iri=str(iri), label=label, kind=kind, anonymous=KG.AnonymousSource in types,
            mentions=self.spans(iri, KG.denotedBy, doc), titles=self.strs(iri, KG.title),
            description=self.str(iri, KG.description), source_role=self.str(iri, KG.sourceRole),
            number=self.str(iri, KG.sourceNumber), qualifier=self.str(iri, KG.qualifier),
            same_as=tuple(sorted(str(o) for o in g.objects(iri, URIRef("http://www.w3.org/2002/07/owl#sameAs")))),
            evidence=KG.EvidenceSource in types, affiliations=self.strs(iri, KG.affiliatedWith))

    def chain(self, claim: Node) -> tuple[ChainLink, ...]:
        links = []
        for att in self.g.objects(claim, KG.hasAttribution):
            agent = self.g.value(att, KG.agent)
            position = self.g.value(att, KG.chainPosition)
            if agent is None:
                continue
            links.append(ChainLink(int(position) if isinstance(position, Literal) else 0,
                                   self.str(att, KG.attributionRole) or "reporter", str(agent)))
        return tuple(sorted(links, key=lambda link: (link.position, link.agent)))

    def claims(self, doc: URIRef) -> list[ClaimInfo]:
        g, found = self.g, []
        for node in set(g.subjects(KG.appearance, doc)):
            if (node, RDF.type, KG.Claim) not in g:
                continue
            speaker = g.value(node, KG.saidBy)
            found.append(ClaimInfo(
                iri=str(node), number=0, text=self.str(node, KG.claimText) or "",
                span=self.span(g.value(node, KG.denotedBy)), cue=self.str(node, KG.cue) or "",
                cue_span=self.span(g.value(node, KG.cueMention)), speaker=str(speaker) if speaker else "",
                speaker_span=self.span(g.value(node, KG.speakerMention)), chain=self.chain(node),
                quote_type=self.str(node, KG.quoteType) or "", negated=self.flag(node, KG.negated),
                hedged=self.flag(node, KG.hedged), hedges=self.strs(node, KG.hedge),
                about=self.strs(node, KG.about), part_of=self.str(node, KG.partOfClaim),
                kind=self.str(node, KG.attributionKind) or "", cue_lemma=self.str(node, KG.cueLemma) or ""))
        found.sort(key=lambda c: (c.span or Span(1 << 60, 0), c.iri))
        return [_renumber(c, i) for i, c in enumerate(found, 1)]

    def events(self, doc: URIRef) -> list[EventInfo]:
        g, found = self.g, []
        for node in set(g.subjects(KG.appearance, doc)):
            types = set(g.objects(node, RDF.type))
            kinds = sorted(name for cls, name in EVENT_CLASSES.items() if cls in types)
            if not kinds:
                continue
            kind = next((k for k in kinds if k != "Event"), "Event")
            participants = tuple((role, str(actor)) for role, prop in ROLE_PROPERTIES
                                 for actor in sorted(g.objects(node, prop)))
            found.append(EventInfo(
                iri=str(node), number=0, kind=kind, lemma=self.str(node, KG.eventLemma) or kind,
                triggers=self.spans(node, KG.denotedBy, doc), participants=participants,
                times=self.strs(node, KG.hasTime), instruments=self.strs(node, KG.instrument),
                modality=self.str(node, KG.modality) or "asserted", negated=self.flag(node, KG.negated),
                texts=tuple((role, text) for role, prop in TEXT_PROPERTIES for text in self.strs(node, prop)),
                roleset=self.str(node, KG.propBankRoleset), conveys=self.str(node, KG.conveysClaim)))
        found.sort(key=lambda e: (e.triggers[0] if e.triggers else Span(1 << 60, 0), e.iri))
        return [_renumber(e, i) for i, e in enumerate(found, 1)]

    def times(self, doc: URIRef, events: Sequence[EventInfo]) -> dict[str, TimeInfo]:
        g = self.g
        nodes = {URIRef(t) for e in events for t in e.times}
        nodes |= {n for n in g.subjects(RDF.type, KG.TimeExpression) if str(n).startswith(f"{doc}/")}
        times = {}
        for node in sorted(nodes):
            mention = g.value(node, KG.denotedBy)
            times[str(node)] = TimeInfo(str(node), self.str(node, RDFS.label) or "", self.span(mention),
                                        self.str(node, KG.inXSDDate), self.str(node, KG.beginDate),
                                        self.str(node, KG.endDate))
        return times

    def non_responses(self, doc: URIRef) -> list[NonResponseInfo]:
        g, found = self.g, []
        for node in set(g.subjects(KG.appearance, doc)):
            if (node, RDF.type, KG.NonResponse) not in g:
                continue
            found.append(NonResponseInfo(str(node), self.str(node, KG.nonResponder) or "", self.str(node, KG.cue) or "",
                                         self.span(g.value(node, KG.cueMention)), self.flag(node, KG.declined)))
        return sorted(found, key=lambda n: (n.span or Span(1 << 60, 0), n.iri))

    def article(self, doc: URIRef, name: str) -> Article:
        g = self.g
        text = self.str(doc, KG.text) or ""
        claims, events = self.claims(doc), self.events(doc)
        actor_nodes = set(g.objects(doc, KG.mentions))
        actor_nodes |= {URIRef(c.speaker) for c in claims if c.speaker}
        actor_nodes |= {URIRef(link.agent) for c in claims for link in c.chain}
        actor_nodes |= {URIRef(a) for e in events for _, a in e.participants}
        actor_nodes |= set(g.objects(doc, KG.citesSource)) | set(g.objects(doc, KG.publisher))
        actor_nodes |= set(g.objects(doc, KG.author))
        non_responses = self.non_responses(doc)
        actor_nodes |= {URIRef(n.actor) for n in non_responses if n.actor}
        actors = {str(a): self.actor(a, doc) for a in sorted(actor_nodes) if isinstance(a, URIRef)}
        publisher = g.value(doc, KG.publisher)
        return Article(
            iri=str(doc), name=name, headline=self.str(doc, KG.headline) or text.split("\n", 1)[0][:120] or name,
            text=text, published=self.str(doc, KG.datePublished), url=self.str(doc, KG.url),
            publisher=str(publisher) if publisher else None, cited=self.strs(doc, KG.citesSource), actors=actors,
            claims=tuple(claims), events=tuple(events), times=self.times(doc, events),
            non_responses=tuple(non_responses), authors=self.strs(doc, KG.author),
            language=self.str(doc, KG.inLanguage), source_url=self.str(doc, KG.sourceUrl),
            record=self.str(doc, KG.warcRecordId))


def _renumber(item: _T, number: int) -> _T:
    return replace(item, number=number)


def _names(iris: Sequence[URIRef]) -> list[str]:
    """Unique, file-name-safe page names from document IRIs (their last path segment)."""
    names, used = [], set()
    for iri in iris:
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", str(iri).rstrip("/").rsplit("/", 1)[-1]).strip("-.")[:80] or "article"
        if base.lower() == "index":
            base = "article-index"
        name, n = base, 2
        while name.lower() in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name.lower())
        names.append(name)
    return names


def read_articles(graph: Graph) -> list[Article]:
    """Every ``kg:NewsArticle`` of the graph, sorted by IRI."""
    docs = sorted(d for d in set(graph.subjects(RDF.type, KG.NewsArticle)) if isinstance(d, URIRef))
    reader = _Reader(graph)
    return [reader.article(doc, name) for doc, name in zip(docs, _names(docs), strict=True)]
