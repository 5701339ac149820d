"""Throughput and memory benchmark of kgbuild against bare spaCy, on the same texts, in one run.

    python bench/run.py [--corpus DIR] [--rounds N] [--rss-docs 100 1000] [--rss-chars N] [--profile]
                        [--news-docs 200] [--gold DIR]

News (``--news-docs``, 0 to skip): the seed and the Wikinews articles of the shared gold (``gum-dev``,
``meantime-dev``, ``gum-interview``) repeated to 200 documents, each side a fresh process with its
start-up included: ``spacy.load`` + ``nlp.pipe`` against ``kgbuild build corpus.jsonl -o out.nt``
(and ``-j 2``), as users run them.

Prints: bare spaCy ``nlp.pipe`` words/s and docs/s (the same model, loaded with ``spacy.load``);
kgbuild's spaCy pipeline (the model plus its entity ruler); kgbuild end to end (parse, extract, map,
validate, write N-Triples) with --jobs 1 and --jobs 2; the ratios; and peak RSS (VmHWM) of a fresh
``kgbuild build`` process for the corpus repeated to each size in ``--rss-docs``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_corpus(folder: Path) -> list[dict]:
    docs = []
    for path in sorted(folder.glob("*.jsonl")):
        docs += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"id": d["id"], "text": d["text"]} for d in docs]


def write_jsonl(docs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def repeat(docs: list[dict], n: int, chars: int | None) -> list[dict]:
    return [{"id": f"{docs[i % len(docs)]['id']}-{i // len(docs)}", "text": docs[i % len(docs)]["text"][:chars]}
            for i in range(n)]


NEWS_FOLDERS = ("gum-dev", "meantime-dev", "gum-interview")
SPACY_PROCESS = ("import json, sys, spacy; nlp = spacy.load(sys.argv[1]); "
                 "texts = [json.loads(l)['text'] for l in open(sys.argv[2], encoding='utf-8') if l.strip()]; "
                 "assert sum(1 for _ in nlp.pipe(texts)) == len(texts)")


def news_corpus(gold: Path, n: int) -> list[dict]:
    """The seed and the Wikinews texts of the shared gold, in name order, repeated to ``n`` documents."""
    paths = [ROOT / "examples" / "seed-article.txt"]
    for folder in NEWS_FOLDERS:
        paths += sorted((gold / folder).glob("*.txt"))
    docs = [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in paths]
    return repeat(docs, n, None)


def news_ratios(docs: list[dict], folder: Path, rounds: int, model: str, skip_jobs: bool) -> None:
    """Fresh processes, start-up included on both sides, rounds in rotating order; medians of the ratios."""
    corpus = write_jsonl(docs, folder / "news.jsonl")
    words = sum(len(d["text"].split()) for d in docs)
    print(f"news: {len(docs)} documents, {words:,} words (seed, {', '.join(NEWS_FOLDERS)}; repeated)")

    def spacy_run() -> None:
        subprocess.run([sys.executable, "-c", SPACY_PROCESS, model, str(corpus)], check=True)

    def kgbuild_run(jobs: int) -> None:
        subprocess.run([sys.executable, "-m", "kgbuild", "build", str(corpus), "-o", str(folder / f"news{jobs}.nt"),
                        "--jobs", str(jobs)], check=True, capture_output=True)

    runs = {"bare": spacy_run, "j1": partial(kgbuild_run, 1)}
    if not skip_jobs:
        runs["j2"] = partial(kgbuild_run, 2)
    names, rows = list(runs), []
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        spent = {name: timed(runs[name]) for name in order}
        rows.append(spent)
        print(f"news round {r + 1} ({', '.join(order)}): bare spaCy {spent['bare']:.1f} s, kgbuild -j 1 "
              f"{spent['j1']:.1f} s" + (f", -j 2 {spent['j2']:.1f} s" if "j2" in spent else ""))
    ratio = [row["bare"] / row["j1"] for row in rows]
    print(f"  news, start-up included: kgbuild / bare spaCy {statistics.median(ratio):.2f} "
          f"(rounds {min(ratio):.2f}-{max(ratio):.2f}; target ≥ 0.75)")
    if not skip_jobs:
        speedup = [row["j1"] / row["j2"] for row in rows]
        same = (folder / "news1.nt").read_bytes() == (folder / "news2.nt").read_bytes()
        print(f"  news -j 2 / -j 1: {statistics.median(speedup):.2f} (rounds {min(speedup):.2f}-{max(speedup):.2f}; "
              f"target ≥ 1.7); identical output: {same}")


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak_rss_mib(corpus: Path, out: Path) -> tuple[float, float]:
    """Run a fresh build process; return (its peak RSS in MiB, seconds)."""
    code = ("import sys; from kgbuild import build_to; "
            "s = build_to([sys.argv[1]], sys.argv[2]); assert s.conforms and s.documents, s; "
            "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(corpus), str(out)], capture_output=True, text=True,
                          check=True)
    return int(done.stdout.strip().splitlines()[-1]) / 1024, time.perf_counter() - start


def profile(fn) -> None:
    """Where the time of one end-to-end run goes: pyinstrument's call tree, stages above 2%."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.002)
    profiler.start()
    fn()
    profiler.stop()
    print(profiler.output_text(unicode=True, show_all=False, time="percent_of_total", flat=False,
                               processor_options={"filter_threshold": 0.02}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rss-docs", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--rss-chars", type=int, default=None, help="truncate texts in the RSS runs (time)")
    parser.add_argument("--skip-jobs", action="store_true", help="do not measure --jobs 2")
    parser.add_argument("--rounds", type=int, default=4, help="repeat the throughput runs (medians are reported)")
    parser.add_argument("--news-docs", type=int, default=200, help="news documents (0: skip the news runs)")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "eval" / "gold")
    parser.add_argument("--profile", action="store_true",
                        help="also profile one end-to-end run with pyinstrument (pip install pyinstrument)")
    args = parser.parse_args()

    import spacy

    from kgbuild import build_to
    from kgbuild.config import Settings
    from kgbuild.nlp import load_nlp

    docs = read_corpus(args.corpus)
    texts = [d["text"] for d in docs]
    words = sum(len(t.split()) for t in texts)
    settings = Settings()
    print(f"corpus: {args.corpus} — {len(texts)} documents, {words:,} words; model {settings.model}")

    start = time.perf_counter()
    bare = spacy.load(settings.model)
    load_bare = time.perf_counter() - start
    start = time.perf_counter()
    nlp = load_nlp(settings.model)
    load_nlp_s = time.perf_counter() - start
    print(f"start-up (once per process, not in the rates below): spaCy model {load_bare:.1f} s; kgbuild's "
          f"pipeline {load_nlp_s:.1f} s", end="")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_jsonl(docs, folder / "corpus.jsonl")
        summary = None

        def run(jobs: int) -> None:
            nonlocal summary
            summary = build_to([corpus], folder / f"out{jobs}.nt", settings, jobs=jobs)
            assert summary.conforms and summary.documents == len(texts), summary

        # warm-up: the first document of each (spaCy's first batch; kgbuild's shapes, ontology, lexicons)
        [None for _ in bare.pipe(texts[:1])]
        [None for _ in nlp.pipe(texts[:1])]
        warm = timed(lambda: build_to([write_jsonl(docs[:1], folder / "one.jsonl")], folder / "one.nt", settings))
        print(f"; kgbuild's first document {warm:.1f} s")

        # Paired measurements: the machine's speed drifts by 10-20 % over minutes, so each round runs bare
        # spaCy, kgbuild's pipeline and kgbuild end to end (-j 1, -j 2) on the whole corpus one after the
        # other, in an order that rotates between rounds, and gives ratios of runs made side by side.
        def parse(model) -> None:
            [None for _ in model.pipe(texts)]  # spaCy's own batch size, as a user of bare spaCy runs it

        jobs = {"bare": partial(parse, bare), "nlp": partial(parse, nlp), "j1": partial(run, 1)}
        if not args.skip_jobs:
            jobs["j2"] = partial(run, 2)
        names = list(jobs)
        rows = []
        for r in range(args.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            spent = {name: timed(jobs[name]) for name in order}
            rows.append((spent["bare"], spent["nlp"], spent["j1"], spent.get("j2", float("nan"))))
            print(f"round {r + 1} ({', '.join(order)}): bare spaCy {spent['bare']:.1f} s, kgbuild's pipeline "
                  f"{spent['nlp']:.1f} s, kgbuild end to end -j 1 {spent['j1']:.1f} s, -j 2 "
                  f"{spent.get('j2', float('nan')):.1f} s")

        def median(values: list[float]) -> float:
            return statistics.median(values)

        t_bare, t_nlp, t1, t2 = (median([row[k] for row in rows]) for k in range(4))
        ratio = [row[0] / row[2] for row in rows]
        ratio_nlp = [row[1] / row[2] for row in rows]
        print(f"median of {args.rounds} rounds:")
        print(f"bare spaCy nlp.pipe:       {words / t_bare:8.0f} words/s {len(texts) / t_bare:6.2f} docs/s")
        print(f"kgbuild's spaCy pipeline:  {words / t_nlp:8.0f} words/s {len(texts) / t_nlp:6.2f} docs/s")
        print(f"kgbuild end to end -j 1:   {words / t1:8.0f} words/s {len(texts) / t1:6.2f} docs/s "
              f"({summary.triples} triples)")
        print(f"  ratio to bare spaCy: {median(ratio):.2f} (rounds {min(ratio):.2f}-{max(ratio):.2f}; "
              f"target ≥ 0.75); to kgbuild's spaCy pipeline: {median(ratio_nlp):.2f}")
        if not args.skip_jobs:
            speedup = [row[2] / row[3] for row in rows]
            same = (folder / "out1.nt").read_bytes() == (folder / "out2.nt").read_bytes()
            print(f"kgbuild end to end -j 2:   {words / t2:8.0f} words/s {len(texts) / t2:6.2f} docs/s "
                  "(worker start-up included)")
            print(f"  speed-up -j 2 / -j 1: {median(speedup):.2f} (rounds {min(speedup):.2f}-{max(speedup):.2f}; "
                  f"target ≥ 1.7); identical output: {same}")
        if args.news_docs:
            news_ratios(news_corpus(args.gold, args.news_docs), folder, args.rounds, settings.model, args.skip_jobs)
        if args.profile:
            profile(lambda: run(1))
        rss = {}
        for n in args.rss_docs:
            path = write_jsonl(repeat(docs, n, args.rss_chars), folder / f"rep{n}.jsonl")
            rss[n], seconds = peak_rss_mib(path, folder / f"rep{n}.nt")
            print(f"peak RSS, {n:5d} documents: {rss[n]:7.1f} MiB ({seconds:.0f} s"
                  f"{f', texts cut to {args.rss_chars} chars' if args.rss_chars else ''})")
        if len(rss) >= 2:
            lo, hi = min(rss), max(rss)
            print(f"  RSS {hi} / {lo} documents: {rss[hi] / rss[lo]:.2f} (target ≤ 1.2)")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"(largest child's max RSS per getrusage: {children:.1f} MiB)")


if __name__ == "__main__":
    main()
