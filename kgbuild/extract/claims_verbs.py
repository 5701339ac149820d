"""Verb cues: a reporting verb (or a stance adjective) with its content and the words that name its source.

* a clausal complement: "said that ...", "believes the plan will fail", ", officials said.";
* adjacent quotations: '"...," she said', 'she said: "..."';
* to-infinitives of directives and commitments, of/for-complements of accusations and evaluations,
  verb + preposition cues ("called on X to act"), parenthetical frames ("X, I think, Y") - see
  ``claims_complements``;
* a reported clause the parser took for the verb's subject ("Air strikes killed 30, officials said").
"""

from __future__ import annotations

from spacy.tokens import Token

from kgbuild.extract.claims_complements import (
    denied_clause,
    infinitive_span,
    of_complement,
    parenthetical_span,
    prepositional_cue,
)
from kgbuild.extract.claims_frame import (
    CLAUSAL,
    FINITE,
    FRAME_GAP,
    SUBJECTS,
    Frame,
    content_span,
    governs,
    has_that,
    quote_type,
)
from kgbuild.extract.claims_index import Quotes
from kgbuild.extract.claims_lexicon import Lexicon, lexicon
from kgbuild.extract.claims_nominal import noun_owner
from kgbuild.extract.claims_quotes import QuoteSpan, inner, trim
from kgbuild.extract.claims_scope import attributes_nothing
from kgbuild.extract.claims_speakers import np_span
from kgbuild.extract.spans import char_mention, doc_text, sentence_of
from kgbuild.model import ClaimKind, QuoteType

__all__ = ["adjective_frames", "subject_of", "verb_frames"]

RELATIVES = frozenset({"where", "when", "which", "who", "whom", "whose"})
NOT_SAID = ("npadvmod", "appos", "prep", "agent", "advmod", "nmod")  # a quotation hung so is not what is said


def verb_frames(tok: Token, lex: Lexicon, quotes: Quotes) -> list[Frame]:
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
    subject = subject_of(tok)
    if cue_lemma != lemma:
        kind = lex.kind(cue_lemma, kind)
    frames = [Frame(cue, cue_lemma, inner(text, q), QuoteType.DIRECT, subject, None, tok, kind)
              for q in _adjacent_quotes(text, quotes, tok, subject, comp)]
    if frames:
        return frames
    if span is None and comp is not None:
        if comp.dep_ != "xcomp" and not _proposition(comp):
            return []
        if comp.dep_ != "xcomp" and kind is not ClaimKind.DIRECTIVE and _indirect_question(comp):
            return []  # "explained what the site is", "can you tell whether ...": a question, not a proposition
        if lemma in lex.that_only and comp.dep_ != "xcomp" and not has_that(comp):
            return []  # "saw the car hit the wall", "will see whether it works": perception, not attribution
        span = infinitive_span(tok, comp) if comp.dep_ == "xcomp" else content_span(comp, _is_report)
        if comp.dep_ == "xcomp" and kind is ClaimKind.ASSERTION:
            kind = ClaimKind.DIRECTIVE  # "told them to leave"
    if span is None:
        span = _that_clause(tok) or of_complement(tok, lex, kind) or denied_clause(tok, kind) \
            or parenthetical_span(tok, kind)
    if span is None and comp is None:
        fronted = _fronted_content(tok)
        if fronted is not None:
            span, subject = fronted
    if span is None or span[1] <= span[0] or span[0] <= tok.idx < span[1]:
        return []
    if attributes_nothing(tok, comp, span, subject, kind, lex):
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


def _indirect_question(comp: Token) -> bool:
    """The clause opens with "whether", "if" or a wh-word of its own; only asking verbs (directives: "asked
    whether") attribute it."""
    first = comp.left_edge
    if first.lower_ == "that" or not (first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB")):
        return False
    tok = first
    while tok.i != comp.i:  # "said if the talks fail, they would strike": the "if" belongs to a clause inside
        if tok.head.i == tok.i or (tok.i != first.i and tok.pos_ in ("VERB", "AUX")):
            return False
        tok = tok.head
    return True


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


def adjective_frames(tok: Token, lex: Lexicon, quotes: Quotes) -> list[Frame]:
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
                if t.dep_ in ("acl", "ccomp", "relcl") and has_that(t) and _medium(t.head, prep):
                    return t  # "said in a statement that ...", not "agreed on condition that ..."
    return None


def _medium(noun: Token, prep: Token) -> bool:
    """The prepositional phrase between a verb and a that-clause names a medium, an occasion or a time
    ("said in a statement that", "said at a briefing about the talks that", "said on Monday that"); not
    "in countries that we ...", where "that" opens a relative clause, nor "on condition that", whose
    clause is the noun's own."""
    lex = lexicon()
    if noun.lemma_.lower() in lex.content_nouns:
        return False
    while True:
        lemma = noun.lemma_.lower()
        if lemma in lex.nouns or lemma in lex.document_nouns or lemma in lex.outlet_nouns \
                or noun.ent_type_ in ("DATE", "TIME", "ORG", "PERSON", "NORP", "GPE"):
            return True
        if noun.i == prep.i or noun.head.i == noun.i:
            return False
        noun = noun.head


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


def subject_of(tok: Token) -> Token | None:
    """The grammatical subject, inherited through conjunction and participles ("..., saying that")."""
    cur, raised = tok, False
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                return _text_source(cur.head) or cur.head  # "published a study that found ...": the publisher
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
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and cur.head.i < cur.i:
            return _text_source(cur.head)
        return _preceding_nominal(cur)
    return None


def _text_source(noun: Token) -> Token | None:
    """"The ministry issued a statement saying ...", "a report by the auditors finding that ...": the
    participle's source is the owner of the statement or document it describes, else the document itself
    ("a poll showing that ...") or the people ("residents saying that ...")."""
    lex = lexicon()
    lemma = noun.lemma_.lower()
    if lemma in lex.nouns or lemma in lex.document_nouns:
        owner = noun_owner(noun, lex)
        if owner is not None:
            return owner
    if lemma in lex.document_nouns or lemma in lex.source_nouns or noun.pos_ == "PROPN":
        return noun
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
        # the verb governs a word of the quotation ('she said, "Thank you"', parsed as an xcomp)
        # not a title or name the verb's phrase mentions ('proposed in front of the painting, "Joan of Arc"')
        inside = any(c.i > tok.i and q.start <= c.idx < q.end for c in tok.children
                     if not c.is_punct and c.dep_ not in NOT_SAID)
        if ":" in gap_after or inside or (before is not None and "," in gap_after):
            after = q
    return [q for q in (before, after) if q is not None]
