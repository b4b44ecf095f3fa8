"""Rebuild ``corpus_tools/lang/<lang>/words.txt``: words that tell one language from the others,
counted on the training sets (``../shared/train``), never on the development set.

A word is kept for a language when it is written in lower case in at least MIN_EXCERPTS of that
language's excerpts and in none of the other languages' (names, which are shared across languages
and mostly capitalised, fall out). Only the word list enters the repository.

    .venv/bin/python bench/language_words.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = parser.parse_args(argv)
    seen = {lang: Counter() for lang in LANGUAGES}  # excerpts where the word is written in lower case
    anywhere = {lang: Counter() for lang in LANGUAGES}  # excerpts where it occurs in any case
    n_excerpts = Counter()
    for lang, text in training_excerpts(Path(args.shared)):
        if lang not in LANGUAGES:
            continue
        n_excerpts[lang] += 1
        words = _WORD.findall(text)
        seen[lang].update({w for w in words if w.islower() and len(w) >= MIN_LETTERS})
        anywhere[lang].update({w.lower() for w in words})
    for lang in LANGUAGES:
        others = [other for other in LANGUAGES if other != lang]
        kept = sorted(word for word, count in seen[lang].items()
                      if count >= MIN_EXCERPTS and not any(anywhere[other][word] for other in others))
        header = (f"# Words of {lang} absent from the other languages' training excerpts; rebuilt by "
                  f"bench/language_words.py from {n_excerpts[lang]} excerpts of ../shared/train.\n")
        (PACKAGE / lang / "words.txt").write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
        print(f"{lang}: {len(kept)} words from {n_excerpts[lang]} excerpts")


if __name__ == "__main__":
    main()
