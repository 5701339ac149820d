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

from kgbuild.extract.claims_lexicon import Lexicon, lexicon
from kgbuild.extract.claims_quotes import QuoteSpan, find_headers, find_quotes, inner, trim
from kgbuild.extract.claims_speakers import Speaker, SpeakerResolver, np_span
from kgbuild.extract.names import clean_name
from kgbuild.extract.spans import char_mention, doc_text, sentence_of
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Claim, Document, Event, Mention, NonResponse, QuoteType

__all__ = ["FoundClaims", "find_claims"]

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLAUSAL = ("ccomp", "parataxis")
FINITE = ("VBD", "VBZ", "VBP", "MD")
FRAME_GAP = set(" \t\n,:;\u2014-")


@dataclass
class FoundClaims:
    claims: list[Claim] = field(default_factory=list)
    non_responses: list[NonResponse] = field(default_factory=list)
    header_sources: list[str] = field(default_factory=list)


@dataclass
class _Frame:
    """A cue found in the text, before its speaker is resolved."""

    cue: Mention
    lemma: str
    content: tuple[int, int]
    quote_type: QuoteType
    subject: Token | None
    root: Token | None  # head of the content clause, for negation
    verb: Token


def find_claims(sdoc: Doc, document: Document, table: ActorTable, events: list[Event]) -> FoundClaims:
    """Claims, non-responses and header sources of one document."""
    lex = lexicon()
    text = doc_text(sdoc)
    found = FoundClaims()
    outlet = _header_outlets(text, table, found)
    quotes = find_quotes(text)
    resolver = SpeakerResolver(table, lex, outlet)
    frames = _frames(sdoc, lex, quotes)
    claims: list[Claim] = []
    pending: list[_Frame] = []
    used: set[tuple[int, int]] = set()
    for frame in frames:
        if frame.content in used or frame.content[0] >= frame.content[1]:
            continue
        if frame.subject is not None and frame.subject.lower_ in lex.first_person:
            pending.append(frame)
            continue
        speaker = _speaker(frame, resolver, outlet, lex)
        if speaker is None:
            continue
        used.add(frame.content)
        claims.append(_claim(frame, speaker, sdoc, table, events, lex, outlet))
    for frame in pending:  # "I think ..." inside a quote: the quote's speaker
        outer = _containing(claims, frame.cue.start) or _nearby_quote_claim(claims, quotes, frame.cue.start)
        if outer is None or frame.content in used:
            continue
        speaker = Speaker(outer.speaker, char_mention(text, frame.subject.idx, frame.subject.idx
                                                      + len(frame.subject.text)))
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
def _frames(sdoc: Doc, lex: Lexicon, quotes: list[QuoteSpan]) -> list[_Frame]:
    frames: list[_Frame] = []
    lemmas, words = lex.frame_lemmas, lex.frame_words
    for tok in sdoc:
        if tok.lower_ not in words and tok.lemma_.lower() not in lemmas:
            continue  # no frame starts here: skip the per-token checks below
        frame = _according(tok, lex, quotes) or _label_frame(tok, lex, quotes)
        if frame is not None:
            frames.append(frame)
        else:
            frames += _verb_frames(tok, lex, quotes) or _adjective_frames(tok, lex, quotes)
    return frames


def _verb_frames(tok: Token, lex: Lexicon, quotes: list[QuoteSpan]) -> list[_Frame]:
    """A reporting verb with a clausal complement or adjacent quotations (before, after or both)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound"):
        return []
    cue_end, cue_lemma, comp = tok.idx + len(tok.text), lemma, None
    if lemma in lex.object_cues:
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
    text = doc_text(tok.doc)
    cue = char_mention(text, tok.idx, cue_end)
    subject = _subject(tok)
    frames = [_Frame(cue, cue_lemma, inner(text, q), QuoteType.DIRECT, subject, None, tok)
              for q in _adjacent_quotes(text, quotes, tok, subject, comp)]
    if frames:
        return frames
    span = _content_span(comp) if comp is not None else _that_clause(tok)
    if span is None and comp is None:
        fronted = _fronted_content(tok)
        if fronted is not None:
            span, subject = fronted
    if span is None or span[1] <= span[0] or span[0] <= tok.idx < span[1]:
        return []
    return [_Frame(cue, cue_lemma, span, _quote_type(quotes, *span), subject, comp, tok)]


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
    if any(not _governs(tok, t) for t in before):  # the words must hang from this verb, not another clause
        return None
    last = doc[comma - 1]
    return trim(doc_text(doc), doc[start].idx, last.idx + len(last.text)), speaker


def _run_on(tok: Token) -> bool:
    """``tok`` ends a sentence only because the parser said so: no final punctuation, no line break."""
    return not tok.is_punct and not tok.is_space and "\n" not in tok.whitespace_


def _governs(head: Token, tok: Token) -> bool:
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _that_clause(tok: Token) -> tuple[int, int] | None:
    """"observed that ..." when the parser lost the clause: the rest of the verb's phrase."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "that" or nxt.dep_ not in ("mark", "dobj") or tok.right_edge.i <= nxt.i:
        return None
    last = doc[tok.right_edge.i]
    return trim(doc_text(doc), doc[nxt.i + 1].idx, last.idx + len(last.text))


def _adjective_frames(tok: Token, lex: Lexicon, quotes: list[QuoteSpan]) -> list[_Frame]:
    """"I'm disappointed that ...", "officials are confident that ...": a stance with a clause."""
    if tok.pos_ != "ADJ" or tok.lower_ not in lex.adjectives or tok.dep_ not in ("acomp", "amod", "oprd"):
        return []
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None or tok.head.lemma_ != "be":
        return []
    subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    span = _content_span(comp)
    if subject is None or span[1] <= span[0]:
        return []
    cue = char_mention(doc_text(tok.doc), tok.idx, tok.idx + len(tok.text))
    return [_Frame(cue, tok.lower_, span, _quote_type(quotes, *span), subject, comp, tok)]


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
        if child.dep_ in CLAUSAL and (child.i > tok.i or _final_frame(tok)):
            return child
    if xcomp:
        found = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if found is not None:
            return found
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.i > tok.i:
            for t in prep.subtree:
                if t.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                               and m.i == t.left_edge.i for m in t.children):
                    return t
    return None


def _final_frame(tok: Token) -> bool:
    """The verb closes its sentence after the reported clause: "..., officials said (on Tuesday)."."""
    return not any(c.dep_ in ("xcomp", "ccomp", "conj", "oprd", "acomp", "attr") for c in tok.rights)


def _subject(tok: Token) -> Token | None:
    """The grammatical subject, inherited through conjunction and participles ("..., saying that")."""
    cur = tok
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                return cur.head
            return subj
        agent = next((c for c in cur.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if cur.dep_ == "conj" and cur.head.dep_ == "ccomp" and _is_report(cur):
            cur = cur.head.head  # "X said that A and noted that B": B's cue is conjoined to the report
            continue
        if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head.i != cur.i:
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


def _adjacent_quotes(text: str, quotes: list[QuoteSpan], tok: Token, subject: Token | None,
                     comp: Token | None) -> list[QuoteSpan]:
    """Quotations right before ("...," she said), right after (she said: "...") or around the frame."""
    frame = _frame_extent(tok, subject, comp)
    before = after = None
    for q in quotes:
        gap_before = text[q.end: frame[0]]
        if q.end <= frame[0] and set(gap_before) <= FRAME_GAP and text[q.end - 2: q.end - 1] in ",?!:\u2014":
            before = q
        gap_after = text[frame[1]: q.start]
        if q.start >= frame[1] and set(gap_after) <= FRAME_GAP and after is None:
            inside = comp is not None and q.start <= comp.idx < q.end
            if ":" in gap_after or inside or (before is not None and "," in gap_after):
                after = q
    return [q for q in (before, after) if q is not None]


def _content_span(comp: Token) -> tuple[int, int]:
    """The complement clause without its complementiser, surrounding punctuation, and a conjoined
    report the parser hung inside it ("... was safe and noted that ...")."""
    tokens = list(comp.subtree)
    for conj in comp.rights:
        if conj.dep_ in ("conj", "advcl") and _is_report(conj):
            tokens = [t for t in tokens if t.i < conj.left_edge.i]
    while tokens and tokens[-1].dep_ in ("cc", "mark", "punct"):
        tokens = tokens[:-1]
    while tokens and ((tokens[0].dep_ == "mark" and tokens[0].lower_ == "that") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return 0, 0
    return trim(doc_text(comp.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def _quote_type(quotes: list[QuoteSpan], start: int, end: int) -> QuoteType:
    for q in quotes:
        if q.start <= start and end <= q.end:
            return QuoteType.DIRECT
        if q.start < end and start < q.end:
            return QuoteType.MIXED
    return QuoteType.INDIRECT


def _according(tok: Token, lex: Lexicon, quotes: list[QuoteSpan]) -> _Frame | None:
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
        quote = next((q for q in quotes if q.start >= after and set(doc_text(doc)[after: q.start]) <= FRAME_GAP), None)
        start, end = inner(doc_text(doc), quote) if quote else _clause_without(tok, phrase)
        if end <= start:
            continue
        cue = char_mention(doc_text(doc), tok.idx, last.idx + len(last.text))
        head = tok.head if tok.head.i != tok.i else None
        return _Frame(cue, " ".join(words), (start, end), QuoteType.INDIRECT, pobj, head, tok)
    return None


def _clause_without(tok: Token, phrase: tuple[int, int]) -> tuple[int, int]:
    """The clause an "according to" phrase modifies, minus the phrase where it is at either end."""
    sent = sentence_of(tok)
    head = tok.head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i and sentence_of(head.head) == sent:
        head = head.head
    lo = min(head.left_edge.i, phrase[0])
    hi = max(head.right_edge.i, phrase[1])
    doc = tok.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    if phrase[0] <= lo:
        lo = phrase[1] + 1
    elif phrase[1] >= hi:
        hi = phrase[0] - 1
    if hi < lo:
        return 0, 0
    return trim(doc_text(doc), doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def _label_frame(tok: Token, lex: Lexicon, quotes: list[QuoteSpan]) -> _Frame | None:
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
    for q in quotes:
        if lo <= q.end and q.start < hi and q.start > tok.idx:
            start, end = inner(doc_text(tok.doc), q)
            if 0 < len(doc_text(tok.doc)[start:end].split()) <= 12:
                cue = char_mention(doc_text(tok.doc), tok.idx, tok.idx + len(tok.text))
                return _Frame(cue, tok.lemma_.lower(), (start, end), QuoteType.DIRECT, _subject(tok), None, tok)
    return None


# -- speakers and attributes -----------------------------------------------------------
def _speaker(frame: _Frame, resolver: SpeakerResolver, outlet: str | None, lex: Lexicon) -> Speaker | None:
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
        return None  # "X was said to ..." / "X is reported": X is the topic, not the speaker
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


def _claim(frame: _Frame, speaker: Speaker, sdoc: Doc, table: ActorTable, events: list[Event], lex: Lexicon,
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
        negated=_negated(frame.root, span), hedges=_hedges(span, content.text, lex), about_actors=tuple(about),
        about_events=tuple(about_events),
    )


def _reported_by(frame: _Frame, speaker: Speaker, table: ActorTable, outlet: str | None) -> tuple[str, ...]:
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


def _containing(claims: list[Claim], pos: int) -> Claim | None:
    inside = [c for c in claims if c.content.start <= pos < c.content.end]
    return min(inside, key=lambda c: c.content.end - c.content.start) if inside else None


def _nearby_quote_claim(claims: list[Claim], quotes: list[QuoteSpan], pos: int) -> Claim | None:
    """For "I think ..." in a quotation without a frame of its own: the nearest direct quote's claim."""
    if not any(q.start <= pos < q.end for q in quotes):
        return None
    near = [(abs(c.content.start - pos), c.content.start, c) for c in claims
            if c.quote_type == QuoteType.DIRECT and abs(c.content.start - pos) <= 1500]
    return min(near, key=lambda x: x[:2])[2] if near else None


def _nest(claims: list[Claim]) -> list[Claim]:
    """A claim whose cue lies inside another claim's content is part of it."""
    nested = []
    for claim in claims:
        outer = _containing([c for c in claims if c.key != claim.key], claim.cue.start)
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
