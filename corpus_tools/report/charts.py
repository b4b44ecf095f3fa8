"""Journalist-ready charts. Every function takes ``ax=None`` (a new figure in the house style)
and returns the Axes, so charts compose in notebooks and reports alike.

Each chart's title states its finding, its labels say what its bars measure, and its footnote says
what was left out (undated events, events flagged for checking) and which bars are bounds or
estimates rather than exact figures.
"""
from __future__ import annotations

import pandas as pd

from ..lang import LANGUAGES, UNDETERMINED
from .labels import labels
from .money import format_money
from .style import KIND_COLOURS, LANG_COLOURS, OTHER_COLOUR, finish, house_style, new_axes
from .tables import (INFRASTRUCTURE_KINDS, charted_investments, hardware_units,
                     infrastructure_summary, language_mix, short_source_names, top_organisations)

BOUND_HATCH = "///"


def _footnote(corpus, locale: str, extra: str = "") -> str:
    documents = corpus.read("documents", ["date"])
    dates = sorted(d for d in documents["date"].fillna("") if d) if len(documents) else []
    span = f", {dates[0]} – {dates[-1]}" if dates else ""
    return labels(locale).TEXT["source"].format(n=len(documents), span=span) + extra


def _empty(ax, corpus, locale: str, message: str):
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=13)
    ax.set_axis_off()
    finish(ax, message, _footnote(corpus, locale))
    return ax


def _is_estimate(qualifier: str) -> bool:
    return qualifier not in ("exact", "", None)


def investor_chart_data(corpus, top: int = 12, locale: str = "en") -> pd.DataFrame:
    """One bar per event, largest first: the label is the bar's own value, with its qualifier."""
    events = charted_investments(corpus)
    columns = ["name", "value_eur", "kind", "qualifier", "label"]
    if events.empty:
        return pd.DataFrame(columns=columns)
    events = events.sort_values(["value_eur", "investor", "event_id"], ascending=[False, True, True],
                                kind="stable").head(top)
    unknown = labels(locale).TEXT["unknown_investor"]
    names = [inv or (f"{unknown} → {rec}" if rec else unknown)
             for inv, rec in zip(events["investor"].fillna(""), events["recipient"].fillna(""))]
    label_of = [format_money(v, "EUR", locale, q) for v, q in zip(events["value_eur"], events["qualifier"])]
    return pd.DataFrame({"name": names, "value_eur": events["value_eur"].to_numpy(),
                         "kind": events["kind"].to_numpy(), "qualifier": events["qualifier"].to_numpy(),
                         "label": label_of})[columns]


def investments_by_investor(corpus, ax=None, *, top: int = 12, locale: str = "en"):
    """Ranked horizontal bars, one per investment event, labelled "€4bn" / "4 Md€", coloured by kind;
    bounds and estimates hatched."""
    ax = ax or new_axes()
    words = labels(locale)
    text = words.TEXT
    data = investor_chart_data(corpus, top, locale)
    with house_style():
        if data.empty:
            return _empty(ax, corpus, locale, text["no_investment"])
        data = data.iloc[::-1]  # largest at the top
        colours = [KIND_COLOURS.get(k, OTHER_COLOUR) for k in data["kind"]]
        bars = ax.barh(range(len(data)), data["value_eur"], color=colours, height=0.7)
        for bar, qualifier in zip(bars, data["qualifier"]):
            if _is_estimate(qualifier):
                bar.set_hatch(BOUND_HATCH)
                bar.set_edgecolor("white")
        ax.set_yticks(range(len(data)), data["name"])
        ax.bar_label(bars, labels=list(data["label"]), padding=4, fontsize=10)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        ax.margins(x=0.3)
        kinds = list(dict.fromkeys(data["kind"][::-1]))
        handles = [ax.bar(0, 0, color=KIND_COLOURS.get(k, OTHER_COLOUR), label=words.KINDS.get(k, k)) for k in kinds]
        ax.legend(handles=handles, frameon=False, loc="lower right")
        leader = data.iloc[-1]
        extra = text["bounds_note"] if any(_is_estimate(q) for q in data["qualifier"]) else ""
        finish(ax, text["leads"].format(who=leader["name"], amount=leader["label"]), _footnote(corpus, locale, extra))
    return ax


def month_label(period: pd.Period, locale: str) -> str:
    return f"{labels(locale).MONTHS[period.month - 1]} {period.year}"


def timeline_data(corpus) -> tuple[pd.DataFrame, int]:
    """EUR per calendar month from the first dated event to the last, months without an event
    included (at zero), split into exact amounts and bounds or estimates; and the number of
    undated events left out."""
    events = charted_investments(corpus)
    dated = events[events["date"].fillna("").str.match(r"^\d{4}-\d{2}")] if len(events) else events
    undated = len(events) - len(dated)
    if dated.empty:
        return pd.DataFrame(columns=["month", "exact", "bounded"]), undated
    months = pd.PeriodIndex(dated["date"].str[:7], freq="M")
    frame = pd.DataFrame({"month": months, "value": dated["value_eur"].fillna(0).to_numpy(),
                          "bounded": [_is_estimate(q) for q in dated["qualifier"]]})
    every_month = pd.period_range(months.min(), months.max(), freq="M")
    exact = frame[~frame["bounded"]].groupby("month")["value"].sum().reindex(every_month, fill_value=0.0)
    bounded = frame[frame["bounded"]].groupby("month")["value"].sum().reindex(every_month, fill_value=0.0)
    return pd.DataFrame({"month": every_month, "exact": exact.to_numpy(), "bounded": bounded.to_numpy()}), undated


def investment_timeline(corpus, ax=None, *, locale: str = "en"):
    """Total announced per calendar month on a continuous time axis (empty months show as gaps),
    exact amounts and bounds/estimates stacked apart; each month's label is its bar's total."""
    ax = ax or new_axes()
    text = labels(locale).TEXT
    data, undated = timeline_data(corpus)
    with house_style():
        if data.empty:
            return _empty(ax, corpus, locale, text["no_investment"])
        positions = list(range(len(data)))
        ax.bar(positions, data["exact"], color=LANG_COLOURS["en"], width=0.7, label=text["exact_total"])
        if data["bounded"].any():
            ax.bar(positions, data["bounded"], bottom=data["exact"], color=LANG_COLOURS["en"], alpha=0.45,
                   hatch=BOUND_HATCH, edgecolor="white", width=0.7, label=text["bounded_total"])
            ax.legend(frameon=False, loc="upper left")
        totals = data["exact"] + data["bounded"]
        for position, total in zip(positions, totals):
            if total:
                ax.annotate(format_money(total, "EUR", locale), (position, total), textcoords="offset points",
                            xytext=(0, 3), ha="center", fontsize=9)
        step = 1 if len(data) <= 12 else 3 if len(data) <= 36 else 12
        ax.set_xticks(positions[::step], [month_label(m, locale) for m in data["month"]][::step],
                      rotation=45 if len(data) > 6 else 0, ha="right" if len(data) > 6 else "center")
        ax.set_xlim(-0.6, len(data) - 0.4)
        ax.set_ylabel(text["timeline_total"])
        ax.yaxis.set_major_formatter(lambda value, _: format_money(value, "EUR", locale) if value else "0")
        ax.margins(y=0.12)
        extra = (text["undated"].format(n=undated) if undated else "") + (
            text["bounds_note"] if data["bounded"].any() else "")
        finish(ax, text["timeline"], _footnote(corpus, locale, extra))
    return ax


def organisations_by_language(corpus, ax=None, *, top: int = 15, locale: str = "en"):
    """Most mentioned organisations, bars split by the language of the articles."""
    ax = ax or new_axes()
    words = labels(locale)
    table = top_organisations(corpus, top).iloc[::-1]
    with house_style():
        if table.empty:
            return _empty(ax, corpus, locale, words.TEXT["no_data"])
        left = [0] * len(table)
        for lang in LANGUAGES:
            values = table[f"mentions_{lang}"].tolist()
            ax.barh(range(len(table)), values, left=left, color=LANG_COLOURS.get(lang, OTHER_COLOUR),
                    label=words.LANGUAGE_NAMES.get(lang, lang).capitalize(), height=0.7)
            left = [a + b for a, b in zip(left, values)]
        ax.set_yticks(range(len(table)), table["organisation"])
        ax.set_xlabel(words.TEXT["mentions"])
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(frameon=False, loc="lower right")
        finish(ax, words.TEXT["organisations"], _footnote(corpus, locale))
    return ax


def product_label(product: str, kind: str, locale: str, vendor: str = "") -> str:
    """A product and its vendor ("H100 (NVIDIA)"), or for hardware named only by its kind ("(gpu)" in
    the tables) that kind in words: "AMD GPU, model not named"."""
    words = labels(locale)
    if kind in INFRASTRUCTURE_KINDS and product.startswith("("):  # a data centre or a metric has no model
        return "—"
    if product.startswith("(") and product.endswith(")"):
        text = words.TEXT["unnamed_product"].format(kind=words.HARDWARE_KINDS.get(kind, kind), vendor=vendor)
        return " ".join(text.split()).replace(" ,", ",")
    return product + (f" ({vendor})" if vendor and vendor not in product else "")


def units_label(value: float, locale: str) -> str:
    text = f"{value:,.0f}"
    return text.replace(",", "\u202f") if locale == "fr" else text


def hardware_by_product(corpus, ax=None, *, top: int = 12, locale: str = "en"):
    """Units of computing hardware (GPUs, accelerators, systems) by product, each unit counted once
    per event however many articles repeat it; data centres and metrics have their own chart."""
    ax = ax or new_axes()
    words = labels(locale)
    text = words.TEXT
    table = hardware_units(corpus).head(top).iloc[::-1]
    with house_style():
        if table.empty:
            return _empty(ax, corpus, locale, text["hardware_none"])
        names = [product_label(p, k, locale, v) for p, v, k in zip(table["product"], table["vendor"], table["kind"])]
        bars = ax.barh(range(len(table)), table["units"], color=LANG_COLOURS["en"], height=0.7)
        ax.set_yticks(range(len(table)), names)
        ax.bar_label(bars, labels=[units_label(u, locale) for u in table["units"]], padding=4, fontsize=10)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        ax.margins(x=0.2)
        leader = table.iloc[-1]
        title = text["hardware"].format(product=product_label(leader["product"], leader["kind"], locale,
                                                              leader["vendor"]),
                                        units=units_label(leader["units"], locale))
        finish(ax, title, _footnote(corpus, locale, text["hardware_note"]))
    return ax


def infrastructure_and_metrics(corpus, ax=None, *, locale: str = "en"):
    """Data centres, computing power and electric power: how many stories mention each, with the
    largest figure given, apart from the hardware they are not."""
    ax = ax or new_axes(figsize=(10, 4))
    words = labels(locale)
    text = words.TEXT
    table = infrastructure_summary(corpus).iloc[::-1]
    with house_style():
        if table.empty:
            return _empty(ax, corpus, locale, text["infrastructure_none"])
        bars = ax.barh(range(len(table)), table["stories"], color=LANG_COLOURS["fr"], height=0.6)
        ax.set_yticks(range(len(table)), [words.HARDWARE_KINDS.get(k, k) for k in table["kind"]])
        bar_labels = [f"{n}" + (f" · {text['largest'].format(value=_metric(q, u, locale))}" if q == q and q else "")
                      for n, q, u in zip(table["stories"], table["largest"], table["unit"])]
        ax.bar_label(bars, labels=bar_labels, padding=4, fontsize=10)
        ax.set_xlabel(text["stories"])
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.margins(x=0.35)
        finish(ax, text["infrastructure"], _footnote(corpus, locale))
    return ax


def _metric(value: float, unit: str, locale: str) -> str:
    number = f"{value:,.0f}" if value >= 100 else f"{value:g}"
    if locale == "fr":
        number = number.replace(",", "\u202f").replace(".", ",")
    return f"{number} {unit}"


def language_mix_chart(corpus, ax=None, *, locale: str = "en"):
    """Articles per source, split by language; whole numbers on the axis, and sources named by the
    shortest part of their path that tells them apart."""
    ax = ax or new_axes()
    words = labels(locale)
    table = language_mix(corpus)
    with house_style():
        if table.empty:
            return _empty(ax, corpus, locale, words.TEXT["no_data"])
        names = short_source_names(list(table["source"]))
        left = [0] * len(table)
        for lang in (*LANGUAGES, UNDETERMINED):
            values = table[lang].tolist()
            if any(values):
                ax.barh(range(len(table)), values, left=left, color=LANG_COLOURS.get(lang, OTHER_COLOUR),
                        label=words.LANGUAGE_NAMES.get(lang, lang).capitalize(), height=0.7)
                left = [a + b for a, b in zip(left, values)]
        ax.set_yticks(range(len(table)), names)
        ax.set_xlabel(words.TEXT["articles"])
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.legend(frameon=False, loc="lower right")
        finish(ax, words.TEXT["mix"], _footnote(corpus, locale))
    return ax


CHARTS = {
    "investments_by_investor": investments_by_investor,
    "investment_timeline": investment_timeline,
    "organisations_by_language": organisations_by_language,
    "hardware_by_product": hardware_by_product,
    "infrastructure_and_metrics": infrastructure_and_metrics,
    "language_mix": language_mix_chart,
}

HAS_DATA = {
    "investments_by_investor": lambda corpus: not charted_investments(corpus).empty,
    "investment_timeline": lambda corpus: not timeline_data(corpus)[0].empty,
    "organisations_by_language": lambda corpus: not top_organisations(corpus, 1).empty,
    "hardware_by_product": lambda corpus: not hardware_units(corpus).empty,
    "infrastructure_and_metrics": lambda corpus: not infrastructure_summary(corpus).empty,
    "language_mix": lambda corpus: not language_mix(corpus).empty,
}


def charts_with_data(corpus) -> list[str]:
    """The charts that have something to show (an empty corpus gets none, not blank frames)."""
    return [name for name in CHARTS if HAS_DATA[name](corpus)]


def save_chart(ax, path, **savefig_options) -> None:
    """Save a chart in the house style, the format from the file's suffix: PNG at 2x, SVG and PDF
    with their text kept as text (editable in Illustrator or Inkscape)."""
    with house_style():
        ax.figure.savefig(path, **savefig_options)


def alt_text(name: str, corpus, locale: str = "en", top: int = 8) -> str:
    """What a chart shows, in words, for readers who cannot see it: its title and its main bars."""
    text = labels(locale).TEXT
    if name == "investments_by_investor":
        data = investor_chart_data(corpus, top, locale)
        items = [f"{n}: {lab}" for n, lab in zip(data["name"], data["label"])]
    elif name == "investment_timeline":
        data, _ = timeline_data(corpus)
        items = [f"{month_label(m, locale)}: {format_money(e + b, 'EUR', locale) if e + b else '0'}"
                 for m, e, b in zip(data["month"], data["exact"], data["bounded"])]
    elif name == "organisations_by_language":
        data = top_organisations(corpus, top)
        items = [f"{o}: {m}" for o, m in zip(data["organisation"], data["mentions"])]
    elif name == "hardware_by_product":
        data = hardware_units(corpus).head(top)
        items = [f"{product_label(p, k, locale, v)}: {units_label(u, locale)}"
                 for p, k, v, u in zip(data["product"], data["kind"], data["vendor"], data["units"])]
    elif name == "infrastructure_and_metrics":
        data = infrastructure_summary(corpus)
        items = [f"{labels(locale).HARDWARE_KINDS.get(k, k)}: {n}" for k, n in zip(data["kind"], data["stories"])]
    else:
        data = language_mix(corpus)
        items = [f"{s}: {sum(int(r[lang]) for lang in (*LANGUAGES, UNDETERMINED))}"
                 for s, (_, r) in zip(short_source_names(list(data["source"])), data.iterrows())]
    title = {"investments_by_investor": text["timeline"], "investment_timeline": text["timeline"],
             "organisations_by_language": text["organisations"], "hardware_by_product": text["hardware_units"],
             "infrastructure_and_metrics": text["infrastructure"], "language_mix": text["mix"]}[name]
    if name == "investments_by_investor" and len(data):
        title = text["leads"].format(who=data.iloc[0]["name"], amount=data.iloc[0]["label"])
    return f"{title}. " + "; ".join(items) + "."
