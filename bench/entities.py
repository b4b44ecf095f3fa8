"""Speed and memory of extract_entities per process, one language at a time.

    .venv/bin/python bench/entities.py [--chars N] [--against CHECKOUT ...] [--runs N]

Text: the project's sample corpus plus ../shared/corpus/seeds and ../shared/dev/news when present,
document by document, cycled to about ``--chars`` characters per language. Each language runs in a
fresh process, so that the peak resident memory printed is that of one worker holding one
language's pipeline (model, gazetteer, organisation scorer) after the whole mix went through it.
Words per CPU second is the figure to compare on a shared machine. ``--against`` times other
checkouts (``git worktree add /tmp/base 37782bd``) on the same mix, interleaved with this one
``--runs`` times, and prints each one's median: speed measured back to back, under the same load.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _documents(lang: str) -> list[str]:
    from corpus_tools.jobs import ingest

    inputs = [REPO / "data" / "sample"]
    seeds = REPO.parent / "shared" / "corpus" / "seeds"
    if seeds.exists():
        inputs.append(seeds)
    documents = ingest(inputs, progress=False).documents
    bodies = list(documents.loc[documents["lang"] == lang, "body"])
    dev = REPO.parent / "shared" / "dev" / "news" / "excerpts.jsonl"
    if dev.exists():
        rows = [json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
        bodies += [row["text"] for row in rows if row["lang"] == lang]
    return bodies


def _mix(lang: str, chars: int) -> list[str]:
    bodies = _documents(lang)
    mix, total = [], 0
    while total < chars:
        for body in bodies:
            mix.append(body)
            total += len(body)
            if total >= chars:
                break
    return mix


def _one_language(lang: str, mix: list[str]) -> dict:
    """Times extract_entities of the checkout first on sys.path over ``mix``."""
    import resource

    from corpus_tools.extract.entities import extract_entities
    from corpus_tools.pipeline.models import entity_pipeline

    model = entity_pipeline(lang).meta["name"]
    extract_entities(mix[0], lang=lang)  # load the pipeline outside the timing
    start, cpu_start = time.perf_counter(), time.process_time()
    organisations = sum(1 for body in mix for e in extract_entities(body, lang=lang) if e.label == "ORG")
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    words = sum(len(body.split()) for body in mix)
    return {"model": model, "docs": len(mix), "chars": sum(map(len, mix)), "words": words, "orgs": organisations,
            "words/s": words / seconds, "words/cpu-s": words / cpu_seconds,
            "peak MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _run(checkout: Path, lang: str, mix_file: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(checkout), "--lang", lang, "--mix", str(mix_file)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[-1])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--against", nargs="*", default=[], type=Path, help="other checkouts to time on the same mix")
    parser.add_argument("--runs", type=int, default=1, help="interleaved runs per checkout (the median is printed)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    parser.add_argument("--mix", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        sys.path.insert(0, str(args.child))
        print(json.dumps(_one_language(args.lang, json.loads(args.mix.read_text(encoding="utf-8")))))
        return
    sys.path.insert(0, str(REPO))
    from corpus_tools.lang import LANGUAGES

    checkouts = [REPO] + [path.resolve() for path in args.against]
    print(f"{'lang':<5}{'checkout':<28}{'model':<24}{'docs':>6}{'chars':>10}{'words':>9}{'orgs':>7}{'words/s':>10}"
          f"{'words/cpu-s':>12}{'peak MB':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for lang in LANGUAGES:
            mix_file = Path(folder) / f"{lang}.json"
            mix_file.write_text(json.dumps(_mix(lang, args.chars)), encoding="utf-8")
            runs = {checkout: [] for checkout in checkouts}
            for _ in range(args.runs):
                for checkout in checkouts:
                    runs[checkout].append(_run(checkout, lang, mix_file))
            for checkout, results in runs.items():
                r = results[0]
                median = {key: statistics.median(x[key] for x in results) for key in ("words/s", "words/cpu-s", "peak MB")}
                print(f"{lang:<5}{str(checkout)[-27:]:<28}{r['model']:<24}{r['docs']:>6}{r['chars']:>10,}{r['words']:>9,}"
                      f"{r['orgs']:>7,}{median['words/s']:>10,.0f}{median['words/cpu-s']:>12,.0f}{median['peak MB']:>10,.0f}")


if __name__ == "__main__":
    main()
