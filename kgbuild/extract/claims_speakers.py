"""Who is speaking: noun phrases and pronouns -> actor keys, anonymous sources as actors.

Named speakers are looked up in the ``ActorTable`` (filled by the actor extractor);
anonymous descriptions ("a diplomat involved in the talks") become document-local
actors; pronouns and definite descriptions ("He", "The diplomat", "the newspaper")
refer back to the most recent compatible source.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kgbuild.extract.actors import country_of_demonym
from kgbuild.extract.claims_lexicon import Lexicon
from kgbuild.extract.events_lexicon import event_lexicon
from kgbuild.extract.names import clean_name, normalise
from kgbuild.extract.spans import char_mention, doc_text
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Mention

__all__ = ["Speaker", "SpeakerResolver", "np_span"]

DEFINITE = {"the", "this", "that", "these", "those"}
INDEFINITE = {"a", "an", "another", "one", "some", "any"}
SINGULAR_PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "thing"}
PLURAL_PRONOUNS = {"they", "them"}
# Pronouns that never name a source by themselves: "That said, ...", "which shows that", generic "you know".
NOT_SOURCES = {"that", "this", "these", "those", "which", "what", "whatever", "who", "whom", "you", "one"}
PERSONISH = {ActorKind.PERSON, ActorKind.GROUP}
RECENT_CHARS = 600  # a pronoun prefers a speaker this close over a mere mention


@dataclass(frozen=True)
class Speaker:
    key: str
    mention: Mention | None


@dataclass
class _Seen:
    pos: int
    key: str
    plural: bool
    role: str | None
    head: str | None = None


def np_span(tok: Token) -> Span:
    """The noun phrase headed by ``tok``, without relative clauses after a comma, without a clause subject
    the parser hung on it (see ``stray_subject``) and without trailing punctuation."""
    doc = tok.doc
    end = tok.right_edge.i
    for child in tok.subtree:
        if child.i > tok.i and child.dep_ in ("relcl", "appos", "acl") and doc[child.left_edge.i - 1].text == "," \
                and (child.dep_ != "appos" or stray_subject(child)):
            end = min(end, child.left_edge.i - 2)
        elif child.head.i == tok.i and child.dep_ in ("acl", "relcl") \
                and any(g.dep_ == "ccomp" for g in child.children):
            end = min(end, child.left_edge.i - 1)  # "a poll [showing that ...]": the clause is what it says
    start = tok.left_edge.i
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start: end + 1]


def stray_subject(appos: Token) -> bool:
    """"According to data from X, Tesla's share ... slipped": the parser made the clause's subject an
    apposition after a comma; the verb right after it has no subject of its own."""
    doc = appos.doc
    nxt = appos.right_edge.i + 1
    if nxt >= len(doc) or doc[nxt].pos_ not in ("VERB", "AUX"):
        return False
    verb = doc[nxt] if doc[nxt].dep_ not in ("aux", "auxpass") else doc[nxt].head
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


class SpeakerResolver:
    """Resolves speaker noun phrases in text order, remembering the sources seen so far."""

    def __init__(self, table: ActorTable, lex: Lexicon, default_outlet: str | None) -> None:
        self.table = table
        self.lex = lex
        self.default_outlet = default_outlet
        self.seen: list[_Seen] = []

    # -- public ----------------------------------------------------------------
    def resolve(self, tok: Token) -> Speaker | None:
        """The speaker denoted by the noun phrase headed by ``tok``."""
        span = np_span(tok)
        m = char_mention(doc_text(tok.doc), span.start_char, span.end_char)
        low = tok.lower_
        acronym = tok.is_upper and len(tok) > 1  # "WHO" is an organisation
        if low in self.lex.quantifier_pronouns and tok.dep_ in ("nsubj", "nsubjpass"):
            key = self._local(tok, span, anonymous=True)  # "Some warned that ...", "others said ..."
            self.remember(key, span.start_char, tok)
            return Speaker(key, m)
        if low in NOT_SOURCES and tok.pos_ in ("PRON", "DET") and not acronym:
            return None
        if (tok.pos_ == "PRON" and not acronym) or low in SINGULAR_PRONOUNS or low in PLURAL_PRONOUNS:
            key = self._pronoun(low, span.start_char)
            return Speaker(key, m) if key else None
        key = self._named(tok, span)
        if key is None:
            key = self._description(tok, span)
        if key is None:
            return None
        self.remember(key, span.start_char, tok)
        return Speaker(key, m)

    def remember(self, key: str, pos: int, tok: Token | None = None) -> None:
        plural = tok is not None and (tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("people", "police"))
        actor = self.table.get(key)
        self.seen.append(_Seen(pos, key, plural or bool(actor and actor.number), actor.source_role if actor else None,
                               tok.lemma_.lower() if tok is not None else None))

    # -- named actors ----------------------------------------------------------
    def _named(self, tok: Token, span: Span) -> str | None:
        """An actor of the table whose mention covers the head word, or a bare proper name."""
        start, end = tok.idx, tok.idx + len(tok.text)
        best = None
        for m, key in self.table.in_span(span.start_char, span.end_char):
            if m.start <= start and end <= m.end and (best is None or (m.end - m.start) > best[0]):
                best = (m.end - m.start, key)
        if best:
            return best[1]
        # "Governor of Washington Chris Gregoire", "team member Rodaba Noori": a title phrase
        # whose head is not the name, closed by the person's name
        for m, key in self.table.in_span(span.start_char, span.end_char):
            actor = self.table.get(key)
            if m.end == span.end_char and actor is not None and actor.kind is ActorKind.PERSON:
                return key
        key = self.table.at(start, end)
        if key is not None:
            return key
        if tok.pos_ == "PROPN" and all(t.pos_ in ("PROPN", "DET", "PUNCT") or t.dep_ == "compound" for t in span):
            name = clean_name(span.text)
            if name:
                kind = ActorKind.PERSON if tok.ent_type_ in ("", "PERSON") else ActorKind.ORGANIZATION
                mention = char_mention(doc_text(tok.doc), span.start_char, span.end_char)
                known = self._person_by_surname(name) if kind is ActorKind.PERSON else None
                if known is not None:  # "Musk wrote" after "Chief executive Elon Musk"
                    self.table.add_mention(known, mention)
                    return known
                return self.table.add_named(name, kind, mention)
        return None

    def _person_by_surname(self, name: str) -> str | None:
        """The one person of the document whose full name ends with ``name`` (a lone surname), if any."""
        words = name.split()
        found = [key for key in self.table if (a := self.table.get(key)) is not None
                 and a.kind is ActorKind.PERSON and len(a.name.split()) > len(words)
                 and a.name.split()[-len(words):] == words]
        return found[0] if len(found) == 1 else None

    # -- pronouns --------------------------------------------------------------
    def _pronoun(self, low: str, pos: int) -> str | None:
        if low in PLURAL_PRONOUNS:
            return self._recent(pos, lambda s, a: s.plural or a.kind in (ActorKind.ORGANIZATION, ActorKind.GPE))
        if low == "it":
            return self._recent(pos, lambda s, a: a.kind in (ActorKind.ORGANIZATION, ActorKind.GPE)
                                or (not s.plural and s.head in self.lex.body_nouns)) \
                or self._recent_mention(pos, (ActorKind.ORGANIZATION,))
        near = self._recent(pos, lambda s, a: not s.plural and a.kind in PERSONISH, within=RECENT_CHARS)
        return near or self._recent_mention(pos, (ActorKind.PERSON,)) or \
            self._recent(pos, lambda s, a: not s.plural and a.kind in PERSONISH)

    def _recent(self, pos: int, ok, within: int | None = None) -> str | None:
        for s in reversed(self.seen):
            if s.pos >= pos or (within is not None and pos - s.pos > within):
                continue
            actor = self.table.get(s.key)
            if actor is not None and ok(s, actor):
                return s.key
        return None

    def _recent_mention(self, pos: int, kinds: tuple[ActorKind, ...]) -> str | None:
        found = [(m.start, key) for m, key in self.table.in_span(max(0, pos - 3000), pos)
                 if (a := self.table.get(key)) is not None and a.kind in kinds]
        return max(found)[1] if found else None

    # -- descriptions ------------------------------------------------------------
    def _description(self, tok: Token, span: Span) -> str | None:
        head = tok.lemma_.lower()
        words = [t.lower_ for t in span]
        det = next((t.lower_ for t in tok.lefts if t.dep_ in ("det", "predet")), None)
        poss = [c for c in tok.children if c.dep_ == "poss"]
        lex = self.lex
        if head in lex.outlet_nouns and det in DEFINITE and not poss:
            return self._recent(span.start_char, lambda s, a: a.kind == ActorKind.ORGANIZATION) \
                or self.default_outlet or self._local(tok, span, anonymous=False)
        if head in lex.document_nouns and poss:
            owner = self.table.at(poss[0].left_edge.idx, poss[0].idx + len(poss[0].text))
            if owner:
                return owner
        if head in lex.document_nouns and det in DEFINITE and head == "article" and self.default_outlet:
            return self.default_outlet
        if head in lex.source_nouns and det in DEFINITE and not poss:
            earlier = self._antecedent(head, span.start_char)
            if earlier:
                return earlier
        if tok.pos_ not in ("NOUN", "PROPN") or not words or not self._can_speak(tok):
            return None
        if tok.is_title and len(span) == 1:  # "Wilkins observed that" after "Kristen Wilkins", tagged as a noun
            known = self._person_by_surname(tok.text)
            if known is not None:
                self.table.add_mention(known, char_mention(doc_text(tok.doc), span.start_char, span.end_char))
                return known
        return self._local(tok, span, anonymous=head in lex.source_nouns)

    def _can_speak(self, tok: Token) -> bool:
        """Not times, abstractions or events: "weeks of wrangling threatened to", "the deal showed that"."""
        head, lex = tok.lemma_.lower(), self.lex
        if head in lex.source_nouns or head in lex.body_nouns:
            return True
        return not (head in lex.mute_nouns or head in event_lexicon().nouns
                    or (head.endswith("ing") and not tok.is_title))

    def _antecedent(self, head: str, pos: int) -> str | None:
        """"The diplomat" -> the last diplomat; "the person" / "the source" -> the last source nearby."""
        plural = head in ("people", "sources")
        if head in self.lex.generic_nouns:
            near = self._recent(pos, lambda s, a: a.anonymous and s.plural == plural, within=RECENT_CHARS // 2)
            if near:
                return near
        same = self._recent(pos, lambda s, a: a.anonymous and a.source_role == head)
        if same or head not in self.lex.generic_nouns:
            return same
        return self._recent(pos, lambda s, a: a.anonymous and s.plural == plural)

    def _local(self, tok: Token, span: Span, *, anonymous: bool) -> str:
        """A document-local source: one node per description as written."""
        text = doc_text(tok.doc)
        name = clean_name(span.text)
        lead = name.split(" ", 1)
        if len(lead) == 2 and lead[0].lower() in INDEFINITE:
            name = lead[1]
        number = next((c.text for c in tok.children if c.dep_ == "nummod" or (c.lower_ in self.lex.number_words
                       and c.dep_ in ("det", "amod", "nummod"))), None)
        after = [t for t in span if t.i > tok.i]
        qualifier = clean_name(text[after[0].idx: span.end_char]) if after else None
        key = f"source/{normalise(name).replace(' ', '-')}"
        if self._indefinite(tok) and key in self.table:
            key = f"{key}/{span.start_char}"
        if tok.lemma_.lower() in self.lex.document_nouns or tok.lower_ in self.lex.document_nouns:
            # "a poll published on Monday", "the ruling", "data from the census": a source that is no one
            return self.table.add_local(key, name, ActorKind.OTHER, char_mention(text, span.start_char, span.end_char),
                                        evidence_source=True, qualifier=qualifier or None,
                                        affiliation=self._affiliation(tok))
        return self.table.add_local(
            key, name, ActorKind.GROUP, char_mention(text, span.start_char, span.end_char), anonymous=anonymous,
            description=clean_name(span.text) if anonymous else None, source_role=tok.lemma_.lower() if anonymous
            else None, number=number, qualifier=qualifier or None, affiliation=self._affiliation(tok))

    def _indefinite(self, tok: Token) -> bool:
        return any(c.lower_ in INDEFINITE or c.dep_ == "nummod" for c in tok.lefts) or tok.tag_ in ("NNS",)

    def _affiliation(self, tok: Token) -> str | None:
        """The place or body a source belongs to: a demonym or a named modifier in the phrase."""
        for child in tok.lefts:
            if child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            start, end = child.left_edge.idx, child.idx + len(child.text)
            key = self.table.at(start, end)
            if key is None and child.dep_ == "amod":
                key = country_of_demonym(child.text, self.table)
            if key is not None:
                return key
        return None
