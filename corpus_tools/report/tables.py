"""Tables for analysts: each a function of a Corpus returning a DataFrame, usable from a notebook."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

import pandas as pd

SUMMARY_KEYS = ("investor", "recipient", "month", "year", "kind", "lang")


def _events_with_keys(corpus, by: str) -> pd.DataFrame:
    events = corpus.investments.copy()
    events["month"] = events["date"].fillna("").str[:7]
    events["year"] = events["date"].fillna("").str[:4]
    if by != "lang":
        return events
    # An event reported in both languages counts once in each language, never twice in one total.
    events["lang"] = events["langs"].fillna("").str.split(";")
    return events.explode("lang")


def investment_summary(corpus, by: str = "investor") -> pd.DataFrame:
    """Number of events and amounts in EUR and USD per investor, recipient, month, year, kind or language.

    Events whose date (or investor...) is unknown are grouped under "" rather than dropped.
    """
    if by not in SUMMARY_KEYS:
        raise ValueError(f"by must be one of {SUMMARY_KEYS}")
    events = _events_with_keys(corpus, by)
    columns = [by, "events", "value_eur", "value_usd", "sources", "bounded_or_approx"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    events[by] = events[by].fillna("")
    events["bounded_or_approx"] = events["qualifier"] != "exact"
    summary = events.groupby(by, sort=False).agg(
        events=("event_id", "nunique"), value_eur=("value_eur", "sum"), value_usd=("value_usd", "sum"),
        sources=("n_sources", "sum"), bounded_or_approx=("bounded_or_approx", "sum"))
    summary = summary.reset_index()
    order = [by] if by in ("month", "year") else ["value_eur", by]
    ascending = [True] if by in ("month", "year") else [False, True]
    return summary.sort_values(order, ascending=ascending, kind="stable").reset_index(drop=True)[columns]


def top_organisations(corpus, n: int = 20) -> pd.DataFrame:
    """Most mentioned organisations: mentions, documents, mentions per language, top co-mentions."""
    entities = corpus.read("entities", ["doc_id", "label", "canonical", "entity_id"])
    columns = ["organisation", "entity_id", "mentions", "documents", "mentions_en", "mentions_fr", "co_mentions"]
    orgs = entities[entities["label"] == "ORG"] if len(entities) else entities
    if orgs.empty:
        return pd.DataFrame(columns=columns)
    documents = corpus.read("documents", ["doc_id", "lang"])
    langs = dict(zip(documents["doc_id"], documents["lang"]))
    orgs = orgs.assign(lang=orgs["doc_id"].map(langs))
    grouped = orgs.groupby("canonical", sort=True)
    table = pd.DataFrame({
        "entity_id": grouped["entity_id"].agg(lambda ids: next((i for i in ids if i), "")),
        "mentions": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
        "mentions_en": grouped["lang"].agg(lambda l: int((l == "en").sum())),
        "mentions_fr": grouped["lang"].agg(lambda l: int((l == "fr").sum())),
    })
    pairs: Counter = Counter()
    for _, names in orgs.groupby("doc_id")["canonical"]:
        for a, b in combinations(sorted(set(names)), 2):
            pairs[(a, b)] += 1
    def co_mentions(name: str) -> str:
        partners = Counter({(b if a == name else a): c for (a, b), c in pairs.items() if name in (a, b)})
        return ", ".join(f"{p} ({c})" for p, c in sorted(partners.items(), key=lambda x: (-x[1], x[0]))[:3])
    table["co_mentions"] = [co_mentions(name) for name in table.index]
    table = table.reset_index().rename(columns={"canonical": "organisation"})
    table = table.sort_values(["mentions", "documents", "organisation"], ascending=[False, False, True], kind="stable")
    return table.head(n).reset_index(drop=True)[columns]


def hardware_summary(corpus) -> pd.DataFrame:
    """Mentions by product, vendor and kind, and the number of GPUs or accelerators committed."""
    hardware = corpus.hardware
    columns = ["product", "vendor", "kind", "mentions", "documents", "units_committed"]
    if hardware.empty:
        return pd.DataFrame(columns=columns)
    frame = hardware.assign(product=hardware["product"].replace("", pd.NA).fillna("(" + hardware["kind"] + ")"))
    frame["units"] = frame["quantity"].where(frame["unit"] == "units")
    table = frame.groupby(["product", "vendor", "kind"], sort=True, dropna=False).agg(
        mentions=("text", "size"), documents=("doc_id", "nunique"), units_committed=("units", "sum")).reset_index()
    return table.sort_values(["mentions", "product"], ascending=[False, True], kind="stable").reset_index(drop=True)[columns]


def language_mix(corpus) -> pd.DataFrame:
    """Documents per source and language (duplicates counted apart)."""
    documents = corpus.read("documents", ["source", "lang", "duplicate_of"])
    if documents.empty:
        return pd.DataFrame(columns=["source", "en", "fr", "und", "duplicates"])
    frame = documents.assign(duplicate=documents["duplicate_of"].fillna("") != "")
    table = pd.crosstab(frame["source"], frame["lang"]).reindex(columns=["en", "fr", "und"], fill_value=0)
    table["duplicates"] = frame.groupby("source")["duplicate"].sum()
    return table.reset_index().rename_axis(columns=None)
