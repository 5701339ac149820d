"""Participants of an event from the dependency parse: subjects, objects, possessors, PPs.

Each argument token is resolved to actors over its noun phrase: the named actor it
heads, demonym adjectives ("Russian officials" -> Russia), possessors ("Ukraine's grid"),
coordinated and apposed phrases, and a relative pronoun's antecedent. An actor that
stands for another (a capital or a seat of power used for its government) is replaced
by the actor it stands for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from kgbuild.extract.events_lexicon import EventLexicon
from kgbuild.extract.events_triggers import NOUN_POS, Trigger
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, EventKind, Participant, ParticipantText, Role

__all__ = ["Arguments", "RoleFinder", "governor", "subject_tokens"]

RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
PARTITIVES = {"all", "some", "most", "part", "parts", "rest", "much", "many", "half", "each", "none"}
INCLUDING = {"including", "like"}
PLACE_KINDS = {ActorKind.GPE, ActorKind.LOCATION}
MOTION_KINDS = {EventKind.MOVEMENT, EventKind.ARRIVAL, EventKind.DEPARTURE, EventKind.TRANSPORT,
                EventKind.WITHDRAWAL, EventKind.INVASION}
SUBJECT_DEPS = {"xcomp", "conj", "advcl", "acl"}
TEXT_POS = {"NOUN", "PROPN", "NUM"}  # argument heads kept as text when they name no actor (not pronouns)
RAISING = {"be", "seem", "appear", "happen", "remain", "become"}  # "it seems that": a dummy subject
FIRST_PERSON = {"i", "me", "we", "us"}
_PERSON, _BODY = (ActorKind.PERSON,), (ActorKind.ORGANIZATION, ActorKind.GPE)
PRONOUN_KINDS: dict[str, tuple[ActorKind, ...]] = {
    **dict.fromkeys(("he", "him", "his", "she", "her"), _PERSON),
    **dict.fromkeys(("it", "its"), _BODY),
    **dict.fromkeys(("they", "them", "their"), (*_BODY, ActorKind.GROUP)),
}


def _demonym_lookup() -> Callable[[str, ActorTable], str | None] | None:
    try:
        from kgbuild.extract.actors_places import country_of_demonym
    except ImportError:  # the actor extractor does not provide one
        return None
    return country_of_demonym


def governor(tok: Token, lex: EventLexicon) -> tuple[Token, str] | None:
    """The verb whose object (or passive subject) the event noun ``tok`` is, with its (phrasal) lemma."""
    if tok.dep_ not in ("dobj", "nsubjpass", "attr", "conj") or tok.head.pos_ not in ("VERB", "AUX"):
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
            verb = tok.head.head
            phrasal = f"{verb.lemma_.lower()} {tok.head.lower_}"
            if phrasal in lex.modality_governors or phrasal in lex.governors:
                return verb, phrasal
        return None
    if tok.dep_ == "conj":
        return governor(tok.head, lex) if tok.head.pos_ in ("NOUN", "PROPN") else None
    verb = tok.head
    particle = next((c for c in verb.children if c.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return verb, f"{lemma} {particle.lower_}" if particle is not None else lemma


def subject_tokens(verb: Token, depth: int = 0) -> list[tuple[Token, Role]]:
    """Subjects of ``verb`` (agent; passive subject as patient), inherited through xcomp/conj/purpose clauses."""
    found: list[tuple[Token, Role]] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            found.append((child, Role.AGENT))
        elif child.dep_ == "nsubjpass":
            found.append((child, Role.PATIENT))
        elif child.dep_ == "agent":
            found.extend((pobj, Role.AGENT) for pobj in child.children if pobj.dep_ == "pobj")
    if found or depth >= 3 or verb.dep_ not in SUBJECT_DEPS or verb.head is verb:
        return found
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if verb.dep_ == "advcl" and marks:
        return found
    if verb.dep_ == "acl":  # "a plant owned by GM" (the noun is the patient), "firms making cars" (the agent)
        return [(verb.head, Role.AGENT if verb.tag_ == "VBG" else Role.PATIENT)] if verb.head.pos_ in TEXT_POS else []
    return [(tok, Role.AGENT if role is Role.AGENT or verb.dep_ != "conj" else role)
            for tok, role in subject_tokens(verb.head, depth + 1)]


class RoleFinder:
    """Resolves argument tokens to actor keys and collects an event's participants."""

    def __init__(self, table: ActorTable, lex: EventLexicon, is_event: Callable[[Token], bool],
                 light_verbs: frozenset[str] = frozenset()) -> None:
        self.table = table
        self.light_verbs = light_verbs
        self.lex = lex
        self.is_event = is_event
        self.demonym = _demonym_lookup()

    # -- actors of a noun phrase --------------------------------------------
    def resolve(self, key: str) -> str:
        actor = self.table.get(key)
        if actor is not None and actor.stands_for and actor.stands_for in self.table:
            return actor.stands_for
        return key

    def actor_at(self, tok: Token) -> str | None:
        """The actor named by ``tok`` with its compounds, if one of its mentions covers ``tok``."""
        left = tok
        while True:
            prev = [c for c in left.children if c.dep_ in ("compound", "flat") and c.i < left.i]
            if not prev:
                break
            left = prev[0]
        start, end = left.idx, tok.idx + len(tok.text)
        key = self.table.at(start, end)
        if key is None:
            return None
        if not any(k == key and m.end > tok.idx for m, k in self.table.overlapping(start, end)):
            return None
        return key

    def pronoun_actor(self, tok: Token) -> str | None:
        """The actor a third-person pronoun most likely refers to: the nearest earlier mention, in this
        sentence or the one before, of an actor of a kind the pronoun can stand for ("he" a person,
        "it" an organisation or a state, "they" an organisation, state or group)."""
        kinds = PRONOUN_KINDS.get(tok.lower_)
        if kinds is None:
            return None
        clause = tok.head
        if tok.lower_ == "it" and _expletive(clause):
            return None  # "it is noted that ...", "it seems that ...": no referent
        # "Crimea, which it annexed": a pronoun in a relative clause is not the noun the clause modifies
        blocked = self.actor_at(clause.head) if clause.dep_ == "relcl" else None
        sent = tok.sent
        start = sent.start_char
        if sent.start > 0:
            start = tok.doc[sent.start - 1].sent.start_char
        for _mention, key in reversed(self.table.in_span(start, tok.idx)):
            actor = self.table.get(key)
            if actor is not None and actor.kind in kinds and not actor.anonymous and key != blocked:
                return key
        return None

    def demonym_actor(self, tok: Token) -> str | None:
        if self.demonym is None or not tok.text[:1].isupper():
            return None
        return self.demonym(tok.text, self.table)

    def np_actors(self, tok: Token, *, possessors: bool = True, depth: int = 0) -> list[str]:
        """Actors a noun phrase headed by ``tok`` denotes or is anchored to."""
        if depth > 4:
            return []
        if tok.lower_ in RELATIVE_PRONOUNS:
            clause = tok.head
            while clause.dep_ == "conj" and clause.head is not clause:
                clause = clause.head
            if clause.dep_ == "relcl":
                return self.np_actors(clause.head, possessors=possessors, depth=depth + 1)
        if tok.pos_ == "PRON":
            found = self.pronoun_actor(tok)
            return [self.resolve(found)] if found else []
        keys: list[str] = []
        key = self.actor_at(tok)
        if key is None and tok.pos_ in ("PROPN", "NOUN") and tok.dep_ not in ("amod",):
            key = self.demonym_actor(tok) if tok.tag_ in ("NNPS", "NNS", "NNP") else None
        if key is not None:
            keys.append(self.resolve(key))
        for child in tok.children:
            keys.extend(self._child_actors(tok, child, key, possessors, depth))
        return list(dict.fromkeys(keys))

    def _child_actors(self, tok: Token, child: Token, key: str | None, possessors: bool, depth: int) -> list[str]:
        dep = child.dep_
        if dep in ("amod", "compound") and key is None and child.i < tok.i:
            found = self.actor_at(child) or self.demonym_actor(child)
            keys = [self.resolve(found)] if found else []
            for conj in child.children:
                if conj.dep_ == "conj":
                    other = self.actor_at(conj) or self.demonym_actor(conj)
                    keys.extend([self.resolve(other)] if other else [])
            return keys
        if dep == "poss" and possessors:
            return self.np_actors(child, depth=depth + 1)
        if dep == "conj" or (dep == "appos" and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","):
            return self.np_actors(child, possessors=possessors, depth=depth + 1)
        if dep == "prep" and (child.lower_ in INCLUDING or (child.lower_ == "of" and tok.lower_ in PARTITIVES)):
            return [k for pobj in child.children if pobj.dep_ == "pobj"
                    for k in self.np_actors(pobj, possessors=possessors, depth=depth + 1)]
        return []

    # -- participants of a trigger ------------------------------------------
    def participants(self, trig: Trigger) -> Arguments:
        """Participants (actors by role), instrument texts and the texts of arguments that are no actor."""
        out = Arguments()
        head = trig.head
        if trig.verbal:
            self._verbal(head, trig, out)
            self._preps(head, trig, out)
            for obj in (c for c in head.children if c.dep_ == "dobj"):
                self._preps(obj, trig, out, only=self.lex.instrument_prepositions)
        else:
            self._nominal(head, trig, out)
            self._preps(head, trig, out)
            gov = governor(head, self.lex)
            if gov is not None:
                self._governed(head, gov, trig, out)
        return out

    def _argument(self, tok: Token, role: Role, out: Arguments, *, possessors: bool = True) -> None:
        """The actors of the noun phrase ``tok`` in ``role``, or its words when it names none."""
        if self.is_event(tok):
            return
        keys = self.np_actors(tok, possessors=possessors)
        if keys:
            out.found.extend((k, role) for k in keys)
        elif tok.pos_ in TEXT_POS and tok.lower_ not in RELATIVE_PRONOUNS:
            out.texts.append(ParticipantText(_phrase(tok), role))
        elif tok.lower_ in FIRST_PERSON:  # "we cut jobs": the speaker of the quote (events_statements)
            out.texts.append(ParticipantText(tok.text, role))

    def _verbal(self, verb: Token, trig: Trigger, out: Arguments) -> None:
        pred = trig.predicate
        for tok, role in subject_tokens(verb):
            if role is Role.AGENT and pred is not None and not pred.has_agent:
                role = Role.PATIENT  # "prices fell", "the company went bankrupt": no proto-agent
            self._argument(tok, role, out, possessors=False)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects:
            siblings = [verb.head] if verb.dep_ == "conj" else []
            siblings += [c for c in verb.children if c.dep_ == "conj"]
            objects = [c for s in siblings for c in s.children if c.dep_ == "dobj"]
        for obj in objects:
            self._argument(obj, Role.PATIENT, out)
        for dative in (c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"):
            self._argument(dative, Role.RECIPIENT, out)

    def _nominal(self, noun: Token, trig: Trigger, out: Arguments) -> None:
        pred = trig.predicate
        has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        for child in noun.children:
            if child.i >= trig.start and child.i < trig.end:
                continue
            if child.dep_ == "poss":
                patient = trig.kind in self.lex.patient_possessor_kinds or (
                    pred is not None and not pred.has_agent and not has_of)
                role = Role.PATIENT if patient else Role.AGENT
                out.found.extend((k, role) for k in self.np_actors(child, possessors=False))
            elif child.dep_ in ("compound", "nmod", "amod") and child.i < noun.i:
                for key in self._modifier_actors(child):
                    actor = self.table.get(key)
                    is_place = actor is not None and actor.kind in PLACE_KINDS and self.actor_at(child) is not None
                    out.found.append((key, Role.PLACE if is_place else Role.AGENT))

    def _modifier_actors(self, child: Token) -> list[str]:
        found = self.actor_at(child) or self.demonym_actor(child)
        keys = [self.resolve(found)] if found else []
        for conj in (c for c in child.children if c.dep_ == "conj"):
            other = self.actor_at(conj) or self.demonym_actor(conj)
            keys.extend([self.resolve(other)] if other else [])
        return keys

    def _governed(self, noun: Token, gov: tuple[Token, str], trig: Trigger, out: Arguments) -> None:
        verb, lemma = gov
        role = self.lex.light_verbs.get(lemma) or self.lex.governors.get(lemma)
        if role is None and verb.lemma_.lower() in self.light_verbs and noun.dep_ in ("dobj", "attr"):
            role = Role.AGENT  # a light verb of PropBank's constructions: "GM made an offer"
        if role is None or noun.dep_ == "nsubjpass":
            return
        for tok, _ in subject_tokens(verb):
            out.found.extend((k, role) for k in self.np_actors(tok, possessors=False))
        if lemma in self.lex.light_verbs or verb.lemma_.lower() in self.light_verbs:
            self._preps(verb, trig, out)

    def _preps(self, head: Token, trig: Trigger, out: Arguments, only: frozenset[str] | None = None) -> None:
        goal = trig.predicate is not None and trig.predicate.has_goal
        for prep in head.children:
            is_prep = prep.dep_ in ("prep", "agent") or (prep.dep_ == "dative" and prep.pos_ == "ADP")  # "sold X to Y"
            if not is_prep or (only is not None and prep.lower_ not in only):
                continue
            role = self.lex.prepositions.get(prep.lower_)
            if prep.lower_ == "of" and trig.verbal:
                continue
            if prep.lower_ == "to" and goal and trig.kind not in MOTION_KINDS:
                role = Role.RECIPIENT  # "sold Volvo to Geely"; "came to the United States" is a destination
            for pobj in (c for c in prep.children if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.pos_ in NOUN_POS)):
                keys = self.np_actors(pobj, possessors=role is not Role.PLACE)
                if keys and role is not None:
                    out.found.extend((k, self._place_role(k, role)) for k in keys)
                elif not keys and prep.lower_ in self.lex.instrument_prepositions and \
                        trig.kind in self.lex.instrument_kinds and pobj.pos_ in ("NOUN", "PROPN"):
                    out.instruments.append(_phrase(pobj))
                elif not keys and (role is Role.RECIPIENT or (prep.lower_ == "of" and not trig.verbal)) \
                        and pobj.pos_ in TEXT_POS and not self.is_event(pobj):
                    out.texts.append(ParticipantText(_phrase(pobj), role))

    def _place_role(self, key: str, role: Role) -> Role:
        actor = self.table.get(key)
        if role is Role.PLACE and (actor is None or actor.kind not in PLACE_KINDS):
            return Role.PARTICIPANT
        return role


@dataclass
class Arguments:
    """What the parse says about one trigger mention's arguments."""

    found: list[tuple[str, Role]] = field(default_factory=list)  # (actor key, role), first role wins
    instruments: list[str] = field(default_factory=list)
    texts: list[ParticipantText] = field(default_factory=list)

    def participants(self) -> list[Participant]:
        seen: dict[str, Role] = {}
        for key, role in self.found:
            seen.setdefault(key, role)
        return [Participant(key, role) for key, role in seen.items()]

    def text_participants(self) -> list[ParticipantText]:
        return list(dict.fromkeys(self.texts))

    def instrument_texts(self) -> list[str]:
        return list(dict.fromkeys(self.instruments))


def _phrase(tok: Token) -> str:
    """The text of a noun phrase without its relative clauses and trailing punctuation."""
    skip = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    words = [t for t in tok.subtree if t.i not in skip]
    while words and words[-1].is_punct:
        words.pop()
    return tok.doc[words[0].i:words[-1].i + 1].text if words else tok.text


def _expletive(clause: Token) -> bool:
    """Whether "it" as subject of ``clause`` is a dummy: a passive or copular/raising verb with a clausal
    complement ("it is noted that", "it was reported that", "it seems that", "it is likely to")."""
    if not any(c.dep_ in ("ccomp", "xcomp", "csubj", "csubjpass") for c in clause.children):
        return False
    return clause.lemma_.lower() in RAISING or any(c.dep_ == "auxpass" for c in clause.children)
