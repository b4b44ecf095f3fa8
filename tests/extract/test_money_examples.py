"""One generic test runs every example written beside the money rules of each language."""
import pytest

from corpus_tools import extract_amounts
from tests.examples import example_rows


def _examples(lang):
    return [pytest.param(lang, row, id=f"{lang}:{row['text'][:60]}:{row['span']}")
            for row in example_rows(lang, "money_examples.tsv")]


def _number(cell):
    return float(cell) if cell else None


EXAMPLES = _examples("en") + _examples("fr")


def test_example_corpora_are_large_enough():
    for lang in ("en", "fr"):
        rows = [p.values[1] for p in EXAMPLES if p.values[0] == lang]
        negatives = [row for row in rows if row["span"] == "-" or row["span"].startswith("!")]
        assert len(rows) >= 150 and len(negatives) >= 30, lang


@pytest.mark.parametrize("lang,row", EXAMPLES)
def test_money_example(lang, row):
    amounts = extract_amounts(row["text"], lang=lang)
    if row["span"] == "-":
        assert amounts == [], [a.text for a in amounts]
        return
    if row["span"].startswith("!"):  # a near-miss beside real amounts: nothing may overlap it
        start = row["text"].index(row["span"][1:])
        end = start + len(row["span"]) - 1
        assert [a.text for a in amounts if a.start < end and start < a.end] == []
        return
    start = row["text"].index(row["span"])
    end = start + len(row["span"])
    overlapping = [a for a in amounts if a.start < end and start < a.end]
    assert len(overlapping) == 1, [a.text for a in amounts]  # one parse
    amount = overlapping[0]
    assert (amount.start, amount.end) == (start, end), amount.text
    assert amount.text == row["span"]
    assert amount.currency == row["currency"]
    assert amount.qualifier == row["qualifier"]
    assert amount.approx == (row["qualifier"] == "approx")
    flags = (row.get("flags") or "").split()
    assert amount.currency_inferred == ("inferred" in flags)
    assert amount.relation == next((f for f in flags if f != "inferred"), "")
    for field, column in (("value", "value"), ("low", "low"), ("high", "high"), ("other_value", "other")):
        expected, got = _number(row.get(column)), getattr(amount, field)
        assert (got is None) == (expected is None), (field, got)
        if expected is not None:
            assert got == pytest.approx(expected, rel=1e-9), field


def test_a_restatement_is_linked_to_the_figure_it_restates_in_either_agreement():
    """« soit » and its plural « soient » both restate the figure before them in another currency:
    the second amount is the same money, not a second one (it would become a second event)."""
    for gap in ("soit", "soient", "soit environ"):
        text = f"Les ventes atteignent 80 milliards d'euros, {gap} 87 milliards de dollars."
        assert [a.equivalent_of for a in extract_amounts(text, lang="fr")] == [None, 0], gap
    assert [a.equivalent_of for a in extract_amounts(
        "Le groupe lève 80 millions d'euros ; ses ventes sont de 87 millions de dollars.", lang="fr")] == [None, None]
