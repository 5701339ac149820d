"""Check the gold files of the stories-across-articles set (bench/stories/*.yaml).

    python bench/stories/check_gold.py [gold.yaml ...]

For every gold file: the YAML parses and has the expected keys; every article path exists (relative
to the repository root, or ``shared:meantime-dev/<file>`` for ../shared/eval/gold/meantime-dev); every
event trigger occurs in its article as a whole word or phrase (case-insensitive); every claim text is a
verbatim substring of its article; ids are unique and every reference resolves. It prints one line of
counts per group and warns (without failing) when a group is below the set's targets. Exit status 1
on any error.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]  # the repository root (bench/stories -> bench -> root)
SHARED = ROOT.parent / "shared" / "eval" / "gold"
HALVES = {"dev", "report"}
KINDS = {"contradicts": {"denial", "negation", "different-number", "retraction"}, "supports": {"corroboration"}}
# Targets of the brief: cross-article events, claim clusters in 2+ articles, contradicts, supports.
TARGETS = {"default": (3, 2, 1, 0), "kursk": (3, 2, 2, 1), "recall": (3, 2, 2, 1), "storm": (3, 2, 2, 1),
           "election": (3, 2, 2, 1)}


def resolve(path: str) -> Path:
    if path.startswith("shared:"):
        return SHARED / path[len("shared:"):]
    return ROOT / path


def occurs(trigger: str, text: str) -> bool:
    """``trigger`` as a whole word or phrase of ``text``, case-insensitive, any run of spaces."""
    words = [re.escape(w) for w in trigger.split()]
    return re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text, re.IGNORECASE) is not None


def check(gold_path: Path) -> tuple[list[str], list[str], str]:
    errors: list[str] = []
    warnings: list[str] = []
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"does not parse: {exc}"], [], ""
    if not isinstance(gold, dict):
        return ["not a mapping"], [], ""
    for key in ("group", "half", "articles", "events", "claims", "relations"):
        if key not in gold:
            errors.append(f"missing key {key!r}")
    if errors:
        return errors, warnings, ""
    if gold["group"] != gold_path.stem:
        errors.append(f"group {gold['group']!r} is not the file name {gold_path.stem!r}")
    if gold["half"] not in HALVES:
        errors.append(f"half {gold['half']!r} not in {sorted(HALVES)}")

    texts: dict[str, str | None] = {}
    for art in gold["articles"] or []:
        aid = art.get("id")
        for key in ("id", "path", "publisher", "published"):
            if not art.get(key):
                errors.append(f"article {aid!r}: missing {key}")
        if aid in texts:
            errors.append(f"article id {aid!r} repeated")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(art.get("published", ""))):
            errors.append(f"article {aid!r}: published {art.get('published')!r} is not an ISO date")
        file = resolve(str(art.get("path", "")))
        if not file.is_file():
            errors.append(f"article {aid!r}: no file {file}")
            texts[aid] = None  # reported once here, not again for each trigger and claim
        else:
            texts[aid] = file.read_text(encoding="utf-8")

    def known(aid: str, where: str) -> bool:
        if aid not in texts:
            errors.append(f"{where}: unknown article {aid!r}")
            return False
        return True

    ids: set[str] = set()
    cross_events = 0
    for event in gold["events"] or []:
        eid = event.get("id")
        where = f"event {eid!r}"
        if eid in ids:
            errors.append(f"{where}: id repeated")
        ids.add(eid)
        arts = set()
        for m in event.get("mentions") or []:
            aid = m.get("article")
            if not known(aid, where):
                continue
            if aid in arts:
                errors.append(f"{where}: article {aid!r} listed twice")
            arts.add(aid)
            triggers = m.get("triggers") or []
            if not triggers:
                errors.append(f"{where}/{aid}: no triggers")
            for t in triggers:
                if texts[aid] is None:
                    break
                if not isinstance(t, str) or not occurs(t, texts[aid]):
                    errors.append(f"{where}/{aid}: trigger {t!r} not in the text")
        if len(arts) < 2:
            errors.append(f"{where}: fewer than two articles")
        else:
            cross_events += 1

    claim_articles: dict[str, set[str]] = {}
    for claim in gold["claims"] or []:
        cid = claim.get("id")
        where = f"claim {cid!r}"
        if cid in ids:
            errors.append(f"{where}: id repeated (ids are shared by events and claims)")
        ids.add(cid)
        if not claim.get("source"):
            errors.append(f"{where}: no source")
        arts = set()
        for m in claim.get("mentions") or []:
            aid = m.get("article")
            if not known(aid, where):
                continue
            arts.add(aid)
            text = m.get("text")
            if texts[aid] is None:
                continue
            if not isinstance(text, str) or text not in texts[aid]:
                errors.append(f"{where}/{aid}: text not verbatim in the article: {text!r}")
            elif not 5 <= len(text.split()) <= 25:
                warnings.append(f"{where}/{aid}: text has {len(text.split())} words (5-25 expected)")
        if not arts:
            errors.append(f"{where}: no mentions")
        claim_articles[cid] = arts

    related: set[str] = set()
    n_contra = n_supp = 0
    seen = set()
    for rel in gold["relations"] or []:
        kind, typ, src, dst = rel.get("kind"), rel.get("type"), rel.get("from"), rel.get("to")
        where = f"relation {src}->{dst}"
        if kind not in KINDS or typ not in KINDS[kind]:
            errors.append(f"{where}: kind/type {kind}/{typ} not allowed")
        for cid in (src, dst):
            if cid not in claim_articles:
                errors.append(f"{where}: unknown claim {cid!r}")
        if src == dst:
            errors.append(f"{where}: a claim related to itself")
        if (src, dst) in seen or (dst, src) in seen:
            errors.append(f"{where}: repeated")
        seen.add((src, dst))
        related.update((src, dst))
        n_contra += kind == "contradicts"
        n_supp += kind == "supports"

    multi = 0
    for cid, arts in claim_articles.items():
        if len(arts) >= 2:
            multi += 1
        elif cid not in related:
            errors.append(f"claim {cid!r}: in one article and in no relation")

    target = TARGETS.get(gold["group"], TARGETS["default"])
    got = (cross_events, multi, n_contra, n_supp)
    names = ("cross-article events", "claim clusters in 2+ articles", "contradicts", "supports")
    for name, want, have in zip(names, target, got, strict=True):
        if have < want:
            warnings.append(f"below target: {have} {name} (target {want})")
    summary = (f"{gold['group']:<9} {gold['half']:<7} articles {len(texts)}  events {cross_events}  "
               f"claims {len(claim_articles)} ({multi} in 2+ articles)  relations {n_contra + n_supp} "
               f"({n_contra} contradicts, {n_supp} supports)")
    return errors, warnings, summary


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(HERE.glob("*.yaml"))
    failed = False
    for path in paths:
        errors, warnings, summary = check(path)
        print(summary or path.name)
        for w in warnings:
            print(f"  warning: {path.name}: {w}")
        for e in errors:
            print(f"  ERROR: {path.name}: {e}")
        failed |= bool(errors)
    print("FAILED" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
