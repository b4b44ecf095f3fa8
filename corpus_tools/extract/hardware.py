"""Computing hardware in French and English text: products, systems, supercomputers, quantities
("25,000 GPUs", "1 456 GPU H100") and metrics ("14 petaflops", "40 MW").

A pure function over plain strings, driven by the catalog in ``lang/common/hardware.tsv``.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..types import HardwareMention
from .money import _NUMBER, SPACES, parse_number, resolve_language

_CUE = re.compile(r"supercomput|supercalcul|superordinat|exascale|p[eé]taflop|exaflop|\bHPC\b|calcul intensif|"
                  r"top500|\bnodes?\b|n[oœ]euds", re.IGNORECASE)
_CUE_WINDOW = 250
_PRECEDING_NAME = re.compile(r"[A-Z][\w-]{0,40}[ \u00a0]\Z")
_HEDGES = ("up to", "about", "around", "nearly", "almost", "roughly", "some", "more than", "over", "at least",
           "approximately", "close to", "an estimated", "près de", "environ", "jusqu'à", "jusqu’à", "plus de",
           "quelque", "quelques", "presque", "au moins", "autour de", "moins de", "less than")
_METRIC_UNITS = {
    "petaflops": ("compute_metric", "PFLOPS"), "petaflop": ("compute_metric", "PFLOPS"),
    "pétaflops": ("compute_metric", "PFLOPS"), "pétaflop": ("compute_metric", "PFLOPS"),
    "pflops": ("compute_metric", "PFLOPS"), "pflop/s": ("compute_metric", "PFLOPS"),
    "exaflops": ("compute_metric", "EFLOPS"), "exaflop": ("compute_metric", "EFLOPS"),
    "exaflop/s": ("compute_metric", "EFLOPS"), "eflops": ("compute_metric", "EFLOPS"),
    "teraflops": ("compute_metric", "TFLOPS"), "teraflop": ("compute_metric", "TFLOPS"),
    "téraflops": ("compute_metric", "TFLOPS"), "tflops": ("compute_metric", "TFLOPS"),
    "mw": ("power", "MW"), "megawatts": ("power", "MW"), "megawatt": ("power", "MW"),
    "mégawatts": ("power", "MW"), "mégawatt": ("power", "MW"),
    "gw": ("power", "GW"), "gigawatts": ("power", "GW"), "gigawatt": ("power", "GW"),
    "kw": ("power", "kW"), "kilowatts": ("power", "kW"),
}
# Words that end the noun phrase between a quantity and its hardware ("number 10 on the Top500").
_GAP_STOPWORDS = (r"(?i:on|in|at|for|to|by|with|from|and|or|than|sur|dans|à|pour|par|avec|en|et|ou|que)"
                  r"(?![\w-])")
_QUANTITY_MAGNITUDES = {"thousand": 1e3, "million": 1e6, "millions": 1e6, "mille": 1e3, "milliers": 1e3}


@dataclass(frozen=True)
class CatalogEntry:
    product: str  # "" for generic terms
    vendor: str
    kind: str
    context: bool


def _alternation(forms) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


@lru_cache(maxsize=1)
def catalog() -> tuple[dict[str, CatalogEntry], dict[str, CatalogEntry], list[str]]:
    """Forms matched without regard to case, forms matched as written, and the vendor names."""
    text = resources.files("corpus_tools.lang.common").joinpath("hardware.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    folded, exact, vendors = {}, {}, set()
    for row in rows:
        flags = row["flags"].split()
        entry = CatalogEntry("" if "generic" in flags else row["product"], row["vendor"], row["kind"],
                             "context" in flags)
        if row["vendor"]:
            vendors.add(row["vendor"])
        for form in row["forms"].split("|"):
            if entry.context:
                exact.setdefault(form, entry)
            else:
                folded.setdefault(form.lower(), entry)
    return folded, exact, sorted(vendors)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    folded, exact, vendors = catalog()
    vendor_forms = vendors + ["Nvidia", "Google", "Intel", "AMD", "Cray", "HPE", "Eviden", "Atos"]
    vendor = r"(?:(?P<vendor>" + _alternation(vendor_forms) + r")(?:['’]s)?[ \u00a0]{1,2})?"
    product = (r"(?P<form>(?i:" + _alternation(folded) + r")|" + _alternation(exact) + r")")
    mention = re.compile(r"(?<![\w-])" + vendor + product + r"(?![\w-])")
    sp = f"[{SPACES}]"
    hedge = r"(?:(?P<hedge>(?i:" + _alternation(_HEDGES) + r"))" + sp + r"{1,2})?"
    quantity = re.compile(
        hedge + r"(?<![\w.,])" + _NUMBER + r"(?:" + sp + r"(?P<mag>" + _alternation(_QUANTITY_MAGNITUDES) + r"))?"
        + sp + r"{1,2}(?:(?i:of the|of its|of their|de|d['’]|des)" + sp + r"{1,2})?"
        + r"(?:(?!" + _GAP_STOPWORDS + r")[“\"«]?[^\W\d_][^\W\d]{0,20}[”\"»]?" + sp + r"{1,2}){0,3}\Z"
    )
    metric = re.compile(
        hedge + r"(?<![\w.,])" + _NUMBER + sp + r"{0,2}(?P<unit>(?i:" + _alternation(_METRIC_UNITS) + r"))(?![\w])"
    )
    return mention, quantity, metric


def _vendor_name(raw: str | None, entry: CatalogEntry) -> str:
    if entry.vendor:
        return entry.vendor
    if raw:
        return "NVIDIA" if raw.lower() == "nvidia" else raw
    return ""


def _has_cue(text: str, start: int, end: int) -> bool:
    return bool(_CUE.search(text, max(0, start - _CUE_WINDOW), min(len(text), end + _CUE_WINDOW)))


def _catalog_mentions(text: str) -> list[HardwareMention]:
    folded, exact, _ = catalog()
    mention, _, _ = _patterns()
    found = []
    for m in mention.finditer(text):
        form = m.group("form")
        entry = exact.get(form) or folded.get(form.lower())
        if entry is None or (entry.context and not _has_cue(text, m.start(), m.end())):
            continue
        if entry.context and not m.group("vendor") and _PRECEDING_NAME.search(text, max(0, m.start() - 40), m.start()):
            continue  # "AI Safety Summit", "Choose France Summit": part of a longer name
        found.append(HardwareMention(m.start(), m.end(), m.group(), entry.kind, entry.product,
                                     _vendor_name(m.group("vendor"), entry), None, "", False))
    return _merge_generic_with_product(text, found)


def _merge_generic_with_product(text: str, mentions: list[HardwareMention]) -> list[HardwareMention]:
    """"GPU H100", "supercalculateur Jean Zay": a generic noun directly followed by a product of
    the same kind is one mention."""
    merged: list[HardwareMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        compatible = previous is not None and (
            previous.kind == mention.kind
            or (previous.kind in ("gpu", "accelerator") and mention.kind in ("gpu", "accelerator")))
        if (compatible and not previous.product and mention.product
                and text[previous.end:mention.start].strip() == "" and mention.start - previous.end <= 2):
            merged[-1] = replace(mention, start=previous.start, text=text[previous.start:mention.end])
            continue
        merged.append(mention)
    return merged


def _with_quantity(text: str, mention: HardwareMention, decimal_comma: bool) -> HardwareMention:
    _, quantity, _ = _patterns()
    window_start = max(0, mention.start - 80)
    m = quantity.search(text, window_start, mention.start)
    if not m or any(ch in ".;!?\n" for ch in text[m.end("num"):mention.start]):
        return mention
    try:
        number = parse_number(m.group("num"), decimal_comma=decimal_comma, has_magnitude=bool(m.group("mag")))
    except ValueError:
        return mention
    if m.group("mag"):
        number *= _QUANTITY_MAGNITUDES[m.group("mag").lower()]
    unit = "units" if mention.kind in ("gpu", "accelerator", "system") else mention.kind
    return replace(mention, quantity=number, unit=unit, approx=bool(m.group("hedge")))


def _metrics(text: str, decimal_comma: bool) -> list[HardwareMention]:
    _, _, metric = _patterns()
    found = []
    for m in metric.finditer(text):
        kind, unit = _METRIC_UNITS[m.group("unit").lower()]
        try:
            number = parse_number(m.group("num"), decimal_comma=decimal_comma, has_magnitude=True)
        except ValueError:
            continue
        found.append(HardwareMention(m.start("num"), m.end(), text[m.start("num"):m.end()], kind, "", "",
                                     number, unit, bool(m.group("hedge"))))
    return found


def extract_hardware(text: str, lang: str | None = None) -> list[HardwareMention]:
    """Hardware mentions in ``text``, in order; offsets index into ``text``."""
    if not text:
        return []
    lang = resolve_language(text, lang)
    decimal_comma = lang == "fr"
    mentions = [_with_quantity(text, m, decimal_comma) for m in _catalog_mentions(text)]
    mentions += _metrics(text, decimal_comma)
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept: list[HardwareMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
