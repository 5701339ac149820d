"""Claims: who said what, according to whom.

For every reporting cue (a verb of the lexicon with a clausal complement or an
adjacent quotation, "according to X", "made it clear that", "called this "..."") the
content is the proposition without its frame, the speaker is resolved to an actor
(anonymous sources become actors of their own), and the reporting chain comes from
header lines ("Source: X with reference to ...") and "in response to a request from X".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from kgbuild.extract.claims_complements import infinitive_span, of_complement, parenthetical_span, prepositional_cue
from kgbuild.extract.claims_frame import (
    CLAUSAL,
    FINITE,
    FRAME_GAP,
    SUBJECTS,
    Frame,
    clause_without,
    content_span,
    governs,
    has_that,
    quote_type,
)
from kgbuild.extract.claims_index import ClaimIndex, Quotes
from kgbuild.extract.claims_lexicon import Lexicon, lexicon
from kgbuild.extract.claims_narrator import FIRST_PERSON, SECOND_PERSON, Narrator, find_narrator
from kgbuild.extract.claims_nominal import as_frame, nominal_frame, view_frame
from kgbuild.extract.claims_quotes import QuoteSpan, find_headers, find_quotes, inner, trim
from kgbuild.extract.claims_speakers import Speaker, SpeakerResolver, np_span
from kgbuild.extract.names import clean_name
from kgbuild.extract.spans import char_mention, doc_text, sentence_of
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Claim, ClaimKind, Document, Event, NonResponse, QuoteType

__all__ = ["FoundClaims", "find_claims"]

PERSONAL = FIRST_PERSON | SECOND_PERSON
UNRESOLVED = frozenset({"he", "she", "they"})  # pronouns that stay the source when nothing resolves them
RELATIVES = frozenset({"where", "when", "which", "who", "whom", "whose"})
NEAR_QUOTE = 1500  # "I think" in a quotation without a frame: a direct quotation's claim this near



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
    claims: list[Claim] = []
    pending: list[Frame] = []
    used: set[tuple[int, int]] = set()
    for frame in frames:
        if frame.content in used or frame.content[0] >= frame.content[1]:
            continue
        if frame.subject is not None and frame.subject.lower_ in PERSONAL:
            pending.append(frame)
            continue
        if frame.lemma in lex.pronoun_subjects and (frame.subject is None or frame.subject.lower_ not in UNRESOLVED):
            continue
        speaker = _speaker(frame, resolver, outlet, lex, table)
        if speaker is None:
            continue
        used.add(frame.content)
        claims.append(_claim(frame, speaker, sdoc, table, events, lex, outlet))
    inside = ClaimIndex(claims)
    for frame in pending:
        if frame.content in used:
            continue
        speaker = _personal_speaker(frame, inside, quotes, narrator)
        if speaker is None:
            continue
        used.add(frame.content)
        claims.append(_claim(frame, speaker, sdoc, table, events, lex, outlet))
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
    return any(min(m.end, end) - max(m.start, start) >= (end - start) // 2 for m in table.mentions_of(key))


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
            frames += _verb_frames(tok, lex, quotes) or _adjective_frames(tok, lex, quotes)
    return frames


def _verb_frames(tok: Token, lex: Lexicon, quotes: Quotes) -> list[Frame]:
    """A reporting verb with a clausal complement or adjacent quotations (before, after or both)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
        return []
    cue_end, cue_lemma, comp = tok.idx + len(tok.text), lemma, None
    span: tuple[int, int] | None = None
    kind = lex.kind(lemma)
    prepositional = prepositional_cue(tok, lex)
    if prepositional is not None:
        prep, kind, span = prepositional
        cue_end, cue_lemma = prep.idx + len(prep.text), f"{lemma} {prep.lower_}"
    elif lemma in lex.object_cues:
        found = _object_cue(tok, lex.object_cues[lemma])
        if found is None:
            return []
        word, comp = found
        cue_end, cue_lemma = word.idx + len(word.text), f"{lemma} {word.lower_}"
    elif lemma in lex.phrasal:
        prt = next((c for c in tok.children if c.dep_ == "prt" and c.lower_ in lex.phrasal[lemma]), None)
        if prt is None:
            return []
        cue_end, cue_lemma = prt.idx + len(prt.text), f"{lemma} {prt.lower_}"
        comp = _complement(tok, xcomp=False)
    elif lemma in lex.verbs:
        comp = _complement(tok, xcomp=lemma in lex.xcomp_verbs)
    else:
        return []
    deps = {c.dep_ for c in tok.children}
    if "auxpass" in deps and not deps & {"agent", "nsubjpass"}:
        return []  # "nobody wants to be blamed for ...": the subject is the target, not the source
    text = doc_text(tok.doc)
    cue = char_mention(text, tok.idx, cue_end)
    subject = _subject(tok)
    if cue_lemma != lemma:
        kind = lex.kind(cue_lemma, kind)
    frames = [Frame(cue, cue_lemma, inner(text, q), QuoteType.DIRECT, subject, None, tok, kind)
              for q in _adjacent_quotes(text, quotes, tok, subject, comp)]
    if frames:
        return frames
    if span is None and comp is not None:
        if comp.dep_ != "xcomp" and not _proposition(comp):
            return []
        if lemma in lex.that_only and comp.dep_ != "xcomp" and not has_that(comp):
            return []  # "saw the car hit the wall", "will see whether it works": perception, not attribution
        span = infinitive_span(tok, comp) if comp.dep_ == "xcomp" else content_span(comp, _is_report)
        if comp.dep_ == "xcomp" and kind is ClaimKind.ASSERTION:
            kind = ClaimKind.DIRECTIVE  # "told them to leave"
    if span is None:
        span = _that_clause(tok) or of_complement(tok, lex, kind) or parenthetical_span(tok, kind)
    if span is None and comp is None:
        fronted = _fronted_content(tok)
        if fronted is not None:
            span, subject = fronted
    if span is None or span[1] <= span[0] or span[0] <= tok.idx < span[1]:
        return []
    return [Frame(cue, cue_lemma, span, quote_type(quotes, *span), subject, comp, tok, kind)]


def _proposition(comp: Token) -> bool:
    """A clause that states something: a finite verb ("that he left", "he had left"), a subjunctive after
    "that" ("demanded that he resign"), a verbless answer in a question; not a bare or to-infinitive
    ("hear me speak", "consider your results to be") nor a stray word ("by the way")."""
    if comp.pos_ not in ("VERB", "AUX"):
        return False
    if comp.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in comp.children):
        return True
    subject = any(c.dep_ in SUBJECTS for c in comp.children)
    return subject and (any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in comp.children)
                        or any(c.tag_ in ("WDT", "WP", "WRB") for c in comp.lefts))


def _fronted_content(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """"Air strikes killed 30 people on Sunday, health officials said, as talks stalled.": the parser
    took the reported clause for the verb's subject. When the verb's subject follows a comma and a
    clause with its own verb precedes that comma, that clause is the content and the subject the speaker."""
    doc = tok.doc
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS and c.i < tok.i]
    if not subjects:
        return None
    speaker = max(subjects, key=lambda c: c.i)
    comma = speaker.left_edge.i - 1
    sent = sentence_of(tok)
    start = sent.start
    while start < comma and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if comma == sent.start and comma > 0 and doc[comma].text == "," and _run_on(doc[comma - 1]):
        # the parser ended a sentence at the comma: "Air strikes killed 30 people on Sunday, | officials said"
        previous = sentence_of(doc[comma - 1])
        if any(t.pos_ in ("VERB", "AUX") for t in previous):
            last = doc[comma - 1]
            return trim(doc_text(doc), previous.start_char, last.idx + len(last.text)), speaker
        return None
    if comma <= start or doc[comma].text != "," or speaker.right_edge.i + 1 != tok.i:
        return None
    if any(c.dep_ in ("dobj", "attr", "oprd", "acomp", "xcomp") for c in tok.rights):
        return None  # "..., the study shows progress": the verb has its own object, it frames nothing
    before = doc[start:comma]
    if not any(t.tag_ in FINITE for t in before):  # a clause with a finite verb, not "According to X,"
        return None
    if any(not governs(tok, t) for t in before):  # the words must hang from this verb, not another clause
        return None
    last = doc[comma - 1]
    return trim(doc_text(doc), doc[start].idx, last.idx + len(last.text)), speaker


def _run_on(tok: Token) -> bool:
    """``tok`` ends a sentence only because the parser said so: no final punctuation, no line break."""
    return not tok.is_punct and not tok.is_space and "\n" not in tok.whitespace_


def _that_clause(tok: Token) -> tuple[int, int] | None:
    """"observed that ..." when the parser lost the clause: the rest of the verb's phrase."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "that" or nxt.dep_ not in ("mark", "dobj") or tok.right_edge.i <= nxt.i:
        return None
    last = doc[tok.right_edge.i]
    return trim(doc_text(doc), doc[nxt.i + 1].idx, last.idx + len(last.text))


def _adjective_frames(tok: Token, lex: Lexicon, quotes: Quotes) -> list[Frame]:
    """"I'm disappointed that ...", "officials are confident that ...": a stance with a clause."""
    if tok.pos_ != "ADJ" or tok.lower_ not in lex.adjectives or tok.dep_ not in ("acomp", "amod", "oprd"):
        return []
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None or tok.head.lemma_ != "be":
        return []
    subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    span = content_span(comp, _is_report)
    if subject is None or span[1] <= span[0]:
        return []
    cue = char_mention(doc_text(tok.doc), tok.idx, tok.idx + len(tok.text))
    return [Frame(cue, tok.lower_, span, quote_type(quotes, *span), subject, comp, tok,
                  lex.kind(tok.lower_, ClaimKind.BELIEF))]


def _object_cue(tok: Token, words: frozenset[str]) -> tuple[Token, Token | None] | None:
    """"made it clear that ...", "expressed skepticism that ...": the cue word and the clause."""
    for child in tok.children:
        if child.lower_ in words and child.dep_ in ("ccomp", "acomp", "oprd", "dobj", "xcomp", "advmod", "attr"):
            comp = next((g for g in child.children if g.dep_ in ("ccomp", "acl", "advcl", "relcl")
                         and any(m.lower_ == "that" and m.dep_ == "mark" for m in g.children)), None)
            comp = comp or next((g for g in tok.children if g.dep_ == "ccomp" and g.i != child.i), None)
            if comp is not None:
                return child, comp
    return None


def _complement(tok: Token, *, xcomp: bool) -> Token | None:
    """The reported clause: a ccomp, a clause before a final frame (", he said."), an infinitive
    for promise-like verbs, or a that-clause the parser hung under a prepositional phrase."""
    for child in tok.children:
        if child.dep_ in CLAUSAL and (child.i > tok.i or _final_frame(tok)) and _reported(child, tok):
            return child
    if xcomp:
        found = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if found is not None:
            return found
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.i > tok.i:
            for t in prep.subtree:
                if t.dep_ in ("acl", "ccomp", "relcl") and has_that(t) \
                        and t.head.lemma_.lower() not in lexicon().content_nouns:
                    return t  # "said in a statement that ...", not "agreed on condition that ..."
    return None


def _reported(clause: Token, verb: Token) -> bool:
    """A clause the verb reports: a complement, but not a relative clause after a comma ("taught at X, where
    he became ..."); a paratactic clause only after a colon or a dash ("said: ...") or before the verb
    (", he said")."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    if clause.i > verb.i and before is not None and before.text == "," and clause.left_edge.lower_ in RELATIVES:
        return False  # "taught at Berkeley, where he became ...": a relative clause the parser took for a complement
    if clause.dep_ != "parataxis" or clause.i < verb.i:
        return True
    return before is not None and before.text in (":", "\u2014", "-", "--")


def _final_frame(tok: Token) -> bool:
    """The verb closes its sentence after the reported clause: "..., officials said (on Tuesday)."; a verb
    with an object of its own closes nothing ("More readers means more editors"), unless the object is
    the addressee ("..., he told reporters")."""
    if any(c.dep_ == "dobj" for c in tok.rights) and tok.lemma_.lower() not in lexicon().reported_to:
        return False
    return not any(c.dep_ in ("xcomp", "ccomp", "conj", "oprd", "acomp", "attr") for c in tok.rights)


def _subject(tok: Token) -> Token | None:
    """The grammatical subject, inherited through conjunction and participles ("..., saying that")."""
    cur, raised = tok, False
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                return cur.head
            if raised and subj.lower_ == "it" and cur.lemma_ == "be":
                return None  # "it is reasonable to assume that": nobody assumes
            return subj
        # "X know that A, know that B and know that C": the parser made the first conjunct a clause
        # of the second, which lost its subject
        first = next((c for c in cur.lefts if c.dep_ in ("ccomp", "conj") and c.lemma_ == cur.lemma_), None)
        if first is not None and any(c.dep_ == "nsubj" for c in first.children):
            return next(c for c in first.children if c.dep_ == "nsubj")
        agent = next((c for c in cur.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if cur.dep_ == "conj" and cur.head.dep_ == "ccomp" and _is_report(cur):
            cur = cur.head.head  # "X said that A and noted that B": B's cue is conjoined to the report
            continue
        if (cur.dep_ in ("conj", "advcl", "xcomp") or (raised and cur.dep_ == "acomp")) and cur.head.i != cur.i:
            raised = raised or cur.dep_ == "xcomp"  # "we are realistic enough to realize that"
            cur = cur.head
            continue
        return _preceding_nominal(cur)
    return None


def _is_report(tok: Token) -> bool:
    """A reporting verb with its own clause."""
    return tok.lemma_.lower() in lexicon().verbs and any(c.dep_ == "ccomp" for c in tok.children)


def _preceding_nominal(verb: Token) -> Token | None:
    """A subject the parser attached elsewhere: the noun phrase that ends right before the verb."""
    doc = verb.doc
    i = verb.i - 1
    while i >= sentence_of(verb).start and (doc[i].dep_ in ("aux", "advmod", "neg", "auxpass") or doc[i].is_punct):
        i -= 1
    if i < sentence_of(verb).start or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    tok = doc[i]
    while tok.dep_ not in ("appos", "nsubj", "npadvmod") and tok.head.i != tok.i and tok.head.i < verb.i:
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.dep_ in ("npadvmod", "nsubj"):
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("appos", "npadvmod") else None


def _frame_extent(tok: Token, subject: Token | None, comp: Token | None) -> tuple[int, int]:
    """The characters of the attribution frame: verb, auxiliaries, subject and short modifiers."""
    start, end = tok.idx, tok.idx + len(tok.text)
    for child in tok.children:
        if comp is not None and child.i == comp.i:
            continue
        if child.dep_ in ("aux", "auxpass", "neg", "advmod", "dobj", "dative", "prep", "npadvmod", "agent") \
                and abs(child.i - tok.i) <= 4:
            lo = child.left_edge if child.i < tok.i else child
            hi = child.right_edge if child.i > tok.i else child
            start, end = min(start, lo.idx), max(end, hi.idx + len(hi.text))
    if subject is not None and abs(subject.i - tok.i) <= 25:
        span = np_span(subject)
        start, end = min(start, span.start_char), max(end, span.end_char)
    return start, end


def _adjacent_quotes(text: str, quotes: Quotes, tok: Token, subject: Token | None,
                     comp: Token | None) -> list[QuoteSpan]:
    """Quotations right before ("...," she said), right after (she said: "...") or around the frame."""
    frame = _frame_extent(tok, subject, comp)
    before = after = None
    q = quotes.last_ending_by(frame[0])  # only the nearest quotation on each side can be adjacent
    if q is not None and set(text[q.end: frame[0]]) <= FRAME_GAP and text[q.end - 2: q.end - 1] in ",?!:\u2014":
        before = q
    q = quotes.first_starting_from(frame[1])
    if q is not None and set(text[frame[1]: q.start]) <= FRAME_GAP:
        gap_after = text[frame[1]: q.start]
        inside = comp is not None and q.start <= comp.idx < q.end
        if ":" in gap_after or inside or (before is not None and "," in gap_after):
            after = q
    return [q for q in (before, after) if q is not None]


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
                return Frame(cue, tok.lemma_.lower(), (start, end), QuoteType.DIRECT, _subject(tok), None, tok,
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
    if subj.lower_ == "it" and subj.dep_ == "nsubjpass":
        agent = next((g for c in frame.verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                     None)
        if agent is not None:
            return resolver.resolve(agent)
        place = _in_document(frame.verb, lex)
        if place is not None and outlet is not None:
            return Speaker(outlet, char_mention(doc_text(subj.doc), np_span(place).start_char, np_span(place).end_char))
        return None
    if subj.dep_ == "nsubjpass" and subj.lower_ not in ("it",):
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


def _in_document(verb: Token, lex: Lexicon) -> Token | None:
    """"It is noted in the article that": the document noun."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "by"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in lex.document_nouns:
                return pobj
    return None


def _claim(frame: Frame, speaker: Speaker, sdoc: Doc, table: ActorTable, events: list[Event], lex: Lexicon,
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
    about_events = sorted({e.key for e in events if any(start <= t.start and t.end <= end for t in e.triggers)})
    return Claim(
        key=f"{start}-{end}", content=content, cue=frame.cue, cue_lemma=frame.lemma, speaker=speaker.key,
        speaker_mention=speaker.mention, reported_by=reported, quote_type=frame.quote_type,
        kind=_kind(frame, speaker, table),
        negated=_negated(frame.root, span), hedges=_hedges(span, content.text, lex), about_actors=tuple(about),
        about_events=tuple(about_events),
    )


def _kind(frame: Frame, speaker: Speaker, table: ActorTable) -> ClaimKind:
    """The cue's kind; what a poll, a study or data "say" is evidence ("according to the poll")."""
    actor = table.get(speaker.key)
    if actor is not None and actor.evidence_source and frame.kind in (ClaimKind.ASSERTION, ClaimKind.ANNOUNCEMENT):
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
    """A claim whose cue lies inside another claim's content is part of it."""
    index = ClaimIndex(claims)
    nested = []
    for claim in claims:
        outer = index.containing(claim.cue.start, exclude=claim.key)
        nested.append(replace(claim, part_of=outer.key) if outer else claim)
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
        subj = _subject(tok)
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
