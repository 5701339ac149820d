"""Actors from named entities: one canonical, linked node per real-world actor in a document.

Mentions are collected first (the model's entities, relabelled by the gazetteer where the
model is wrong: "Kyiv" as PERSON, "Kursk Oblast" as PRODUCT; capitalised place names and
acronyms it missed), then clustered, and only then added to the ``ActorTable`` under
their canonical name, so that every cluster gets one document-independent key:

* persons: a shorter name that is a suffix of a full name joins it ("Putin" ->
  "Vladimir Putin"; the nearest full name before, else after); titles ("President") are
  kept as titles, not as part of the name;
* organisations: an acronym joins the organisation whose initials it spells ("WP" ->
  "Washington Post"), as does "X (ABBR)";
* places: every surface form of a gazetteer place is one actor with the gazetteer's
  canonical name, ISO code and GeoNames IRI ("U.S." -> "United States"); a bare name joins a
  subdivision named after it ("Kursk" -> "Kursk Oblast");
* a mention's kind is voted per cluster, so one name never gives two nodes.

Metonymy: seats of power ("the Kremlin", "the White House") are organisations that
always stand for their country. A capital stands for its country when it acts somewhere
in the document (subject of a verb, "Moscow's delegation", "talks with Kyiv"); the
property is then set on the capital's node, which stays a GPE with its own mentions.
Plural demonyms used as nouns ("the Russians balked") are mentions of the country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kgbuild.extract.actors_kinds import THING, is_model_code, is_storm, maker_split, retype
from kgbuild.extract.actors_lexicon import company_base, strip_legal_form
from kgbuild.extract.actors_names import (
    acronym_key,
    initials,
    is_acronym,
    is_facility,
    is_junk,
    is_short_form,
    split_title,
    titles,
)
from kgbuild.extract.actors_places import (
    Gazetteer,
    Place,
    add_place,
    country_of_demonym,
    gazetteer,
    unwrapped_place,
)
from kgbuild.extract.actors_spans import after_title, common_word, repaired, titled_work
from kgbuild.extract.kb import KnowledgeBase
from kgbuild.extract.names import clean_name, normalise
from kgbuild.extract.spans import doc_text
from kgbuild.extract.table import ActorTable
from kgbuild.model import ActorKind, Document, Mention
from kgbuild.resources import data_path

__all__ = ["KIND_OF_LABEL", "country_of_demonym", "find_actors"]

KIND_OF_LABEL = {
    "PERSON": ActorKind.PERSON,
    "ORG": ActorKind.ORGANIZATION,
    "GPE": ActorKind.GPE,
    "LOC": ActorKind.LOCATION,
    "FAC": ActorKind.LOCATION,
}
RELABEL = {"GPE", "LOC", "FAC", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}


@dataclass
class _Cand:
    """One actor mention before clustering."""

    start: int
    end: int
    text: str
    name: str
    label: str
    kind: ActorKind | None
    titles: list[str] = field(default_factory=list)
    place: Place | None = None
    seat: Place | None = None
    acts: bool = False
    affiliation: Place | None = None
    acronym: str | None = None  # an acronym defined here: "World Health Organization (WHO)"
    weak: bool = False  # a maker named only inside a product's name ("Airbus" in "Airbus A380")
    maker: _Cand | None = None  # of a product: the mention of its maker

    @property
    def words(self) -> list[str]:
        return self.name.split()

    @property
    def mention(self) -> Mention:
        return Mention(self.start, self.end, self.text)


@lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    text = data_path("agent_nouns.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def find_actors(sdoc: Doc, document: Document, table: ActorTable, *, kb: KnowledgeBase | None = None) -> str | None:
    """Fill ``table`` with the document's named actors; return the publisher's key.

    ``kb`` (see ``kgbuild.extract.kb``) adds ``same_as`` IRIs and preferred names for people and organisations.
    """
    gaz = gazetteer()
    cands = _disambiguate(_collect(sdoc, gaz), gaz)
    keys: dict[str, str] = {}  # normalised name / acronym -> key, for the publisher
    key_of: dict[int, str] = {}  # id of a candidate -> key of its actor, for the makers of products
    for cluster in _clusters(cands):
        key = _add_cluster(table, cluster, gaz, kb)
        if key is not None:
            for cand in cluster:
                key_of[id(cand)] = key
                keys.setdefault(normalise(cand.name), key)
                keys.setdefault(acronym_key(cand.name) if is_acronym(cand.name) else normalise(cand.name), key)
    for cand in cands:  # a product is affiliated with its maker, when the maker is an actor of the document
        if cand.maker is not None and id(cand) in key_of and id(cand.maker) in key_of:
            product, maker = key_of[id(cand)], key_of[id(cand.maker)]
            if product != maker and table.get(product).affiliation is None:
                table.update(product, affiliation=maker)
    if not document.publisher:
        return None
    name = clean_name(document.publisher)
    key = keys.get(normalise(name))
    if key is None:
        entry = kb.lookup(name) if kb else None
        name = entry.label if entry else name
        key = table.add_named(name, ActorKind.ORGANIZATION, None, same_as=(entry.iri,) if entry else None)
    return key


def find_authors(document: Document, table: ActorTable) -> tuple[str, ...]:
    """The byline's people (``Document.authors``, from a page's metadata) as actors of kind Person; the same
    node as the person where the text names them too."""
    keys: list[str] = []
    for name in document.authors:
        name = clean_name(name)
        if name and not is_junk(name):
            key = table.add_named(name, ActorKind.PERSON, None)
            if key not in keys:
                keys.append(key)
    return tuple(keys)


def _disambiguate(cands: list[_Cand], gaz: Gazetteer) -> list[_Cand]:
    """Homonymous places take the reading in the document's countries: with New South Wales and
    Queensland around, "Victoria" is the Australian state, not the capital of the Seychelles."""
    countries: Counter[str] = Counter()
    for cand in cands:
        if cand.place is not None and len({p.country for p in gaz.candidates(cand.name)}) <= 1:
            countries[cand.place.country] += 1
    for cand in cands:
        if cand.place is not None and countries:
            cand.place = gaz.in_context(cand.name, countries) or cand.place
    return cands


# -- collecting mentions ------------------------------------------------------------------
def _collect(sdoc: Doc, gaz: Gazetteer) -> list[_Cand]:
    cands: list[_Cand] = []
    covered: set[int] = set()
    products = {ent.start: ent.end for ent in sdoc.ents if ent.label_ == "PRODUCT"}  # start token -> end
    for whole in sdoc.ents:
        covered.update(range(whole.start, whole.end))
        for ent in repaired(whole, covered):  # "Newsmax / Zogby" -> two; "Johnnie" + "Christmas" -> one
            found = _from_entity(ent, gaz)
            if len(found) == 1 and found[0].label == "ORG" and ent.end < len(sdoc) \
                    and (ent.end in products or is_model_code(sdoc[ent.end].text)):
                found = _maker_of_next(ent, found[0], products)  # "Airbus" + "A380", "Boeing" + "737s"
            for cand in found:
                cands.append(cand)
                if cand.kind in (ActorKind.ORGANIZATION, ActorKind.LOCATION) and cand.place is None \
                        and not cand.weak:
                    cands.extend(_nested_places(ent, cand, gaz))
    common: set[str] = set()  # lower-case common nouns of the article
    for tok in sdoc:  # one pass over the tokens: they are made afresh on each iteration
        text, pos = tok.text, tok.pos_
        if pos == "NOUN" and text.islower():
            common.add(text)
        elif tok.i not in covered and (pos == "PROPN" or text[:1].isupper()):
            cand = _from_token(tok, gaz)
            if cand is not None:
                cands.append(cand)
    for cand in cands:
        if cand.place is None and cand.seat is None and _not_a_name(cand, common):
            cand.kind = ActorKind.OTHER
    return sorted(cands, key=lambda c: (c.start, c.end))


def _not_a_name(cand: _Cand, common: set[str]) -> bool:
    """Model mistakes no person or place name makes: "STS-134" as a place (digits), "Iodine" as a person
    when the article also writes "iodine" in lower case. Such mentions become kind Other, not dropped."""
    if cand.kind in (ActorKind.PERSON, ActorKind.GPE, ActorKind.LOCATION) and any(c.isdigit() for c in cand.name):
        return True
    words = cand.name.split()
    return len(words) == 1 and words[0].lower() in common


NESTED_CITY_POPULATION = 500_000
NESTED_OF_CITY_POPULATION = 50_000
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "latin",
              "upper", "lower"}


def _nestable(place: Place, owner: _Cand, of: bool) -> bool:
    """Countries inside any name; after "of" ("University of Copenhagen", "Government of Bengal") also
    regions, capitals and cities that are not villages; inside a site's name ("Volgograd Arena") large
    cities, which are where the site is (small towns share names with people and landmarks: "Lincoln
    Memorial")."""
    if place.kind == "country":
        return True
    if of:
        return place.kind in {"region", "capital"} or place.population >= NESTED_OF_CITY_POPULATION
    return owner.kind is ActorKind.LOCATION and place.kind in {"city", "capital"} \
        and place.population >= NESTED_CITY_POPULATION


def _nested_places(ent: Span, owner: _Cand, gaz: Gazetteer) -> list[_Cand]:
    """Places named inside an organisation or site name ("Doctor Who Society of Canada", "Volgograd Arena"):
    each is a mention of that place too (in an organisation's name only after "of", or where the document
    names the place elsewhere), and an organisation "of" a place is affiliated with it. Cities inside
    organisation names other than after "of" are left alone: "The Washington Post" is not about Washington."""
    found: list[_Cand] = []
    tokens = [t for t in ent if t.idx >= owner.start and t.idx < owner.end]
    i = 0
    while i < len(tokens):
        for n in (3, 2, 1):
            span = tokens[i:i + n]
            if len(span) < n or len(span) == len(tokens) or not span[0].text[:1].isupper():
                continue
            start, end = span[0].idx, span[-1].idx + len(span[-1].text)
            text = doc_text(ent.doc)[start:end]
            place = gaz.lookup(text)
            of = i > 0 and tokens[i - 1].lower_ == "of"
            if place is None or not _nestable(place, owner, of):
                continue
            if i > 0 and (tokens[i - 1].lower_ in DIRECTIONS or (tokens[i - 1].lower_,) in titles()):
                continue  # "North America", "Captain America": a region or character named after the place
            # "Bank of Canada" names Canada; "Singapore Airlines", "Team Estonia" name a company, a team: there
            # the country is a mention only where the document names it as well
            weak = not of and owner.kind is ActorKind.ORGANIZATION  # a site's city is where the site is
            found.append(_Cand(start, end, text, text, "GPE", ActorKind.GPE, place=place, weak=weak))
            if of and owner.affiliation is None:
                owner.affiliation = place
            i += n - 1
            break
        i += 1
    return found


def _ends_a_title(ent: Span) -> bool:
    """"Secretary of State", "Minister of Defence": the entity is the tail of a title phrase, not an actor."""
    words = [t.lower_ for t in ent]
    lexicon = titles()
    for n in (1, 2, 3):
        before = [t.lower_ for t in ent.doc[max(0, ent.start - n): ent.start]]
        if len(before) == n and tuple(before + words) in lexicon:
            return True
    return False


def _trimmed(ent: Span, name: str) -> tuple[int, int, str]:
    """Offsets of ``name`` inside the entity (without 'the', possessive, parenthesis)."""
    at = ent.text.find(name)
    if at < 0:
        return ent.start_char, ent.end_char, ent.text
    if ent.text[at + len(name):].startswith(".") and re.search(r"\b[A-Z]$", name):
        name += "."  # keep the abbreviation's dot in the mention: "U.S."
    start = ent.start_char + at
    return start, start + len(name), name


def _from_entity(ent: Span, gaz: Gazetteer) -> list[_Cand]:
    """The candidates an entity gives: usually one; none for junk; a product and its maker for "Airbus A380"."""
    label = ent.label_
    if label not in RELABEL or _ends_a_title(ent):
        return []
    name = clean_name(ent.text)
    acronym = None
    if "(" in name:
        name, _, rest = name.partition("(")
        rest, name = rest.strip(" )"), name.strip()
        acronym = acronym_key(rest) if is_acronym(rest) else None
    if "," in name:  # "Evansville, Indiana" -> the city
        head, _, rest = name.partition(",")
        if gaz.lookup(rest.strip()) is not None:
            name = head.strip()
    head, _, score = name.rpartition(" ")
    if score.isdigit() and len(score) <= 2 and gaz.lookup(head) is not None:
        name = head  # "Sweden 1 Korea Republic 0": a team and its score
    if not name or is_junk(name):
        return []
    if label != "NORP" and titled_work(ent):
        start, end, text = _trimmed(ent, name)
        return [_Cand(start, end, text, name, THING, ActorKind.OTHER)]
    demonym = gaz.demonym(name) if label in {"NORP", "GPE"} else None
    if demonym is not None:
        return [_demonym_cand(ent, name, demonym)]
    if label == "NORP":
        return _group_cand(ent, name)
    start, end, text = _trimmed(ent, name)
    seat = gaz.seat(name)
    if seat is not None:
        return [_Cand(start, end, text, name, label, ActorKind.ORGANIZATION, seat=seat)]
    place = gaz.lookup(name) or unwrapped_place(name, gaz)
    if place is None and common_word(ent):
        return []  # "Browsing the catalog, ...": a capitalised verb or adjective, not a name
    if place is None:
        relabel = retype(label, name.split(), index_id=ent.ent_id_ == "stock-index")
        if relabel is None:
            return []
        if relabel == THING:
            return _thing(ent, start, end, text, name)
        label = relabel
    kind = ActorKind.GPE if place is not None else KIND_OF_LABEL.get(label)
    if place is None and label in {"ORG", "PERSON", "FAC", "GPE"} and is_facility(name):
        kind, label = ActorKind.LOCATION, "FAC"
    if kind is None:
        return []
    cand = _Cand(start, end, text, name, label, kind, place=place, acronym=acronym, acts=_acts(ent.root))
    if label == "PERSON":
        _person_titles(ent, cand, gaz)
    return [cand]


def _thing(ent: Span, start: int, end: int, text: str, name: str) -> list[_Cand]:
    """A product, flight, event, award or index (kind Other), with the maker, operator or organiser its name
    starts with: "Airbus A380" (a maker, named only there), "Adam Air Flight 574", "FIFA World Cup"."""
    thing = _Cand(start, end, text, name, THING, ActorKind.OTHER)
    words = name.split()
    k = maker_split(words) if ent.label_ not in {"GPE", "LOC", "FAC"} else 0
    if not k:
        return [thing]
    maker_name = " ".join(words[:k])
    if gazetteer().lookup(maker_name) is not None:
        return [thing]
    at = doc_text(ent.doc).find(maker_name, start, end)
    if at < 0:
        return [thing]
    product = words[k] != "Flight" and any(is_model_code(w) for w in words[k:k + 2])  # an airline is no maker
    maker = _Cand(at, at + len(maker_name), maker_name, maker_name, "ORG", ActorKind.ORGANIZATION, weak=product)
    thing.maker = maker
    return [maker, thing]


def _maker_of_next(ent: Span, maker: _Cand, products: dict[int, int]) -> list[_Cand]:
    """'Airbus' followed by the product entity 'A380' (or the model code '737s'): a maker named only as part
    of the product's name, and the product."""
    doc = ent.doc
    end = products.get(ent.end, ent.end + 1)
    last = doc[end - 1]
    stop = last.idx + len(last.text)
    text = doc_text(doc)[maker.start:stop]
    product = _Cand(maker.start, stop, text, clean_name(text), THING, ActorKind.OTHER, maker=maker)
    maker.weak = True
    return [maker, product]


def _demonym_cand(ent: Span, name: str, country: Place) -> _Cand:
    """'the Russians balked' -> a mention of Russia; 'Russian officials', 'Canadian production' -> a mention of
    the country only where the document names the country (an adjective makes no actor of its own); 'the
    Saudis' that do not act for their country are a group (see ``_add_cluster``)."""
    root = ent.root
    plural = normalise(name) != normalise(name.rstrip("s")) and root.tag_ in {"NNPS", "NNS"}
    start, end, text = _trimmed(ent, name)
    adjective = not plural or root.dep_ in {"amod", "compound"}
    return _Cand(start, end, text, name, "NORP", ActorKind.GPE, place=country, acts=not adjective and _acts(root),
                 weak=adjective)


def _group_cand(ent: Span, name: str) -> list[_Cand]:
    """'Muslims', 'Jews' as nouns: a named group of people (kind Group); as adjectives nothing."""
    root = ent.root
    if root.tag_ not in {"NNPS", "NNS"} or root.dep_ in {"amod", "compound"} or len(name.split()) > 2:
        return []
    start, end, text = _trimmed(ent, name)
    return [_Cand(start, end, text, name, "NORP", ActorKind.GROUP)]


def _from_token(tok: Token, gaz: Gazetteer) -> _Cand | None:
    """Capitalised place names and acronyms the model left untagged."""
    if tok.pos_ != "PROPN" and not is_acronym(tok.text):
        return None
    mention = (tok.idx, tok.idx + len(tok.text), tok.text)
    if is_acronym(tok.text):
        return _Cand(*mention, tok.text, "", None, acronym=acronym_key(tok.text))
    place = gaz.lookup(tok.text) if tok.text[:1].isupper() and not after_title(tok) else None
    if place is not None and (place.kind in {"country", "capital"} or place.population >= 1_000_000):
        return _Cand(*mention, tok.text, "GPE", ActorKind.GPE, place=place, acts=_acts(tok))
    return None


def _acts(root: Token) -> bool:
    """Does a place name act (for its government) here?"""
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in _agent_nouns()
    if root.dep_ == "pobj" and root.head.lower_ in {"with", "between"}:
        head = root.head.head
        return head.pos_ in {"VERB", "AUX"} or head.lemma_.lower() in _agent_nouns()
    return False


def _person_titles(ent: Span, cand: _Cand, gaz: Gazetteer) -> None:
    """Titles inside ('President Trump') and before the name; a demonym or "X's" before them is the affiliation."""
    inner, rest = split_title(cand.words)
    if inner and rest:
        cand.name = " ".join(rest)
        cand.start, cand.end, cand.text = _trimmed(ent, cand.name)
    found = list(inner)
    doc, i = ent.doc, ent.start
    lexicon = titles()
    while i > 0:
        for n in range(min(3, i), 0, -1):
            title = lexicon.get(tuple(t.lower_ for t in doc[i - n:i]))
            if title and doc[i - n].text[:1].isupper():
                found.insert(0, title)
                i -= n
                break
        else:
            break
    cand.titles = found
    if i > 0:
        before = doc[i - 1]
        if before.text in {"'s", "’s"} and i > 1:
            before = doc[i - 2]
        cand.affiliation = gaz.demonym(before.text) or (gaz.lookup(before.text) if before.ent_type_ == "GPE" else None)


# -- clustering -----------------------------------------------------------------------------
class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _clusters(cands: list[_Cand]) -> list[list[_Cand]]:
    """Group mentions of the same actor; clusters in order of first mention."""
    uf = _Union(len(cands))
    _join_same_names(cands, uf)
    _join_person_short_forms(cands, uf)
    _join_acronyms(cands, uf)
    _join_subdivisions(cands, uf)
    _join_company_names(cands, uf)
    _join_team_names(cands, uf)
    _join_transpositions(cands, uf)
    groups: dict[int, list[_Cand]] = {}
    for i, cand in enumerate(cands):
        groups.setdefault(uf.find(i), []).append(cand)
    return [groups[k] for k in sorted(groups)]


def _join_same_names(cands: list[_Cand], uf: _Union) -> None:
    first: dict[str, int] = {}
    for i, cand in enumerate(cands):
        keys = [normalise(cand.name)] if cand.kind is not None else []
        if cand.label == THING and is_storm(cand.words):
            keys.append(normalise(cand.words[-1]))  # "Phailin" is "Cyclone Phailin"
        if cand.place is not None and not (cand.label == "PERSON" and len(cand.words) > 1):
            keys.append(f"place:{cand.place.code}:{cand.place.name}")
        if cand.seat is not None:
            keys.append(f"seat:{normalise(cand.name)}")
        for key in keys:
            uf.union(first.setdefault(key, i), i)


def _join_person_short_forms(cands: list[_Cand], uf: _Union) -> None:
    """'Putin' joins the nearest 'Vladimir Putin' (before it, else after)."""
    full = [i for i, c in enumerate(cands) if c.label == "PERSON" and len(c.words) > 1]
    for i, cand in enumerate(cands):
        if cand.kind is None or (cand.place is not None and cand.place.kind in {"country", "capital"}
                                 and cand.label != "PERSON"):
            continue
        if cand.label not in {"PERSON", "ORG", "GPE"} or len(cand.words) > 2:
            continue
        matches = [j for j in full if is_short_form(cand.words, cands[j].words)]
        if not matches and cand.label == "PERSON" and len(cand.words) == 1:
            matches = _unique_first_name(cand.name, [cands[j] for j in full], full)
        if not matches:
            continue
        before = [j for j in matches if cands[j].start < cand.start]
        uf.union(before[-1] if before else matches[0], i)
        cand.place = None


def _unique_first_name(name: str, fulls: list[_Cand], indices: list[int]) -> list[int]:
    """'Thomas' joins 'Thomas Sam' when exactly one full name in the document starts with it."""
    found = [(normalise(c.name), j) for c, j in zip(fulls, indices, strict=True) if c.words[0].lower() == name.lower()]
    return [j for _, j in found] if len({n for n, _ in found}) == 1 else []


def _join_acronyms(cands: list[_Cand], uf: _Union) -> None:
    """'WP' joins the organisation whose initials it spells; 'X (ABBR)' defines ABBR."""
    defined: dict[str, int] = {}
    for i, cand in enumerate(cands):
        if cand.acronym and cand.kind is not None:
            defined.setdefault(cand.acronym, i)
    for i, cand in enumerate(cands):
        if cand.kind in {ActorKind.ORGANIZATION, ActorKind.LOCATION} and len(cand.words) > 1:
            defined.setdefault(initials(cand.name), i)
    for i, cand in enumerate(cands):
        key = cand.acronym if cand.kind is None else (acronym_key(cand.name) if is_acronym(cand.name) else None)
        if key and key in defined and defined[key] != i:
            uf.union(defined[key], i)


INSTITUTION_WORDS = {"university", "college"}  # "Harvard University" -> "Harvard"


def _join_company_names(cands: list[_Cand], uf: _Union) -> None:
    """'Apple' joins 'Apple Inc.' and 'Apple Computer'; 'Ford' joins 'Ford Motor Company'; 'Harvard' joins
    'Harvard University': a name that is another organisation's name without its legal form and generic
    company words. A place joins only a company whose name has such words ("Toyota" / "Toyota Motor Corp."),
    never a country or capital; a university's short name joins it only where it is not a place."""
    bases: dict[str, tuple[int, bool]] = {}  # base -> (index of the organisation, has company words)
    for i, cand in enumerate(cands):
        if cand.kind is not ActorKind.ORGANIZATION or cand.weak or len(cand.words) < 2:
            continue
        base = company_base(cand.name)
        if base != cand.name:
            bases.setdefault(normalise(base), (i, True))
            bases.setdefault(normalise(strip_legal_form(cand.name)), (i, True))
        elif cand.words[-1].lower() in INSTITUTION_WORDS and len(cand.words) == 2:
            bases.setdefault(normalise(cand.words[0]), (i, False))
    if not bases:
        return
    for i, cand in enumerate(cands):
        found = bases.get(normalise(cand.name))
        if found is None or found[0] == i or (cand.label == "PERSON" and len(cand.words) > 1):
            continue
        if cand.place is not None and (not found[1] or cand.place.kind in {"country", "capital"}):
            continue
        uf.union(found[0], i)
        cand.place = None
        if cand.kind is not None:
            cand.kind = ActorKind.ORGANIZATION


def _join_team_names(cands: list[_Cand], uf: _Union) -> None:
    """'Red Sox' joins 'Boston Red Sox', 'Pirates' joins 'Pittsburgh Pirates': an organisation named by a place
    and a name is known by the name alone."""
    rests: dict[str, int] = {}
    gaz = gazetteer()
    for i, cand in enumerate(cands):
        if cand.kind is not ActorKind.ORGANIZATION or len(cand.words) < 2 or cand.weak:
            continue
        for n in (1, 2):
            if len(cand.words) > n and gaz.lookup(" ".join(cand.words[:n])) is not None:
                rests.setdefault(normalise(" ".join(cand.words[n:])), i)
                break
    for i, cand in enumerate(cands):
        j = rests.get(normalise(cand.name))
        if j is None or j == i or cand.kind not in {ActorKind.ORGANIZATION, ActorKind.GPE} or cand.place is not None:
            continue
        uf.union(j, i)
        cand.kind = ActorKind.ORGANIZATION


def _join_transpositions(cands: list[_Cand], uf: _Union) -> None:
    """'Chrylser' joins 'Chrysler': a one-word organisation name with two letters swapped (same first letter,
    same letters, six or more) is a typo for the other."""
    first: dict[str, int] = {}
    for i, cand in enumerate(cands):
        name = cand.name
        if cand.kind is not ActorKind.ORGANIZATION or len(cand.words) != 1 or len(name) < 6 or not name.isalpha():
            continue
        key = name[0] + "".join(sorted(name[1:].lower()))
        j = first.setdefault(key, i)
        if j != i and _one_swap(cands[j].name.lower(), name.lower()):
            uf.union(j, i)


def _one_swap(a: str, b: str) -> bool:
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1


def _join_subdivisions(cands: list[_Cand], uf: _Union) -> None:
    """'Kursk' joins 'Kursk Oblast' when both are in the document."""
    regions = {}
    for i, cand in enumerate(cands):
        if cand.place is not None and cand.place.kind == "region" and len(cand.place.name.split()) > 1:
            regions.setdefault(normalise(cand.place.name.rsplit(" ", 1)[0]), i)
            regions.setdefault(normalise(cand.name.rsplit(" ", 1)[0]), i)
    for i, cand in enumerate(cands):
        if cand.place is not None and cand.place.kind != "country" and len(cand.words) == 1:
            j = regions.get(normalise(cand.name))
            if j is not None:
                uf.union(j, i)


# -- adding clusters ------------------------------------------------------------------------
def _add_cluster(table: ActorTable, cluster: list[_Cand], gaz: Gazetteer, kb: KnowledgeBase | None) -> str | None:
    if all(c.weak for c in cluster):
        return None  # a maker named only inside its products' names
    kind = _vote_kind(cluster)
    if kind is None:
        return None
    place = _best_place(cluster) if kind == ActorKind.GPE else None
    if place is not None and all(c.label == "NORP" and not c.acts for c in cluster if not c.weak):
        # "the Saudis", "Palestinians" where the document names no such country and they do not act for it
        kind, place = ActorKind.GROUP, None
        cluster = [c for c in cluster if not c.weak]
    seat = next((c.seat for c in cluster if c.seat is not None), None)
    name = place.name if place is not None else _best_name(cluster, kind)
    same_as: tuple[str, ...] = place.same_as if place is not None else ()
    entry = kb.lookup(name) if kb is not None else None
    if kb is not None and entry is None and place is None:
        entry = next((kb.lookup(c.name) for c in cluster if kb.lookup(c.name)), None)
    if entry is not None:
        name, same_as = (entry.label if place is None else name), (*same_as, entry.iri)
        if entry.kind and place is None:
            kind = ActorKind(entry.kind)
    stands_for = None
    if seat is not None:
        stands_for = add_place(table, seat)
    elif place is not None and any(c.acts for c in cluster):
        country = gaz.capital_of(place)
        stands_for = add_place(table, country) if country is not None else None
    affiliation = next((c.affiliation for c in cluster if c.affiliation is not None), None)
    found_titles = [t for c in cluster for t in c.titles]
    label = name
    if kind == ActorKind.ORGANIZATION and entry is None:
        name = strip_legal_form(name)  # "Apple Inc." and "Apple" are one node in every document
    key = table.add_named(
        name, kind, None,
        titles=tuple(dict.fromkeys(found_titles)) if kind == ActorKind.PERSON else (),
        same_as=same_as or None,
        country_code=place.code if place is not None else (seat.code if seat is not None else None),
        stands_for=stands_for,
        affiliation=add_place(table, affiliation) if affiliation is not None
        and kind in (ActorKind.PERSON, ActorKind.ORGANIZATION) else None,
    )
    for cand in cluster:
        table.add_mention(key, cand.mention)
    if label != name:
        table.update(key, name=label)
    if place is not None:
        # the node is keyed by the linked name, but labelled as the article names it ("Mecca", not "Makkah";
        # "U.S.", "United States of America", not "United States")
        surface = _surface_name(cluster, place, gaz)
        if surface is not None and normalise(surface) != normalise(place.name):
            table.update(key, name=surface)
    return key


def _surface_name(cluster: list[_Cand], place: Place, gaz: Gazetteer) -> str | None:
    """The article's name for a place: the canonical name if the article uses it, else its most frequent name
    (a full name before an acronym, then the longest); never a demonym."""
    forms = [c.text if is_acronym(c.name) else c.name for c in cluster
             if c.label != "NORP" and c.place is not None and gaz.lookup(c.name) in (place, None)
             and (gaz.lookup(c.name) is not None or c.place == place)]
    if not forms:
        return None
    if any(normalise(f) == normalise(place.name) for f in forms):
        return place.name
    counts = Counter(forms)
    return max(forms, key=lambda f: (counts[f], not is_acronym(f), len(f)))


def _vote_kind(cluster: list[_Cand]) -> ActorKind | None:
    if any(c.label == "PERSON" and len(c.words) > 1 and c.place is None for c in cluster):
        return ActorKind.PERSON
    if any(c.seat is not None for c in cluster):
        return ActorKind.ORGANIZATION
    if any(c.label == THING and is_storm(c.words) for c in cluster):
        return ActorKind.OTHER  # "Phailin" after "Cyclone Phailin" is the storm
    if any(c.place is not None for c in cluster):
        return ActorKind.GPE
    votes = Counter(c.kind for c in cluster if c.kind is not None)
    if not votes:
        return None
    order = [c.kind for c in cluster if c.kind is not None]
    return max(votes, key=lambda k: (votes[k], -order.index(k)))


def _best_place(cluster: list[_Cand]) -> Place | None:
    places = [c.place for c in cluster if c.place is not None]
    if not places:
        return None
    return max(places, key=lambda p: (p.kind == "region" and len(p.name.split()) > 1, -places.index(p)))


def _best_name(cluster: list[_Cand], kind: ActorKind) -> str:
    """The longest clean form; acronyms only when nothing else is there."""
    names = [c.name for c in cluster if c.kind is not None] or [c.name for c in cluster]
    counts = Counter(names)
    full = [n for n in names if not is_acronym(n)] or names
    return max(full, key=lambda n: (len(n.split()), counts[n], -names.index(n)))
