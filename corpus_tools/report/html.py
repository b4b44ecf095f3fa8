"""report.html: one self-contained page that works offline and on a phone.

A summary, the investments as a table to sort, filter and search (each row's quotes behind a
count, each quote with its article's title, date, outlet and link, the amount marked), the charts
as inline SVG with alt text, and links to the spreadsheet and CSV files beside it. The script
(``assets/report.js``) is ours and inlined; without it every row and quote still shows.

Everything that comes from an article is escaped; the only data inside a ``<script>`` element is
JSON of the report's own words, with ``<``, ``>`` and ``&`` written as ``\\u`` escapes.
"""
from __future__ import annotations

import json
import re
from html import escape
from importlib import resources

import pandas as pd

from .. import __version__
from ..lang import LANGUAGES, UNDETERMINED
from .charts import alt_text, product_label, units_label
from .labels import labels
from .money import format_money
from .rows import EventRow, Quote, event_rows
from .tables import charted_investments, hardware_summary, short_source_names, top_organisations

TOP_FINDINGS = 5
TOP_ORGANISATIONS = 25


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def script_json(data) -> str:
    """JSON that cannot end the ``<script>`` element holding it, whatever its strings contain."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                       ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def highlighted(quote: Quote) -> str:
    """The sentence, escaped, with the event's amounts in ``<mark>``."""
    parts, position = [], 0
    for start, end in quote.marks:
        if start < position:
            continue
        parts.append(_e(quote.sentence[position:start]))
        parts.append(f"<mark>{_e(quote.sentence[start:end])}</mark>")
        position = end
    parts.append(_e(quote.sentence[position:]))
    return " ".join("".join(parts).split())


def _citation(quote: Quote, text: dict) -> str:
    article = quote.article
    title = _e(article.title or text["untitled"])
    linked = f'<a href="{_e(article.url)}" rel="noopener noreferrer">{title}</a>' if article.url else title
    details = " · ".join(_e(x) for x in (article.outlet, article.date or text["undated_article"]) if x)
    cue = f'<span class="sub">{_e(text["kind_cue"].format(cue=quote.cue))}</span>' if quote.cue else ""
    return f'<p class="cite">{linked}{" · " + details if details else ""}{cue}</p>'


def _mentions(row: EventRow, text: dict) -> str:
    if not row.quotes:
        return ""
    n = len(row.quotes)
    summary = text["one_mention"] if n == 1 else text["mentions_count"].format(n=n)
    quotes = "".join(f"<li><blockquote>{highlighted(q)}</blockquote>{_citation(q, text)}</li>" for q in row.quotes)
    return f'<details><summary>{_e(summary)}</summary><ul class="quotes">{quotes}</ul></details>'


def _event_row(row: EventRow, locale: str) -> str:
    words = labels(locale)
    text = words.TEXT
    stated = format_money(row.stated_value, row.currency or "EUR", locale, row.qualifier)
    euros = format_money(row.value_eur, "EUR", locale, row.qualifier)
    langs = ", ".join(words.LANGUAGE_NAMES.get(lang, lang) for lang in row.langs)
    search = " ".join([row.investor, *row.investors, row.recipient, row.target, words.KINDS.get(row.kind, row.kind),
                       *(q.sentence for q in row.quotes), *(a.title for a in row.articles),
                       *(a.outlet for a in row.articles)]).lower()
    recipient = _e(row.recipient) + (f'<span class="sub">{_e(row.target)}</span>' if row.target else "")
    investor = _e(row.investor) or "—"
    if len(row.investors) > 1:
        investor += f'<span class="sub">{_e(", ".join(n for n in row.investors if n != row.investor))}</span>'
    flags = ""
    if row.suspect:
        reason = text["suspect_title"].format(reason=row.suspect_reason) if row.suspect_reason else text["suspect"]
        flags += f'<span class="flag" title="{_e(reason)}">{_e(text["suspect"])}</span>'
    if row.part_of:
        flags += f'<span class="sub">{_e(text["part_of"])}</span>'
    attributes = {
        "data-investors": "\n".join(row.investors), "data-recipient": row.recipient, "data-kind": row.kind,
        "data-langs": " ".join(row.langs), "data-date": row.date,
        "data-eur": "" if row.value_eur is None else f"{row.value_eur:.0f}", "data-search": search,
        "data-event": row.event_id,
    }
    attrs = " ".join(f'{k}="{_e(v)}"' for k, v in attributes.items())
    css = ' class="suspect"' if row.suspect else ""
    eur_sort = "" if row.value_eur is None else f"{row.value_eur:.0f}"
    return (f"<tr{css} {attrs}>"
            f'<td data-label="{_e(text["investor"])}">{investor}{flags}</td>'
            f'<td data-label="{_e(text["recipient"])}">{recipient}</td>'
            f'<td data-label="{_e(text["kind"])}">{_e(words.KINDS.get(row.kind, row.kind))}</td>'
            f'<td class="num" data-label="{_e(text["amount"])}" data-sort="{eur_sort}">{_e(stated)}'
            f'{f"<span class=sub>{_e(euros)}</span>" if row.currency != "EUR" and euros else ""}</td>'
            f'<td class="date" data-label="{_e(text["date"])}" data-sort="{_e(row.date)}">{_e(row.date) or "—"}</td>'
            f'<td data-label="{_e(text["languages"])}">{_e(langs)}</td>'
            f'<td data-label="{_e(text["evidence"])}">{_mentions(row, text)}</td></tr>')


def _options(name: str, label: str, values: list[tuple[str, str]], everything: str) -> str:
    options = "".join(f'<option value="{_e(v)}">{_e(shown)}</option>' for v, shown in values)
    return (f'<label>{_e(label)}<select name="{name}"><option value="">{_e(everything)}</option>{options}'
            "</select></label>")


def _filters(rows: list[EventRow], locale: str) -> str:
    words = labels(locale)
    text = words.TEXT
    investors = sorted({n for r in rows for n in r.investors}, key=str.casefold)
    recipients = sorted({r.recipient for r in rows if r.recipient}, key=str.casefold)
    kinds = sorted({r.kind for r in rows if r.kind})
    langs = [lang for lang in (*LANGUAGES, UNDETERMINED) if any(lang in r.langs for r in rows)]
    number = 'type="number" min="0" step="any" inputmode="decimal"'
    return (
        '<form id="filters" class="filters" hidden role="search">'
        f'<label>{_e(text["search"])}<input type="search" name="q" '
        f'placeholder="{_e(text["search_placeholder"])}"></label>'
        + _options("investor", text["investor"], [(n, n) for n in investors], text["all"])
        + _options("recipient", text["recipient"], [(n, n) for n in recipients], text["all"])
        + _options("kind", text["kind"], [(k, words.KINDS.get(k, k)) for k in kinds], text["all"])
        + _options("lang", text["language"], [(code, words.LANGUAGE_NAMES.get(code, code)) for code in langs],
                   text["all"])
        + f'<label>{_e(text["date_from"])}<input type="date" name="from"></label>'
        f'<label>{_e(text["date_to"])}<input type="date" name="to"></label>'
        f'<label>{_e(text["amount_min"])}<input {number} name="min"></label>'
        f'<label>{_e(text["amount_max"])}<input {number} name="max"></label>'
        f'<button type="reset">{_e(text["reset"])}</button></form>')


def _investments_section(rows: list[EventRow], locale: str) -> str:
    text = labels(locale).TEXT
    if not rows:
        return f'<h2 id="investments">{_e(text["investments"])}</h2><p class="empty">{_e(text["nothing_investments"])}</p>'
    headers = [("investor", "text"), ("recipient", "text"), ("kind", "text"), ("amount", "number"),
               ("date", "text"), ("languages", "text"), ("evidence", None)]
    head = "".join(f'<th data-type="{kind}" scope="col"><button type="button">{_e(text[key])}</button></th>'
                   if kind else f'<th scope="col">{_e(text[key])}</th>' for key, kind in headers)
    body = "".join(_event_row(r, locale) for r in rows)
    shown = text["rows_shown"].format(shown=len(rows), total=len(rows))
    return (f'<h2 id="investments">{_e(text["investments"])}</h2><p>{_e(text["investments_help"])}</p>'
            f'<noscript><p>{_e(text["no_js"])}</p></noscript>{_filters(rows, locale)}'
            f'<p class="count" id="rows-shown" aria-live="polite">{_e(shown)}</p>'
            f'<table id="investments-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')


def _summary(corpus, rows: list[EventRow], locale: str) -> str:
    words = labels(locale)
    text = words.TEXT
    counts = corpus.counts()
    documents = corpus.read("documents", ["source", "lang", "duplicate_of"])
    errors = corpus.read("errors", ["source", "reason"])
    if counts["documents"] == 0 and counts["errors"] == 0:
        return f'<h2 id="summary">{_e(text["summary"])}</h2><p class="empty">{_e(text["nothing"])}</p>'
    originals = documents[documents["duplicate_of"].fillna("") == ""]
    per_lang = originals["lang"].value_counts()
    languages = ", ".join(f"{int(per_lang[lang])} {words.LANGUAGE_NAMES.get(lang, lang)}"
                          for lang in (*LANGUAGES, UNDETERMINED) if lang in per_lang)
    files = len(set(documents["source"]) | set(errors["source"]))
    reasons = errors["reason"].value_counts()
    failed = text["failed"].format(errors=counts["errors"]) + (" (" + ", ".join(
        f"{int(n)} {words.ERROR_REASONS.get(reason, reason)}" for reason, n in sorted(reasons.items())) + ").")
    items = [text["read"].format(documents=counts["documents"], files=files, duplicates=counts["duplicates"],
                                 languages=languages or "—"),
             failed if counts["errors"] else text["failed_none"],
             text["found"].format(amounts=counts["amounts"], investments=counts["investments"])]
    summary = "".join(f"<li>{_e(item)}</li>" for item in items)
    findings = ""
    headline = charted_investments(corpus)
    if len(headline):
        by_id = {r.event_id: r for r in rows}
        top = headline.sort_values(["value_eur", "event_id"], ascending=[False, True], kind="stable").head(TOP_FINDINGS)
        entries = []
        for event_id in top["event_id"]:
            row = by_id[event_id]
            sources = text["one_source"] if len(row.articles) == 1 else text["n_sources"].format(n=len(row.articles))
            who = row.investor or text["unknown_investor"]
            who += f" → {row.recipient}" if row.recipient else ""
            entries.append(_e(text["finding"].format(
                who=who, amount=format_money(row.value_eur, "EUR", locale, row.qualifier), sources=sources)))
        findings = f'<h3>{_e(text["top_findings"])}</h3><ol>{"".join(f"<li>{e}</li>" for e in entries)}</ol>'
    return f'<h2 id="summary">{_e(text["summary"])}</h2><ul class="summary">{summary}</ul>{findings}'


_SVG_ID = re.compile(r'\bid="([^"]+)"')


def inline_svg(svg: bytes, prefix: str, alt: str) -> str:
    """Matplotlib's SVG, made fit to sit in the page: no XML prologue, ids unique to this chart,
    sized by the page (viewBox kept), announced as an image with its alt text."""
    text = svg.decode("utf-8")
    text = text[text.index("<svg"):]
    for name in sorted(set(_SVG_ID.findall(text)), key=len, reverse=True):
        text = (text.replace(f'id="{name}"', f'id="{prefix}-{name}"').replace(f"#{name})", f"#{prefix}-{name})")
                .replace(f'href="#{name}"', f'href="#{prefix}-{name}"'))
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r"<svg\1", text, count=1)
    title_id = f"{prefix}-title"
    text = text.replace("<svg", f'<svg role="img" aria-labelledby="{title_id}"', 1)
    opening_end = text.index(">") + 1
    return text[:opening_end] + f'<title id="{title_id}">{_e(alt)}</title>' + text[opening_end:]


def _charts_section(corpus, charts_svg: dict[str, bytes], locale: str) -> str:
    if not charts_svg:
        return ""
    text = labels(locale).TEXT
    figures = "".join(f'<figure id="chart-{name}">{inline_svg(svg, name, alt_text(name, corpus, locale))}</figure>'
                      for name, svg in charts_svg.items())
    return f'<h2 id="charts">{_e(text["charts"])}</h2>{figures}'


def _table(header: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(
        f'<td data-label="{_e(header[i])}"{" class=num" if i in numeric else ""}>{_e(v)}</td>'
        for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _organisations_section(corpus, locale: str) -> str:
    words = labels(locale)
    text = words.TEXT
    table = top_organisations(corpus, TOP_ORGANISATIONS)
    if table.empty:
        return ""
    header = [text["organisation"], text["mentions"], text["documents"],
              *(text["mentions_lang"].format(lang=words.LANGUAGE_NAMES.get(lang, lang)) for lang in LANGUAGES),
              text["co_mentions"]]
    rows = [[r["organisation"], r["mentions"], r["documents"], *(r[f"mentions_{lang}"] for lang in LANGUAGES),
             r["co_mentions"]] for _, r in table.iterrows()]
    return f'<h2 id="organisations">{_e(text["organisations_table"])}</h2>' + _table(
        header, rows, set(range(1, 3 + len(LANGUAGES))))


def _hardware_section(corpus, locale: str) -> str:
    words = labels(locale)
    text = words.TEXT
    table = hardware_summary(corpus)
    if table.empty:
        return ""
    header = [text["product"], text["vendor"], text["kind"], text["mentions"], text["documents"], text["units"]]
    rows = [[product_label(r["product"], r["kind"], locale), r["vendor"], words.HARDWARE_KINDS.get(r["kind"], r["kind"]),
             r["mentions"], r["documents"], "" if pd.isna(r["units_committed"]) else units_label(r["units_committed"], locale)]
            for _, r in table.iterrows()]
    return f'<h2 id="hardware">{_e(text["hardware_table"])}</h2>' + _table(header, rows, {3, 4, 5})


def _errors_section(corpus, locale: str) -> str:
    words = labels(locale)
    text = words.TEXT
    errors = corpus.read("errors")
    if errors.empty:
        return ""
    names = short_source_names(list(errors["source"]))
    rows = [[n, i, words.ERROR_REASONS.get(r, r), m]
            for n, i, r, m in zip(names, errors["item"], errors["reason"], errors["message"])]
    header = [text["file"], text["item"], text["reason"], text["message"]]
    return f'<h2 id="errors">{_e(text["errors_table"])}</h2>' + _table(header, rows)


def _downloads(locale: str) -> str:
    text = labels(locale).TEXT
    colon = " :" if locale == "fr" else ":"
    links = [("report.xlsx", text["download_xlsx"]),
             ("tables/investments.csv", f'{text["download_csv"]}{colon} {text["investments"]}'),
             ("tables/amounts.csv", "amounts.csv"), ("tables/documents.csv", "documents.csv")]
    anchors = "".join(f'<a href="{href}" download>{_e(label)}</a>' for href, label in links)
    return (f'<nav class="downloads" aria-label="{_e(text["downloads"])}"><strong>{_e(text["downloads"])}{colon}'
            f"</strong> {anchors}</nav>")


def render_html(corpus, charts_svg: dict[str, bytes], *, locale: str = "en", title: str | None = None) -> str:
    words = labels(locale)
    text = words.TEXT
    title = title or text["report_title"]
    rows = event_rows(corpus)
    has_articles = corpus.counts()["documents"] > 0
    sections = [_summary(corpus, rows, locale)]
    if has_articles:
        sections += [_investments_section(rows, locale), _charts_section(corpus, charts_svg, locale),
                     _organisations_section(corpus, locale), _hardware_section(corpus, locale)]
    sections.append(_errors_section(corpus, locale))
    script = ""
    if rows:
        script = (f'<script type="application/json" id="report-words">{script_json({"rows_shown": text["rows_shown"]})}'
                  f"</script><script>{_asset('report.js')}</script>")
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(locale if locale in LANGUAGES else "en")}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_asset('report.css')}</style></head><body>"
        f"<header><h1>{_e(title)}</h1>{_downloads(locale) if has_articles else ''}</header><main>"
        + "".join(sections)
        + f'</main><footer><p class="sub">{_e(text["generated"].format(version=__version__))}</p></footer>'
        + script + "</body></html>\n")
