"""The investments as a reader sees them: one row per event with its sources (title, date, outlet,
link) and its quotes (each sentence once, the amounts of the event marked in it). Shared by the
HTML report and the spreadsheet, so both say the same thing.

Columns other branches add (``suspect``, ``suspect_reason``, ``investors``, ``part_of``) are read
when present and default to nothing when absent.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pandas as pd

SAFE_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Article:
    doc_id: str
    title: str
    date: str
    outlet: str
    url: str  # "" unless an http(s) address


@dataclass(frozen=True)
class Quote:
    """A sentence of an article, and the spans (sentence offsets) of the event's amounts in it."""

    article: Article
    sentence: str
    marks: tuple[tuple[int, int], ...]
    cue: str = ""  # the words the amount's kind was read from (``kind_cue``), when the table has them


@dataclass(frozen=True)
class EventRow:
    event_id: str
    investor: str
    investors: tuple[str, ...]
    recipient: str
    target: str
    kind: str
    stated_value: float | None
    currency: str
    value_eur: float | None
    value_usd: float | None
    qualifier: str
    date: str
    langs: tuple[str, ...]
    articles: tuple[Article, ...]
    quotes: tuple[Quote, ...]
    suspect: bool
    suspect_reason: str
    part_of: str


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return str(value)


def _number(value) -> float | None:
    try:
        return None if value is None or pd.isna(value) else float(value)
    except (TypeError, ValueError):
        return None


def safe_url(url: str) -> str:
    """The address when it is an http(s) link, else "" (no javascript: or file: links in a report)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else ""


def outlet(site: str, url: str, source: str) -> str:
    """Who published it: the site name, else the web domain, else the file name (never a local path)."""
    if site:
        return site
    domain = urlsplit(url).netloc if url else ""
    if domain:
        return domain.removeprefix("www.")
    return PurePosixPath(source.replace("\\", "/")).name


def articles_by_doc(corpus) -> dict[str, Article]:
    documents = corpus.read("documents", ["doc_id", "title", "date", "url", "site", "source"])
    articles = {}
    for row in documents.to_dict("records"):
        url = safe_url(_text(row.get("url")))
        articles[row["doc_id"]] = Article(row["doc_id"], " ".join(_text(row.get("title")).split()),
                                          _text(row.get("date")), outlet(_text(row.get("site")), url,
                                                                         _text(row.get("source"))), url)
    return articles


def _stated_value(event: dict) -> float | None:
    """The figure as the article gives it: the value, else the bound."""
    for key in ("value", "low", "high"):
        value = _number(event.get(key))
        if value is not None:
            return value
    return None


def _names(value) -> tuple[str, ...]:
    """A list column (``investors``) as stored: a list, an array, or a ";"-joined string."""
    if value is None or (isinstance(value, float) and value != value):
        return ()
    if isinstance(value, str):
        return tuple(n.strip() for n in value.split(";") if n.strip())
    try:
        return tuple(str(n) for n in value if _text(n))
    except TypeError:
        return ()


def _quotes(amounts: pd.DataFrame, articles: dict[str, Article]) -> tuple[Quote, ...]:
    """Each sentence once (two amounts of one sentence, or a restated figure, give one quote)."""
    quotes: dict[tuple[str, int], dict] = {}
    for row in amounts.sort_values(["doc_id", "start"], kind="stable").to_dict("records"):
        sentence = _text(row.get("sentence"))
        offset = int(row.get("sentence_start") or 0)
        key = (row["doc_id"], offset)
        entry = quotes.setdefault(key, {"sentence": sentence, "marks": [], "cue": _text(row.get("kind_cue"))})
        start, end = int(row["start"]) - offset, int(row["end"]) - offset
        if 0 <= start < end <= len(sentence):
            entry["marks"].append((start, end))
    article_of = {doc: articles.get(doc, Article(doc, "", "", "", "")) for doc, _ in quotes}
    return tuple(Quote(article_of[doc], entry["sentence"], tuple(sorted(set(entry["marks"]))), entry["cue"])
                 for (doc, _), entry in quotes.items())


def event_rows(corpus) -> list[EventRow]:
    """Every investment event, in the order of the investments table."""
    investments = corpus.investments
    if investments.empty:
        return []
    articles = articles_by_doc(corpus)
    amounts = corpus.amounts
    by_event = {event: group for event, group in amounts.groupby("event_id", sort=False)} if len(amounts) else {}
    rows = []
    for event in investments.to_dict("records"):
        doc_ids = [d for d in _text(event.get("doc_ids")).split(";") if d]
        members = by_event.get(event["event_id"])
        investor = _text(event.get("investor"))
        investors = _names(event.get("investors")) or ((investor,) if investor else ())
        rows.append(EventRow(
            event_id=event["event_id"], investor=investor, investors=investors,
            recipient=_text(event.get("recipient")), target=_text(event.get("target")), kind=_text(event.get("kind")),
            stated_value=_stated_value(event), currency=_text(event.get("currency")),
            value_eur=_number(event.get("value_eur")), value_usd=_number(event.get("value_usd")),
            qualifier=_text(event.get("qualifier")) or "exact", date=_text(event.get("date")),
            langs=tuple(lang for lang in _text(event.get("langs")).split(";") if lang),
            articles=tuple(articles.get(d, Article(d, "", "", "", "")) for d in doc_ids),
            quotes=_quotes(members, articles) if members is not None else (),
            suspect=bool(event.get("suspect")) if _text(event.get("suspect")) not in ("", "False", "0") else False,
            suspect_reason=_text(event.get("suspect_reason")), part_of=_text(event.get("part_of"))))
    return rows
