"""One generic test runs every example written beside the role and kind rules of each language
(``lang/<lang>/investment_examples.tsv`` and ``kind_rules_examples.tsv``)."""
import re

import pytest

from corpus_tools.extract.investments import annotate_text
from corpus_tools.extract.kinds import context, rule_kind
from corpus_tools.lang import LANGUAGES
from tests.examples import example_rows

_MARKED = re.compile(r"\[\[(.+?)\]\]")


def _unmarked(sentence: str) -> tuple[str, int, int]:
    marked = _MARKED.search(sentence)
    text = sentence[:marked.start()] + marked.group(1) + sentence[marked.end():]
    return text, marked.start(), marked.start() + len(marked.group(1))


ROLE_EXAMPLES = [pytest.param(lang, row, id=f"{lang}:{row['sentence'][:50]}")
                 for lang in LANGUAGES for row in example_rows(lang, "investment_examples.tsv")]
KIND_EXAMPLES = [pytest.param(lang, row, id=f"{lang}:{row['rule']}:{row['fires']}:{row['sentence'][:40]}")
                 for lang in LANGUAGES for row in example_rows(lang, "kind_rules_examples.tsv")]


def _names(cell: str) -> list[str]:
    return [] if cell == "-" else [name for name in cell.split(";") if name]


@pytest.mark.parametrize("lang,row", ROLE_EXAMPLES)
def test_role_example(lang, row):
    text, start, end = _unmarked(row["sentence"])
    amounts = [a for a in annotate_text(text, lang) if a["start"] < end and start < a["end"]]
    assert len(amounts) == 1, [a["text"] for a in amounts]
    amount = amounts[0]
    assert amount["kind"] == row["kind"], amount["kind_cue"]
    assert _names(amount["investors"]) == _names(row["investors"])
    assert amount["recipient"] == ("" if row["recipient"] == "-" else row["recipient"])
    for name in _names(row["not_parties"]):
        assert name not in _names(amount["investors"]) + [amount["recipient"]]


@pytest.mark.parametrize("lang,row", KIND_EXAMPLES)
def test_kind_rule_example(lang, row):
    text, start, end = _unmarked(row["sentence"])
    decided = rule_kind(lang, *context(text, start, end))
    if row["fires"] == "yes":
        assert decided is not None and decided[1] == row["rule"], decided
    else:
        assert decided is None or decided[1] != row["rule"], decided


def test_every_rule_has_examples_and_near_misses_exist():
    from corpus_tools.lang import resource

    for lang in LANGUAGES:
        rows = example_rows(lang, "kind_rules_examples.tsv")
        assert {name for _, name, _, _ in resource(lang, "kind_rules").RULES} <= {r["rule"] for r in rows}
        assert any(r["fires"] == "no" for r in rows)
        assert any(r["not_parties"] != "-" for r in example_rows(lang, "investment_examples.tsv"))
