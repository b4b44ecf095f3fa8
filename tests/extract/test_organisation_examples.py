"""One generic test runs every example written beside the organisation rules of each language."""
import pytest

from corpus_tools import extract_entities
from corpus_tools.lang import LANGUAGES
from tests.examples import example_rows


def _examples(lang):
    return [pytest.param(lang, row, id=f"{lang}:{row['text'][:50]}")
            for row in example_rows(lang, "organisation_examples.tsv")]


def _names(cell):
    return [name for name in cell.split("|") if name]


EXAMPLES = [example for lang in LANGUAGES for example in _examples(lang)]


def test_every_language_has_examples_and_near_misses():
    for lang in LANGUAGES:
        rows = [p.values[1] for p in EXAMPLES if p.values[0] == lang]
        assert len(rows) >= 12 and sum(1 for row in rows if row["not_found"]) >= 6, lang


@pytest.mark.parametrize("lang,row", EXAMPLES)
def test_organisation_example(lang, row):
    organisations = [e.text for e in extract_entities(row["text"], lang=lang) if e.label == "ORG"]
    for name in _names(row["found"]):
        assert name in organisations, (name, organisations)
    expected = _names(row["found"])
    for name in _names(row["not_found"]):
        wrong = [o for o in organisations if (name in o or o in name) and o not in expected]
        assert not wrong, (name, organisations)
