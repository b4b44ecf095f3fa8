"""The factored French token pattern matches exactly the strings spaCy's own pattern matches."""
import re

import pytest

from corpus_tools.pipeline.factored_regex import (BIG_PIECE, factored, grouped, large_alternations_factored,
                                                    pieces)
from corpus_tools.pipeline.models import entity_pipeline

_QUANTIFIED = re.compile(r"(.+?)((?:[*+?]|\{\d*,?\d*\})[?+]?)?", re.S)


def _a_match(pattern: str) -> str:
    """One string the pattern matches: each class gives its first character, ``+`` one repetition,
    ``*`` and ``?`` none, a group its first alternative."""
    out = []
    for piece in pieces(pattern):
        if piece == "|":
            break
        if piece.startswith("\\"):
            body, quantifier = piece[:2], piece[2:]
        else:
            body, quantifier = _QUANTIFIED.fullmatch(piece).groups()
        if quantifier in ("*", "?"):
            continue
        if body in ("^", "$"):
            continue
        if body.startswith("[") and not body.startswith("[^"):
            out.append(body[2] if body[1] == "\\" else body[1])
        elif body.startswith("(?:"):
            out.append(_a_match(body[3:-1]))
        elif body.startswith("\\"):
            out.append(body[1])
        else:
            out.append(body)
    return "".join(out)


@pytest.fixture(scope="module")
def french_patterns():
    import spacy.lang.fr.tokenizer_exceptions as french

    alternatives = list(french._regular_exp)
    spacy_pattern = "(?iu)" + "|".join(f"(?:{m})" for m in alternatives)  # as spaCy joins them
    return alternatives, re.compile(spacy_pattern), re.compile(factored(spacy_pattern))


def test_each_alternative_is_kept_whole_in_exactly_one_group(french_patterns):
    alternatives, spacy_pattern, factored_pattern = french_patterns
    groups = grouped(alternatives)
    assert sorted(before + stretch + after for (before, after), stretches in groups.items()
                  for stretch in stretches) == sorted(alternatives)
    assert all(len(piece) <= BIG_PIECE for stretches in groups.values() for s in stretches for piece in pieces(s))
    assert len(groups) <= 6 < len(alternatives)
    assert len(factored_pattern.pattern) < len(spacy_pattern.pattern) / 50


def test_factored_pattern_accepts_and_refuses_the_same_strings(french_patterns):
    alternatives, spacy_pattern, factored_pattern = french_patterns
    matching = [_a_match(m) for m in alternatives]
    assert all(spacy_pattern.match(s) for s in matching)
    near_misses = [variant for s in matching for variant in (
        s + "1", s[:-1], "1" + s, s.replace("-", " "), s.replace("'", ""), s.upper(), s + "-x", s + "'")]
    ordinary = ["porte-monnaie", "après-midi", "entr'ouvrir", "États-Unis", "arc-en-ciel", "peut-être",
                "Jean-Pierre", "l'entreprise", "aujourd'hui", "milliards", "-", "'", "", "a-", "saut-de-ski"]
    for text in matching + near_misses + ordinary:
        assert bool(factored_pattern.match(text)) == bool(spacy_pattern.match(text)), text
    assert sum(bool(spacy_pattern.match(s)) for s in near_misses) > len(alternatives)  # some variants match


def test_the_french_pipeline_loads_the_factored_pattern_and_tokenizes_the_same(french_patterns):
    _, spacy_pattern, factored_pattern = french_patterns
    nlp = entity_pipeline("fr")
    assert nlp.tokenizer.token_match.__self__.pattern == factored_pattern.pattern
    assert re.compile.__module__ == "re"  # the patch is gone after loading
    text = ("Le porte-monnaie de l'après-midi : les États-Unis et la Grande-Bretagne entr'ouvrent "
            "un arc-en-ciel de 4 milliards d'euros, peut-être aujourd'hui.")
    tokens = [t.text for t in nlp.tokenizer(text)]
    tokenizer = nlp.tokenizer
    as_spacy = tokenizer.__class__(nlp.vocab, rules=tokenizer.rules, prefix_search=tokenizer.prefix_search,
                                   suffix_search=tokenizer.suffix_search, infix_finditer=tokenizer.infix_finditer,
                                   token_match=spacy_pattern.match, url_match=tokenizer.url_match)
    assert tokens == [t.text for t in as_spacy(text)]
    assert "porte-monnaie" in tokens and "arc-en-ciel" in tokens


@pytest.mark.parametrize("pattern", [
    r"(?:(a)\1)|(?:b)",  # a back-reference counts groups
    r"(?:a|b)|(?:c)",  # an alternation inside an alternative
    r"abc|def",  # alternatives that are not groups
    r"(?P<x>a)|(?:b)",
])
def test_shapes_that_cannot_be_regrouped_are_left_alone(pattern):
    assert factored(pattern) is None


def test_small_patterns_compile_as_usual_inside_the_block():
    with large_alternations_factored():
        small = re.compile(r"(?:^ab[0-9]+$)|(?:^cd[0-9]+$)")
    assert small.pattern == r"(?:^ab[0-9]+$)|(?:^cd[0-9]+$)"
