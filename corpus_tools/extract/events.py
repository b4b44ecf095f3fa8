"""Investment events: amounts that restate the same investment become one row, within a document
and across documents and languages, keeping every source, language and evidence sentence.

Two amounts are the same investment when the article links them (a restatement in another
currency), or when they have the same investor (or its parent group), euro values within 5%,
compatible dates and no conflicting recipients. Comparisons happen only inside an investor's
bucket, so the merge stays near-linear on large corpora.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from hashlib import sha1
from typing import Iterable, Mapping, NamedTuple

from .investments import INVESTING_KINDS

RELATIVE_TOLERANCE = 0.05
QUALIFIER_RANK = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2, "range": 3}


AMOUNT_COLUMNS = ["doc_id", "amount_id", "kind", "value", "low", "high", "currency", "value_eur", "value_usd",
                  "approx", "qualifier", "investor", "investor_id", "recipient", "recipient_id", "target", "date",
                  "lang", "sentence", "equivalent_of"]  # what the merge reads of an amount
BEST_FIELDS = ("value", "low", "high", "currency", "value_eur", "value_usd", "approx", "qualifier")


def _is_investing(row: Mapping) -> bool:
    return row["kind"] in INVESTING_KINDS and row.get("value_eur") is not None


class _Link(NamedTuple):
    """What deciding whether two amounts are one investment needs, and no more: the merge holds
    one per investing amount of the whole corpus."""

    kind: str
    value_eur: float
    date: str
    recipient_id: str


def _family(row: Mapping) -> tuple[str, ...]:
    """Keys that name the investor or its parent group."""
    from .entities import gazetteer

    investor_id = row.get("investor_id") or ""
    if investor_id:
        parent = gazetteer()[investor_id].parent if investor_id in gazetteer() else ""
        return (investor_id, parent) if parent and parent != investor_id else (investor_id,)
    return (row["investor"].casefold(),) if row.get("investor") else ()


def _dates_compatible(a: str, b: str) -> bool:
    return not a or not b or a.startswith(b) or b.startswith(a)


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b or "investment" in (a, b)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b))


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _same_event(a: _Link, b: _Link) -> bool:
    if not _kinds_compatible(a.kind, b.kind) or not _dates_compatible(a.date, b.date):
        return False
    if a.recipient_id and b.recipient_id and a.recipient_id != b.recipient_id:
        return False
    return _close(a.value_eur, b.value_eur)


def _clusters(rows: Iterable[Mapping]) -> dict[str, int]:
    """The cluster of each investing amount_id, numbered by its first amount."""
    shared: dict[str, str] = {}
    amount_ids: list[str] = []
    links: list[_Link] = []
    restated: list[tuple[int, str]] = []
    buckets: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        if not _is_investing(row):
            continue
        n = len(links)
        amount_ids.append(row["amount_id"])
        kind, date, recipient_id = (shared.setdefault(v, v) for v in (row["kind"], row.get("date") or "",
                                                                    row.get("recipient_id") or ""))
        links.append(_Link(kind, row["value_eur"], date, recipient_id))
        if row.get("equivalent_of") is not None:
            restated.append((n, f"{row['doc_id']}-{row['equivalent_of']}"))  # amount ids are doc_id-index
        for key in _family(row):
            buckets[key].append(n)
    index_of = {amount_id: n for n, amount_id in enumerate(amount_ids)}
    groups = _UnionFind(len(links))
    for n, other_id in restated:
        other = index_of.get(other_id)
        if other is not None:
            groups.union(n, other)
    del index_of, restated
    for key in sorted(buckets):
        bucket = sorted(buckets[key], key=lambda n: links[n].value_eur)
        for position, n in enumerate(bucket):
            for m in bucket[position + 1:]:
                if not _close(links[n].value_eur, links[m].value_eur):
                    break
                if _same_event(links[n], links[m]):
                    groups.union(n, m)
    return {amount_id: groups.find(n) for n, amount_id in enumerate(amount_ids)}


def merge_events(rows: Iterable[Mapping]) -> tuple[list[dict], dict[str, str]]:
    """Investment rows (in the investments table's columns) and the event id of each amount_id.

    ``rows`` (amounts: dicts with at least AMOUNT_COLUMNS, in table order) are read twice, once
    to decide which amounts are one investment and once to gather each event, so it can be a
    table streamed from disk: memory holds a few small fields per investing amount, and the
    events."""
    cluster_of = _clusters(rows)
    events: dict[int, _Event] = {}
    for row in rows:
        cluster = cluster_of.get(row["amount_id"])
        if cluster is not None:
            events.setdefault(cluster, _Event()).add(row)
    finished = {cluster: event.row() for cluster, event in events.items()}
    event_of = cluster_of  # reused in place: one entry per investing amount is enough
    for amount_id, cluster in event_of.items():
        event_of[amount_id] = finished[cluster]["event_id"]
    investments = sorted(finished.values(), key=lambda e: (-(e["value_eur"] or 0.0), e["investor"], e["event_id"]))
    return investments, event_of


class _Event:
    """One investment, gathered amount by amount in table order."""

    def __init__(self):
        self.best: dict | None = None
        self.named: Counter = Counter()  # (investor, investor_id), in order of first mention
        self.recipients: Counter = Counter()
        self.kinds: Counter = Counter()
        self.target = ""
        self.dates: set[str] = set()
        self.doc_ids: dict[str, None] = {}
        self.langs: set[str] = set()
        self.sentences: dict[str, None] = {}
        self.amount_ids: list[str] = []

    def add(self, row: Mapping) -> None:
        rank = QUALIFIER_RANK.get(row["qualifier"], 9)
        if self.best is None or rank < QUALIFIER_RANK.get(self.best["qualifier"], 9):
            self.best = {field: row[field] for field in BEST_FIELDS}
        if row["investor"]:
            self.named[(row["investor"], row.get("investor_id") or "")] += 1
        if row["recipient"]:
            self.recipients[row["recipient"]] += 1
        self.kinds[row["kind"]] += 1
        self.target = self.target or row["target"]
        if row["date"]:
            self.dates.add(row["date"])
        self.doc_ids[row["doc_id"]] = None
        self.langs.add(row["lang"])
        self.sentences[" ".join(row["sentence"].split())] = None
        self.amount_ids.append(row["amount_id"])

    def investor(self) -> tuple[str, str]:
        from .entities import gazetteer

        organisations = gazetteer()
        ids = {org_id for _, org_id in self.named if org_id}
        for name, org_id in self.named:
            if org_id and org_id in organisations and organisations[org_id].parent in ids:
                return name, org_id  # "Amazon Web Services" rather than its parent "Amazon"
        return max(self.named, key=lambda pair: self.named[pair], default=("", ""))

    def row(self) -> dict:
        best = self.best
        amount_ids = sorted(self.amount_ids)
        investor, investor_id = self.investor()
        dates = sorted(self.dates, key=lambda d: (-len(d), d))
        return {
            "event_id": "ev-" + sha1("|".join(amount_ids).encode("utf-8")).hexdigest()[:10],
            "investor": investor,
            "investor_id": investor_id,
            "recipient": self.recipients.most_common(1)[0][0] if self.recipients else "",
            "target": self.target,
            "kind": max(sorted(self.kinds), key=lambda k: self.kinds[k]),
            "value": best["value"],
            "low": best["low"],
            "high": best["high"],
            "currency": best["currency"],
            "value_eur": best["value_eur"],
            "value_usd": best["value_usd"],
            "approx": bool(best["approx"]),
            "qualifier": best["qualifier"],
            "date": dates[0] if dates else "",
            "n_sources": len(self.doc_ids),
            "doc_ids": ";".join(self.doc_ids),
            "langs": ";".join(sorted(self.langs)),
            "evidence": " || ".join(self.sentences),
            "amount_ids": ";".join(amount_ids),
        }
