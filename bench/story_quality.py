"""Precision and recall of the story links (``kgbuild story``) against the gold in ``bench/stories/``.

    python bench/story_quality.py [--half dev|report|both] [--notes] [--jobs N]

Each gold group (``bench/stories/GROUP.yaml``, conventions in ``bench/stories/README.md``) lists its
articles, the events and claims that are the same across them, and the claims that contradict or support
each other. The group's articles are built and linked as ``kgbuild story`` does; then, over pairs:

* events: two per-article events the story groups into one story event form a pair; it is right when both
  map to mentions of the same gold event (same article, a trigger word of the gold mention among the
  event's trigger words). Recall: gold pairs (mentions of one gold event in two articles) found.
* claims: the same with story claims, a per-article claim mapping to a gold claim mention when their
  content words overlap (Dice >= 0.5, as ``../shared/eval/score.py`` matches claims).
* relations: a claim relation is right when its two claims map to the two gold claims of a gold relation
  of the same kind (contradicts / supports), in either direction.

``--notes`` lists every wrong and missed link (development half only: never read the report half's).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "bench" / "stories"
SHARED = ROOT.parent / "shared" / "eval" / "gold"
_WORD = re.compile(r"\w+")


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text) if len(w) > 2)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _path(entry: str) -> Path:
    return SHARED / entry[len("shared:"):] if entry.startswith("shared:") else ROOT / entry


def _corpus(gold: dict, folder: Path) -> tuple[Path, dict[str, str]]:
    """A JSONL corpus of the group's articles (ids, texts, publishers, dates) and article id -> doc IRI."""
    from kgbuild.config import DEFAULT_BASE
    from kgbuild.rdf.iris import Minter

    minter = Minter(DEFAULT_BASE)
    corpus = folder / "corpus.jsonl"
    iris = {}
    with corpus.open("w", encoding="utf-8") as out:
        for article in gold["articles"]:
            text = _path(article["path"]).read_text(encoding="utf-8")
            title, _, body = text.partition("\n")
            doc_id = f"{gold['group']}-{article['id']}"
            out.write(json.dumps({"id": doc_id, "title": title.strip(), "text": body.strip(),
                                  "publisher": article.get("publisher"), "published": article.get("published")},
                                 ensure_ascii=False) + "\n")
            iris[article["id"]] = str(minter.document(doc_id))
    return corpus, iris


class Tally:
    def __init__(self) -> None:
        self.c: dict[str, int] = defaultdict(int)

    def prf(self, name: str) -> tuple[float, float, float]:
        tp, fp, fn = self.c[f"{name}.tp"], self.c[f"{name}.fp"], self.c[f"{name}.fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for g in groups for i, a in enumerate(g) for b in g[i + 1:] if a != b}


def score_group(gold: dict, tally: Tally, notes: list[str], jobs: int) -> None:
    from kgbuild.runner.story import build_story

    with tempfile.TemporaryDirectory() as tmp:
        corpus, iris = _corpus(gold, Path(tmp))
        built = build_story([corpus], jobs=jobs)
    story = built.story
    article_of = {iri: aid for aid, iri in iris.items()}
    # events: system event -> gold event id (via article + trigger words)
    gold_event = {}
    for event in gold.get("events", []):
        for mention in event["mentions"]:
            for trigger in mention["triggers"]:
                gold_event[(mention["article"], " ".join(_stem(w) for w in trigger.split()))] = event["id"]
    def event_key(member) -> str | None:
        aid = article_of.get(member.article)
        for trigger in member.triggers:
            found = gold_event.get((aid, " ".join(_stem(w) for w in trigger.split())))
            if found:
                return f"{found}@{aid}"
        return None
    system_event_pairs = set()
    for event in story.events:
        keys = [event_key(m) or f"?{article_of.get(m.article)}:{'/'.join(m.triggers)}:{m.event.rsplit('/', 1)[-1]}"
                for m in event.members]
        system_event_pairs |= _pairs([keys])
    gold_event_pairs = _pairs([[f"{e['id']}@{m['article']}" for m in e["mentions"]] for e in gold.get("events", [])])
    _count(tally, "events", system_event_pairs, gold_event_pairs, notes, gold["group"])
    # claims: system claim -> gold claim id (via article + content overlap)
    gold_claims = [(c["id"], m["article"], _words(m["text"])) for c in gold.get("claims", []) for m in c["mentions"]]
    def claim_key(ref) -> str | None:
        aid = article_of.get(ref.article)
        best = max(((_dice(_words(ref.text), words), cid) for cid, a, words in gold_claims if a == aid),
                   default=(0.0, None))
        return f"{best[1]}@{aid}" if best[0] >= 0.5 else None
    system_claim_pairs = set()
    for claim in story.claims:
        system_claim_pairs |= _pairs([[claim_key(m) or f"?{article_of.get(m.article)}:{m.text[:50]}"
                                       for m in claim.members]])
    gold_claim_pairs = _pairs([[f"{c['id']}@{m['article']}" for m in c["mentions"]]
                               for c in gold.get("claims", []) if len({m["article"] for m in c["mentions"]}) > 1])
    _count(tally, "claims", system_claim_pairs, gold_claim_pairs, notes, gold["group"])
    # relations, between gold claims (cluster level)
    system_relations = set()
    for relation in story.relations:
        a, b = claim_key(relation.source), claim_key(relation.target)
        kind = "contradicts" if relation.contradicts else "supports"
        system_relations.add((kind, frozenset((a.split("@")[0] if a else f"?{relation.source.text[:50]}",
                                               b.split("@")[0] if b else f"?{relation.target.text[:50]}"))))
    gold_relations = {(r["kind"], frozenset((r["from"], r["to"]))) for r in gold.get("relations", [])}
    _count(tally, "relations", system_relations, gold_relations, notes, gold["group"])


def _count(tally: Tally, name: str, system: set, gold: set, notes: list[str], group: str) -> None:
    tally.c[f"{name}.tp"] += len(system & gold)
    tally.c[f"{name}.fp"] += len(system - gold)
    tally.c[f"{name}.fn"] += len(gold - system)
    notes += [f"{group} {name} wrong: {sorted(map(str, x)) if isinstance(x, frozenset) else x}"
              for x in sorted(system - gold, key=str)]
    notes += [f"{group} {name} missed: {sorted(map(str, x)) if isinstance(x, frozenset) else x}"
              for x in sorted(gold - system, key=str)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=["dev", "report", "both"], default="dev")
    ap.add_argument("--notes", action="store_true", help="list wrong and missed links (development half only)")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    halves = ["dev", "report"] if args.half == "both" else [args.half]
    print("| half | groups | events P/R/F1 | claims P/R/F1 | relations P/R/F1 |")
    print("|---|---|---|---|---|")
    for half in halves:
        tally, notes, names = Tally(), [], []
        for path in sorted(STORIES.glob("*.yaml")):
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
            if gold.get("half") != half:
                continue
            if any(a["path"].startswith("shared:") for a in gold["articles"]) and not SHARED.is_dir():
                print(f"{path.name}: skipped (needs {SHARED})", file=sys.stderr)
                continue
            names.append(gold["group"])
            score_group(gold, tally, notes, args.jobs)
        cells = [" ".join(f"{v:.2f}" for v in tally.prf(n)) for n in ("events", "claims", "relations")]
        print(f"| {half} | {', '.join(names)} | {' | '.join(cells)} |")
        if args.notes and half == "dev":
            print("\n".join(notes), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
