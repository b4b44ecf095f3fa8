"""One generic test runs the examples written beside each language's cues and dates."""
import pytest

from corpus_tools.ingest.language import detect_language
from corpus_tools.ingest.metadata import parse_date
from corpus_tools.lang import LANGUAGES
from tests.examples import example_rows


def _rows(lang, name):
    return [pytest.param(lang, row, id=f"{lang}:{list(row.values())[0][:50]}")
            for row in example_rows(lang, name)]


LANGUAGE_EXAMPLES = [p for lang in LANGUAGES for p in _rows(lang, "language_examples.tsv")]
DATE_EXAMPLES = [p for lang in LANGUAGES for p in _rows(lang, "dates_examples.tsv")]


def test_every_language_has_examples_and_near_misses():
    for lang in LANGUAGES:
        rows = [p.values[1] for p in LANGUAGE_EXAMPLES if p.values[0] == lang]
        assert sum(r["expected"] == lang for r in rows) >= 10 and sum(r["expected"] != lang for r in rows) >= 4


@pytest.mark.parametrize("lang,row", LANGUAGE_EXAMPLES)
def test_language_example(lang, row):
    assert detect_language(row["text"]) == row["expected"]


@pytest.mark.parametrize("lang,row", DATE_EXAMPLES)
def test_date_example(lang, row):
    assert parse_date(row["value"], lang) == ("" if row["iso"] == "-" else row["iso"])
