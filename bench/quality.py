"""Extraction quality on the shared gold, each development folder split in two halves.

    python bench/quality.py [--gold ../shared/eval/gold] [--half dev|report|both] [FOLDER ...]
                            [--out out/quality] [--notes]

Every folder of the gold (``gum-dev``, ``gum-interview``, ``gum-bio``, ``meantime-dev``) is split
by one fixed rule: its cases sorted by file name, the 1st, 3rd, 5th ... are the *development* half
(rules are looked at and tuned there), the 2nd, 4th, 6th ... the *report* half (only measured).
The seed is its own row. Each case is built with kgbuild (one process, the model loaded once, the
graphs validated as in ``kgbuild build``) into ``OUT/FOLDER/NAME.ttl`` and scored by the shared
``score.py`` through the packaged competency queries, micro-averaged per half. The table printed
at the end is the README's.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("gum-dev", "gum-interview", "gum-bio", "meantime-dev")
COLUMNS = (("actors", "actors"), ("claims", "claims"), ("claimspk", "claims + speaker"), ("events", "events"),
           ("args", "event participants"))


def halves(folder: Path) -> dict[str, list[Path]]:
    """The development and report halves of a gold folder: alternate cases in file-name order."""
    cases = sorted(folder.glob("*.yaml"))
    return {"dev": cases[0::2], "report": cases[1::2]}


def text_of(case: Path) -> Path:
    import yaml

    gold = yaml.safe_load(case.read_text(encoding="utf-8"))
    return (case.parent / gold["text_file"]).resolve()


def build_cases(cases: list[Path], out: Path) -> list[tuple[Path, Path]]:
    """Build each case's text to ``out/NAME.ttl``; returns (gold, graph) pairs."""
    from kgbuild import Settings, build, write_graphs

    out.mkdir(parents=True, exist_ok=True)
    pairs = []
    for case in cases:
        result = build([text_of(case)], Settings())
        if not result.conforms:
            raise SystemExit(f"{case.stem}: graph does not conform: {result.violations[:3]}")
        graph_path = out / f"{case.stem}.ttl"
        write_graphs(result.graphs, graph_path)
        pairs.append((case, graph_path))
    return pairs


def score(pairs: list[tuple[Path, Path]], scorer: Path, notes: bool) -> dict:
    args = [sys.executable, str(scorer), "--queries", str(ROOT / "ontology" / "queries"),
            "--ontology", str(ROOT / "ontology")]
    for gold, graph in pairs:
        args += ["--case", str(gold), str(graph)]
    if notes:
        subprocess.run(args, check=True)
    done = subprocess.run([*args, "--json"], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def row(name: str, summary: dict, annotated: set[str]) -> str:
    cells = []
    for key, _ in COLUMNS:
        group = "claims" if key == "claimspk" else "events" if key == "args" else key
        s = summary[key]
        cells.append(f"{s['f1']:.2f} ({s['p']:.2f}/{s['r']:.2f})" if group in annotated else "—")
    return f"| {name} | " + " | ".join(cells) + " |"


def annotated_in(cases: list[Path]) -> set[str]:
    import yaml

    found: set[str] = set()
    for case in cases:
        gold = yaml.safe_load(case.read_text(encoding="utf-8"))
        found |= {k for k in ("actors", "claims", "events") if gold.get(k)}
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", default=["seed", *FOLDERS])
    ap.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "gold")
    ap.add_argument("--half", choices=("dev", "report", "both"), default="both")
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "quality")
    ap.add_argument("--notes", action="store_true", help="print the scorer's misses and extras too")
    args = ap.parse_args()
    scorer = args.gold.parent / "score.py"
    lines = ["| F1 (P/R) | " + " | ".join(title for _, title in COLUMNS) + " |",
             "|---" * (len(COLUMNS) + 1) + "|"]
    for name in args.folders:
        if name == "seed":
            groups = {"seed": [args.gold / "seed-article.yaml"]}
        else:
            split = halves(args.gold / name)
            wanted = ("dev", "report") if args.half == "both" else (args.half,)
            groups = {f"{name} {h} half ({len(split[h])})": split[h] for h in wanted}
        for label, cases in groups.items():
            out = args.out.joinpath(*label.split()[:2])
            summary = score(build_cases(cases, out), scorer, args.notes)
            lines.append(row(label, summary, annotated_in(cases)))
            print(lines[-1], flush=True)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
