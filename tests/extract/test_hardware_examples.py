"""One generic test runs every example written beside the hardware rules of each language."""
import pytest

from corpus_tools import extract_hardware
from corpus_tools.lang import LANGUAGES
from tests.examples import example_rows


def _examples(lang):
    return [pytest.param(lang, row, id=f"{lang}:{row['text'][:60]}:{row['span']}")
            for row in example_rows(lang, "hardware_examples.tsv")]


EXAMPLES = [example for lang in LANGUAGES for example in _examples(lang)]


def _number(cell):
    return float(cell) if cell else None


def test_every_language_has_examples_and_near_misses():
    for lang in LANGUAGES:
        rows = [p.values[1] for p in EXAMPLES if p.values[0] == lang]
        near_misses = [row for row in rows if row["span"] == "-" or row["span"].startswith("!")]
        kinds = {row["kind"] for row in rows if row["span"] != "-"}
        assert len(rows) >= 25 and len(near_misses) >= 8, lang
        assert {"gpu", "chip", "system", "supercomputer", "datacenter", "compute_metric", "power"} <= kinds, lang


@pytest.mark.parametrize("lang,row", EXAMPLES)
def test_hardware_example(lang, row):
    found = extract_hardware(row["text"], lang=lang)
    if row["span"] == "-":
        assert found == [], [(h.text, h.kind) for h in found]
        return
    if row["span"].startswith("!"):
        start = row["text"].index(row["span"][1:])
        end = start + len(row["span"]) - 1
        assert [h.text for h in found if h.start < end and start < h.end] == []
        return
    start = row["text"].index(row["span"])
    end = start + len(row["span"])
    overlapping = [h for h in found if h.start < end and start < h.end]
    assert len(overlapping) == 1, [h.text for h in found]
    mention = overlapping[0]
    assert (mention.start, mention.end, mention.text) == (start, end, row["span"])
    assert (mention.kind, mention.product, mention.vendor) == (row["kind"], row["product"], row["vendor"])
    assert mention.unit == row["unit"] and mention.approx == (row["approx"] == "True")
    assert mention.precision == row["precision"]
    for field, column in (("quantity", "quantity"), ("flop_s", "flop_s"), ("watts", "watts")):
        expected, got = _number(row[column]), getattr(mention, field)
        assert (got is None) == (expected is None), (field, got)
        if expected is not None:
            assert got == pytest.approx(expected, rel=1e-9), field
