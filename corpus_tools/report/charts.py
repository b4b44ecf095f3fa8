"""Journalist-ready charts. Every function takes ``ax=None`` (a new figure in the house style)
and returns the Axes, so charts compose in notebooks and reports alike."""
from __future__ import annotations

import pandas as pd

from .money import format_money
from .style import KIND_COLOURS, KIND_LABELS, LANG_COLOURS, OTHER_COLOUR, finish, house_style, new_axes
from .tables import hardware_summary, language_mix, top_organisations

TEXT = {
    "en": {"unknown": "(investor not named)", "leads": "{who} leads with {amount}",
           "none": "No investment found", "source": "Source: corpus_tools analysis of {n} articles{span}.",
           "marks": " “more than”, “up to” and “~” mark bounds and estimates.",
           "timeline": "Announced investments by month, in euros", "month": "Total announced (EUR)",
           "orgs": "Most mentioned organisations", "mentions": "Mentions", "hardware": "Hardware most mentioned",
           "mix": "Articles by source and language", "articles": "Articles", "no_data": "No data"},
    "fr": {"unknown": "(investisseur non nommé)", "leads": "{who} en tête avec {amount}",
           "none": "Aucun investissement trouvé", "source": "Source : analyse corpus_tools de {n} articles{span}.",
           "marks": " « plus de », « jusqu'à » et « env. » signalent bornes et estimations.",
           "timeline": "Investissements annoncés par mois, en euros", "month": "Total annoncé (EUR)",
           "orgs": "Organisations les plus citées", "mentions": "Mentions", "hardware": "Matériel le plus cité",
           "mix": "Articles par source et par langue", "articles": "Articles", "no_data": "Aucune donnée"},
}


def _text(locale: str) -> dict:
    return TEXT.get(locale, TEXT["en"])


def _footnote(corpus, locale: str, marks: bool = False) -> str:
    documents = corpus.read("documents", ["date"])
    dates = sorted(d for d in documents["date"].fillna("") if d) if len(documents) else []
    span = f", {dates[0]} – {dates[-1]}" if dates else ""
    text = _text(locale)
    return text["source"].format(n=len(documents), span=span) + (text["marks"] if marks else "")


def investor_chart_data(corpus, top: int = 12, locale: str = "en") -> pd.DataFrame:
    """One bar per event, largest first: the label is what the bar says."""
    events = corpus.investments
    if events.empty:
        return pd.DataFrame(columns=["name", "value_eur", "kind", "label"])
    events = events.sort_values(["value_eur", "investor"], ascending=[False, True], kind="stable").head(top)
    unknown = _text(locale)["unknown"]
    names = [inv or (f"{unknown} → {rec}" if rec else unknown) for inv, rec in zip(events["investor"], events["recipient"])]
    labels = [format_money(v, "EUR", locale, q) for v, q in zip(events["value_eur"], events["qualifier"])]
    return pd.DataFrame({"name": names, "value_eur": events["value_eur"].to_numpy(), "kind": events["kind"].to_numpy(),
                         "label": labels})


def investments_by_investor(corpus, ax=None, *, top: int = 12, locale: str = "en"):
    """Ranked horizontal bars, one per investment event, labelled "€4bn" / "4 Md€", coloured by kind."""
    ax = ax or new_axes()
    data = investor_chart_data(corpus, top, locale)
    text = _text(locale)
    with house_style():
        if data.empty:
            ax.text(0.5, 0.5, text["none"], ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            finish(ax, text["none"], _footnote(corpus, locale))
            return ax
        data = data.iloc[::-1]  # largest at the top
        colours = [KIND_COLOURS.get(k, OTHER_COLOUR) for k in data["kind"]]
        bars = ax.barh(range(len(data)), data["value_eur"], color=colours, height=0.7)
        ax.set_yticks(range(len(data)), data["name"])
        ax.bar_label(bars, labels=list(data["label"]), padding=4, fontsize=10)
        ax.set_xticks([])
        ax.spines["bottom"].set_visible(False)
        ax.margins(x=0.25)
        kinds = list(dict.fromkeys(data["kind"][::-1]))
        handles = [ax.bar(0, 0, color=KIND_COLOURS.get(k, OTHER_COLOUR), label=KIND_LABELS[locale if locale in KIND_LABELS else "en"].get(k, k)) for k in kinds]
        ax.legend(handles=handles, frameon=False, loc="lower right")
        leader = data.iloc[-1]
        finish(ax, text["leads"].format(who=leader["name"], amount=leader["label"]), _footnote(corpus, locale, True))
    return ax


def investment_timeline(corpus, ax=None, *, locale: str = "en", annotate: int = 3):
    """Total announced per month, with the largest events named on their bars."""
    ax = ax or new_axes()
    text = _text(locale)
    events = corpus.investments
    events = events[events["date"].fillna("").str.len() >= 7] if len(events) else events
    with house_style():
        if events.empty:
            ax.text(0.5, 0.5, text["no_data"], ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            finish(ax, text["timeline"], _footnote(corpus, locale))
            return ax
        months = events.assign(month=events["date"].str[:7])
        totals = months.groupby("month")["value_eur"].sum().sort_index()
        positions = range(len(totals))
        ax.bar(positions, totals.to_numpy(), color=LANG_COLOURS["en"], width=0.6)
        ax.set_xticks(list(positions), list(totals.index), rotation=45 if len(totals) > 8 else 0, ha="right" if len(totals) > 8 else "center")
        ax.set_ylabel(text["month"])
        ax.yaxis.set_major_formatter(lambda value, _: format_money(value, "EUR", locale) if value else "0")
        # One label per month (its largest event), for the months with the most money.
        largest = (months.sort_values(["value_eur", "event_id"], ascending=[False, True], kind="stable")
                   .drop_duplicates("month").head(annotate))
        index_of = {m: i for i, m in enumerate(totals.index)}
        for row in largest.itertuples():
            ax.annotate(f"{row.investor or '?'} {format_money(row.value_eur, 'EUR', locale, row.qualifier)}",
                        (index_of[row.month], totals[row.month]), textcoords="offset points", xytext=(0, 4),
                        ha="center", fontsize=9)
        finish(ax, text["timeline"], _footnote(corpus, locale, True))
    return ax


def organisations_by_language(corpus, ax=None, *, top: int = 15, locale: str = "en"):
    """Most mentioned organisations, bars split by the language of the articles."""
    ax = ax or new_axes()
    text = _text(locale)
    table = top_organisations(corpus, top).iloc[::-1]
    with house_style():
        left = [0] * len(table)
        for lang in ("en", "fr"):
            values = table[f"mentions_{lang}"].tolist()
            ax.barh(range(len(table)), values, left=left, color=LANG_COLOURS[lang], label=lang.upper(), height=0.7)
            left = [a + b for a, b in zip(left, values)]
        ax.set_yticks(range(len(table)), table["organisation"])
        ax.set_xlabel(text["mentions"])
        ax.legend(frameon=False, loc="lower right")
        finish(ax, text["orgs"], _footnote(corpus, locale))
    return ax


def hardware_by_product(corpus, ax=None, *, top: int = 12, locale: str = "en"):
    """Hardware mentions by product (generic terms in brackets)."""
    ax = ax or new_axes()
    text = _text(locale)
    table = hardware_summary(corpus).head(top).iloc[::-1]
    with house_style():
        labels = [f"{p} ({v})" if v else p for p, v in zip(table["product"], table["vendor"])]
        ax.barh(range(len(table)), table["mentions"], color=LANG_COLOURS["en"], height=0.7)
        ax.set_yticks(range(len(table)), labels)
        ax.set_xlabel(text["mentions"])
        finish(ax, text["hardware"], _footnote(corpus, locale))
    return ax


def language_mix_chart(corpus, ax=None, *, locale: str = "en"):
    """Articles per source, split by language."""
    ax = ax or new_axes()
    text = _text(locale)
    table = language_mix(corpus)
    with house_style():
        names = [s.rsplit("/", 1)[-1] for s in table["source"]]
        left = [0] * len(table)
        for lang in ("en", "fr", "und"):
            values = table[lang].tolist()
            if any(values):
                ax.barh(range(len(table)), values, left=left, color=LANG_COLOURS[lang], label=lang.upper(), height=0.7)
                left = [a + b for a, b in zip(left, values)]
        ax.set_yticks(range(len(table)), names)
        ax.set_xlabel(text["articles"])
        ax.legend(frameon=False, loc="lower right")
        finish(ax, text["mix"], _footnote(corpus, locale))
    return ax


CHARTS = {
    "investments_by_investor": investments_by_investor,
    "investment_timeline": investment_timeline,
    "organisations_by_language": organisations_by_language,
    "hardware_by_product": hardware_by_product,
    "language_mix": language_mix_chart,
}
