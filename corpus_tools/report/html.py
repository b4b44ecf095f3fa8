"""report.html: one self-contained page (charts embedded, no external resource) where every
investment shows its evidence sentence and source. All article text is escaped."""
from __future__ import annotations

import base64
from html import escape

import pandas as pd

from .money import format_money
from .tables import hardware_summary, top_organisations

CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:1200px;color:#222;line-height:1.4}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccc;padding-bottom:.3rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #e4e4e4;padding:.4rem;
vertical-align:top;text-align:left}th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}
blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #0072B2;color:#333}
.source{color:#666;font-size:.8rem}img{max-width:100%;height:auto;margin:1rem 0}
"""


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return escape(str(value))


def _table(frame: pd.DataFrame, numeric: set[str] = frozenset()) -> str:
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = "".join(f'<td class="num">{_cell(v)}</td>' if c in numeric else f"<td>{_cell(v)}</td>"
                        for c, v in zip(frame.columns, record))
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _stated_value(event) -> float | None:
    """The figure as the article gives it: the value, else the bound."""
    for value in (event.value, event.low, event.high):
        if value is not None and not pd.isna(value):
            return value
    return None


def _sources(corpus) -> dict[str, str]:
    documents = corpus.read("documents", ["doc_id", "source", "item"])
    return {d: f"{s}{' — ' + i if i else ''}" for d, s, i in
            zip(documents["doc_id"], documents["source"], documents["item"].fillna(""))}


def _investment_rows(corpus, locale: str) -> str:
    sources = _sources(corpus)
    by_event = {event_id: group for event_id, group in corpus.amounts.groupby("event_id", sort=False)}
    empty = corpus.amounts.iloc[0:0]
    rows = []
    for event in corpus.investments.itertuples(index=False):
        stated = format_money(_stated_value(event), event.currency, locale, event.qualifier)
        euros = format_money(event.value_eur, "EUR", locale, event.qualifier)
        members = by_event.get(event.event_id, empty)
        evidence = "".join(
            f"<blockquote>{escape(' '.join(str(m.sentence).split()))}"
            f"<div class=source>{escape(sources.get(m.doc_id, m.doc_id))} · {escape(str(m.lang))} · "
            f"chars {int(m.start)}–{int(m.end)} · «{escape(str(m.text))}»</div></blockquote>"
            for m in members.itertuples(index=False))
        rows.append(
            f"<tr><td>{_cell(event.investor) or '—'}</td><td>{_cell(event.recipient)}<br>"
            f"<span class=source>{_cell(event.target)}</span></td><td>{_cell(event.kind)}</td>"
            f'<td class="num">{escape(stated)}<br><span class=source>{escape(euros)}</span></td>'
            f"<td>{_cell(event.date)}</td><td>{_cell(event.langs)}</td><td>{evidence}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("Investor", "Recipient / target", "Kind", "Amount as stated (in EUR)", "Date",
                                             "Languages", "Evidence and source"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render_html(corpus, charts_png: dict[str, bytes], *, locale: str = "en", title: str = "Investment report") -> str:
    images = "".join(f'<img alt="{escape(name)}" src="data:image/png;base64,{base64.b64encode(png).decode()}">'
                     for name, png in charts_png.items())
    counts = corpus.counts()
    summary = (f"{counts['documents']} documents ({counts['duplicates']} duplicates), {counts['amounts']} amounts, "
               f"{counts['investments']} investment events, {counts['errors']} input errors.")
    organisations = top_organisations(corpus, 25)
    hardware = hardware_summary(corpus)
    return (
        "<!DOCTYPE html>\n<html lang=\"" + ("fr" if locale == "fr" else "en") + "\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(summary)}</p>"
        f"<h2>Investments</h2>{_investment_rows(corpus, locale)}"
        f"<h2>Charts</h2>{images}"
        f"<h2>Organisations</h2>{_table(organisations, {'mentions', 'documents', 'mentions_en', 'mentions_fr'})}"
        f"<h2>Hardware</h2>{_table(hardware, {'mentions', 'documents', 'units_committed'})}"
        "</body></html>\n"
    )
