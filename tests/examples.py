"""The example files written beside each language's rules (``lang/<lang>/*_examples.tsv``): tab-
separated, a header row, ``#`` lines are comments. Every generic example test reads them here."""
import csv
from importlib import resources


def example_rows(lang: str, name: str) -> list[dict]:
    text = resources.files(f"corpus_tools.lang.{lang}").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                               delimiter="\t", quoting=csv.QUOTE_NONE))
