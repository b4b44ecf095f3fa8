"""Amounts of money in French and English text, normalised to a value in full units.

A pure function over plain strings: no statistical model. Each language's vocabulary lives in
``corpus_tools/lang/<lang>/money.py`` beside the examples that specify it; the currencies are
shared data in ``lang/common/currencies.tsv``.

Every regular expression here has bounded repetition, so scanning is linear in the text length
(no catastrophic backtracking on long runs of digits, spaces or currency signs).
"""
from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..lang import LANGUAGES, is_supported, resource
from ..types import Amount

SPACES = " \u00a0\u202f"
_SP = f"[{SPACES}]"
_NUMBER = (r"(?P<num>\d{1,3}(?:(?:,|\.|" + _SP + r"|')\d{3}){1,6}(?:[.,]\d{1,3})?(?!\d)"
           r"|\d{1,15}(?:[.,]\d{1,3})?(?!\d))")
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_WINDOW = 64  # characters looked at before and after an amount for hedges and ranges
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
# The currency a locale's region means by "$", "dollars" and slang ("en_CA": CAD).
REGION_CURRENCY = {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "JM": "JMD", "TT": "TTD", "SG": "SGD",
                   "HK": "HKD", "GB": "GBP", "IE": "EUR", "FR": "EUR", "BE": "EUR", "LU": "EUR", "CH": "CHF",
                   "IN": "INR", "ZA": "ZAR"}
_WORD_AFTER = re.compile(r"\s{1,2}[^\W\d_]")


@dataclass(frozen=True)
class Currencies:
    symbols: dict[str, str]  # "€" -> "EUR", "US$" -> "USD"
    words: dict[str, str]  # lower-cased word -> code, for one language
    bare_words: frozenset[str]  # words that are money only after a magnitude
    dollars: frozenset[str]  # codes a bare "$" may stand for
    words_before: dict[str, str]  # "ringgit" -> "MYR", for "ringgit 42"
    generic_dollars: frozenset[str]  # "$", "dollars": forms that do not say which dollar


def _alternation(forms, *, ignore_case: bool = False) -> str:
    escaped = "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
    return f"(?i:{escaped})" if ignore_case else f"(?:{escaped})"


def _with_word_edges(forms: list[str]) -> str:
    """An alternation where forms cannot start or end inside a word where they start or end with a
    letter ("EUR", "$ CA" after "M" in "30 M$ CA")."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for form in forms:
        groups.setdefault((form[:1].isalpha(), form[-1:].isalpha()), []).append(form)
    parts = []
    for (starts, ends) in sorted(groups, key=lambda edges: (not edges[1], not edges[0])):
        parts.append((r"(?<![^\W\d_])" if starts else "") + _alternation(groups[(starts, ends)])
                     + (_NOT_LETTER_AFTER if ends else ""))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=None)
def load_currencies(lang: str) -> Currencies:
    text = resources.files("corpus_tools.lang.common").joinpath("currencies.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    symbols, words, bare, before = {}, {}, set(), {}
    for row in rows:
        code = row["code"]
        for symbol in row["symbols"].split():
            symbols.setdefault(symbol.replace("_", " "), code)
        for word in filter(None, row[f"words_{lang}"].split("|")):
            words.setdefault(word.lower(), code)
        for word in filter(None, (row.get("bare_words") or "").split("|")):
            words.setdefault(word.lower(), code)
            bare.add(word.lower())
        for word in filter(None, (row.get("words_before") or "").split("|")):
            before.setdefault(word.lower(), code)
    dollars = frozenset(code for symbol, code in symbols.items() if symbol.endswith("$"))
    generic = frozenset(form.lower() for form in resource(lang, "money").GENERIC_DOLLARS)
    return Currencies(symbols, words, frozenset(bare), dollars, before, generic)


@dataclass(frozen=True)
class Grammar:
    """The compiled money grammar of one language."""

    lang: str
    rules: object
    currencies: Currencies
    magnitudes: dict[str, float]
    with_symbol: re.Pattern  # "€4bn", "US$ 4.7 billion", "$106 million USD", "$20-40 million", "$1.05-billion"
    with_suffix: re.Pattern  # "200 millions d'euros", "30 M€", "20 euros", "120 MEUR", "4-billion-pound"
    code_before_magnitude: re.Pattern  # "120 EUR million"
    in_words: re.Pattern  # "deux milliards d'euros", "a billion dollars", "half-a-billion dollar"
    minor: re.Pattern  # "455 pence", "80 centimes"
    bare: re.Pattern  # "2bn", "3 milliards": a magnitude and no currency, resolved by neighbours
    currency_last_words: frozenset[str]  # what in_words needs ("euros", "sterling"): it only runs near one
    bare_magnitude: re.Pattern  # what bare needs: it only runs near one
    hedge_before: re.Pattern
    hedge_after: re.Pattern
    range_left: re.Pattern
    change_before: re.Pattern
    restatement_gap: re.Pattern
    colloquial: re.Pattern  # "10 grand", "a quarter", "two hundred thousand nickels" (opt-in)
    ordinal_before: re.Pattern
    decimal_word_before: re.Pattern  # "12-point-" before "five trillion won"
    spoken_decimal: re.Pattern  # "99-point-" before "two billion dollars": the whole part of a spoken decimal
    and_word: re.Pattern  # " et ", " and " between two spelled numbers
    explicit_us: re.Pattern  # "US", "États-Unis": a sentence about the United States
    count_noun: re.Pattern  # "shares", "clients": a sentence that counts things, not money
    counted_before: re.Pattern  # "a workforce of": the number after it counts people
    price_before: re.Pattern  # "bought X for": the number after it is a price, currency written or not
    per_unit_after: re.Pattern  # "per share", "par action": a unit price, where three decimals are decimals
    hedge_qualifier: dict[str, str]  # lower-cased hedge phrase -> qualifier
    hedge_after_qualifier: dict[str, str]
    fractions: dict[str, float]  # "half a" -> 0.5, lower-cased and stripped
    approx_nouns: dict[str, float]  # "vingtaine de" -> 20
    range_pairs: dict[str, frozenset[str]]
    change_openers: frozenset[str]  # "from", "de": they open a range, or a change after a verb of change
    bare_followers: frozenset[str]
    money_nouns: frozenset[str]


def _magnitude_forms(rules) -> dict[str, float]:
    forms = {}
    for form, factor in rules.MAGNITUDES.items():
        forms[form] = factor
        if len(form) >= 4 and form.islower():
            forms.setdefault(form.capitalize(), factor)
            forms.setdefault(form.upper(), factor)
    return forms


def _words_alternation(words) -> str:
    """Word forms that cannot start or end inside a word."""
    return r"(?<![^\W\d_])" + _alternation(words, ignore_case=True) + _NOT_LETTER_AFTER


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    rules = resource(lang, "money")
    currencies = load_currencies(lang)
    magnitudes = _magnitude_forms(rules)
    symbol = _with_word_edges(list(currencies.symbols))
    codes = [s for s in currencies.symbols if len(s) == 3 and s.isalpha() and s.isupper()]
    # "MEUR", "kUSD": a magnitude glued to a code.
    not_letter_unless_code = r"(?!(?!" + _alternation(codes) + r"(?![^\W\d_]))[^\W\d_])"
    glued_code = r"(?<=[kKMGBbmd])" + _alternation(codes) + _NOT_LETTER_AFTER  # "30 MEUR", "5 kUSD"
    symbol_after = "(?:" + glued_code + "|" + symbol + ")"
    post_symbol = symbol_after + r"(?!" + _SP + r"{0,2}\d)"  # "$ 1,500.00 $ 2,300.00": that "$" opens the next
    word = r"(?<![^\W\d_])" + _alternation(currencies.words, ignore_case=True) + _NOT_LETTER_AFTER
    magnitude = r"(?P<mag>" + _alternation(magnitudes) + r")" + not_letter_unless_code
    word_magnitudes = [m for m in magnitudes if len(m) >= 4]
    bare_magnitudes = word_magnitudes + list(rules.MONEY_ONLY_MAGNITUDES)
    half_after = r"(?P<half>\s(?i:" + "|".join(re.escape(h) for h in rules.HALF_SUFFIXES) + r"))?"
    number_word = _alternation(rules.NUMBER_WORDS, ignore_case=True)
    of_word = _alternation([w.strip() for w in rules.OF_WORDS + rules.CURRENCY_PREPOSITIONS], ignore_case=True)
    of_form = r"(?:" + of_word + r"(?<=['’])\s?|" + of_word + r"\s{1,2})"
    # "200 millions d'euros", "3 millions de d'euros" (a doubled preposition), "4-billion-pound".
    of = r"(?:\s{1,2}" + of_form + r"{1,2}|\s{1,2}|-|" + _SP + r"?)"
    # "3 GBP 1 pence", "1 USD et 23 centimes", "20 euros 50": cents after a currency name.
    and_word = _alternation(rules.AND_WORDS, ignore_case=True)
    cents = (r"(?:\s{1,2}(?:" + and_word + r"\s)?\s?(?P<cents>\d{1,2})(?!" + _SP + r"?\d)(?:\s?(?P<centword>"
             + _alternation(rules.CENT_WORDS, ignore_case=True) + r")" + _NOT_LETTER_AFTER
             + r"|(?<=\d\d)(?![\w.,])(?!\s{0,2}[^\W\d_])))?")
    prefix = symbol
    if currencies.words_before:
        prefix = ("(?:" + symbol + r"|(?<![^\W\d_])" + _alternation(currencies.words_before, ignore_case=True)
                  + r"(?=\s))")
    shared = r"(?P<conn>" + _with_word_edges(rules.SHARED_MAGNITUDE_CONNECTORS) + r")"
    number2 = _NUMBER.replace("?P<num>", "?P<num2>")
    before_magnitude = r"(?:(?P<plus>\+)" + _SP + r"{0,2}|-|" + _SP + r"{0,2})"  # "$500+ million", "$75-million"
    with_symbol = re.compile(
        r"(?<![\w$€£¥])(?P<pre>" + prefix + r")" + _SP + r"{0,2}" + _NUMBER
        + r"(?:" + _SP + r"{0,2}" + shared + _SP + r"{0,2}" + number2
        + r"(?=(?:\+" + _SP + r"{0,2}|-|" + _SP + r"{0,2})"
        + r"(?:" + _alternation(magnitudes) + r")))?"
        + r"(?:" + before_magnitude + magnitude + r")?" + half_after
        + r"(?:" + _SP + r"{0,2}(?P<post>" + post_symbol + r"|" + word + r"))?" + cents
    )
    with_suffix = re.compile(
        r"(?<![\w.,$€£¥])" + _NUMBER + r"(?:(?:-|" + _SP + r"{0,2})" + magnitude + r")?" + half_after
        + of + r"(?P<post>" + symbol_after + r"|" + word + r")" + cents
    )
    code_before_magnitude = re.compile(
        r"(?<![\w.,$€£¥])" + _NUMBER + _SP + r"{1,2}(?P<post>" + _alternation(codes) + r")" + _SP + r"{1,2}(?P<mag>"
        + _alternation(word_magnitudes) + r")" + _NOT_LETTER_AFTER)
    fractions = {f.strip().lower(): v for f, v in rules.FRACTION_PREFIXES.items()}
    approx_nouns = {f"{noun} {of}".replace("' ", "'").replace("’ ", "’"): value
                    for noun, value in rules.APPROX_NUMBER_NOUNS.items() for of in rules.OF_WORDS}
    spelled = (r"(?:(?!" + and_word + _NOT_LETTER_AFTER + r")" + number_word + r"(?:(?:[\s-]|\s" + and_word + r"\s)"
               + number_word + r"){0,7}"
               + (r"|" + _alternation(approx_nouns, ignore_case=True) if approx_nouns else "") + r")")
    before_magnitude_words = [*rules.FRACTION_PREFIXES, *rules.ONE_WORDS_BEFORE_MAGNITUDE]
    words = (r"(?P<words>" + _alternation(before_magnitude_words, ignore_case=True)
             + r"|" + spelled + r"|" + _alternation(rules.ONE_WORDS, ignore_case=True) + r")")
    in_words = re.compile(
        r"(?<![^\W\d_])" + words + r"(?:(?<=-)|(?<=['’])|[\s-])?(?:(?P<mag>" + _alternation(word_magnitudes)
        + r")" + _NOT_LETTER_AFTER + r")?" + half_after + of + r"(?P<post>" + word + r")" + cents
    )  # only currency words after number words: "a $25m fine" is not "a $"
    minor = re.compile(r"(?<![\w.,$€£¥])" + _NUMBER + _SP + r"{0,2}(?P<minor>" + _with_word_edges(rules.MINOR_UNITS)
                       + r")")
    bare = re.compile(
        r"(?<![\w.,$€£¥/])(?:" + _NUMBER + r"|(?<![^\W\d_])(?P<words>" + spelled + r"|"
        + _alternation(rules.ONE_WORDS + rules.ONE_WORDS_BEFORE_MAGNITUDE, ignore_case=True)
        + r"))(?:(?<=-)|(?<=['’])|-|" + _SP + r"{0,2})(?P<mag>" + _alternation(bare_magnitudes) + r")"
        + _NOT_LETTER_AFTER)
    hedges = {phrase: qualifier for qualifier, phrases in rules.HEDGES.items() for phrase in phrases}
    hedges.update({phrase: "exact" for phrase in rules.EXACT_WORDS})
    hedge_qualifier = {phrase.lower(): qualifier for phrase, qualifier in hedges.items()}
    hedge_before = re.compile(r"(?:^|(?<=[\s(«\"“']))(?P<hedge>" + _alternation(hedges, ignore_case=True)
                              + r")" + _SP + r"{0,2}\Z")
    hedges_after = {phrase: qualifier for qualifier, phrases in rules.HEDGES_AFTER.items() for phrase in phrases}
    hedge_after = re.compile(r"\A\s{1,2}(?P<hedge>" + _alternation(hedges_after, ignore_case=True) + r")"
                             + _NOT_LETTER_AFTER)
    approx_hedges = _alternation(rules.HEDGES["approx"], ignore_case=True)
    range_left = re.compile(
        r"(?:(?<![^\W\d_])(?P<opener>" + _alternation(rules.RANGE_PAIRS, ignore_case=True) + r")\s{1,2}"
        r"(?:" + approx_hedges + r"\s{1,2})?)?"
        r"(?<![\w.,])(?P<pre>" + symbol + r")?" + _SP + r"{0,2}(?:" + _NUMBER + r"|(?<![^\W\d_])(?P<lwords>"
        + number_word + r")" + _NOT_LETTER_AFTER + r")"
        + r"(?:(?:-|" + _SP + r"{0,2})" + magnitude + r")?"
        + r"(?:" + of + r"(?P<post>" + symbol + r"|" + word + r"))?"
        + r"\s{0,2}(?P<conn>" + _alternation(rules.RANGE_CONNECTORS, ignore_case=True) + r")\s{0,2}\Z"
    )
    change_before = re.compile(_words_alternation(rules.CHANGE_WORDS))
    gap_token = _alternation(rules.RESTATEMENT_GAPS, ignore_case=True)
    restatement_gap = re.compile(r"\A[\s)]{0,4}(?:" + gap_token + r"[\s]{0,3}){1,4}\Z")
    count_word = _alternation(list(rules.NUMBER_WORDS) + [m for m in word_magnitudes if m.islower()],
                              ignore_case=True)
    colloquial = re.compile(
        r"(?<![^\W\d_])(?:(?P<num>\d{1,9}(?:[.,]\d{1,2})?)\s{1,2}|(?P<words>" + count_word
        + r"(?:(?:[\s-]|\s" + and_word + r"\s)" + count_word + r"){0,7}|"
        + _alternation(rules.ONE_WORDS, ignore_case=True)
        + r")\s{1,2})?(?P<unit>" + _alternation(rules.COLLOQUIAL_UNITS, ignore_case=True) + r")" + _NOT_LETTER_AFTER
        + r"(?!\s{1,2}" + of_form + r")")  # "a quarter of the budget" is a share, not money
    ordinal_before = re.compile(r"(?<![^\W\d_])(?i:" + "|".join(re.escape(w) for w in rules.ORDINALS_BEFORE)
                                + r")[\s-]{1,2}\Z")
    bare_magnitude = re.compile(r"(?<![^\W\d_])" + _alternation(bare_magnitudes) + _NOT_LETTER_AFTER)
    decimal_word_before = re.compile(r"(?<![^\W\d_])" + _alternation(rules.DECIMAL_WORDS, ignore_case=True)
                                     + r"[\s-]\Z")
    return Grammar(lang, rules, currencies, magnitudes, with_symbol, with_suffix, code_before_magnitude, in_words,
                   minor, bare, frozenset(w.split()[-1].split("-")[-1] for w in currencies.words), bare_magnitude,
                   hedge_before, hedge_after, range_left, change_before, restatement_gap, colloquial,
                   ordinal_before, decimal_word_before,
                   re.compile(r"(?<![\w.,])(?P<whole>\d{1,3})[\s-]" + _alternation(rules.DECIMAL_WORDS, ignore_case=True)
                              + r"[\s-]\Z"),
                   re.compile(r"\s" + _alternation(rules.AND_WORDS, ignore_case=True) + r"\s"),
                   re.compile(r"(?<![^\W\d_])" + _alternation(rules.EXPLICIT_US) + _NOT_LETTER_AFTER),
                   re.compile(_words_alternation(rules.COUNT_NOUNS)),
                   re.compile(_words_alternation(rules.COUNT_NOUNS) + r"\s{1,2}(?:" + of_form + r")?\Z"),
                   re.compile(_words_alternation(rules.PRICE_VERBS) + r"[^.;!?\n]{0,120}(?<![^\W\d_])"
                              + _alternation(rules.PRICE_PREPOSITIONS, ignore_case=True) + r"\s{1,2}\Z"),
                   re.compile(r"\s{1,2}" + _words_alternation(rules.PER_UNIT_AFTER)),
                   hedge_qualifier, {k.lower(): v for k, v in hedges_after.items()}, fractions,
                   {k.lower(): v for k, v in approx_nouns.items()},
                   {k.lower(): frozenset(v) for k, v in rules.RANGE_PAIRS.items()},
                   frozenset(w.lower() for w in rules.CHANGE_OPENERS),
                   frozenset(w.lower() for w in rules.BARE_FOLLOWERS),
                   frozenset(w.lower() for w in rules.MONEY_NOUNS))


def parse_number(raw: str, *, decimal_comma: bool, has_magnitude: bool) -> float:
    """Digits as written in either language: 1,500,000 / 1 500 000 / 1.5 / 1,5 / 10.000."""
    digits = raw
    for space in SPACES + "'":
        digits = digits.replace(space, "")
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(digits.replace(thousands, "").replace(decimal, "."))
    for separator in (",", "."):
        if separator in digits:
            parts = digits.split(separator)
            if len(parts) > 2:
                return float("".join(parts))
            whole, fraction = parts
            grouped = len(fraction) == 3
            is_decimal = (separator == "," and decimal_comma) or (separator == "." and not decimal_comma)
            if grouped and not has_magnitude:
                return float(whole + fraction)
            if grouped and not is_decimal and has_magnitude and separator == ",":
                return float(whole + fraction)
            return float(f"{whole}.{fraction}")
    return float(digits)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    value: float
    currency: str
    number_start: int  # where the digits or number words begin
    raw_number: float
    magnitude: float
    low: float | None = None  # "$20-40 million" read in one piece
    relation: str = ""  # "alternative" for "$2 or 3 million"
    bare_dollar: bool = False  # "$" or "dollars", which a locale or the document may read as another dollar
    explicit: bool = True  # False: no currency written, borrowed from a neighbour
    at_least: bool = False  # "$500+ million"
    approx: bool = False  # "une vingtaine de millions d'euros"


def _currency(grammar_: Grammar, pre: str | None, post: str | None, has_magnitude: bool,
              magnitude_form: str | None) -> tuple[str, bool, bool] | None:
    """The ISO code, whether ``post`` belongs to the amount, and whether the dollar is unqualified;
    None when it is not money."""
    symbols, words = grammar_.currencies.symbols, grammar_.currencies.words
    generic = grammar_.currencies.generic_dollars
    pre_code = (symbols.get(pre) or grammar_.currencies.words_before.get(pre.lower())) if pre else None
    post_code = None
    post_is_word = False
    if post:
        post_code = symbols.get(post)
        if post_code is None:
            post_code = words.get(post.lower())
            post_is_word = True
            if post.lower() in grammar_.currencies.bare_words and not has_magnitude:
                post_code = None
    if pre_code is None and post_code is None:
        return None
    if pre_code is None:
        if post_is_word and magnitude_form in grammar_.rules.SYMBOL_ONLY_MAGNITUDES:
            return None
        return post_code, True, post.lower() in generic
    if post_code is None:
        return pre_code, False, pre.lower() in generic
    if post_code == pre_code or (pre in generic and post_code in grammar_.currencies.dollars):
        return post_code, True, post.lower() in generic  # "$106 million USD", "$20 Canadian dollars"
    return pre_code, False, pre.lower() in generic


def _unit_price(grammar_: Grammar, raw: str, number: float) -> float:
    """"$609.775 per share": a price per unit written with three decimals after the language's
    decimal mark is that decimal, not thousands (609.775, not 609,775)."""
    mark = "," if grammar_.rules.DECIMAL_COMMA else "."
    if raw.count(mark) == 1 and not any(c in raw for c in SPACES + "'" + ("." if mark == "," else ",")) \
            and len(raw.split(mark)[1]) == 3:
        return float(raw.replace(",", "."))
    return number


def _number(grammar_: Grammar, raw: str, has_magnitude: bool) -> float:
    return parse_number(raw, decimal_comma=grammar_.rules.DECIMAL_COMMA, has_magnitude=has_magnitude)


def _scan(grammar_: Grammar, text: str) -> list[_Match]:
    """Amounts with a currency written beside them, leftmost-longest."""
    found: list[_Match] = []
    for pattern in (grammar_.with_symbol, grammar_.with_suffix, grammar_.code_before_magnitude):
        for m in pattern.finditer(text):
            groups = m.groupdict()
            mag_form = m.group("mag")
            factor = grammar_.magnitudes.get(mag_form, 1.0) if mag_form else 1.0
            resolved = _currency(grammar_, groups.get("pre"), m.group("post"), bool(mag_form), mag_form)
            if resolved is None:
                continue
            code, keep_post, bare_dollar = resolved
            if pattern is grammar_.code_before_magnitude:
                keep_post = True
            end = m.end() if keep_post else m.end("mag") if mag_form else m.end("num2") if groups.get("num2") \
                else m.end("num")
            number = _number(grammar_, m.group("num"), bool(mag_form))
            if not mag_form and grammar_.per_unit_after.match(text, m.end()):
                number = _unit_price(grammar_, m.group("num"), number)
            value = number * factor
            if groups.get("half"):
                value += 0.5 * factor
            if keep_post and groups.get("cents"):
                value += int(m.group("cents")) / 100
                end = m.end()
            low, relation = None, ""
            if groups.get("num2"):
                second = _number(grammar_, m.group("num2"), bool(mag_form)) * factor
                connector = m.group("conn").lower()
                if connector in grammar_.rules.ALTERNATIVE_CONNECTORS:
                    relation, low, value = "alternative", value, second
                elif value < second:
                    low, value = value, second
                else:
                    continue  # "$5-3 million" is no range
            found.append(_Match(m.start(), end, value, code, m.start("num"), number, factor, low, relation,
                                bare_dollar, at_least=bool(groups.get("plus"))))
    currency_words = ((w.start(), w.end()) for w in _WORD.finditer(text)
                      if w.group().lower() in grammar_.currency_last_words)
    for m in _near(grammar_.in_words, currency_words, text):
        start = m.start()
        number = _spelled_number(grammar_, m.group("words"), bool(m.group("mag")))
        last_and = list(grammar_.and_word.finditer(m.group("words")))
        if number is None and last_and:  # "huit et dix millions": two numbers, the second is the amount
            start = m.start("words") + last_and[-1].end()
            number = _spelled_number(grammar_, text[start:m.end("words")], bool(m.group("mag")))
        if number is None:
            continue
        if grammar_.decimal_word_before.search(text, max(0, start - 12), start):
            spoken = grammar_.spoken_decimal.search(text, max(0, start - 20), start)
            if not spoken or not 0 <= number <= 9 or number != int(number):
                continue  # "12-point-five trillion won": a decimal spoken in words, not five trillion
            number = int(spoken.group("whole")) + number / 10  # "41-point-six billion dollars" is 41.6
            start = spoken.start()
        mag_form = m.group("mag")
        factor = grammar_.magnitudes.get(mag_form, 1.0) if mag_form else 1.0
        resolved = _currency(grammar_, None, m.group("post"), bool(mag_form), mag_form)
        if resolved is None:
            continue
        value = number * factor + (0.5 * factor if m.group("half") else 0.0)
        end = m.end("post")
        if m.group("cents"):
            value += int(m.group("cents")) / 100
            end = m.end()
        approx = m.group("words").strip().lower() in grammar_.approx_nouns
        found.append(_Match(start, end, value, resolved[0], start, number, factor, bare_dollar=resolved[2],
                            approx=approx))
    for m in grammar_.minor.finditer(text):
        number = _number(grammar_, m.group("num"), False)
        unit = m.group("minor").lower()
        currency = next(code for form, code in grammar_.rules.MINOR_UNITS.items() if form.lower() == unit)
        found.append(_Match(m.start(), m.end(), number / 100, currency, m.start(), number / 100, 1.0,
                            bare_dollar=currency == "USD"))
    return _leftmost_longest(found)


_REACH_BACK, _REACH_AHEAD = 160, 48  # longest spelled amount before its anchor word, cents after it


_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s")


def _near(pattern: re.Pattern, anchors, text: str):
    """``pattern``'s matches, scanning only around the words it cannot do without (a currency word, a
    magnitude), given as (start, end) in order: most of a text holds none, and spelled numbers are
    costly to try at every word."""
    windows: list[list[int]] = []
    for anchor_start, anchor_end in anchors:
        start, end = max(0, anchor_start - _REACH_BACK), anchor_end + _REACH_AHEAD
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    seen = set()
    for start, end in windows:
        boundary = _SPACE.search(text, min(end, len(text)), end + 40)  # do not cut a word in two
        for m in pattern.finditer(text, start, boundary.start() if boundary else min(end + 40, len(text))):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


def _spelled_number(grammar_: Grammar, raw: str, has_magnitude: bool) -> float | None:
    """"deux", "half a", "vingtaine de", "le" (before "milliard"): the number, or None."""
    words = raw.strip().lower()
    rules = grammar_.rules
    if words in grammar_.fractions:
        return grammar_.fractions[words] if has_magnitude else None
    if words in grammar_.approx_nouns:
        return grammar_.approx_nouns[words] if has_magnitude else None
    if words in rules.ONE_WORDS_BEFORE_MAGNITUDE:
        return 1.0 if has_magnitude else None
    if words in rules.ONE_WORDS:
        return 1.0
    return _words_to_number(words, grammar_.lang)


def _bare(grammar_: Grammar, text: str, taken: list[_Match]) -> list[_Match]:
    """Numbers with a magnitude and no currency ("dont 3 milliards pour", "2bn will go"), outside
    ``taken`` and followed by a word that keeps them money-like; their currency is resolved later."""
    found = []
    spans = [(m.start, m.end) for m in taken]
    for m in _near(grammar_.bare, (a.span() for a in grammar_.bare_magnitude.finditer(text)), text):
        if any(m.start() < end and start < m.end() for start, end in spans):
            continue
        if not _money_like_after(grammar_, text, m.end()) and text[max(0, m.start() - 1):m.start()] not in _GARBLED:
            continue  # a garbled sign ("?750 million fund") says money whatever follows
        mag_form = m.group("mag")
        factor = grammar_.magnitudes.get(mag_form, 1.0)
        if m.group("num"):
            number = _number(grammar_, m.group("num"), True)
        else:
            number = _spelled_number(grammar_, m.group("words"), True)
            if number is None:
                continue
        found.append(_Match(m.start(), m.end(), number * factor, "", m.start(), number, factor, explicit=False))
    return found


_GARBLED = ("?", "\ufffd")  # what a currency sign becomes in a badly decoded page
_NEXT_WORD = re.compile(r"[\s\u00a0\u202f]{0,3}([^\W\d_]+(?:['’](?=[^\W\d_]))?)")


def _money_like_after(grammar_: Grammar, text: str, end: int) -> bool:
    """"3 milliards de subventions" is money, "3 millions de personnes" is not."""
    if re.match(r"-[^\W\d_]", text[end:end + 2]):
        return False  # "a 75-million-year-old fossil"
    word = _NEXT_WORD.match(text, end)
    if not word:
        return True  # punctuation or the end of the text
    first = word.group(1).lower()
    of_words = {w.lower() for w in grammar_.rules.OF_WORDS}
    if first in of_words:
        second = _NEXT_WORD.match(text, word.end())
        return bool(second) and second.group(1).lower() in grammar_.money_nouns
    return grammar_.rules.ANY_WORD_AFTER_MAGNITUDE or first in grammar_.bare_followers


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


def _resolve_bare(grammar_: Grammar, text: str, explicit: list[_Match], bare: list[_Match]) -> list[_Match]:
    """A bare number takes the currency of an amount of the same value written earlier ("100 millions
    de dollars … grâce aux 100 millions levés"), else of the nearest amount of its sentence, else of
    its paragraph, else the document's when it writes only one (flagged as inferred); beyond its own
    sentence, only if that sentence counts no things ("the number of shares rose from 28 million to
    30 million"). In brackets after an amount ("€500m (about 314.7 million)") it restates that amount
    in another currency, unwritten: kept without one, as is a price ("bought X for 600 million") or a
    magnitude that counts nothing but money ("30bn") when nothing resolves it; others are dropped.
    A number after a garbled sign ("?76 million") keeps no currency rather than a guess; a number
    just after a noun that counts ("a workforce of 270-thousand") is no money."""
    if not bare:
        return []
    paragraph_ends = [b.start() for b in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    sentence_ends = [b.start() for b in _SENTENCE_END.finditer(text)] + [len(text)]
    starts = [m.start for m in explicit]  # sorted: explicit matches come leftmost-longest
    document_currencies = {m.currency for m in explicit}
    money_only = tuple(grammar_.rules.MONEY_ONLY_MAGNITUDES)
    resolved = []
    for match in bare:
        paragraph = bisect.bisect_left(paragraph_ends, match.start)
        paragraph_start = paragraph_ends[paragraph - 1] if paragraph else 0
        paragraph_end = paragraph_ends[paragraph]
        sentence = bisect.bisect_left(sentence_ends, match.end)
        sentence_start = max(sentence_ends[sentence - 1] if sentence else 0, paragraph_start)
        sentence_end = min(sentence_ends[sentence], paragraph_end)
        in_paragraph = explicit[bisect.bisect_left(starts, paragraph_start):bisect.bisect_left(starts, paragraph_end)]
        in_sentence = [m for m in in_paragraph if sentence_start <= m.start and m.end <= sentence_end]
        before = [m for m in in_paragraph if m.end <= match.start]
        counts_things = not in_sentence and bool(grammar_.count_noun.search(text, sentence_start, sentence_end))
        neighbours = [] if counts_things else in_sentence or before or in_paragraph
        same_value = [m for m in explicit if m.end <= match.start and m.value == match.value and m.low is None]
        only_money = text[match.start:match.end].endswith(money_only)
        previous = explicit[bisect.bisect_left(starts, match.start) - 1] if bisect.bisect_left(starts, match.start) \
            else None
        if grammar_.counted_before.search(text, max(sentence_start, match.start - 30), match.start):
            continue  # "a workforce of 270-thousand": a count
        if text[max(0, match.start - 1):match.start] in _GARBLED:
            resolved.append(match)  # the sign was there, unreadable: no currency rather than a guess
        elif previous and "(" in text[previous.end:match.start] \
                and grammar_.restatement_gap.match(text[previous.end:match.start]):
            resolved.append(match)
        elif same_value:
            resolved.append(replace(match, currency=same_value[-1].currency, bare_dollar=same_value[-1].bare_dollar))
        elif neighbours:
            nearest = min(neighbours, key=lambda m: abs(m.start - match.start))
            resolved.append(replace(match, currency=nearest.currency, bare_dollar=nearest.bare_dollar))
        elif len(document_currencies) == 1 and not counts_things:
            resolved.append(replace(match, currency=next(iter(document_currencies)),
                                    bare_dollar=all(m.bare_dollar for m in explicit)))
        elif only_money or grammar_.price_before.search(text, max(sentence_start, match.start - 160), match.start):
            resolved.append(match)
    return resolved


def _colloquial(grammar_: Grammar, text: str, currency: str) -> list[_Match]:
    """Slang and coins, in the locale's currency: only when the caller asks for them, because in
    news "a quarter" or "nickel" is almost never money."""
    found = []
    for m in grammar_.colloquial.finditer(text):
        unit = m.group("unit").lower()
        if grammar_.ordinal_before.search(text, max(0, m.start() - 12), m.start()):
            continue  # "first quarter", "last quarter"
        if m.group("num"):
            count = _number(grammar_, m.group("num"), False)
        elif m.group("words"):
            words = m.group("words").lower()
            count = 1.0 if words in grammar_.rules.ONE_WORDS else _words_to_number(words, grammar_.lang)
            if count is None:
                continue
        elif grammar_.rules.COLLOQUIAL_UNITS[unit] >= 1000 or _WORD_AFTER.match(text, m.end()):
            continue  # "grand" alone is an adjective; "nickel prices" is the metal
        else:
            count = 1.0
        factor = grammar_.rules.COLLOQUIAL_UNITS[unit]
        found.append(_Match(m.start(), m.end(), count * factor, currency, m.start(), count, factor))
    return found


def _words_to_number(words: str, lang: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(words, lang))
    except (ValueError, IndexError, KeyError):
        return None


def _leftmost_longest(matches: list[_Match]) -> list[_Match]:
    kept: list[_Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def _qualify(grammar_: Grammar, text: str, match: _Match) -> dict:
    before = text[max(0, match.start - _WINDOW):match.start].removesuffix("?").removesuffix("\ufffd")
    hedge = grammar_.hedge_before.search(before)
    qualifier = "exact"
    if hedge:
        qualifier = grammar_.hedge_qualifier.get(hedge.group("hedge").lower(), "exact")
    elif match.at_least:
        qualifier = "at_least"
    elif match.approx:
        qualifier = "approx"
    else:
        after = grammar_.hedge_after.search(text[match.end:match.end + _WINDOW])
        if after:
            qualifier = grammar_.hedge_after_qualifier[after.group("hedge").lower()]
    value = match.value
    return {
        "value": value,
        "low": value if qualifier == "at_least" else None,
        "high": value if qualifier == "at_most" else None,
        "approx": qualifier == "approx",
        "qualifier": qualifier,
    }


@dataclass(frozen=True)
class _Left:
    """What stands before an amount and joins it: the left end of a range ("between €2bn and"), the
    old value of a change ("from 17 to"), the first of an alternative ("3 ou") or of a list ("40 et")."""

    start: int  # where the whole expression starts (opener included)
    number_start: int  # where the left amount itself starts
    end: int  # where the left amount ends
    value: float
    relation: str  # range | change | alternative | list
    explicit: bool  # the left amount writes its own currency


def _range_left(grammar_: Grammar, text: str, right: _Match) -> _Left | None:
    """The left end of a range ending with ``right`` ("between €2bn and", "2-", "entre 10 et")."""
    window_start = max(0, right.start - _WINDOW)
    m = grammar_.range_left.search(text, window_start, right.start)
    if not m:
        return None
    rules = grammar_.rules
    opener, conn = (m.group("opener") or "").lower(), m.group("conn").lower()
    if opener and conn not in grammar_.range_pairs[opener]:
        opener = ""  # "valorisées de 2,5 et 3,1 milliards": "de" opens no range here
    relation = "range"
    if not opener and conn in rules.ALTERNATIVE_CONNECTORS:
        relation = "alternative"
    elif not opener and conn in rules.LIST_CONNECTORS:
        relation = "list"
    elif opener in grammar_.change_openers and _says_change(grammar_, text, m.start()):
        relation = "change"
    mag_form = m.group("mag")
    raw = m.group("num") or ""
    number = _number(grammar_, raw, bool(mag_form)) if raw else _words_to_number(m.group("lwords").lower(), grammar_.lang)
    if number is None:
        return None
    symbols, words = grammar_.currencies.symbols, grammar_.currencies.words
    left_code = symbols.get(m.group("pre") or "") or symbols.get(m.group("post") or "") or words.get(
        (m.group("post") or "").lower())
    if left_code and left_code != right.currency:
        return None
    if mag_form:
        low = number * grammar_.magnitudes[mag_form]
    elif relation == "list" and (m.group("pre") or m.group("post") or _looks_like_year(raw)):
        return None  # "$2m and $3m" are two amounts already; "en 2024 et 40 millions" starts with a year
    elif (right.magnitude == 1 and number < 1000 <= right.raw_number and right.raw_number / 10
          <= number * 1000 <= right.raw_number and raw.isdigit()):
        low = number * 1000  # "32/36 000 euros", "entre 38 et 52 000 €": the thousands are shared
    elif number < right.raw_number or relation in ("change", "list", "alternative"):
        low = number * right.magnitude  # "entre 2 et 3 milliards": the magnitude is shared
    elif opener:
        low = number
    else:
        return None
    if relation == "range" and not 0 < low < right.value:
        return None
    if relation == "list" and not (mag_form is None and right.magnitude >= 1e6):
        return None  # only "15 et 62 millions d'euros": a shared magnitude makes the list
    left_start = m.start("pre") if m.group("pre") else m.start("num") if raw else m.start("lwords")
    left_end = max(m.end(group) for group in ("num", "lwords", "mag", "post") if m.group(group))
    return _Left(m.start(), left_start, left_end, low, relation, bool(left_code))


def _looks_like_year(raw: str) -> bool:
    return raw.isdigit() and 1900 <= int(raw) <= 2100


def _says_change(grammar_: Grammar, text: str, opener_start: int) -> bool:
    """"raised its aid from €2.1bn to €3.4bn", "passe de 12 à 20 milliards": a verb of change before."""
    window_start = max(0, opener_start - 48)
    sentence_break = max((b.end() for b in _SENTENCE_END.finditer(text, window_start, opener_start)),
                         default=window_start)
    return bool(grammar_.change_before.search(text, sentence_break, opener_start))


def _dollar_hint(grammar_: Grammar, matches: list[_Match]) -> str | None:
    """The dollar a document means by a bare "$": the one other dollar it names explicitly
    ("C$3bn", "$400 million CAD"), provided it never names the US dollar explicitly."""
    explicit = {m.currency for m in matches if m.explicit and not m.bare_dollar}
    others = {code for code in explicit if code in grammar_.currencies.dollars and code != "USD"}
    if len(others) == 1 and "USD" not in explicit:
        return others.pop()
    return None


def extract_amounts(text: str, lang: str | None = None, *, locale: str | None = None,
                    colloquial: bool = False) -> list[Amount]:
    """Every amount of money in ``text``; offsets index into ``text`` itself.

    ``locale`` ("en_CA", "fr_CH"...) says which currency a bare "$" or "dollars" means there;
    without one, a document that names one other dollar explicitly and never the US dollar
    ("C$3bn ... $400 million") has its bare "$" read as that dollar, flagged ``currency_inferred``.
    ``colloquial=True`` (with a locale) also reads slang and coins ("10 grand", "a quarter").
    """
    if not text:
        return []
    if lang not in LANGUAGES:  # each paragraph in its own language; both grammars where unsure
        from .amount_language import amounts_any_language

        return amounts_any_language(text, extract_amounts, locale=locale, colloquial=colloquial)
    grammar_ = grammar(lang)
    region = locale.replace("-", "_").split("_")[-1].upper() if locale and "_" in locale.replace("-", "_") else ""
    local = REGION_CURRENCY.get(region)
    explicit = _scan(grammar_, text)
    matches = sorted(explicit + _resolve_bare(grammar_, text, explicit, _bare(grammar_, text, explicit)),
                     key=lambda m: m.start)
    if grammar_.rules.DECIMAL_COMMA:
        matches = [_stray_space_decimal(text, m) for m in matches]
    hinted = None
    if local in grammar_.currencies.dollars:
        matches = [replace(m, currency=local) if m.currency == "USD" and m.bare_dollar else m for m in matches]
    elif local is None:
        hinted = _dollar_hint(grammar_, explicit)
    if colloquial and local:
        matches = _leftmost_longest(matches + _colloquial(grammar_, text, local))
    amounts: list[Amount] = []
    for match in matches:
        inferred = not match.explicit and bool(match.currency)
        if match.low is not None:  # "$20-40 million", "$2 or 3 million" read in one piece
            amounts.append(_joined(text, match.start, match, match.low, match.relation or "range", lang, inferred))
            continue
        left = _range_left(grammar_, text, match)
        if left is None:
            fields = _qualify(grammar_, text, match)
            amounts.append(Amount(match.start, match.end, text[match.start:match.end], currency=match.currency,
                                  lang=lang, currency_inferred=inferred, **fields))
            continue
        while amounts and amounts[-1].start >= left.start:
            amounts.pop()  # the left end was read as an amount of its own
        if left.relation in ("range", "alternative"):
            amounts.append(_joined(text, left.start, match, left.value, left.relation, lang, inferred))
            continue
        relation = ("change_from", "change_to") if left.relation == "change" else ("", "")
        other = (match.value, left.value) if left.relation == "change" else (None, None)
        fields = _qualify(grammar_, text, replace(match, start=left.start, value=left.value))
        amounts.append(Amount(left.number_start, left.end, text[left.number_start:left.end], currency=match.currency,
                              lang=lang, currency_inferred=inferred or not left.explicit, relation=relation[0],
                              other_value=other[0], **fields))
        amounts.append(Amount(match.start, match.end, text[match.start:match.end], currency=match.currency,
                              lang=lang, currency_inferred=inferred, relation=relation[1], other_value=other[1],
                              **_qualify(grammar_, text, match)))
    amounts = _link_restatements(grammar_, text, _without_exchange_rates(text, amounts))
    if hinted:
        amounts = _apply_dollar_hint(grammar_, text, amounts, matches, hinted)
    return amounts


_STRAY_WHOLE = re.compile(r"(?<![\d.,])(?P<whole>\d{1,3}), \Z")
_SHORT_FRACTION = re.compile(r"\d{1,2}(?![\d.,])")
_EQUALS_GAP = re.compile(r"\A\s{0,2}=\s{0,2}(?:[^\W\d_]{1,12}\s{1,2})?\Z")


def _stray_space_decimal(text: str, match: _Match) -> _Match:
    """"a levé 3, 5 milliards d'euros": a decimal comma followed by a stray space, read
    as the reader reads it (2.5 billion, not 5 billion), where commas are decimal."""
    if match.magnitude <= 1 or match.low is not None or match.relation or match.start != match.number_start:
        return match
    whole = _STRAY_WHOLE.search(text, max(0, match.start - 6), match.start)
    fraction = _SHORT_FRACTION.match(text, match.number_start)
    if not whole or not fraction:
        return match
    number = int(whole.group("whole")) + int(fraction.group()) / 10 ** len(fraction.group())
    return replace(match, start=whole.start(), number_start=whole.start(), raw_number=number,
                   value=number * match.magnitude)


def _without_exchange_rates(text: str, amounts: list[Amount]) -> list[Amount]:
    """"(1 € = environ 1,2 $)": an exchange rate written as an equation holds no amount."""
    rate = set()
    for index in range(1, len(amounts)):
        if _EQUALS_GAP.match(text[amounts[index - 1].end:amounts[index].start]):
            rate.update((index - 1, index))
    return [a for i, a in enumerate(amounts) if i not in rate] if rate else amounts


def _joined(text: str, start: int, right: _Match, low: float, relation: str, lang: str, inferred: bool) -> Amount:
    """A range (no value, both ends) or an alternative (the first value, both ends, the other kept)."""
    if relation == "alternative":
        return Amount(start, right.end, text[start:right.end], low, low, right.value, right.currency, True, "approx",
                      lang, currency_inferred=inferred, other_value=right.value, relation="alternative")
    return Amount(start, right.end, text[start:right.end], None, low, right.value, right.currency, False, "range",
                  lang, currency_inferred=inferred)


def _apply_dollar_hint(grammar_: Grammar, text: str, amounts: list[Amount], matches: list[_Match], hinted: str
                       ) -> list[Amount]:
    """Bare "$" amounts read as the hinted dollar, flagged. Where the document restates its own dollars
    in bare "$" ("C$300m ($220m)", the agencies' way), bare "$" is the US dollar except for a figure
    already given in the hinted dollar; a sentence that names the United States keeps it too."""
    bare_ends = {m.end for m in matches if m.bare_dollar and m.currency == "USD"}
    bare = [i for i, a in enumerate(amounts) if a.currency == "USD" and a.end in bare_ends]
    restating = any(amounts[i].equivalent_of is not None and amounts[amounts[i].equivalent_of].currency == hinted
                    for i in bare)
    hinted_values = {a.value for a in amounts if a.currency == hinted and not a.currency_inferred}
    switched = list(amounts)
    for i in bare:
        amount = amounts[i]
        if amount.equivalent_of is not None:
            continue  # a conversion of another currency's figure
        if restating and amount.value not in hinted_values:
            continue
        sentence_start = max((b.end() for b in _SENTENCE_END.finditer(text, max(0, amount.start - 300),
                                                                        amount.start)), default=0)
        if not restating and grammar_.explicit_us.search(text, sentence_start, amount.start):
            continue  # "Aux États-Unis : entre 95 000 $ et 140 000 $"
        switched[i] = replace(amount, currency=hinted, currency_inferred=True)
    return switched


def _link_restatements(grammar_: Grammar, text: str, amounts: list[Amount]) -> list[Amount]:
    """"€100 million – $106 million USD": the second restates the first in another currency."""
    linked = list(amounts)
    for index in range(1, len(linked)):
        previous, current = linked[index - 1], linked[index]
        if current.currency == previous.currency or previous.equivalent_of is not None:
            continue
        gap = text[previous.end:current.start]
        hedge = grammar_.hedge_before.search(gap)
        core_gap = gap[:hedge.start()] if hedge else gap
        # A comma or a space alone separates a list; a dash, a bracket or "soit" restates.
        if len(gap) <= 40 and core_gap.strip(" ,") and grammar_.restatement_gap.match(core_gap):
            linked[index] = replace(current, equivalent_of=index - 1)
    return linked


def resolve_language(text: str, lang: str | None) -> str:
    """``lang`` when it is a supported language, else the language detected in ``text`` (English if unknown)."""
    return lang if is_supported(lang) else _guess_language(text)


def _guess_language(text: str) -> str:
    from ..ingest.language import document_language, paragraph_languages

    lang, _ = document_language(paragraph_languages(text[:20_000]))
    return lang if is_supported(lang) else LANGUAGES[0]
