"""Amounts of money in French and English text, normalised to a value in full units.

A pure function over plain strings: no statistical model. Each language's vocabulary lives in
``corpus_tools/lang/<lang>/money.py`` beside the examples that specify it; the currencies are
shared data in ``lang/common/currencies.tsv``.

Every regular expression here has bounded repetition, so scanning is linear in the text length
(no catastrophic backtracking on long runs of digits, spaces or currency signs).
"""
from __future__ import annotations

import csv
import importlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..lang import LANGUAGES
from ..types import Amount

SPACES = " \u00a0\u202f"
_SP = f"[{SPACES}]"
_NUMBER = (r"(?P<num>\d{1,3}(?:(?:,|\.|" + _SP + r"|')\d{3}){1,6}(?:[.,]\d{1,3})?(?!\d)"
           r"|\d{1,15}(?:[.,]\d{1,3})?(?!\d))")
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_HEDGE_AFTER_QUALIFIER = {"or so": "approx", "environ": "approx", "or more": "at_least", "ou plus": "at_least",
                          "plus": "at_least", "or less": "at_most", "ou moins": "at_most"}  # "€5m or so"
_WINDOW = 64  # characters looked at before and after an amount for hedges and ranges
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
# The currency a locale's region means by "$", "dollars" and slang ("en_CA": CAD).
REGION_CURRENCY = {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "JM": "JMD", "TT": "TTD", "SG": "SGD",
                   "HK": "HKD", "GB": "GBP", "IE": "EUR", "FR": "EUR", "BE": "EUR", "LU": "EUR", "CH": "CHF",
                   "IN": "INR", "ZA": "ZAR"}
_ORDINAL_BEFORE = re.compile(r"(?i:first|second|third|fourth|last|next|this|each|every|per|premier|dernier)"
                             r"[\s-]{1,2}\Z")
_WORD_AFTER = re.compile(r"\s{1,2}[^\W\d_]")
_EXPLICITLY_AMERICAN = re.compile(r"US|U\.S\.|USD|American|américain", re.IGNORECASE)


@dataclass(frozen=True)
class Currencies:
    symbols: dict[str, str]  # "€" -> "EUR", "US$" -> "USD"
    words: dict[str, str]  # lower-cased word -> code, for one language
    bare_words: frozenset[str]  # words that are money only after a magnitude
    dollars: frozenset[str]  # codes a bare "$" may stand for
    words_before: dict[str, str]  # "ringgit" -> "MYR", for "ringgit 42"


def _alternation(forms, *, ignore_case: bool = False) -> str:
    escaped = "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
    return f"(?i:{escaped})" if ignore_case else f"(?:{escaped})"


def _with_word_edges(forms: list[str]) -> str:
    """An alternation where forms made of letters cannot start or end inside a word."""
    letters = [f for f in forms if f[:1].isalpha() or f[-1:].isalpha()]
    others = [f for f in forms if f not in letters]
    parts = []
    if letters:
        parts.append(r"(?<![^\W\d_])" + _alternation(letters) + _NOT_LETTER_AFTER)
    if others:
        parts.append(_alternation(others))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=None)
def load_currencies(lang: str) -> Currencies:
    text = resources.files("corpus_tools.lang.common").joinpath("currencies.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    symbols, words, bare, before = {}, {}, set(), {}
    for row in rows:
        code = row["code"]
        for symbol in row["symbols"].split():
            symbols.setdefault(symbol, code)
        for word in filter(None, row[f"words_{lang}"].split("|")):
            words.setdefault(word.lower(), code)
        for word in filter(None, (row.get("bare_words") or "").split("|")):
            words.setdefault(word.lower(), code)
            bare.add(word.lower())
        for word in filter(None, (row.get("words_before") or "").split("|")):
            before.setdefault(word.lower(), code)
    dollars = frozenset(code for symbol, code in symbols.items() if symbol.endswith("$"))
    return Currencies(symbols, words, frozenset(bare), dollars, before)


@dataclass(frozen=True)
class Grammar:
    """The compiled money grammar of one language."""

    lang: str
    rules: object
    currencies: Currencies
    magnitudes: dict[str, float]
    with_symbol: re.Pattern  # "€4bn", "US$ 4.7 billion", "$106 million USD"
    with_suffix: re.Pattern  # "200 millions d'euros", "30 M€", "20 euros"
    in_words: re.Pattern  # "deux milliards d'euros", "a billion dollars", "un demi-milliard d'euros"
    hedge_before: re.Pattern
    hedge_after: re.Pattern
    range_left: re.Pattern
    restatement_gap: re.Pattern
    colloquial: re.Pattern  # "10 grand", "a quarter", "two hundred thousand nickels" (opt-in)
    hedge_qualifier: dict[str, str]  # lower-cased hedge phrase -> qualifier
    half_prefixes: frozenset[str]  # "un demi-", "half a", lower-cased and stripped


def _magnitude_forms(rules) -> dict[str, float]:
    forms = {}
    for form, factor in rules.MAGNITUDES.items():
        forms[form] = factor
        if len(form) >= 4 and form.islower():
            forms.setdefault(form.capitalize(), factor)
            forms.setdefault(form.upper(), factor)
    return forms


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    rules = importlib.import_module(f"corpus_tools.lang.{lang}.money")
    currencies = load_currencies(lang)
    magnitudes = _magnitude_forms(rules)
    symbol = _with_word_edges(list(currencies.symbols))
    word = r"(?<![^\W\d_])" + _alternation(currencies.words, ignore_case=True) + _NOT_LETTER_AFTER
    magnitude = r"(?P<mag>" + _alternation(magnitudes) + r")" + _NOT_LETTER_AFTER
    word_magnitudes = [m for m in magnitudes if len(m) >= 4]
    half_after = r"(?P<half>\s(?i:" + "|".join(re.escape(h) for h in rules.HALF_SUFFIXES) + r"))?"
    of = r"(?:\s{1,2}(?i:d['’]\s?|de\s{1,2}|of\s{1,2})|\s{1,2}|" + _SP + r"?)"
    # "3 GBP 1 pence", "1 USD et 23 centimes", "20 euros 50": cents after a currency name.
    cents = (r"(?:\s{1,2}(?i:and\s|et\s)?\s?(?P<cents>\d{1,2})(?:\s?(?P<centword>"
             + _alternation(rules.CENT_WORDS, ignore_case=True) + r")" + _NOT_LETTER_AFTER
             + r"|(?<=\d\d)(?![\w.,])(?!\s{0,2}[^\W\d_])))?")
    prefix = symbol
    if currencies.words_before:
        prefix = ("(?:" + symbol + r"|(?<![^\W\d_])" + _alternation(currencies.words_before, ignore_case=True)
                  + r"(?=\s))")
    with_symbol = re.compile(
        r"(?<![\w$€£¥])(?P<pre>" + prefix + r")" + _SP + r"{0,2}" + _NUMBER
        + r"(?:" + _SP + r"{0,2}" + magnitude + r")?" + half_after
        + r"(?:" + _SP + r"{0,2}(?P<post>" + symbol + r"|" + word + r"))?" + cents
    )
    with_suffix = re.compile(
        r"(?<![\w.,$€£¥])" + _NUMBER + r"(?:" + _SP + r"{0,2}" + magnitude + r")?" + half_after
        + of + r"(?P<post>" + symbol + r"|" + word + r")" + cents
    )
    number_word = _alternation(rules.NUMBER_WORDS, ignore_case=True)
    words = (r"(?P<words>" + _alternation(rules.HALF_PREFIXES, ignore_case=True)
             + r"|" + number_word + r"(?:(?:[\s-]|\s(?i:and|et)\s)" + number_word + r"){0,7}"
             + r"|" + _alternation(rules.ONE_WORDS, ignore_case=True) + r")")
    in_words = re.compile(
        r"(?<![^\W\d_])" + words + r"(?:(?<=-)|[\s-])?(?:(?P<mag>" + _alternation(word_magnitudes)
        + r")" + _NOT_LETTER_AFTER + r")?" + half_after + of + r"(?P<post>" + word + r")" + cents
    )  # only currency words after number words: "a $25m fine" is not "a $"
    hedges = {phrase: qualifier for qualifier, phrases in rules.HEDGES.items() for phrase in phrases}
    hedges.update({phrase: "exact" for phrase in rules.EXACT_WORDS})
    hedge_qualifier = {phrase.lower(): qualifier for phrase, qualifier in hedges.items()}
    hedge_before = re.compile(r"(?:^|(?<=[\s(«\"“']))(?P<hedge>" + _alternation(hedges, ignore_case=True)
                              + r")" + _SP + r"{0,2}\Z")
    hedge_after = re.compile(r"\A\s{1,2}(?P<hedge>(?i:or so|or more|or less|environ|ou plus|ou moins|plus))"
                             + _NOT_LETTER_AFTER)
    range_left = re.compile(
        r"(?:(?<![^\W\d_])(?P<opener>" + _alternation(rules.RANGE_OPENERS, ignore_case=True) + r")\s{1,2})?"
        r"(?<![\w.,])(?P<pre>" + symbol + r")?" + _SP + r"{0,2}" + _NUMBER
        + r"(?:" + _SP + r"{0,2}" + magnitude + r")?"
        + r"(?:" + of + r"(?P<post>" + symbol + r"|" + word + r"))?"
        + r"\s{0,2}(?P<conn>" + _alternation(rules.RANGE_CONNECTORS, ignore_case=True) + r")\s{0,2}\Z"
    )
    gap_token = _alternation(rules.RESTATEMENT_GAPS, ignore_case=True)
    restatement_gap = re.compile(r"\A[\s)]{0,4}(?:" + gap_token + r"[\s]{0,3}){1,4}\Z")
    count_word = _alternation(list(rules.NUMBER_WORDS) + [m for m in word_magnitudes if m.islower()],
                              ignore_case=True)
    colloquial = re.compile(
        r"(?<![^\W\d_])(?:(?P<num>\d{1,9}(?:[.,]\d{1,2})?)\s{1,2}|(?P<words>" + count_word
        + r"(?:(?:[\s-]|\s(?i:and|et)\s)" + count_word + r"){0,7}|" + _alternation(rules.ONE_WORDS, ignore_case=True)
        + r")\s{1,2})?(?P<unit>" + _alternation(rules.COLLOQUIAL_UNITS, ignore_case=True) + r")" + _NOT_LETTER_AFTER
        + r"(?!\s{1,2}(?i:of|de|d['’]|du|des)\b)")  # "a quarter of the budget" is a share, not money
    return Grammar(lang, rules, currencies, magnitudes, with_symbol, with_suffix, in_words, hedge_before,
                   hedge_after, range_left, restatement_gap, colloquial, hedge_qualifier,
                   frozenset(h.strip().lower() for h in rules.HALF_PREFIXES))


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


def _currency(grammar_: Grammar, pre: str | None, post: str | None, has_magnitude: bool,
              magnitude_form: str | None) -> tuple[str, bool] | None:
    """The ISO code, and whether ``post`` belongs to the amount; None when it is not money."""
    symbols, words = grammar_.currencies.symbols, grammar_.currencies.words
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
        return post_code, True
    if post_code is None:
        return pre_code, False
    if post_code == pre_code or (pre == "$" and post_code in grammar_.currencies.dollars):
        return post_code, True  # "$106 million USD", "$20 Canadian dollars"
    return pre_code, False


def _scan(grammar_: Grammar, text: str) -> list[_Match]:
    rules = grammar_.rules
    found: list[_Match] = []
    for pattern in (grammar_.with_symbol, grammar_.with_suffix):
        for m in pattern.finditer(text):
            mag_form = m.group("mag")
            factor = grammar_.magnitudes.get(mag_form, 1.0) if mag_form else 1.0
            resolved = _currency(grammar_, m.groupdict().get("pre"), m.group("post"), bool(mag_form), mag_form)
            if resolved is None:
                continue
            code, keep_post = resolved
            end = m.end() if keep_post else m.end("mag") if mag_form else m.end("num")
            number = parse_number(m.group("num"), decimal_comma=rules.DECIMAL_COMMA, has_magnitude=bool(mag_form))
            value = number * factor
            if m.group("half"):
                value += 0.5 * factor
            if keep_post and m.group("cents"):
                value += int(m.group("cents")) / 100
                end = m.end()
            found.append(_Match(m.start(), end, value, code, m.start("num"), number, factor))
    for m in grammar_.in_words.finditer(text):
        words = m.group("words").strip().lower()
        mag_form = m.group("mag")
        factor = grammar_.magnitudes.get(mag_form, 1.0) if mag_form else 1.0
        if words in grammar_.half_prefixes:
            if not mag_form:
                continue
            number = 0.5
        elif words in rules.ONE_WORDS:
            number = 1.0
        else:
            number = _words_to_number(words, grammar_.lang)
            if number is None:
                continue
        resolved = _currency(grammar_, None, m.group("post"), bool(mag_form), mag_form)
        if resolved is None:
            continue
        value = number * factor + (0.5 * factor if m.group("half") else 0.0)
        end = m.end("post")
        if m.group("cents"):
            value += int(m.group("cents")) / 100
            end = m.end()
        found.append(_Match(m.start(), end, value, resolved[0], m.start(), number, factor))
    return _leftmost_longest(found)


def _colloquial(grammar_: Grammar, text: str, currency: str) -> list[_Match]:
    """Slang and coins, in the locale's currency: only when the caller asks for them, because in
    news "a quarter" or "nickel" is almost never money."""
    found = []
    for m in grammar_.colloquial.finditer(text):
        unit = m.group("unit").lower()
        if _ORDINAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "first quarter", "last quarter"
        if m.group("num"):
            count = parse_number(m.group("num"), decimal_comma=grammar_.rules.DECIMAL_COMMA, has_magnitude=False)
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
    before = text[max(0, match.start - _WINDOW):match.start]
    hedge = grammar_.hedge_before.search(before)
    qualifier = "exact"
    if hedge:
        qualifier = grammar_.hedge_qualifier.get(hedge.group("hedge").lower(), "exact")
    else:
        after = grammar_.hedge_after.search(text[match.end:match.end + _WINDOW])
        if after:
            qualifier = _HEDGE_AFTER_QUALIFIER[after.group("hedge").lower()]
    value = match.value
    return {
        "value": value,
        "low": value if qualifier == "at_least" else None,
        "high": value if qualifier == "at_most" else None,
        "approx": qualifier == "approx",
        "qualifier": qualifier,
    }


def _range_left(grammar_: Grammar, text: str, right: _Match):
    """The left end of a range ending with ``right`` ("between €2bn and", "2-", "entre 10 et")."""
    window_start = max(0, right.start - _WINDOW)
    m = grammar_.range_left.search(text, window_start, right.start)
    if not m:
        return None
    opener, conn = (m.group("opener") or "").lower(), m.group("conn").lower()
    rules = grammar_.rules
    pairs = {"between": "and", "entre": "et", "from": "to", "de": "à"}
    if opener and pairs.get(opener) != conn:
        return None
    if not opener and conn in ("and", "et", "ou", "or"):
        return None
    mag_form = m.group("mag")
    number = parse_number(m.group("num"), decimal_comma=rules.DECIMAL_COMMA, has_magnitude=bool(mag_form))
    symbols, words = grammar_.currencies.symbols, grammar_.currencies.words
    left_code = symbols.get(m.group("pre") or "") or symbols.get(m.group("post") or "") or words.get(
        (m.group("post") or "").lower())
    if left_code and left_code != right.currency:
        return None
    if mag_form:
        low = number * grammar_.magnitudes[mag_form]
    elif number < right.raw_number:
        low = number * right.magnitude  # "entre 2 et 3 milliards": the magnitude is shared
    elif opener:
        low = number
    else:
        return None
    if not 0 < low < right.value:
        return None
    return m.start(), low


def extract_amounts(text: str, lang: str | None = None, *, locale: str | None = None,
                    colloquial: bool = False) -> list[Amount]:
    """Every amount of money in ``text``; offsets index into ``text`` itself.

    ``locale`` ("en_CA", "fr_CH"...) says which currency a bare "$" or "dollars" means there;
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
    matches = _scan(grammar_, text)
    if local in grammar_.currencies.dollars:
        matches = [replace(m, currency=local) if m.currency == "USD" and not _EXPLICITLY_AMERICAN.search(
            text, m.start, m.end) else m for m in matches]
    if colloquial and local:
        matches = _leftmost_longest(matches + _colloquial(grammar_, text, local))
    amounts: list[Amount] = []
    for match in matches:
        left = _range_left(grammar_, text, match)
        if left is not None:
            start, low = left
            while amounts and amounts[-1].start >= start:
                amounts.pop()  # the left end was read as an amount of its own
            amounts.append(Amount(start, match.end, text[start:match.end], None, low, match.value, match.currency,
                                  False, "range", lang))
            continue
        fields = _qualify(grammar_, text, match)
        amounts.append(Amount(match.start, match.end, text[match.start:match.end], currency=match.currency,
                              lang=lang, **fields))
    return _link_restatements(grammar_, text, amounts)


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
    """``lang`` when it is fr or en, else the language detected in ``text`` (English if unknown)."""
    return lang if lang in ("fr", "en") else _guess_language(text)


def _guess_language(text: str) -> str:
    from ..ingest.language import document_language, paragraph_languages

    lang, _ = document_language(paragraph_languages(text[:20_000]))
    return lang if lang in ("fr", "en") else "en"
