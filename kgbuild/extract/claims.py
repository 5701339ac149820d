"""Claims: who said what, according to whom.

For every reporting cue (a verb of the lexicon with a clausal complement or an adjacent quotation,
see ``claims_verbs``; a cue noun, "in X's view", "as X put it", see ``claims_nominal``; "according
to X", "called this "..."") the
content is the proposition without its frame, the speaker is resolved to an actor
(anonymous sources become actors of their own), and the reporting chain comes from
header lines ("Source: X with reference to ...") and "in response to a request from X".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kgbuild.extract.claims_frame import FRAME_GAP, Frame, clause_without
from kgbuild.extract.claims_index import ClaimIndex, Quotes
from kgbuild.extract.claims_lexicon import Lexicon, lexicon
from kgbuild.extract.claims_narrator import FIRST_PERSON, SECOND_PERSON, Narrator, find_narrator
from kgbuild.extract.claims_nominal import as_frame, nominal_frame, view_frame
from kgbuild.extract.claims_quotes import find_headers, find_quotes, inner
from kgbuild.extract.claims_speakers import Speaker, SpeakerResolver, np_span
from kgbuild.extract.claims_verbs import adjective_frames, subject_of, verb_frames
from kgbuild.extract.names import clean_name
from kgbuild.extract.spans import char_mention, doc_text
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Claim, ClaimKind, Document, Event, NonResponse, QuoteType

__all__ = ["FoundClaims", "find_claims"]

PERSONAL = FIRST_PERSON | SECOND_PERSON
UNRESOLVED = frozenset({"he", "she", "they"})  # pronouns that stay the source when nothing resolves them
EVIDENCE_KINDS = (ClaimKind.ASSERTION, ClaimKind.ANNOUNCEMENT, ClaimKind.BELIEF)  # of a source that is no one
NEAR_QUOTE = 1500  # "I think" in a quotation without a frame: a direct quotation's claim this near
MAX_RELAYS = 8  # relays of an embedded claim kept ("A said that B reported that C said ..."), innermost last


@dataclass
class FoundClaims:
    claims: list[Claim] = field(default_factory=list)
    non_responses: list[NonResponse] = field(default_factory=list)
    header_sources: list[str] = field(default_factory=list)


def find_claims(sdoc: Doc, document: Document, table: ActorTable, events: list[Event]) -> FoundClaims:
    """Claims, non-responses and header sources of one document."""
    lex = lexicon()
    text = doc_text(sdoc)
    found = FoundClaims()
    outlet = _header_outlets(text, table, found)
    quotes = Quotes(find_quotes(text))
    resolver = SpeakerResolver(table, lex, outlet)
    narrator = find_narrator(sdoc, table, resolver)
    frames = _frames(sdoc, lex, quotes)
    triggers = EventTriggers(events)
    claims: list[Claim] = []
    pending: list[Frame] = []
    used: set[tuple[int, int]] = set()
    for frame in frames:
        if frame.content in used or frame.content[0] >= frame.content[1]:
            continue
        if frame.subject is not None and frame.subject.lower_ in PERSONAL and not _addressee_subject(frame):
            pending.append(frame)
            continue
        if frame.lemma in lex.pronoun_subjects and (frame.subject is None or frame.subject.lower_ not in UNRESOLVED):
            continue
        speaker = _speaker(frame, resolver, outlet, lex, table)
        if speaker is None:
            continue
        used.add(frame.content)
        claims.append(_claim(frame, speaker, sdoc, table, triggers, lex, outlet))
    inside = ClaimIndex(claims)
    for frame in pending:
        if frame.content in used:
            continue
        speaker = _personal_speaker(frame, inside, quotes, narrator)
        if speaker is None:
            continue
        used.add(frame.content)
        claims.append(_claim(frame, speaker, sdoc, table, triggers, lex, outlet))
    claims.sort(key=lambda c: (c.content.start, c.content.end))
    found.claims = _nest(claims)
    found.non_responses = _non_responses(sdoc, lex, resolver)
    return found


# -- header lines ------------------------------------------------------------------
def _header_outlets(text: str, table: ActorTable, found: FoundClaims) -> str | None:
    """Outlets named on "Source:" lines; the first is the default reporter of the body's claims."""
    for header in find_headers(text):
        if header.outlet is None:
            continue
        start, end = header.outlet
        key = table.at(start, end)
        if key is None or _span_of(table, key, start, end) is False:
            name = clean_name(text[start:end])
            if not name:
                continue
            key = table.add_named(name, ActorKind.ORGANIZATION, char_mention(text, start, end))
        if key not in found.header_sources:
            found.header_sources.append(key)
    return found.header_sources[0] if found.header_sources else None


def _span_of(table: ActorTable, key: str, start: int, end: int) -> bool:
    """Whether one of the actor's mentions covers most of ``[start, end)``."""
    return any(k == key and min(m.end, end) - max(m.start, start) >= (end - start) // 2
               for m, k in table.overlapping(start, end))


# -- cues --------------------------------------------------------------------------
def _frames(sdoc: Doc, lex: Lexicon, quotes: Quotes) -> list[Frame]:
    frames: list[Frame] = []
    lemmas, words = lex.frame_lemmas, lex.frame_words
    for tok in sdoc:
        if tok.lower_ not in words and tok.lemma_.lower() not in lemmas:
            continue  # no frame starts here: skip the per-token checks below
        frame = _according(tok, lex, quotes) or _label_frame(tok, lex, quotes) or nominal_frame(tok, lex, quotes) \
            or view_frame(tok, lex, quotes) or as_frame(tok, lex, quotes)
        if frame is not None:
            frames.append(frame)
        else:
            frames += verb_frames(tok, lex, quotes) or adjective_frames(tok, lex, quotes)
    return frames



def _according(tok: Token, lex: Lexicon, quotes: Quotes) -> Frame | None:
    """"according to X, ..." / "..., according to X" / "in the words of X, "...""."""
    for words in lex.prepositional:
        if tok.lower_ != words[0]:
            continue
        doc = tok.doc
        if tok.i + len(words) > len(doc) or [t.lower_ for t in doc[tok.i: tok.i + len(words)]] != list(words):
            continue
        last = doc[tok.i + len(words) - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
        # "according to curator Elaine Gustafon" parsed as two objects: the name is the source
        pobj = next((c for c in objects if c.pos_ == "PROPN"), objects[0] if objects else None)
        if pobj is None:
            continue
        phrase = (tok.i, max(np_span(pobj).end - 1, last.i))
        after = doc[phrase[1]].idx + len(doc[phrase[1]].text)
        quote = quotes.first_starting_from(after)
        if quote is not None and not set(doc_text(doc)[after: quote.start]) <= FRAME_GAP:
            quote = None
        start, end = inner(doc_text(doc), quote) if quote else clause_without(tok, phrase)
        if end <= start:
            continue
        cue = char_mention(doc_text(doc), tok.idx, last.idx + len(last.text))
        head = tok.head if tok.head.i != tok.i else None
        return Frame(cue, " ".join(words), (start, end), QuoteType.INDIRECT, pobj, head, tok, lex.kind(" ".join(words)))
    return None


def _label_frame(tok: Token, lex: Lexicon, quotes: Quotes) -> Frame | None:
    """"called this "an escalation"": a quoted characterisation is the caller's claim."""
    if tok.lemma_.lower() not in lex.label_verbs or tok.pos_ != "VERB":
        return None
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return None
    objects = [c for c in tok.children if c.dep_ in ("dobj", "oprd", "attr", "prep")]
    if not objects:
        return None
    lo = min(o.left_edge.idx for o in objects)
    hi = max(o.right_edge.idx + len(o.right_edge.text) for o in objects)
    for q in quotes.starting_from(tok.idx + 1):
        if q.start >= hi:
            break
        if lo <= q.end:
            start, end = inner(doc_text(tok.doc), q)
            if 0 < len(doc_text(tok.doc)[start:end].split()) <= 12:
                cue = char_mention(doc_text(tok.doc), tok.idx, tok.idx + len(tok.text))
                return Frame(cue, tok.lemma_.lower(), (start, end), QuoteType.DIRECT, subject_of(tok), None, tok,
                             ClaimKind.EVALUATION)
    return None


# -- speakers and attributes -----------------------------------------------------------
def _speaker(frame: Frame, resolver: SpeakerResolver, outlet: str | None, lex: Lexicon,
             table: ActorTable) -> Speaker | None:
    found = _resolved_speaker(frame, resolver, outlet, lex)
    subj = frame.subject
    if found is None and subj is not None and subj.lower_ in UNRESOLVED and subj.dep_ == "nsubj":
        # "They think that ...", with nobody for "they" to refer back to: the pronoun is the source
        mention = char_mention(doc_text(subj.doc), subj.idx, subj.idx + len(subj.text))
        key = table.add_local(f"source/{subj.lower_}/{subj.idx}", subj.lower_, ActorKind.GROUP, mention,
                              description=f"{subj.lower_} (not resolved)")
        return Speaker(key, mention)
    return found


def _resolved_speaker(frame: Frame, resolver: SpeakerResolver, outlet: str | None, lex: Lexicon) -> Speaker | None:
    subj = frame.subject
    if subj is None:
        return None
    passive = subj.dep_ == "nsubjpass" and subj.head.i == frame.verb.i  # not "a diplomat who said ... was recalled"
    if subj.lower_ == "it" and passive:
        agent = next((g for c in frame.verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                     None)
        if agent is not None:
            return resolver.resolve(agent)
        place = _in_document(frame.verb, lex)
        if place is not None and outlet is not None:
            return Speaker(outlet, char_mention(doc_text(subj.doc), np_span(place).start_char, np_span(place).end_char))
        return None
    if passive and subj.lower_ not in ("it",):
        agent = next((g for c in frame.verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                     None)  # "she was described by The Guardian as ...": the agent speaks
        return resolver.resolve(agent) if agent is not None else None  # "X was said to ...": X is the topic
    found = resolver.resolve(subj)
    if found is None and subj.lower_ in ("it", "they") and frame.root is not None:
        # "The company delivered 387,000 vehicles ..., it said": the pronoun's antecedent is the subject of
        # the reported clause when that is an organisation described by its kind ("the company")
        inner_subj = next((c for c in frame.root.children if c.dep_ == "nsubj"), None)
        if inner_subj is not None and inner_subj.lemma_.lower() in lex.body_nouns \
                and any(d.lower_ == "the" for d in inner_subj.children):
            antecedent = resolver.resolve(inner_subj)
            if antecedent is not None:
                return Speaker(antecedent.key, char_mention(doc_text(subj.doc), subj.idx, subj.idx + len(subj.text)))
    return found


def _addressee_subject(frame: Frame) -> bool:
    """"I was told that ...", "we were warned to leave": the first person is told, the teller speaks (the
    agent, if named); believing stays the subject's ("I was convinced that")."""
    subj = frame.subject
    return subj.dep_ == "nsubjpass" and subj.head.i == frame.verb.i and frame.kind is not ClaimKind.BELIEF


def _in_document(verb: Token, lex: Lexicon) -> Token | None:
    """"It is noted in the article that": the document noun."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "by"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in lex.document_nouns:
                return pobj
    return None


def _claim(frame: Frame, speaker: Speaker, sdoc: Doc, table: ActorTable, triggers: EventTriggers, lex: Lexicon,
           outlet: str | None) -> Claim:
    text = doc_text(sdoc)
    start, end = frame.content
    content = char_mention(text, start, end)
    span = sdoc.char_span(start, end, alignment_mode="expand")
    reported = _reported_by(frame, speaker, table, outlet)
    about = []
    for _m, key in table.in_span(start, end):
        if key not in about:
            about.append(key)
    about_events = sorted(triggers.inside(start, end))
    return Claim(
        key=f"{start}-{end}", content=content, cue=frame.cue, cue_lemma=frame.lemma, speaker=speaker.key,
        speaker_mention=speaker.mention, reported_by=reported, quote_type=frame.quote_type,
        kind=_kind(frame, speaker, table),
        negated=_negated(frame.root, span), hedges=_hedges(span, content.text, lex), about_actors=tuple(about),
        about_events=tuple(about_events),
    )


class EventTriggers:
    """Event trigger mentions sorted by offset, to find the events a claim's content mentions by bisection."""

    def __init__(self, events: list[Event]) -> None:
        self.spans = sorted((t.start, t.end, e.key) for e in events for t in e.triggers)
        self.starts = [s for s, _, _ in self.spans]

    def inside(self, start: int, end: int) -> set[str]:
        """Keys of the events with a trigger mention wholly inside ``[start, end)``."""
        found = set()
        for i in range(bisect_left(self.starts, start), bisect_left(self.starts, end)):
            if self.spans[i][1] <= end:
                found.add(self.spans[i][2])
        return found


def _kind(frame: Frame, speaker: Speaker, table: ActorTable) -> ClaimKind:
    """The cue's kind; what a poll, a study or data "say" or "conclude" is evidence ("according to the poll",
    "the report concluded that"): a document asserts and believes nothing."""
    actor = table.get(speaker.key)
    if actor is not None and actor.evidence_source and frame.kind in EVIDENCE_KINDS:
        return ClaimKind.EVIDENCE
    return frame.kind


def _reported_by(frame: Frame, speaker: Speaker, table: ActorTable, outlet: str | None) -> tuple[str, ...]:
    """Outermost first: the header outlet, then an outlet the speaker talked to."""
    chain = []
    if outlet is not None and speaker.key != outlet:
        actor = table.get(speaker.key)
        if actor is None or actor.affiliation != outlet:
            chain.append(outlet)
    to = _addressee(frame.verb, table)
    if to is not None and to != speaker.key and to not in chain:
        chain.append(to)
    return tuple(chain)


def _addressee(verb: Token, table: ActorTable) -> str | None:
    """An organisation the speaker spoke to: "told X", "in response to a request from X"."""
    lex = lexicon()
    candidates = []
    if verb.lemma_.lower() in lex.reported_to:
        candidates += [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "to"):
            sub = list(prep.subtree)
            words = {t.lower_ for t in sub}
            if words & {"response", "request", "interview", "told", "statement"} and "from" in words | {"with"}:
                candidates += [t for t in sub if t.dep_ == "pobj" and t.head.lower_ in ("from", "with")]
            elif words & {"interview"}:
                candidates += [t for t in sub if t.dep_ == "pobj" and t.head.lower_ == "with"]
    for cand in candidates:
        key = table.at(cand.idx, cand.idx + len(cand.text))
        actor = table.get(key) if key else None
        if actor is not None and actor.kind == ActorKind.ORGANIZATION:
            return key
    return None


def _negated(root: Token | None, span: Span | None) -> bool:
    if root is None and span is not None and len(span):
        root = span.root
    return root is not None and any(c.dep_ == "neg" for c in root.children)


def _hedges(span: Span | None, content: str, lex: Lexicon) -> tuple[str, ...]:
    found: list[str] = []
    for tok in span or ():
        low, lemma = tok.lower_, tok.lemma_.lower()
        if (tok.tag_ == "MD" and low in lex.modals) or (tok.pos_ == "ADV" and low in lex.hedge_adverbs) \
                or (tok.pos_ == "VERB" and lemma in lex.hedge_verbs):
            found.append(low)
    for pattern in lex.hedge_patterns:
        found += [m.group(0) for m in pattern.finditer(content)]
    return tuple(dict.fromkeys(found))


def _personal_speaker(frame: Frame, inside: ClaimIndex, quotes: Quotes, narrator: Narrator) -> Speaker | None:
    """"I think ...", "you know": inside a quotation, the first person is the quotation's speaker (of the
    claim that contains it, else of the nearest direct quotation) and "you" is nobody in particular;
    outside quotations they are the narrator's (the interviewee, the interviewer or the author)."""
    subj = frame.subject
    mention = char_mention(doc_text(subj.doc), subj.idx, subj.idx + len(subj.text)) if subj is not None else None
    if quotes.containing(frame.cue.start) is not None:
        if subj is not None and subj.lower_ in SECOND_PERSON:
            return None
        outer = inside.containing(frame.cue.start) or inside.nearest_direct(frame.cue.start, NEAR_QUOTE)
        return Speaker(outer.speaker, mention) if outer is not None else None
    if subj is None or subj.lower_ not in FIRST_PERSON | SECOND_PERSON:
        return None  # "me", "us": not the subject of a frame
    outer = inside.containing(frame.cue.start)
    if outer is not None and outer.quote_type == QuoteType.DIRECT:
        return Speaker(outer.speaker, mention)
    key = narrator.speaker(subj)
    return Speaker(key, mention) if key is not None else None


def _nest(claims: list[Claim]) -> list[Claim]:
    """A claim whose cue lies inside another claim's content is part of it, and relayed by its speaker: in
    "The Courier reported that Jansen said X", X's chain is Jansen (source), the Courier (reporter), then
    whoever relays the Courier's claim, outermost first, at most ``MAX_RELAYS`` deep."""
    index = ClaimIndex(claims)
    outer_of = {claim.key: index.containing(claim.cue.start, exclude=claim.key) for claim in claims}
    relays: dict[str, tuple[str, ...]] = {}  # claim key -> its reported_by with the enclosing claims' relays

    def relayed(claim: Claim) -> tuple[str, ...]:
        path, node = [], claim
        while node is not None and node.key not in relays and len(path) <= MAX_RELAYS:
            path.append(node)
            node = outer_of[node.key]
        for embedded in reversed(path):
            outer = outer_of[embedded.key]
            via = (*relays.get(outer.key, outer.reported_by), outer.speaker) if outer is not None else ()
            chain = dict.fromkeys(k for k in (*via, *embedded.reported_by) if k != embedded.speaker)
            relays[embedded.key] = tuple(chain)[-MAX_RELAYS:]
        return relays[claim.key]

    nested = []
    for claim in claims:
        outer = outer_of[claim.key]
        nested.append(replace(claim, part_of=outer.key, reported_by=relayed(claim)) if outer else claim)
    return nested


# -- non-responses -------------------------------------------------------------------
def _non_responses(sdoc: Doc, lex: Lexicon, resolver: SpeakerResolver) -> list[NonResponse]:
    """"declined to comment", "did not respond to inquiries", "could not be reached"."""
    found = []
    cues = lex.non_response_lemmas
    for tok in sdoc:
        lemma = tok.lemma_.lower()
        if lemma not in cues:
            continue
        negated = any(c.dep_ == "neg" for c in tok.children)
        declined = lemma in lex.declined and any(c.dep_ == "xcomp" and c.lemma_.lower() in lex.declined_objects
                                                 for c in tok.children)
        silent = negated and (lemma in lex.silent or (lemma in lex.unreachable and
                              any(c.dep_ == "auxpass" for c in tok.children)))
        if not (declined or silent):
            continue
        subj = subject_of(tok)
        if subj is None:
            continue
        who = resolver.resolve(subj)
        if who is None:
            continue
        parts = [tok, *[c for c in tok.children if c.dep_ in ("aux", "neg", "auxpass", "xcomp")]]
        start = min(t.idx for t in parts)
        end = max(t.idx + len(t.text) for t in parts)
        found.append(NonResponse(key=f"{start}-{end}", actor=who.key, cue=char_mention(doc_text(sdoc), start, end),
                                 declined=declined))
    return found
