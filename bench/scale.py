"""Does the time per character stay flat as a document grows? (Every step should be linear.)

    python bench/scale.py [--text examples/seed-article.txt] [--copies 1 4 16] [--quotes 250 1000 4000]

Two families of documents, each built end to end in this process (``kgbuild.build_text``: parse,
extract, map, validate), after one warm-up build:
- a news article (the seed by default) concatenated 1, 4 and 16 times into one document;
- a "quote storm": N short quotations, each with its speaker ('"Point i stands," an official said.').
For each size it prints the seconds, the microseconds per character and the ratio of that to the
smallest size: a step that scans all quotes per quote, or all mentions per mention, shows as a ratio
growing with the size; a linear pipeline keeps it near 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_build(text: str) -> tuple[float, int]:
    """Seconds to build and validate ``text`` as one document, and its triples (a graph that does not
    conform raises)."""
    from kgbuild import build_text

    start = time.perf_counter()
    graph = build_text(text, doc_id="scale")
    return time.perf_counter() - start, len(graph)


def family(name: str, texts: list[tuple[str, str]]) -> list[str]:
    rows, base = [], None
    for label, text in texts:
        seconds, triples = timed_build(text)
        per_char = seconds / len(text) * 1e6
        base = base or per_char
        rows.append(f"| {name} | {label} | {len(text):,} | {triples:,} | {seconds:.1f} | {per_char:.1f} | "
                    f"{per_char / base:.2f} |")
        print(rows[-1], flush=True)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", type=Path, default=ROOT / "examples" / "seed-article.txt")
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--quotes", type=int, nargs="+", default=[250, 1000, 4000])
    args = ap.parse_args()
    article = args.text.read_text(encoding="utf-8")
    timed_build(article)  # warm-up: model, lexicons, shapes
    rows = ["| document | size | characters | triples | seconds | µs per character | ratio to the smallest |",
            "|---|---|---|---|---|---|---|"]
    rows += family("news article", [(f"{n}×", "\n\n".join([article] * n)) for n in args.copies])
    storm = [(f"{n} quotes", "Officials speak\n" + " ".join(f'"Point {i} stands," an official said.'
                                                           for i in range(n))) for n in args.quotes]
    rows += family("quote storm", storm)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
