"""Speed of extract_amounts beside spaCy's tokenizer alone, on the same text, in one run.

    .venv/bin/python bench/amounts.py [--repeat N]

Text: the project's sample corpus plus ../shared/corpus/seeds when present, repeated to about
a million characters per language. Also prints the time per character at growing lengths of an
adversarial string, to show the scan stays linear.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corpus_tools.jobs import ingest  # noqa: E402
from corpus_tools.extract.money import extract_amounts  # noqa: E402


def _texts() -> dict[str, str]:
    inputs = [REPO / "data" / "sample"]
    seeds = REPO.parent / "shared" / "corpus" / "seeds"
    if seeds.exists():
        inputs.append(seeds)
    documents = ingest(inputs, progress=False).documents
    by_lang = {}
    for lang in ("en", "fr"):
        text = "\n\n".join(documents.loc[documents["lang"] == lang, "body"])
        by_lang[lang] = (text + "\n\n") * max(1, 1_000_000 // max(len(text), 1))
    return by_lang


def _best(function, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import spacy

    print(f"{'lang':<5}{'chars':>10}{'words':>10}{'amounts':>9}{'extract w/s':>14}{'tokenizer w/s':>15}{'ratio':>7}")
    for lang, text in _texts().items():
        words = len(text.split())
        tokenizer = spacy.blank(lang).tokenizer
        found = len(extract_amounts(text, lang=lang))
        extract_s = _best(lambda: extract_amounts(text, lang=lang), args.repeat)
        tokenize_s = _best(lambda: tokenizer(text), args.repeat)
        print(f"{lang:<5}{len(text):>10,}{words:>10,}{found:>9,}{words / extract_s:>14,.0f}"
              f"{words / tokenize_s:>15,.0f}{tokenize_s / extract_s:>7.2f}")
    print("\nlinearity on an adversarial string ('$1,000,' repeated):")
    for n in (10_000, 40_000, 160_000):
        text = ("$1,000," * n)[: n * 7]
        seconds = _best(lambda: extract_amounts(text, lang="en"), 1)
        print(f"  {len(text):>9,} chars  {seconds * 1e6 / len(text):6.2f} µs/char")


if __name__ == "__main__":
    main()
