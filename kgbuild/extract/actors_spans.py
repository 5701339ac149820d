"""Entity spans repaired before they become actor mentions, by the construction of the text around them.

* a list of names joined by a slash is one name per side: "the Newsmax / Zogby poll" names two pollsters;
* a one-word person entity that is a given name, followed by a capitalised proper noun the model left
  untagged that is a surname, is the full name: "illustrator Johnnie Christmas" (the model tags
  "Johnnie" alone, taking "Christmas" for the holiday);
* a one-word entity the tagger reads as a verb, adjective or adverb is a capitalised common word at the
  start of a sentence or heading ("Browsing the catalog, ...", "Tropical cyclones are ..."), not a name;
* a place name right after a capitalised title is part of a character's or person's name ("Captain
  America", "Lady Victoria"), not a mention of the place;
* a name introduced by a noun for a creative work is the work's title, not an actor: "the superhero
  film Watchmen", "his book Hydrodynamica" (the noun modifies the name, or the name stands in apposition
  to it; the nouns are in ``data/work_nouns.txt``).

Each test looks at an entity and its neighbouring tokens only, so the cost is linear in the document.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kgbuild.extract.actors_lexicon import is_given_name, is_surname
from kgbuild.extract.actors_names import is_acronym, titles, work_nouns

__all__ = ["after_title", "common_word", "repaired", "titled_work"]

SLASH = {"/"}
NOT_NAME_POS = {"VERB", "ADJ", "ADV"}
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def repaired(ent: Span, covered: set[int]) -> list[Span]:
    """The spans an entity stands for: split at slashes between names, a given name completed by its
    surname. ``covered`` (token indices inside entities) is updated for the tokens a span takes over."""
    parts = _split_at_slashes(ent)
    if len(parts) > 1:
        return parts
    full = _completed_person(ent)
    if full is not ent:
        covered.update(range(full.start, full.end))
    return [full]


def _split_at_slashes(ent: Span) -> list[Span]:
    """'Newsmax / Zogby' -> 'Newsmax', 'Zogby': each side of a slash starts with a capital letter."""
    if ent.label_ not in NAME_LABELS or not any(t.text in SLASH for t in ent):
        return [ent]
    parts, start = [], ent.start
    for tok in ent:
        if tok.text in SLASH:
            parts.append((start, tok.i))
            start = tok.i + 1
    parts.append((start, ent.end))
    doc = ent.doc
    if any(b <= a or not doc[a].text[:1].isupper() for a, b in parts):
        return [ent]
    return [Span(doc, a, b, label=ent.label_) for a, b in parts]


def _completed_person(ent: Span) -> Span:
    """'Johnnie' + untagged 'Christmas' -> 'Johnnie Christmas' (a given name, then a surname)."""
    doc = ent.doc
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.end >= len(doc):
        return ent
    nxt = doc[ent.end]
    if nxt.ent_type_ or nxt.pos_ != "PROPN" or not nxt.text[:1].isupper() or nxt.is_sent_start:
        return ent
    if not (is_given_name(ent[0].text) and is_surname(nxt.text)):
        return ent
    if ent.end + 1 < len(doc) and doc[ent.end + 1].pos_ == "PROPN" and doc[ent.end + 1].text[:1].isupper():
        return ent  # a longer run of names: not a plain given name and surname
    return Span(doc, ent.start, ent.end + 1, label="PERSON")


def common_word(ent: Span) -> bool:
    """A one-word name entity, a word of letters, that the tagger takes for a verb, adjective or adverb:
    'Browsing', 'Tropical'."""
    if len(ent) != 1 or ent.label_ not in NAME_LABELS:
        return False
    tok = ent[0]
    return tok.pos_ in NOT_NAME_POS and tok.is_alpha and not is_acronym(tok.text)  # not a code: "STS-134"


def after_title(tok: Token) -> bool:
    """Is the token right after a capitalised title ('Captain America')?"""
    if tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return before.text[:1].isupper() and (before.lower_,) in titles()


def titled_work(ent: Span) -> bool:
    """'the superhero film Watchmen', 'his book Hydrodynamica', 'the album Lemonade': the common noun right
    before the name is a creative work's, and it is the name's modifier or the name is in apposition to it
    ('In the film, Smith plays ...' and 'the game Belgium won' are not: no such link)."""
    if ent.start == 0:
        return False
    noun = ent.doc[ent.start - 1]
    if noun.pos_ != "NOUN" or noun.lower_ not in work_nouns():
        return False
    root = ent.root
    return (noun.head.i == root.i and noun.dep_ in {"compound", "nmod", "amod"}) or \
        (root.head.i == noun.i and root.dep_ == "appos")
