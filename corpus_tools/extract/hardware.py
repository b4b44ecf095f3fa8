"""Computing hardware in French and English text: products, named supercomputers, common nouns
("GPUs", "centres de données"), counts ("3,200 Nvidia chips", "1 200 nœuds"), compute
("40 millions de milliards d'opérations par seconde", "300 AI exaflops") and power ("40 MW").

A pure function over plain strings. Names are shared data (``lang/common/hardware.tsv`` for
products, ``lang/common/supercomputers.tsv`` for machines from the TOP500 and EuroHPC lists); each
language's nouns and number words are in ``lang/<lang>/hardware.py``, beside the examples that
specify them. Every repetition in the patterns is bounded, so a scan is linear in the text.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..lang import resource
from ..types import HardwareMention
from .money import _NUMBER, SPACES, _looks_like_year, parse_number, resolve_language

_SP = f"[{SPACES}]"
_CUE_WINDOW = 250
_PRECEDING_NAME = re.compile(r"[A-Z][\w-]{0,40}[ \u00a0]\Z")
_EXTRA_VENDORS = ["Nvidia", "Google", "Intel", "AMD", "Cray", "HPE", "Hewlett Packard Enterprise", "Eviden", "Atos",
                  "IBM", "Fujitsu", "Dell", "Lenovo", "Supermicro", "xAI", "AWS", "Microsoft", "Advanced Micro Devices"]
_CANONICAL_VENDOR = {"nvidia": "NVIDIA", "hewlett packard enterprise": "HPE", "aws": "Amazon Web Services",
                     "advanced micro devices": "AMD"}
COUNTED_UNIT = "units"


@dataclass(frozen=True)
class CatalogEntry:
    product: str  # "" for common nouns
    vendor: str
    kind: str
    context: bool  # also a common word: counted only near a computing cue
    needs_vendor: bool = False  # also a place ("Milan"): counted only after its vendor or before a processor noun
    counted: bool = False  # a noun that is hardware only with a number, a vendor or a product beside it


@dataclass(frozen=True)
class Supercomputer:
    """A machine of the TOP500 or EuroHPC lists, as those public sources describe it."""

    name: str
    site: str
    country: str
    vendor: str
    accelerator: str
    rmax_pflops: float | None
    source_list: str


def _rows(name: str) -> list[dict]:
    text = resources.files("corpus_tools.lang.common").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader((line for line in text.splitlines() if line and not line.startswith("#")),
                               delimiter="\t"))


@lru_cache(maxsize=1)
def supercomputers() -> dict[str, Supercomputer]:
    """The named machines shipped with the package, by name."""
    return {row["name"]: Supercomputer(row["name"], row["site"], row["country"], row["vendor"], row["accelerator"],
                                       float(row["rmax_pflops"]) if row["rmax_pflops"] else None, row["list"])
            for row in _rows("supercomputers.tsv")}


@lru_cache(maxsize=1)
def catalog() -> tuple[dict[str, CatalogEntry], dict[str, CatalogEntry], list[str]]:
    """Product and machine names: forms matched without regard to case, forms matched as written
    (names that are also common words), and the vendor names."""
    folded, exact, vendors = {}, {}, set()
    for row in _rows("hardware.tsv"):
        flags = row["flags"].split()
        entry = CatalogEntry(row["product"], row["vendor"], row["kind"], "context" in flags, "vendor" in flags)
        vendors.add(row["vendor"])
        for form in row["forms"].split("|"):
            (exact if entry.context or entry.needs_vendor else folded).setdefault(
                form if entry.context or entry.needs_vendor else form.lower(), entry)
    for row in _rows("supercomputers.tsv"):
        entry = CatalogEntry(row["name"], row["vendor"], "supercomputer", "context" in row["flags"].split())
        for form in row["forms"].split("|"):
            (exact if entry.context else folded).setdefault(form if entry.context else form.lower(), entry)
    return folded, exact, sorted(v for v in vendors if v)


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def _trie(forms) -> str:
    """What ``_alternation`` matches, longest form first, written as a tree of characters: the
    regex engine tried each of the hundreds of forms at every word, it now follows one branch."""
    root: dict = {}
    for form in set(forms):
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group  # greedy: the longer form first

    return pattern(root)


@dataclass(frozen=True)
class _Grammar:
    lang: str
    rules: object
    nouns: dict[str, CatalogEntry]  # lower-cased common noun -> entry
    head: re.Pattern
    count_before: re.Pattern
    hyphen_count: re.Pattern
    vendor_after: re.Pattern
    cue: re.Pattern
    industry_before: re.Pattern  # "le marché des puces"
    industry_after: re.Pattern  # "a chip plant"
    flops_unit: re.Pattern
    flops_words: re.Pattern
    power: re.Pattern
    precision: dict[str, str]
    trade_before: re.Pattern  # "l'opérateur de datacenters"
    trade_after: re.Pattern  # "a data centre operator"
    ranking_before: re.Pattern  # "one of the most powerful": a rank among machines, not one of them
    approx_count: re.Pattern  # "tens of thousands of", "une centaine de" right before a noun
    approx_counts: dict[str, float]
    # The word each compute pattern cannot match without: most texts have none, and a search for it
    # costs a fraction of a scan with the whole pattern, which tries its hedges and numbers everywhere.
    flops_unit_word: re.Pattern
    rate_word: re.Pattern
    power_unit_word: re.Pattern


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    rules = resource(lang, "hardware")
    folded, exact, vendors = catalog()
    nouns: dict[str, CatalogEntry] = {}
    for kind, forms in rules.GENERIC.items():
        for form in forms:
            nouns.setdefault(form.lower(), CatalogEntry("", "", kind, False))
    for kind, forms in rules.COUNTED.items():
        for form in forms:
            nouns.setdefault(form.lower(), CatalogEntry("", "", kind, False, counted=True))
    vendor_forms = vendors + _EXTRA_VENDORS
    vendor = r"(?:(?P<vendor>" + _alternation(vendor_forms) + r")(?:['’]s)?" + _SP + r"{1,2})?"
    head = re.compile(r"(?<![\w])(?<![^\W\d_]-)" + vendor + r"(?P<form>(?i:" + _trie(list(folded) + list(nouns))
                      + r")|" + _trie(exact) + r")(?![\w-])")
    hedge = r"(?:(?P<hedge>(?i:" + _alternation(rules.HEDGES) + r"))" + _SP + r"{1,2})?"
    number_words = r"(?P<words>(?i:" + _alternation(rules.NUMBER_WORDS) + r"))"
    # "a 40 MW data center", "a 2 GW AI campus": a measure before the noun is no count of it
    stop = r"(?i:" + _alternation([*rules.GAP_STOPWORDS, *rules.POWER_UNITS, *rules.FLOPS_UNITS]) + r")(?![\w-])"
    of = r"(?:(?i:" + _alternation(rules.OF_WORDS) + r")(?<=['’])|(?i:" + _alternation(rules.OF_WORDS) + r")" \
        + _SP + r"{1,2})?"
    count_before = re.compile(
        hedge + r"(?:(?<![\w.,$€£¥])" + _NUMBER + r"|(?<![\w-])" + number_words + r")(?:" + _SP + r"(?P<mag>(?i:"
        + _alternation(rules.QUANTITY_MAGNITUDES) + r")))?" + _SP + r"{1,2}" + of
        + r"(?:(?!" + stop + r")[“\"«]?[^\W\d_][\w-]{0,20}[”\"»]?" + _SP + r"{1,2}){0,3}\Z")
    hyphen_count = re.compile(r"(?<![\w.,])" + _NUMBER + r"-\Z")
    vendor_after = re.compile(_SP + r"{1,2}(?:(?i:" + _alternation(rules.MAKER_PREPOSITIONS) + r")" + _SP
                              + r"{0,2})?(?P<vendor>"
                              + _alternation(vendor_forms) + r")(?![\w])")
    cues = [re.escape(c.rstrip("*")) + ("" if c.endswith("*") else r"(?![^\W\d_])") for c in rules.CUES]
    cue = re.compile(r"(?<![^\W\d_])(?i:" + "|".join(cues) + r")")
    industry_before, industry_after = _trade_patterns(rules, rules.INDUSTRY_WORDS)
    trade_before, trade_after = _trade_patterns(rules, rules.DATACENTER_TRADE_WORDS)
    not_of = r"(?!(?i:" + _alternation(rules.OF_WORDS) + r")(?![\w-]))"  # "l'un des spécialistes des GPU" ranks firms
    ranking_before = re.compile(r"(?<![\w])(?i:" + _alternation(rules.RANKING_WORDS) + r")" + _SP
                                + r"{1,2}(?:" + not_of + r"[^\W\d_][\w-]{0,20}" + _SP + r"{1,2}){0,3}\Z")
    approx_counts = {" ".join(k.lower().split()): v for k, v in rules.APPROX_COUNTS.items()}
    approx_count = re.compile(r"(?<![\w])(?P<count>(?i:" + _alternation(rules.APPROX_COUNTS) + r"))(?:(?<=['’])|"
                              + _SP + r"{1,2})(?:[^\W\d_][\w-]{0,20}" + _SP + r"{1,2})?\Z")
    precision = {k.lower(): v for k, v in rules.PRECISIONS.items()}
    precision_words = r"(?i:" + _alternation(rules.PRECISIONS) + r")"
    flops_unit = re.compile(
        hedge + r"(?<![\w.,])" + _NUMBER + _SP + r"{0,2}(?:(?P<pre_precision>" + precision_words + r")" + _SP
        + r"{1,2})?(?P<unit>(?i:" + _alternation(rules.FLOPS_UNITS) + r"))(?![\w])(?:" + _SP + r"{0,2}\(?(?:(?i:" + _alternation(rules.PRECISION_LINKS) + r")" + _SP
        + r"{1,2})?(?P<precision>" + precision_words + r")(?![\w]))?")  # "1.1 exaflops FP64", "… of FP8 performance"
    large = r"(?P<large>(?i:" + _alternation(rules.LARGE_NUMBERS) + r"))"
    compute_words = r"(?P<words>(?i:" + _alternation(rules.NUMBER_WORDS + rules.COMPUTE_ONE_WORDS) + r"))"
    flops_words = re.compile(
        hedge + r"(?:(?<![\w.,])" + _NUMBER + r"|(?<![\w-])" + compute_words + r")" + _SP + r"{0,2}(?:(?:[×x]"
        + _SP + r"?10(?P<exponent>\d{1,2}))|" + large + r")" + _SP + r"{1,2}" + of + r"(?P<rate>(?i:"
        + _alternation(rules.RATE_WORDS) + r"))(?![\w])")
    power = re.compile(hedge + r"(?<![\w.,])" + _NUMBER + r"(?:-|" + _SP + r"{0,2})(?P<unit>(?i:" + _alternation(rules.POWER_UNITS)
                       + r"))(?![\w])")
    return _Grammar(lang, rules, nouns, head, count_before, hyphen_count, vendor_after, cue, industry_before,
                    industry_after,
                    flops_unit, flops_words, power, precision, trade_before, trade_after,
                    ranking_before, approx_count, approx_counts,
                    re.compile(r"(?i:" + _alternation(rules.FLOPS_UNITS) + r")"),
                    re.compile(r"(?i:" + _alternation(rules.RATE_WORDS) + r")"),
                    re.compile(r"(?i:" + _alternation(rules.POWER_UNITS) + r")"))


def _trade_patterns(rules, words) -> tuple[re.Pattern, re.Pattern]:
    """A noun naming a trade around a hardware noun: before it ("le marché des puces", "a maker of
    chips") and after it ("a chip plant", "a data centre operator")."""
    of = (r"(?:(?i:" + _alternation(rules.OF_WORDS) + r")(?<=['’])|(?i:" + _alternation(rules.OF_WORDS) + r")" + _SP
          + r"{1,2})?")
    before = re.compile(r"(?<![\w])(?i:" + _alternation(words) + r")" + _SP + r"{1,2}(?:[^\W\d_]{2,20}" + _SP
                        + r"{1,2})?" + of + r"\Z")
    after = re.compile(_SP + r"{1,2}(?i:" + _alternation(words) + r")(?![\w])")
    return before, after


def _vendor_name(raw: str | None, entry: CatalogEntry) -> str:
    if entry.vendor:
        return entry.vendor
    if raw:
        return _CANONICAL_VENDOR.get(raw.lower(), raw)
    return ""


def _entry(grammar_: _Grammar, form: str) -> CatalogEntry | None:
    folded, exact, _ = catalog()
    return exact.get(form) or folded.get(form.lower()) or grammar_.nouns.get(form.lower())


@dataclass(frozen=True)
class _Head:
    mention: HardwareMention
    entry: CatalogEntry
    vendor_written: bool  # "AMD Milan", "puces AMD": the maker is in the text, not only in the catalog


def _heads(grammar_: _Grammar, text: str) -> list[_Head]:
    """Every product, machine and noun, with its vendor when written before it."""
    found = []
    for m in grammar_.head.finditer(text):
        entry = _entry(grammar_, m.group("form"))
        if entry is None or entry.kind == "other" and text[m.start() - 1:m.start()] == "-":
            continue  # "64-core CPU": the cores describe the processor
        if entry.context and not m.group("vendor"):  # "xAI Colossus": the maker says it is a machine
            window = text[max(0, m.start() - _CUE_WINDOW):m.end() + _CUE_WINDOW]
            if not grammar_.cue.search(window):
                continue
            if not m.group("vendor") and not m.group("form").isupper() \
                    and _PRECEDING_NAME.search(text, max(0, m.start() - 40), m.start()):
                continue  # "AI Safety Summit", "Choose France Summit": part of a longer name
        if entry.counted and m.group("form")[:1].isupper() and m.group("form")[1:2].islower():
            continue  # "Cerebras Systems", "Nodes Inc": a company's name
        mention = HardwareMention(m.start(), m.end(), m.group(), entry.kind, entry.product,
                                  _vendor_name(m.group("vendor"), entry), None, "", False)
        found.append(_Head(mention, entry, bool(m.group("vendor"))))
    return _merged(grammar_, text, found)


def _merged(grammar_: _Grammar, text: str, heads: list[_Head]) -> list[_Head]:
    """"GPU H100", "AMD MI250X GPUs", "LUMI supercomputer", "puces AMD": a noun and a product (or a
    maker) written side by side are one mention. A name that is also a place ("Milan") stays only
    with its maker or a processor noun beside it."""
    merged: list[_Head] = []
    for head in heads:
        if merged:
            previous = merged[-1]
            adjacent = head.mention.start - previous.mention.end <= 2 and not text[
                previous.mention.end:head.mention.start].strip()
            one_product = bool(previous.mention.product) != bool(head.mention.product)
            if adjacent and (one_product or previous.entry.counted or head.entry.counted):
                product = previous if previous.mention.product else head
                start, end = previous.mention.start, head.mention.end
                combined = replace(product.mention, start=start, end=end, text=text[start:end],
                                   vendor=previous.mention.vendor or head.mention.vendor)
                if not product.mention.product:
                    first = grammar_.rules.HEAD_NOUN_FIRST or not head.entry.counted and previous.entry.counted
                    combined = replace(combined, kind=previous.mention.kind if first else head.mention.kind)
                merged[-1] = _Head(combined, replace(product.entry, counted=False, needs_vendor=False), True)
                continue
        merged.append(head)
    kept = []
    for head in merged:
        mention = head.mention
        after = grammar_.vendor_after.match(text, mention.end)
        vendor = _CANONICAL_VENDOR.get(after.group("vendor").lower(), after.group("vendor")) if after else ""
        if after and (not mention.product or head.entry.needs_vendor or vendor.lower() == mention.vendor.lower()):
            mention = replace(mention, end=after.end(), text=text[mention.start:after.end()],
                              vendor=mention.vendor or vendor)
            head = _Head(mention, head.entry, True)
        if head.entry.needs_vendor and not head.vendor_written:
            continue
        kept.append(head)
    return kept


def _with_quantity(grammar_: _Grammar, text: str, mention: HardwareMention, entry: CatalogEntry
                   ) -> HardwareMention | None:
    """The count before a mention ("11 912 AMD GPUs", "près de 10 000 puces", "72-GPU"), taken into
    its span. A noun that needs company and finds none is no mention ("the chip market")."""
    if not mention.product and entry.kind in ("chip", "gpu", "system") and (
            grammar_.industry_before.search(text, max(0, mention.start - 60), mention.start)
            or grammar_.industry_after.match(text, mention.end)):
        return None  # "le marché des puces", "a maker of graphics cards", "a $20bn chip plant"
    if not mention.product and grammar_.ranking_before.search(text, max(0, mention.start - 80), mention.start):
        return None  # "one of the five fastest supercomputers", "l'un des supercalculateurs les plus"
    if entry.kind == "datacenter" and not mention.product and (
            grammar_.trade_before.search(text, max(0, mention.start - 60), mention.start)
            or grammar_.trade_after.match(text, mention.end)):
        return None  # "l'opérateur de datacenters", "a data centre operator": a trade, not a site
    name = _PRECEDING_NAME.search(text, max(0, mention.start - 40), mention.start)
    if entry.kind == "datacenter" and not mention.product and mention.text[:1].isupper() and name \
            and name.group().strip().lower() not in grammar_.rules.POWER_UNITS:
        return None  # "the Barcelona Supercomputing Center": an organisation's name ("a 2 GW AI campus" is not)
    window_start = max(0, mention.start - 90)
    m = grammar_.count_before.search(text, window_start, mention.start)
    quantity = None
    start = mention.start
    approx = False
    if m and not any(ch in ".;!?\n" for ch in text[m.end("num") if m.group("num") else m.end("words"):mention.start]):
        try:
            if m.group("num"):
                quantity = parse_number(m.group("num"), decimal_comma=grammar_.rules.DECIMAL_COMMA,
                                        has_magnitude=bool(m.group("mag")))
            else:
                quantity = _word_number(m.group("words"), grammar_.lang)
        except ValueError:
            quantity = None
        if quantity is not None and m.group("num") and _looks_like_year(m.group("num")) \
                and mention.text[:1].isupper():
            quantity = None  # "the 2022 CHIPS and Science Act", "the 2004 MareNostrum racks"
        if quantity is not None:
            if m.group("mag"):
                quantity *= grammar_.rules.QUANTITY_MAGNITUDES[m.group("mag").lower()]
            start = m.start("num") if m.group("num") else m.start("words")
            approx = bool(m.group("hedge"))
    if quantity is None:
        rough = grammar_.approx_count.search(text, max(0, mention.start - 60), mention.start)
        if rough and not (entry.counted and not mention.vendor and not mention.product):
            quantity = float(grammar_.approx_counts[" ".join(rough.group("count").lower().split())])
            start, approx = rough.start("count"), True
    if quantity is None:
        hyphen = grammar_.hyphen_count.search(text, max(0, mention.start - 20), mention.start)
        if hyphen and entry.kind in ("gpu", "chip", "system") and not mention.vendor:
            quantity = parse_number(hyphen.group("num"), decimal_comma=False, has_magnitude=False)
            start = hyphen.start()
    if entry.counted and not mention.vendor and not mention.product and (
            quantity is None or not grammar_.cue.search(text, max(0, mention.start - _CUE_WINDOW),
                                                        mention.end + _CUE_WINDOW)):
        return None  # "3 chips at the bar", "40 serveurs", "une dizaine de machines": counted nouns need a
        # number and a computing context
    if quantity is None:
        return mention
    # Chips and GPUs add up as units; nodes, racks, cores and qubits are named by their noun.
    head = mention.text.split()[0 if grammar_.rules.HEAD_NOUN_FIRST else -1]  # "serveurs GPU", "GPU servers"
    unit = head.lower() if not mention.product and entry.kind in ("system", "other") else COUNTED_UNIT
    return replace(mention, start=start, text=text[start:mention.end], quantity=quantity, unit=unit, approx=approx)


def _word_number(words: str, lang: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(words.lower(), lang))
    except (ValueError, IndexError, KeyError):
        return None


def _compute(grammar_: _Grammar, text: str) -> list[HardwareMention]:
    """Compute figures: with a unit ("249 PFLOPS", "300 AI exaflops") or in words ("90 quintillion
    calculations per second"), each normalised to FLOP/s with its precision when stated."""
    rules = grammar_.rules
    found = []
    for m in _finditer_if(grammar_.flops_unit_word, grammar_.flops_unit, text):
        unit = m.group("unit").lower()
        number = _parse(grammar_, m.group("num"))
        if number is None:
            continue
        precision_word = m.group("precision") or m.group("pre_precision")
        precision = grammar_.precision.get(precision_word.lower(), "") if precision_word else ""
        label = {1e12: "TFLOPS", 1e15: "PFLOPS", 1e18: "EFLOPS", 1e21: "ZFLOPS"}.get(rules.FLOPS_UNITS[unit], "FLOPS")
        found.append(HardwareMention(m.start("num"), m.end("unit"), text[m.start("num"):m.end("unit")],
                                     "compute_metric", "", "", number, label, bool(m.group("hedge")),
                                     flop_s=number * rules.FLOPS_UNITS[unit], precision=precision))
    for m in _finditer_if(grammar_.rate_word, grammar_.flops_words, text):
        if m.group("num"):
            number = _parse(grammar_, m.group("num"))
        elif m.group("words").lower() in rules.COMPUTE_ONE_WORDS:
            number = 1.0
        else:
            number = _word_number(m.group("words"), grammar_.lang)
        if number is None:
            continue
        factor = 10.0 ** int(m.group("exponent")) if m.group("exponent") else \
            {k.lower(): v for k, v in rules.LARGE_NUMBERS.items()}[m.group("large").lower()]
        start = m.start("num") if m.group("num") else m.start("words")
        found.append(HardwareMention(start, m.end(), text[start:m.end()], "compute_metric", "", "", number * factor,
                                     "FLOP/s", bool(m.group("hedge")), flop_s=number * factor))
    for m in _finditer_if(grammar_.power_unit_word, grammar_.power, text):
        number = _parse(grammar_, m.group("num"))
        if number is None:
            continue
        unit, factor = rules.POWER_UNITS[m.group("unit").lower()]
        found.append(HardwareMention(m.start("num"), m.end(), text[m.start("num"):m.end()], "power", "", "", number,
                                     unit, bool(m.group("hedge")), watts=number * factor))
    return found


def _finditer_if(word: re.Pattern, pattern: re.Pattern, text: str):
    """``pattern.finditer(text)``, skipped where ``word``, which each of its matches contains, is absent."""
    return pattern.finditer(text) if word.search(text) else ()


def _parse(grammar_: _Grammar, raw: str) -> float | None:
    try:
        return parse_number(raw, decimal_comma=grammar_.rules.DECIMAL_COMMA, has_magnitude=True)
    except ValueError:
        return None


def _restatement(text: str, previous: HardwareMention, mention: HardwareMention) -> bool:
    """"10,000 graphics processing units (GPUs)", "un centre de données géant (data center)": the
    bracketed noun names the mention before it again, and joins it."""
    return (not mention.product and mention.quantity is None and mention.kind == previous.kind
            and text[previous.end:mention.start].strip() == "(" and text[mention.end:mention.end + 1] == ")")


def extract_hardware(text: str, lang: str | None = None) -> list[HardwareMention]:
    """Hardware mentions in ``text``, in order; offsets index into ``text``."""
    if not text:
        return []
    grammar_ = _grammar(resolve_language(text, lang))
    mentions = []
    for head in _heads(grammar_, text):
        counted = _with_quantity(grammar_, text, head.mention, head.entry)
        if counted is not None:
            mentions.append(counted)
    mentions += _compute(grammar_, text)
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept: list[HardwareMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        if kept and _restatement(text, kept[-1], mention):
            end = mention.end + 1  # the closing bracket
            kept[-1] = replace(kept[-1], end=end, text=text[kept[-1].start:end])
            continue
        kept.append(mention)
    return kept
