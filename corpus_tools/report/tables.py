"""Tables for analysts: each a function of a Corpus returning a DataFrame, usable from a notebook."""
from __future__ import annotations

from collections import Counter
from itertools import combinations

import pandas as pd

from ..lang import LANGUAGES, UNDETERMINED

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
    columns = ["organisation", "entity_id", "mentions", "documents", *(f"mentions_{lang}" for lang in LANGUAGES),
               "co_mentions"]
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
        **{f"mentions_{lang}": grouped["lang"].agg(lambda values, lang=lang: int((values == lang).sum()))
           for lang in LANGUAGES},
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


HARDWARE_KINDS = ("gpu", "accelerator", "system", "supercomputer")
INFRASTRUCTURE_KINDS = ("datacenter", "compute_metric", "power")


def charted_investments(corpus) -> pd.DataFrame:
    """The events charts and headlines use: those with a value in euros, less any flagged ``suspect``."""
    events = corpus.investments
    if "suspect" in events.columns:
        events = events[events["suspect"].map(lambda flag: flag is not True and flag != 1)]
    return events[events["value_eur"].notna()] if len(events) else events


def _stories(corpus, hardware: pd.DataFrame) -> pd.Series:
    """The story each hardware mention belongs to: the investment event of the nearest amount in its
    article, else the article itself. The same fleet reported by three articles is one story."""
    amounts = corpus.read("amounts", ["doc_id", "start", "event_id"])
    amounts = amounts[amounts["event_id"].fillna("") != ""]
    by_doc = {doc: list(zip(group["start"], group["event_id"])) for doc, group in amounts.groupby("doc_id")}
    keys = []
    for doc, start in zip(hardware["doc_id"], hardware["start"]):
        events = by_doc.get(doc)
        keys.append(min(events, key=lambda e: (abs(e[0] - start), e[1]))[1] if events else f"article:{doc}")
    return pd.Series(keys, index=hardware.index, dtype=object)


def hardware_units(corpus) -> pd.DataFrame:
    """Units of computing hardware by product: in each story (event, else article) every distinct
    quantity of a product counts once, so a fleet repeated by several articles is not multiplied."""
    hardware = corpus.hardware
    columns = ["product", "vendor", "kind", "units", "stories"]
    if hardware.empty:
        return pd.DataFrame(columns=columns)
    units = hardware[hardware["kind"].isin(HARDWARE_KINDS) & (hardware["unit"] == "units")
                     & hardware["quantity"].notna()]
    if units.empty:
        return pd.DataFrame(columns=columns)
    units = units.assign(product=units["product"].replace("", pd.NA).fillna("(" + units["kind"] + ")"),
                         story=_stories(corpus, units))
    distinct = units.drop_duplicates(["story", "product", "quantity"])
    table = distinct.groupby(["product", "vendor", "kind"], sort=True, dropna=False).agg(
        units=("quantity", "sum"), stories=("story", "nunique")).reset_index()
    return table.sort_values(["units", "product"], ascending=[False, True], kind="stable").reset_index(drop=True)[columns]


def infrastructure_summary(corpus) -> pd.DataFrame:
    """Data centres, computing power and electric power: stories mentioning each, largest figure."""
    hardware = corpus.hardware
    columns = ["kind", "stories", "mentions", "largest", "unit"]
    infrastructure = hardware[hardware["kind"].isin(INFRASTRUCTURE_KINDS)] if len(hardware) else hardware
    if infrastructure.empty:
        return pd.DataFrame(columns=columns)
    infrastructure = infrastructure.assign(story=_stories(corpus, infrastructure))
    rows = []
    for kind in INFRASTRUCTURE_KINDS:
        group = infrastructure[infrastructure["kind"] == kind]
        if group.empty:
            continue
        # A data centre's "quantity" is no measure of it: only computing and electric power have one.
        measured = group[group["quantity"].notna()] if kind != "datacenter" else group.iloc[0:0]
        largest = measured.loc[measured["quantity"].idxmax()] if len(measured) else None
        rows.append({"kind": kind, "stories": group["story"].nunique(), "mentions": len(group),
                     "largest": None if largest is None else float(largest["quantity"]),
                     "unit": "" if largest is None else largest["unit"]})
    return pd.DataFrame(rows, columns=columns)


def hardware_summary(corpus) -> pd.DataFrame:
    """Mentions by product, vendor and kind, and the units committed (distinct per story, as in
    ``hardware_units``)."""
    hardware = corpus.hardware
    columns = ["product", "vendor", "kind", "mentions", "documents", "units_committed"]
    if hardware.empty:
        return pd.DataFrame(columns=columns)
    frame = hardware.assign(product=hardware["product"].replace("", pd.NA).fillna("(" + hardware["kind"] + ")"))
    table = frame.groupby(["product", "vendor", "kind"], sort=True, dropna=False).agg(
        mentions=("text", "size"), documents=("doc_id", "nunique")).reset_index()
    units = hardware_units(corpus).set_index(["product", "vendor", "kind"])["units"]
    table["units_committed"] = [units.get(key, float("nan")) for key in
                                zip(table["product"], table["vendor"], table["kind"])]
    return table.sort_values(["mentions", "product"], ascending=[False, True], kind="stable").reset_index(drop=True)[columns]


def short_source_names(sources: list[str]) -> list[str]:
    """Each source path cut to its shortest ending that no other source shares."""
    parts = [source.replace("\\", "/").rstrip("/").split("/") for source in sources]
    names = []
    for path in parts:
        for depth in range(1, len(path) + 1):
            ending = path[-depth:]
            if sum(other[-depth:] == ending for other in parts) == 1:
                break
        names.append("/".join(ending))
    return names


def language_mix(corpus) -> pd.DataFrame:
    """Documents per source and language (duplicates counted apart)."""
    langs = [*LANGUAGES, UNDETERMINED]
    documents = corpus.read("documents", ["source", "lang", "duplicate_of"])
    if documents.empty:
        return pd.DataFrame(columns=["source", *langs, "duplicates"])
    frame = documents.assign(duplicate=documents["duplicate_of"].fillna("") != "")
    table = pd.crosstab(frame["source"], frame["lang"]).reindex(columns=langs, fill_value=0)
    table["duplicates"] = frame.groupby("source")["duplicate"].sum()
    return table.reset_index().rename_axis(columns=None)
