"""Speed and memory of extract_entities per process, one language at a time.

    .venv/bin/python bench/entities.py [--chars N]

Text: the project's sample corpus plus ../shared/corpus/seeds and ../shared/dev/news when present,
document by document, cycled to about ``--chars`` characters per language. Each language runs in a
fresh process, so that the peak resident memory printed is that of one worker holding one
language's pipeline (model, gazetteer, organisation scorer) after the whole mix went through it.
Words per CPU second is the figure to compare on a shared machine.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


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


def _one_language(lang: str, chars: int) -> None:
    import resource

    from corpus_tools.extract.entities import extract_entities
    from corpus_tools.pipeline.models import entity_pipeline

    bodies = _documents(lang)
    mix, total = [], 0
    while total < chars:
        for body in bodies:
            mix.append(body)
            total += len(body)
            if total >= chars:
                break
    model = entity_pipeline(lang).meta["name"]
    extract_entities(mix[0], lang=lang)  # load the pipeline outside the timing
    start, cpu_start = time.perf_counter(), time.process_time()
    organisations = sum(1 for body in mix for e in extract_entities(body, lang=lang) if e.label == "ORG")
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    words = sum(len(body.split()) for body in mix)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{lang:<5}{model:<24}{len(mix):>6}{total:>10,}{words:>9,}{organisations:>7,}{words / seconds:>10,.0f}"
          f"{words / cpu_seconds:>12,.0f}"
          f"{peak_mb:>10,.0f}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--lang", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.lang:
        _one_language(args.lang, args.chars)
        return
    from corpus_tools.lang import LANGUAGES

    print(f"{'lang':<5}{'model':<24}{'docs':>6}{'chars':>10}{'words':>9}{'orgs':>7}{'words/s':>10}{'words/cpu-s':>12}{'peak MB':>10}")
    for lang in LANGUAGES:
        subprocess.run([sys.executable, __file__, "--lang", lang, "--chars", str(args.chars)], check=True)


if __name__ == "__main__":
    main()
