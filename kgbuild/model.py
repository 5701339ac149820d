"""Plain, frozen dataclasses that extraction produces and mapping consumes.

Nothing here knows spaCy or rdflib: this is the seam between the two halves of the
pipeline. Every object that comes from the text carries character offsets into
``Document.text`` (``start`` inclusive, ``end`` exclusive).

Identifiers (``key`` fields) are plain strings, unique within one ``Extraction``;
mapping turns them into IRIs. Actors that are named (persons, organisations,
places) have document-independent keys so that several documents share one node.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Actor",
    "ActorKind",
    "Claim",
    "ClaimKind",
    "Document",
    "Event",
    "EventKind",
    "Extraction",
    "Mention",
    "Modality",
    "NonResponse",
    "Participant",
    "ParticipantText",
    "QuoteType",
    "Role",
    "TimeExpression",
]


class ActorKind(StrEnum):
    """The coarse kind of an actor; the ontology has one class per kind."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    GPE = "GPE"
    LOCATION = "Location"
    GROUP = "Group"
    OTHER = "Other"


class EventKind(StrEnum):
    """The event taxonomy; values are the ontology's class local names (``ontology/kgbuild.ttl``)."""

    EVENT = "Event"
    # conflict and security
    CONFLICT = "ConflictEvent"
    ATTACK = "Attack"
    INVASION = "Invasion"
    OCCUPATION = "Occupation"
    ANNEXATION = "Annexation"
    KILLING = "Killing"
    # movement
    MOVEMENT = "MovementEvent"
    WITHDRAWAL = "Withdrawal"
    TRANSFER = "TerritorialTransfer"
    ARRIVAL = "Arrival"
    DEPARTURE = "Departure"
    TRANSPORT = "Transport"
    # diplomacy, meetings, speech
    MEETING = "MeetingEvent"
    NEGOTIATION = "Negotiation"
    SUMMIT = "Summit"
    AGREEMENT = "AgreementEvent"
    CEASEFIRE = "Ceasefire"
    STATEMENT = "StatementEvent"
    SCHEDULE_CHANGE = "ScheduleChange"
    # business and economy
    ECONOMIC = "EconomicEvent"
    TRANSFER_OF_POSSESSION = "TransferOfPossession"
    TRANSACTION = "Transaction"
    PURCHASE = "Purchase"
    SALE = "Sale"
    PAYMENT = "Payment"
    MERGER = "Merger"
    PRODUCTION = "Production"
    PRODUCT_LAUNCH = "ProductLaunch"
    BANKRUPTCY = "Bankruptcy"
    QUANTITY_CHANGE = "QuantityChange"
    # personnel
    PERSONNEL = "PersonnelEvent"
    APPOINTMENT = "Appointment"
    LEAVING_OFFICE = "LeavingOffice"
    EMPLOYMENT = "Employment"
    # politics, law and crime
    POLITICAL = "PoliticalEvent"
    ELECTION = "ElectionEvent"
    CHANGE_OF_LEADERSHIP = "ChangeOfLeadership"
    POLICY = "PolicyEvent"
    PROTEST = "Protest"
    LEGAL = "LegalEvent"
    ARREST = "Arrest"
    TRIAL = "Trial"
    VERDICT = "Verdict"
    CRIME = "CrimeEvent"
    # disasters, accidents, health
    DISASTER = "DisasterEvent"
    ACCIDENT = "Accident"
    FIRE = "Fire"
    DAMAGE = "Damage"
    HEALTH = "HealthEvent"
    INJURY = "Injury"
    BIRTH = "Birth"
    DEATH = "DeathEvent"
    # science, culture, sport
    RESEARCH = "ResearchEvent"
    CULTURAL = "CulturalEvent"
    CONTEST = "ContestEvent"


class Modality(StrEnum):
    """Whether an event is said to have happened, or only planned, possible or demanded."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    DEMANDED = "demanded"


class Role(StrEnum):
    """The role of a participant in an event."""

    AGENT = "agent"
    PATIENT = "patient"
    RECIPIENT = "recipient"
    PLACE = "place"
    INSTRUMENT = "instrument"
    PARTICIPANT = "participant"


class QuoteType(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class ClaimKind(StrEnum):
    """The kind of attribution, after the cue (PARC's cue classes): "said" asserts, "believes" holds a
    belief, "a study found" gives evidence, "urged" directs, "accused" accuses, "denied" denies,
    "promised" commits, "praised ... for" evaluates, "announced" announces."""

    ASSERTION = "assertion"
    BELIEF = "belief"
    EVIDENCE = "evidence"
    DIRECTIVE = "directive"
    ACCUSATION = "accusation"
    DENIAL = "denial"
    COMMITMENT = "commitment"
    EVALUATION = "evaluation"
    ANNOUNCEMENT = "announcement"


@dataclass(frozen=True)
class Document:
    """One news article. ``text`` is the whole text, headline included."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date, YYYY-MM-DD
    publisher: str | None = None
    origin: str | None = None  # file path or "<stdin>", for messages
    authors: tuple[str, ...] = ()  # the byline's names, as the page gives them
    language: str | None = None  # ISO 639-1 code of the text, where the reader determined it
    source_url: str | None = None  # where the page was fetched from (a WARC record's target URI)
    record: str | None = None  # the WARC-Record-ID of the archive record the page was read from


@dataclass(frozen=True, order=True)
class Mention:
    """A span of the document text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A person, organisation, place, group or anonymous source.

    ``key`` is stable: named actors use their normalised name and kind so that the
    same actor in several documents is one node; anonymous sources and groups are
    keyed within their document.
    """

    key: str
    name: str
    kind: ActorKind
    mentions: tuple[Mention, ...] = ()
    titles: tuple[str, ...] = ()  # "President", kept as roles
    same_as: tuple[str, ...] = ()  # external IRIs (Wikidata, GeoNames)
    country_code: str | None = None  # ISO 3166-1 alpha-2 or ISO 3166-2
    stands_for: str | None = None  # metonymy: key of the actor it stands for
    affiliation: str | None = None  # key of an actor it belongs to
    anonymous: bool = False
    description: str | None = None  # "a diplomat involved in the talks"
    source_role: str | None = None  # "diplomat", "official"
    number: str | None = None  # "two", "several"
    qualifier: str | None = None  # "familiar with the talks"
    document: str | None = None  # id of the document for document-scoped actors
    evidence_source: bool = False  # a non-person source cited for claims: a poll, study, report, ruling, data


@dataclass(frozen=True)
class TimeExpression:
    """A time expression; ``value`` / ``begin`` / ``end`` are ISO dates when resolved."""

    key: str
    mention: Mention
    value: str | None = None
    begin: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Participant:
    actor: str  # actor key
    role: Role


@dataclass(frozen=True)
class ParticipantText:
    """An argument of an event that is not an actor ("12 aircraft", "the plant"), kept as its words."""

    text: str
    role: Role


@dataclass(frozen=True)
class Event:
    """Something that happens, with the mentions that denote it."""

    key: str
    kind: EventKind
    triggers: tuple[Mention, ...]
    lemma: str
    participants: tuple[Participant, ...] = ()
    times: tuple[str, ...] = ()  # TimeExpression keys
    instruments: tuple[str, ...] = ()  # free text ("long-range drone strikes")
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    participant_texts: tuple[ParticipantText, ...] = ()  # arguments that are no actor
    roleset: str | None = None  # PropBank roleset of the trigger ("acquire.01")
    frame: str | None = None  # FrameNet frame that typed it ("Commerce_buy")
    claim: str | None = None  # a statement event: key of the claim it conveys


@dataclass(frozen=True)
class Claim:
    """What somebody is reported to have said, and through whom."""

    key: str
    content: Mention  # the proposition, without the attribution frame
    cue: Mention  # reporting verb or phrase
    cue_lemma: str
    speaker: str  # actor key of the (resolved) source
    speaker_mention: Mention | None = None  # words that introduce the speaker here
    reported_by: tuple[str, ...] = ()  # actor keys of the reporting chain, outermost first
    quote_type: QuoteType = QuoteType.INDIRECT
    kind: ClaimKind = ClaimKind.ASSERTION  # assertion, belief, evidence, directive, ... (from the cue)
    negated: bool = False
    hedges: tuple[str, ...] = ()  # "would", "might", "a 20% chance"
    about_actors: tuple[str, ...] = ()
    about_events: tuple[str, ...] = ()
    part_of: str | None = None  # key of the claim that contains this one
    times: tuple[str, ...] = ()  # when it was said


@dataclass(frozen=True)
class NonResponse:
    """A source that declined to comment or did not respond."""

    key: str
    actor: str
    cue: Mention
    declined: bool  # True: declined to comment; False: did not respond


@dataclass(frozen=True)
class Extraction:
    """Everything found in one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    non_responses: tuple[NonResponse, ...] = ()
    sources: tuple[str, ...] = field(default=())  # actor keys cited by the document's header
    publisher: str | None = None  # actor key of the document's publisher
    authors: tuple[str, ...] = ()  # actor keys of the document's authors (people named by its byline)
