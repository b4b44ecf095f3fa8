"""Adversarial strings through every extractor, each in a child process with a time limit: a
backtracking regression in a grammar makes the test fail (the child is killed) instead of hanging
the suite. Each string also has its expected reading, so a grammar that gives up on it fails too."""
import json
import subprocess
import sys

import pytest

LIMIT_S = 120  # a few seconds each normally (bench/amounts.py measures the speed); hours when quadratic

CHILD = """
import json, sys
from corpus_tools.extract.money import extract_amounts
from corpus_tools.extract.hardware import extract_hardware
extract = {"money": extract_amounts, "hardware": extract_hardware}[sys.argv[1]]
text = eval(sys.argv[2])
result = {}
for lang in ("en", "fr"):
    found = extract(text, lang=lang)
    assert all(text[f.start:f.end] == f.text for f in found)
    result[lang] = [len(found), sorted({(f.text, getattr(f, "value", None) or getattr(f, "quantity", None),
                                         getattr(f, "low", None), getattr(f, "high", None)) for f in found})]
print(json.dumps(result))
"""


def _readings(extractor: str, expression: str) -> dict:
    try:
        child = subprocess.run([sys.executable, "-c", CHILD, extractor, expression], capture_output=True,
                               text=True, timeout=LIMIT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{extractor} took more than {LIMIT_S} s on {expression}: catastrophic backtracking?")
    assert child.returncode == 0, child.stderr[-2000:]
    return {lang: (n, [tuple(r) for r in readings]) for lang, (n, readings) in json.loads(child.stdout).items()}


NOTHING = {"en": (0, []), "fr": (0, [])}


@pytest.mark.parametrize("expression,expected", [
    ('"1 " * 50_000', NOTHING),
    ('"€" * 100_000', NOTHING),
    ('"9" * 100_000 + " millions d\'euros"', NOTHING),  # no number is that long
    ('"1 000 000 000 000 000 000 000 000 " * 5_000', NOTHING),
    ('"$1,000," * 20_000', {lang: (20_000, [("$1,000", 1000.0, None, None)]) for lang in ("en", "fr")}),
    ('"entre " * 20_000 + "2 et 3 milliards d\'euros"',
     {"en": (0, []), "fr": (1, [("entre 2 et 3 milliards d'euros", None, 2e9, 3e9)])}),
])
def test_money_grammar_on_adversarial_strings_in_bounded_time(expression, expected):
    assert _readings("money", expression) == expected


@pytest.mark.parametrize("expression,count,products", [
    ('"1 " * 50_000', 0, set()),
    ('"€" * 100_000', 0, set()),
    ('("9" * 5000 + " ") * 20 + "petaflops"', 0, set()),
    ('"25,000 " * 20_000 + "GPUs"', 1, {25000.0}),
    ('"H100 " * 30_000', 30_000, {None}),
    ('"supercomputer " * 20_000', 20_000, {None}),
])
def test_hardware_grammar_on_adversarial_strings_in_bounded_time(expression, count, products):
    for lang, (n, readings) in _readings("hardware", expression).items():
        assert n == count and {quantity for _, quantity, _, _ in readings} == products, lang
