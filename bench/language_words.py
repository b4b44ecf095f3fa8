"""Rebuild the language decision's derived data, counted on the training sets (``../shared/train``),
never on the development set:

- ``corpus_tools/lang/<lang>/words.txt``: words that tell one language from the others. A word is
  kept for a language when it is written in lower case in at least MIN_EXCERPTS of that language's
  excerpts and in none of the other languages' (names, which are shared across languages and mostly
  capitalised, fall out).
- ``corpus_tools/lang/<lang>/language_counts.tsv``: the counts of the short-text model (a
  multinomial naive Bayes, ``ingest/language.py``) fitted on ``../shared/train`` (news and events):
  how often each
  word is written in lower case in that language's excerpts, and each character trigram of those
  words ("^ga", "gal", ... "es$"). Words and trigrams with their counts only, never a sentence.

    .venv/bin/python bench/language_words.py [--shared ../shared]      (or: make train)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_tools.ingest.language import model_tokens, trigrams  # noqa: E402
from corpus_tools.lang import LANGUAGES  # noqa: E402

MIN_EXCERPTS = 3
MIN_LETTERS = 4  # shorter words ("la", "en", "per") are shared with Spanish, Italian or German
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])", re.UNICODE)
PACKAGE = Path(__file__).resolve().parents[1] / "corpus_tools" / "lang"


def training_excerpts(shared: Path):
    for path in sorted((shared / "train").glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                yield record["lang"], record["text"]


def vocabulary_counts(excerpts) -> tuple[dict, dict, Counter]:
    """Per language: in how many excerpts each word is written in lower case (MIN_LETTERS or more),
    in how many it occurs in any case, and the number of excerpts."""
    seen = {lang: Counter() for lang in LANGUAGES}
    anywhere = {lang: Counter() for lang in LANGUAGES}
    n_excerpts = Counter()
    for lang, text in excerpts:
        if lang not in LANGUAGES:
            continue
        n_excerpts[lang] += 1
        words = _WORD.findall(text)
        seen[lang].update({w for w in words if w.islower() and len(w) >= MIN_LETTERS})
        anywhere[lang].update({w.lower() for w in words})
    return seen, anywhere, n_excerpts


def kept_words(seen: dict, anywhere: dict, lang: str) -> list[str]:
    """The words of ``words.txt``: written in lower case in MIN_EXCERPTS of the language's excerpts,
    in none of the other languages'."""
    others = [other for other in LANGUAGES if other != lang]
    return sorted(word for word, count in seen[lang].items()
                  if count >= MIN_EXCERPTS and not any(anywhere[other][word] for other in others))


def model_counts(excerpts) -> tuple[dict, dict, Counter]:
    """The naive Bayes counts per language: lower-case words and their character trigrams."""
    words = {lang: Counter() for lang in LANGUAGES}
    grams = {lang: Counter() for lang in LANGUAGES}
    n_excerpts = Counter()
    for lang, text in excerpts:
        if lang not in LANGUAGES:
            continue
        n_excerpts[lang] += 1
        for word in model_tokens(text):
            if word.islower():
                words[lang][word] += 1
                grams[lang].update(trigrams(word))
    return words, grams, n_excerpts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = parser.parse_args(argv)
    seen, anywhere, n_excerpts = vocabulary_counts(training_excerpts(Path(args.shared)))
    for lang in LANGUAGES:
        kept = kept_words(seen, anywhere, lang)
        header = (f"# Words of {lang} absent from the other languages' training excerpts; rebuilt by "
                  f"bench/language_words.py from {n_excerpts[lang]} excerpts of ../shared/train.\n")
        (PACKAGE / lang / "words.txt").write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
        print(f"{lang}: {len(kept)} words from {n_excerpts[lang]} excerpts")
    write_model_counts(Path(args.shared))


def write_model_counts(shared: Path, package: Path = PACKAGE) -> None:
    """``language_counts.tsv`` for each language, from the training excerpts."""
    words, grams, n_excerpts = model_counts(training_excerpts(shared))
    for lang in LANGUAGES:
        lines = [f"# Counts of the short-text language model, rebuilt by bench/language_words.py from "
                 f"{n_excerpts[lang]} excerpts of ../shared/train: w = a word written in lower case, "
                 f"g = a character trigram of those words (^ and $ mark the word's ends).",
                 "kind\tfeature\tcount"]
        lines += [f"w\t{word}\t{count}" for word, count in sorted(words[lang].items())]
        lines += [f"g\t{gram}\t{count}" for gram, count in sorted(grams[lang].items())]
        (package / lang / "language_counts.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{lang}: {len(words[lang])} words, {len(grams[lang])} trigrams for the short-text model")


if __name__ == "__main__":
    main()
