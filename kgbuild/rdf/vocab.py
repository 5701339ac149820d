"""The ontology's namespace: every kgbuild term used in code comes from here.

``KG`` is a closed ``DefinedNamespace``: a misspelt term fails at import time, not
as a silent wrong IRI. ``tests/test_vocab_matches_ontology.py`` checks that this
list and ``ontology/kgbuild.ttl`` declare exactly the same terms.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["ESO", "GAF", "GRASP", "KG", "KG_NS", "NIF", "OA", "ONTOLOGY_IRI", "PROV", "SCHEMA", "SEM", "TIME"]

KG_NS = "https://w3id.org/kgbuild/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/kgbuild/ontology")

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
OA = Namespace("http://www.w3.org/ns/oa#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
GRASP = Namespace("http://groundedannotationframework.org/grasp#")
ESO = Namespace("http://www.newsreader-project.eu/domain-ontology#")


class KG(DefinedNamespace):
    """kgbuild ontology terms."""

    _NS = Namespace(KG_NS)
    _fail = True

    # documents and text anchoring
    NewsArticle: URIRef
    Mention: URIRef
    headline: URIRef
    text: URIRef
    datePublished: URIRef
    author: URIRef
    inLanguage: URIRef
    sourceUrl: URIRef
    warcRecordId: URIRef
    url: URIRef
    publisher: URIRef
    citesSource: URIRef
    mentions: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    inDocument: URIRef
    denotedBy: URIRef
    appearance: URIRef
    metonymic: URIRef

    # actors and sources
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    GeopoliticalEntity: URIRef
    Location: URIRef
    Group: URIRef
    OtherActor: URIRef
    Source: URIRef
    AnonymousSource: URIRef
    EvidenceSource: URIRef
    title: URIRef
    countryCode: URIRef
    standsFor: URIRef
    affiliatedWith: URIRef
    description: URIRef
    sourceRole: URIRef
    sourceNumber: URIRef
    qualifier: URIRef

    # claims and attribution
    Claim: URIRef
    NonResponse: URIRef
    Attribution: URIRef
    claimText: URIRef
    cue: URIRef
    cueLemma: URIRef
    cueMention: URIRef
    saidBy: URIRef
    speakerMention: URIRef
    reportedBy: URIRef
    hasAttribution: URIRef
    agent: URIRef
    chainPosition: URIRef
    attributionRole: URIRef
    quoteType: URIRef
    attributionKind: URIRef
    negated: URIRef
    hedged: URIRef
    hedge: URIRef
    about: URIRef
    partOfClaim: URIRef
    saidAt: URIRef
    nonResponder: URIRef
    declined: URIRef

    # events
    Event: URIRef
    ConflictEvent: URIRef
    Attack: URIRef
    Invasion: URIRef
    Occupation: URIRef
    Annexation: URIRef
    MovementEvent: URIRef
    Withdrawal: URIRef
    TerritorialTransfer: URIRef
    MeetingEvent: URIRef
    Negotiation: URIRef
    Summit: URIRef
    AgreementEvent: URIRef
    Ceasefire: URIRef
    StatementEvent: URIRef
    ScheduleChange: URIRef
    EconomicEvent: URIRef
    DisasterEvent: URIRef
    ElectionEvent: URIRef
    LegalEvent: URIRef
    DeathEvent: URIRef
    ContestEvent: URIRef
    Killing: URIRef
    Arrival: URIRef
    Departure: URIRef
    Transport: URIRef
    TransferOfPossession: URIRef
    Transaction: URIRef
    Purchase: URIRef
    Sale: URIRef
    Payment: URIRef
    Merger: URIRef
    Production: URIRef
    ProductLaunch: URIRef
    Bankruptcy: URIRef
    QuantityChange: URIRef
    PersonnelEvent: URIRef
    Appointment: URIRef
    LeavingOffice: URIRef
    Employment: URIRef
    PoliticalEvent: URIRef
    ChangeOfLeadership: URIRef
    PolicyEvent: URIRef
    Protest: URIRef
    Arrest: URIRef
    Trial: URIRef
    Verdict: URIRef
    CrimeEvent: URIRef
    Accident: URIRef
    Fire: URIRef
    Damage: URIRef
    HealthEvent: URIRef
    Injury: URIRef
    Birth: URIRef
    ResearchEvent: URIRef
    CulturalEvent: URIRef
    eventLemma: URIRef
    hasParticipant: URIRef
    hasAgent: URIRef
    hasPatient: URIRef
    hasRecipient: URIRef
    hasPlace: URIRef
    hasTime: URIRef
    instrument: URIRef
    modality: URIRef
    participantText: URIRef
    agentText: URIRef
    patientText: URIRef
    recipientText: URIRef
    propBankRoleset: URIRef
    frameNetFrame: URIRef
    conveysClaim: URIRef

    # time
    TimeExpression: URIRef
    inXSDDate: URIRef
    beginDate: URIRef
    endDate: URIRef

    # stories across articles
    StoryEvent: URIRef
    StoryClaim: URIRef
    ClaimRelation: URIRef
    groupsEvent: URIRef
    sameEventAs: URIRef
    reportedIn: URIRef
    repetition: URIRef
    originalSource: URIRef
    contradicts: URIRef
    supports: URIRef
    fromClaim: URIRef
    toClaim: URIRef
    relationType: URIRef
    evidence: URIRef
