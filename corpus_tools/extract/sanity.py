"""Amounts whose value is implausible for their context, flagged for a person to check.

A misread magnitude (a French "billion", 10^12, in an English sentence) or a slip in the source
turns one amount into the biggest figure of a corpus, and a chart's headline repeats it. Nothing
is dropped or corrected here: the row keeps its value and gets ``suspect`` with a short reason,
and what publishes headlines leaves suspect rows out until someone confirms them.

Reasons, first that applies:
- ``other_language_magnitude``: the surface holds a magnitude word that the languages read with
  different factors ("billion") and it was read with the larger one;
- ``beyond_any_deal``: more than any funding round (100 billion EUR) or any company's investment or
  acquisition (a trillion EUR) has ever been;
- ``off_event_scale``: at least 1,000 times above or below the other mentions of its event;
- ``out_of_corpus_scale``: at least 100 times every amount of every other document (with at least
  five such documents to compare with).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from statistics import median

import pandas as pd

from ..lang import LANGUAGES, resource

CEILINGS_EUR = {"funding_round": 1e11, "investment": 1e12, "acquisition": 1e12}
EVENT_RATIO = 1_000.0
CORPUS_RATIO = 100.0
MIN_OTHER_DOCUMENTS = 5
REASONS = ("other_language_magnitude", "beyond_any_deal", "off_event_scale", "out_of_corpus_scale")


@lru_cache(maxsize=1)
def _ambiguous_magnitudes() -> dict[str, re.Pattern]:
    """Per language, the magnitude words another language reads with a smaller factor."""
    factors: dict[str, dict[str, float]] = {}
    for lang in LANGUAGES:
        for word, factor in resource(lang, "money").MAGNITUDES.items():
            if len(word) >= 4 and word.isalpha():
                factors.setdefault(word.lower(), {})[lang] = factor
    patterns = {}
    for lang in LANGUAGES:
        larger = [word for word, by_lang in factors.items()
                  if lang in by_lang and any(by_lang[lang] > f for other, f in by_lang.items() if other != lang)]
        if larger:
            patterns[lang] = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(larger))) + r")\b", re.IGNORECASE)
    return patterns


def flag_amounts(amounts: pd.DataFrame) -> pd.DataFrame:
    """``suspect`` and ``suspect_reason`` for each row of an amounts table (a new frame, same index).

    Reads doc_id, text, lang, kind, value_eur and event_id. Plain lists, not Series item by item:
    the end of every run flags every amount of the corpus."""
    values = pd.to_numeric(amounts.get("value_eur"), errors="coerce").where(lambda v: v > 0)
    value_list = values.tolist()
    reasons = [""] * len(amounts)
    patterns = _ambiguous_magnitudes()
    for row, (text, lang) in enumerate(zip(amounts["text"].fillna(""), amounts["lang"].fillna(""))):
        if lang in patterns and patterns[lang].search(text):
            reasons[row] = "other_language_magnitude"
    for row, (kind, value) in enumerate(zip(amounts["kind"].fillna(""), value_list)):
        if not reasons[row] and kind in CEILINGS_EUR and value >= CEILINGS_EUR[kind]:
            reasons[row] = "beyond_any_deal"
    members: dict[str, list[int]] = {}
    for row, event in enumerate(amounts["event_id"].fillna("")):
        if event:
            members.setdefault(event, []).append(row)
    for rows in members.values():
        valued = [row for row in rows if not math.isnan(value_list[row])]
        if len(valued) < 2:
            continue
        for row in valued:
            if not reasons[row]:
                middle = median(value_list[other] for other in valued if other != row)  # numpy's: 10x slower on a few
                if value_list[row] >= EVENT_RATIO * middle or value_list[row] * EVENT_RATIO <= middle:
                    reasons[row] = "off_event_scale"
    reasons = _corpus_outliers(values, amounts["doc_id"], reasons)
    reasons = pd.Series(reasons, index=amounts.index, dtype=object)
    return pd.DataFrame({"suspect": reasons != "", "suspect_reason": reasons}, index=amounts.index)


def _corpus_outliers(values: pd.Series, documents: pd.Series, reasons: list[str]) -> list[str]:
    largest = values.groupby(documents).max().dropna().sort_values(ascending=False)
    if len(largest) <= MIN_OTHER_DOCUMENTS:
        return reasons
    top_document, runner_up = largest.index[0], float(largest.iloc[1])
    for row, (value, document) in enumerate(zip(values, documents)):
        if document == top_document and value >= CORPUS_RATIO * runner_up and not reasons[row]:
            reasons[row] = "out_of_corpus_scale"
    return reasons


def flag_investments(investments: pd.DataFrame, amounts: pd.DataFrame, amount_flags: pd.DataFrame) -> pd.DataFrame:
    """An event is suspect when its own value is beyond any deal, or when the amount its value
    comes from (a mention with the event's value) is suspect; the reason is that amount's."""
    flagged = amounts.assign(**amount_flags)[lambda t: t["suspect"]]
    by_event: dict[tuple[str, float], str] = {}
    for event, value, reason in zip(flagged["event_id"], flagged["value_eur"], flagged["suspect_reason"]):
        by_event.setdefault((event, round(float(value), 2) if pd.notna(value) else math.nan), reason)
    reasons = []
    for event, kind, value in zip(investments["event_id"], investments["kind"], investments["value_eur"]):
        value = float(value) if pd.notna(value) else math.nan
        reason = by_event.get((event, round(value, 2)), "") if not math.isnan(value) else ""
        if not reason and kind in CEILINGS_EUR and value >= CEILINGS_EUR[kind]:
            reason = "beyond_any_deal"
        reasons.append(reason)
    reasons = pd.Series(reasons, index=investments.index, dtype=object)
    return pd.DataFrame({"suspect": reasons != "", "suspect_reason": reasons}, index=investments.index)
