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

from .investments import INVESTING_KINDS

RELATIVE_TOLERANCE = 0.05
QUALIFIER_RANK = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2, "range": 3}


def _reference_eur(row: dict) -> float | None:
    return row.get("value_eur")


def _family(row: dict) -> set[str]:
    """Keys that name the investor or its parent group."""
    from .entities import gazetteer

    keys = set()
    if row.get("investor_id"):
        keys.add(row["investor_id"])
        parent = gazetteer()[row["investor_id"]].parent if row["investor_id"] in gazetteer() else ""
        if parent:
            keys.add(parent)
    elif row.get("investor"):
        keys.add(row["investor"].casefold())
    return keys


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


def _same_event(a: dict, b: dict) -> bool:
    if not _kinds_compatible(a["kind"], b["kind"]) or not _dates_compatible(a["date"], b["date"]):
        return False
    if a.get("recipient_id") and b.get("recipient_id") and a["recipient_id"] != b["recipient_id"]:
        return False
    return _close(_reference_eur(a), _reference_eur(b))


def merge_events(rows: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Investment rows (in the investments table's columns) and the event id of each amount_id."""
    members = [r for r in rows if r["kind"] in INVESTING_KINDS and _reference_eur(r) is not None]
    index_of = {(r["doc_id"], r["index"]): n for n, r in enumerate(members)}
    groups = _UnionFind(len(members))
    for n, row in enumerate(members):
        if row.get("equivalent_of") is not None:
            other = index_of.get((row["doc_id"], row["equivalent_of"]))
            if other is not None:
                groups.union(n, other)
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, row in enumerate(members):
        for key in _family(row):
            buckets[key].append(n)
    for key in sorted(buckets):
        bucket = sorted(buckets[key], key=lambda n: _reference_eur(members[n]))
        for position, n in enumerate(bucket):
            for m in bucket[position + 1:]:
                if not _close(_reference_eur(members[n]), _reference_eur(members[m])):
                    break
                if _same_event(members[n], members[m]):
                    groups.union(n, m)
    clusters: dict[int, list[int]] = defaultdict(list)
    for n in range(len(members)):
        clusters[groups.find(n)].append(n)
    events, event_of = [], {}
    for cluster in clusters.values():
        event = _event([members[n] for n in sorted(cluster)])
        events.append(event)
        for n in cluster:
            event_of[members[n]["amount_id"]] = event["event_id"]
    events.sort(key=lambda e: (-(e["value_eur"] or 0.0), e["investor"], e["event_id"]))
    return events, event_of


def _most_specific_investor(group: list[dict]) -> tuple[str, str]:
    from .entities import gazetteer

    organisations = gazetteer()
    named = [(r["investor"], r.get("investor_id", "")) for r in group if r["investor"]]
    if not named:
        return "", ""
    ids = {i for _, i in named if i}
    for name, org_id in named:
        if org_id and org_id in organisations and organisations[org_id].parent in ids:
            return name, org_id  # "Amazon Web Services" rather than its parent "Amazon"
    counts = Counter(named)
    return max(named, key=lambda pair: counts[pair])


def _event(group: list[dict]) -> dict:
    best = min(group, key=lambda r: QUALIFIER_RANK.get(r["qualifier"], 9))
    investor, investor_id = _most_specific_investor(group)
    recipients = Counter(r["recipient"] for r in group if r["recipient"])
    kinds = Counter(r["kind"] for r in group)
    dates = sorted({r["date"] for r in group if r["date"]}, key=lambda d: (-len(d), d))
    doc_ids = list(dict.fromkeys(r["doc_id"] for r in group))
    langs = sorted({r["lang"] for r in group})
    sentences = list(dict.fromkeys(" ".join(r["sentence"].split()) for r in group))
    amount_ids = sorted(r["amount_id"] for r in group)
    return {
        "event_id": "ev-" + sha1("|".join(amount_ids).encode("utf-8")).hexdigest()[:10],
        "investor": investor,
        "investor_id": investor_id,
        "recipient": recipients.most_common(1)[0][0] if recipients else "",
        "target": next((r["target"] for r in group if r["target"]), ""),
        "kind": max(sorted(kinds), key=lambda k: kinds[k]),
        "value": best["value"],
        "low": best["low"],
        "high": best["high"],
        "currency": best["currency"],
        "value_eur": best["value_eur"],
        "value_usd": best["value_usd"],
        "approx": bool(best["approx"]),
        "qualifier": best["qualifier"],
        "date": dates[0] if dates else "",
        "n_sources": len(doc_ids),
        "doc_ids": ";".join(doc_ids),
        "langs": ";".join(langs),
        "evidence": " || ".join(sentences),
        "amount_ids": ";".join(amount_ids),
    }
