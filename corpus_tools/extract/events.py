"""Investment events: the amounts that report one real-world commitment become one row, within a
document and across documents, outlets, languages and currencies, keeping every mention.

Two amounts are one commitment when the article links them (a restatement in another currency),
or when their values agree (rounding, bounds and ranges included), their kinds agree, their dates do
not contradict each other, and their parties agree: the same recipient when both name one, else a
shared investor when both name one; a mention that names the event's recipient as its investor read
the roles backwards and joins without its parties. The investor is never needed. The merge is complete-link: an
amount joins an event only if it agrees with every mention already in it, so events never chain
(ten rounds of $100m-$143m by one fund stay ten events). Candidates come from a value-sorted index
(blocking on value); set tests on naming words and articles skip the events that cannot accept an
amount, and an event's figures are compared by their extremes, never mention by mention. A figure
written without a currency joins the event whose figure it states, and never makes one. A place, a
country or a field never links two mentions as their recipient; within one article, two figures
whose mentions name different investors are two commitments. An event's investor is the party its
mentions name, weighted by how each mention read it (a construction over the nearest name over a
guess from the article).

The tolerances are fitted on ``../shared/train/events`` (``bench/merge_thresholds.py``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from hashlib import sha1
from functools import lru_cache
from typing import Iterable, Mapping, NamedTuple

from ..lang import LANGUAGES, resource

from .investments import INVESTING_KINDS

SAME_CURRENCY_TOLERANCE = 0.08  # "€2.1bn" / "nearly €2.2bn", "$1.05bn" / "$1bn" (fitted: bench/merge_thresholds.py)
CROSS_CURRENCY_TOLERANCE = 0.12  # annual average rates against the day's rate of each article
EXACT_TOLERANCE = 0.01  # the same figure, as printed
EVENT_DATE_GAP_DAYS = 75  # two stated commitment dates further apart are two commitments
QUALIFIER_RANK = {"exact": 0, "approx": 1, "at_least": 2, "at_most": 2, "range": 3}

AMOUNT_COLUMNS = ["doc_id", "amount_id", "start", "end", "kind", "value", "low", "high", "currency", "value_eur",
                  "value_usd", "fx_rate", "approx", "qualifier", "investor", "investors", "investor_id", "recipient",
                  "recipient_id", "target", "date", "event_date", "lang", "sentence", "sentence_start",
                  "equivalent_of", "role_cue"]  # what the merge reads of an amount
BEST_FIELDS = ("value", "low", "high", "currency", "value_eur", "value_usd", "fx_rate", "approx", "qualifier")
LIST_SEPARATOR = ";"
# How much a mention's investor counts in its event: read from a construction ("led by A", "A
# invests"), taken as the nearest name before the amount, or guessed from the article (the most
# named organisation, the ranker).
CONSTRUCTION_WEIGHT, NEAREST_WEIGHT, GUESS_WEIGHT = 3, 2, 1


def investor_weight(role_cue: str) -> int:
    """What a mention's investor weighs when an event's mentions disagree: a name the sentence
    gives as investor outweighs two guessed from the article."""
    cue = role_cue or ""
    if "investor ranked" in cue or cue.startswith("salient"):
        return GUESS_WEIGHT
    return NEAREST_WEIGHT if cue.startswith("nearest") else CONSTRUCTION_WEIGHT


def _is_investing(row: Mapping) -> bool:
    return row["kind"] in INVESTING_KINDS and row.get("value_eur") is not None


def _is_unconverted(row: Mapping) -> bool:
    """An investing figure the article writes without a currency ("Intel asked for 10bn"): no
    event of its own, but a mention of the event whose figure it states."""
    return row["kind"] in INVESTING_KINDS and row.get("value_eur") is None and not row.get("currency") and \
        any(row.get(f) is not None for f in ("value", "low", "high"))


class _Link(NamedTuple):
    """What deciding whether two amounts are one commitment needs, and no more: the merge holds
    one per investing amount of the whole corpus."""

    kind: str
    low_eur: float
    high_eur: float
    low: float  # in the stated currency: two figures in one currency compare without rates
    high: float
    currency: str
    event_date: str
    recipient: str
    investors: frozenset
    parties: frozenset  # investors and recipient
    doc_id: str


def _name_key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _party_root(name: str, party_id: str) -> str:
    """One key for a party and its parents: a group for its subsidiaries, a country for its
    government and ministries."""
    from .entities import gazetteer

    organisations = gazetteer()
    organisation = organisations.get(party_id) if party_id else None
    if organisation is None:
        return party_id or _name_key(name)
    while organisation.parent in organisations:
        organisation = organisations[organisation.parent]
    if organisation.type == "public_body" and organisation.country:
        return "country:" + organisation.country
    return organisation.id


def _investor_keys(row: Mapping) -> frozenset:
    """Keys of every named investor, and of the parent group of each known one."""
    from .entities import gazetteer

    keys = set()
    names = [n for n in (row.get("investors") or "").split(LIST_SEPARATOR) if n] or (
        [row["investor"]] if row.get("investor") else [])
    keys.update(_name_key(n) for n in names)
    investor_id = row.get("investor_id") or ""
    if investor_id:
        keys.add(investor_id)
        organisations = gazetteer()
        organisation = organisations.get(investor_id)
        while organisation is not None and organisation.parent in organisations:
            keys.add(organisation.parent)  # a subsidiary's or a ministry's money is its group's or state's
            organisation = organisations[organisation.parent]
        if organisation is not None and organisation.type == "public_body" and organisation.country:
            keys.add("country:" + organisation.country)  # "the German government" is Germany
    return frozenset(keys)


def _interval(row: Mapping) -> tuple[float, float, float, float]:
    """The values an amount allows, in euros and as stated: its value, or its range; a bound
    allows the bound itself."""
    stated = next((row[f] for f in ("value", "low", "high") if row.get(f) is not None), None)
    per_unit = row["value_eur"] / stated if stated else 1.0
    low = row["low"] if row.get("low") is not None else row.get("value")
    high = row["high"] if row.get("high") is not None else row.get("value")
    low = low if low is not None else high
    high = high if high is not None else low
    if low is None:
        return row["value_eur"], row["value_eur"], row["value_eur"], row["value_eur"]
    return low * per_unit, high * per_unit, low, high


def _values_agree(a: _Link, b: _Link, tolerance: float | None = None) -> bool:
    """Figures in one currency compare as stated (each article's own rate would part "$680m" from
    "$680m"); across currencies, in euros."""
    if a.currency == b.currency:
        tolerance = SAME_CURRENCY_TOLERANCE if tolerance is None else tolerance
        return a.low <= b.high * (1 + tolerance) and b.low <= a.high * (1 + tolerance)
    tolerance = CROSS_CURRENCY_TOLERANCE if tolerance is None else tolerance
    return a.low_eur <= b.high_eur * (1 + tolerance) and b.low_eur <= a.high_eur * (1 + tolerance)


def _days(date: str) -> int | None:
    try:
        year, month = int(date[:4]), int(date[5:7]) if len(date) >= 7 else 0
    except ValueError:
        return None
    day = int(date[8:10]) if len(date) >= 10 else 15
    return year * 372 + month * 31 + day if month else None


def _dates_agree(a: str, b: str) -> bool:
    """Only dates the text states for the commitment itself count; report dates never split."""
    if not a or not b:
        return True
    if a[:4] != b[:4]:
        return False
    days_a, days_b = _days(a), _days(b)
    return days_a is None or days_b is None or abs(days_a - days_b) <= EVENT_DATE_GAP_DAYS


def _kinds_agree(a: str, b: str) -> bool:
    return a == b or "investment" in (a, b)


def _recipients_agree(a: str, b: str) -> bool:
    """A place agrees with any recipient: a site is named by its city, region, country or operator."""
    return not a or not b or a in b or b in a or a.startswith(_PLACE_KEYS) or b.startswith(_PLACE_KEYS) or \
        same_party(a, b)


_PLACE_KEYS = ("place:", "country:", "field:")  # soft recipients: a site, a country, a field
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def generic_words() -> frozenset:
    """Words that describe an organisation rather than name it, in every language: "start-up",
    "finlandaise", "SAS", "the". Words that end a name ("Labs", "Capital") are not among them:
    "X Capital" is a fund, not the company X."""
    words = set()
    for lang in LANGUAGES:
        rules = resource(lang, "organisations")
        for field in ("DESCRIPTORS", "NATIONALITIES", "LEGAL_FORMS", "DETERMINERS",
                      "NAME_CONNECTORS", "NOT_NAME_WORDS"):
            for phrase in getattr(rules, field, ()):
                words.update(_WORD.findall(phrase.casefold()))
    return frozenset(words)


@lru_cache(maxsize=1)
def _name_words() -> frozenset:
    """Words that end a name and make it another party: "Labs", "Capital", "Ventures"."""
    words = set()
    for lang in LANGUAGES:
        rules = resource(lang, "organisations")
        for phrase in (*getattr(rules, "NAME_HEADS", ()), *getattr(rules, "NAME_WORDS", ())):
            words.update(_WORD.findall(phrase.casefold()))
    return frozenset(words)


def _distinctive_words(key: str) -> frozenset:
    return frozenset(w for w in _WORD.findall(key) if w not in generic_words())


@lru_cache(maxsize=1 << 16)
def _name_tokens(key: str) -> frozenset:
    """Two keys of one party (``same_party``) share one of these: the key itself, its words run
    together, or a naming word. A place is only ever itself."""
    if key.startswith(_PLACE_KEYS):
        return frozenset({key})
    return frozenset({key, "".join(_WORD.findall(key)), *_distinctive_words(key)}) - {""}


@lru_cache(maxsize=1 << 16)  # the merge asks about the same few names for every pair of mentions
def same_party(a: str, b: str) -> bool:
    """Two name keys of one party, written differently: "Alice&Bob" / "Alice & Bob", "the start-up
    Nordavia" / "Nordavia SAS" / "Nordavia" (the naming words of one hold the other's). "Nordavia
    Labs" and "Nordavia" are not one: a lab or a fund named after a company is another party."""
    if a == b:
        return True
    if "".join(_WORD.findall(a)) == "".join(_WORD.findall(b)) != "":
        return True
    words_a = _distinctive_words(a)
    words_b = _distinctive_words(b)
    if not words_a or not words_b or not (words_a <= words_b or words_b <= words_a):
        return False
    return not (words_a ^ words_b) & _name_words()  # "Nordavia Capital" is a fund, not Nordavia


def _share_party(names_a: frozenset | set, names_b: frozenset | set) -> bool:
    return bool(names_a & names_b) or any(same_party(a, b) for a in names_a for b in names_b
                                          if not a.startswith(_PLACE_KEYS) and not b.startswith(_PLACE_KEYS))


class _Parties:
    """Who an event involves, gathered over its mentions: its recipients (counted), every named
    party, its documents; and what its figures allow (``agrees``)."""

    def __init__(self):
        self.recipients: Counter = Counter()
        self.investors: set = set()
        self.names: set = set()
        self.docs: set = set()
        self.tokens: set = set()  # what a party named here shares with any key of the same party
        self.kinds: set = set()
        self.dates: set = set()
        self.bounds: dict[str, list[float]] = {}  # currency -> [lowest high, highest low, the same in euros]
        self.unordered = False  # a NaN figure, which agrees with nothing
        self._recipient: str | None = None  # the most counted, kept until the next mention

    def add(self, link: _Link) -> None:
        if link.recipient:
            self.recipients[link.recipient] += 1
            self._recipient = None
        self.investors |= link.investors
        self.names |= link.parties
        for name in link.parties:
            self.tokens |= _name_tokens(name)
        self.docs.add(link.doc_id)
        self.kinds.add(link.kind)
        if link.event_date:
            self.dates.add(link.event_date)
        self.unordered = self.unordered or _has_nan(link)
        bounds = self.bounds.get(link.currency)
        if bounds is None:
            self.bounds[link.currency] = [link.high, link.low, link.high_eur, link.low_eur]
        else:
            bounds[0], bounds[1] = min(bounds[0], link.high), max(bounds[1], link.low)
            bounds[2], bounds[3] = min(bounds[2], link.high_eur), max(bounds[3], link.low_eur)

    def agrees(self, other: "_Parties") -> bool:
        """Whether every mention of one can be the same commitment as every mention of the other,
        by their figures (kinds, stated dates and values agree: ``_kinds_agree``, ``_dates_agree``,
        ``_values_agree``), read from their extremes alone: every pair's values agree when the lowest
        high and the highest low of each currency do (scaling by a tolerance keeps the order). So an
        amount is not compared with every mention of every event near its value."""
        if self.unordered or other.unordered:
            return False
        mine, theirs = self.kinds - {"investment"}, other.kinds - {"investment"}
        if mine and theirs and len(mine | theirs) > 1:
            return False
        if not all(_dates_agree(a, b) for a in self.dates for b in other.dates):
            return False
        for currency, (lowest_high, highest_low, lowest_high_eur, highest_low_eur) in self.bounds.items():
            for other_currency, (other_high, other_low, other_high_eur, other_low_eur) in other.bounds.items():
                if currency == other_currency:
                    if not (highest_low <= other_high * (1 + SAME_CURRENCY_TOLERANCE)
                            and other_low <= lowest_high * (1 + SAME_CURRENCY_TOLERANCE)):
                        return False
                elif not (highest_low_eur <= other_high_eur * (1 + CROSS_CURRENCY_TOLERANCE)
                          and other_low_eur <= lowest_high_eur * (1 + CROSS_CURRENCY_TOLERANCE)):
                    return False
        return True

    def recipient(self) -> str:
        if self._recipient is None:
            self._recipient = max(self.recipients, key=lambda r: (self.recipients[r], r), default="")
        return self._recipient

    def reads_backwards(self, unit: "_Parties") -> bool:
        """The unit names this event's recipient as its investor, and another recipient: it read the
        roles backwards ("B, backed by A, raised" taken as A receiving)."""
        mine, theirs = self.recipient(), unit.recipient()
        return bool(mine and theirs) and not _recipients_agree(mine, theirs) and _share_party(unit.investors, {mine})

    def may_accept(self, unit: "_Parties") -> bool:
        """What ``accepts`` needs of a unit, as quick set tests, whatever roles it reads: a side that
        names nobody, a shared article, or a naming word in common (``_name_tokens``)."""
        return not unit.names or not self.names or not self.tokens.isdisjoint(unit.tokens) or \
            not self.docs.isdisjoint(unit.docs)

    def accepts(self, unit: "_Parties", unit_links: list[_Link], event_links: list[_Link]) -> bool:
        """Parties agree: one recipient per event; across documents a shared party, or the very
        same figure where one side names nobody (equal values alone are a coincidence)."""
        mine, theirs = self.recipient(), unit.recipient()
        if mine and theirs and not _recipients_agree(mine, theirs):
            return False
        if _share_party(_named(unit), _named(self)):
            return True
        if unit.docs <= self.docs:  # one article: its figures are one unless their investors differ
            return not (unit.investors and self.investors)
        if unit.names and self.names:
            return False
        return any(a.kind == b.kind and a.currency == b.currency and _values_agree(a, b, EXACT_TOLERANCE)
                   for a in unit_links for b in event_links)


def _has_nan(link: _Link) -> bool:
    return any(value != value for value in (link.low, link.high, link.low_eur, link.high_eur))


def _named(parties: "_Parties") -> set:
    """The parties that can link two mentions: every investor, and a recipient that is not a place
    or a country, which a subsidy's giver and a plant's site share ("Germany" granting one €10bn
    and hosting another)."""
    return parties.investors | {name for name in parties.recipients if not name.startswith(_PLACE_KEYS)}


def _parties_of(links: list[_Link]) -> "_Parties":
    parties = _Parties()
    for link in links:
        parties.add(link)
    return parties


def _without_roles(link: _Link, recipient: str) -> _Link:
    """A mention that read the roles backwards: its recipient is unknown, and the event's recipient
    is not among its investors."""
    investors = frozenset(k for k in link.investors if k != recipient and not same_party(k, recipient))
    return link._replace(recipient="", investors=investors, parties=investors)


def _affinity(a: _Link, recipient: str, investors: frozenset) -> int:
    """How much two agreeing mentions have in common (the other given by its recipient and
    investors): the best event for an amount is the one whose mentions share most with it."""
    return 2 * bool(a.recipient and recipient and same_party(a.recipient, recipient)) + \
        bool(_share_party(a.investors, investors))


def _roles(links: Iterable[_Link]) -> Counter:
    """Mentions counted by what ``_affinity`` reads of them: an event's mentions repeat a few roles."""
    return Counter((link.recipient, link.investors) for link in links)


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


def _link(row: Mapping, shared: dict) -> _Link:
    low_eur, high_eur, low, high = _interval(row)
    recipient = row.get("recipient_id") or _name_key(row.get("recipient") or "")
    investors = _investor_keys(row)
    return _Link(shared.setdefault(row["kind"], row["kind"]), low_eur, high_eur, low, high, row["currency"],
                 shared.setdefault(row.get("event_date") or "", row.get("event_date") or ""),
                 shared.setdefault(recipient, recipient), investors, investors | {recipient} - {""}, row["doc_id"])


def _clusters(rows: Iterable[Mapping]) -> dict[str, int]:
    """The cluster of each investing amount_id, numbered by its first amount."""
    shared: dict[str, str] = {}
    amount_ids: list[str] = []
    links: list[_Link] = []
    restated: list[tuple[int, str]] = []
    unconverted: list[tuple[str, _Link]] = []
    for row in rows:
        if not _is_investing(row):
            if _is_unconverted(row):
                unconverted.append((row["amount_id"], _link({**row, "value_eur": 0.0, "currency": ""}, shared)))
            continue
        n = len(links)
        amount_ids.append(row["amount_id"])
        links.append(_link(row, shared))
        if row.get("equivalent_of") is not None:
            restated.append((n, f"{row['doc_id']}-{row['equivalent_of']}"))  # amount ids are doc_id-index
    # A restatement ("€10bn ($11bn)") is one unit from the start: the article says so.
    index_of = {amount_id: n for n, amount_id in enumerate(amount_ids)}
    units = _UnionFind(len(links))
    for n, other_id in restated:
        other = index_of.get(other_id)
        if other is not None:
            units.union(n, other)
    del index_of, restated
    members: dict[int, list[int]] = defaultdict(list)
    for n in range(len(links)):
        members[units.find(n)].append(n)
    # Complete-link clustering, units taken by increasing value: the candidates of a unit are the
    # events of the units just below it (a sliding window), never the whole corpus.
    low_of = {unit: min(links[n].low_eur for n in ns) for unit, ns in members.items()}
    widest_range = max((link.high_eur / link.low_eur for link in links if link.low_eur > 0), default=1.0)
    reach = (1 + max(SAME_CURRENCY_TOLERANCE, CROSS_CURRENCY_TOLERANCE)) * widest_range
    order = sorted(members, key=lambda unit: (low_of[unit], unit))
    events = _UnionFind(len(links))
    event_members: dict[int, list[int]] = {}
    event_parties: dict[int, _Parties] = {}
    event_roles: dict[int, Counter] = {}
    in_window: Counter = Counter()  # each event with units in the window: how many
    left = 0
    for position, unit in enumerate(order):
        if position:
            in_window[events.find(order[position - 1])] += 1
        while low_of[order[left]] * reach < low_of[unit]:
            leaving = events.find(order[left])
            in_window[leaving] -= 1
            if not in_window[leaving]:
                del in_window[leaving]
            left += 1
        unit_links = [links[n] for n in members[unit]]
        unit_parties = _parties_of(unit_links)
        best, best_score, best_links = None, -1, unit_links
        for event in sorted(in_window):
            if not event_parties[event].may_accept(unit_parties) or not event_parties[event].agrees(unit_parties):
                continue
            mentions = [links[n] for n in event_members[event]]
            read, read_parties = unit_links, unit_parties
            if event_parties[event].reads_backwards(unit_parties):
                read = [_without_roles(link, event_parties[event].recipient()) for link in unit_links]
                read_parties = _parties_of(read)
            if event_parties[event].accepts(read_parties, read, mentions):
                score = sum(count * _affinity(a, *role) for a in read for role, count in event_roles[event].items())
                if score > best_score:
                    best, best_score, best_links = event, score, read
        if best is None:
            event_members[unit] = list(members[unit])
            event_parties[unit] = unit_parties
            event_roles[unit] = _roles(unit_links)
            continue
        merged = event_members.pop(best) + members[unit]
        parties = event_parties.pop(best)
        for link in best_links:
            parties.add(link)
        events.union(best, unit)
        root = events.find(unit)
        roles = event_roles.pop(best)
        roles.update(_roles(unit_links))
        event_members[root] = merged
        event_parties[root] = parties
        event_roles[root] = roles
        in_window[root] = in_window.pop(best)
    _join_events(links, events, event_members, event_parties, reach)
    cluster_of = {amount_id: events.find(units.find(n)) for n, amount_id in enumerate(amount_ids)}
    _place_unconverted(unconverted, links, [events.find(units.find(n)) for n in range(len(links))], event_members,
                       event_parties, cluster_of)
    return cluster_of


def _place_unconverted(unconverted: list[tuple[str, _Link]], links: list[_Link], event_of_link: list[int],
                       event_members: dict, event_parties: dict, cluster_of: dict) -> None:
    """Each figure without a currency joins the event it restates: the same figure as stated, in one
    of the event's currencies (all its mentions in that currency agree with it), kinds and dates
    agreeing, and the same article or a shared party. Candidates come from the stated values,
    sorted once."""
    from bisect import bisect_left, bisect_right

    stated = sorted((link.low, n) for n, link in enumerate(links))
    lows = [low for low, _ in stated]
    for amount_id, figure in unconverted:
        reach = 1 + SAME_CURRENCY_TOLERANCE
        window = stated[bisect_left(lows, figure.low / reach):bisect_right(lows, figure.high * reach)]
        best, best_score = None, -1
        for event in sorted({event_of_link[n] for _, n in window}):
            mentions = [links[n] for n in event_members[event]]
            if not all(_kinds_agree(figure.kind, m.kind) and _dates_agree(figure.event_date, m.event_date)
                       for m in mentions):
                continue
            if not any(all(_values_agree(figure._replace(currency=currency), m) for m in mentions
                           if m.currency == currency) for currency in {m.currency for m in mentions}):
                continue
            if event_parties[event].accepts(_parties_of([figure]), [figure], mentions):
                score = sum(_affinity(figure, m.recipient, m.investors) for m in mentions)
                if score > best_score:
                    best, best_score = event, score
        if best is not None:
            cluster_of[amount_id] = best


def _join_events(links: list[_Link], events: _UnionFind, event_members: dict, event_parties: dict,
                 reach: float) -> None:
    """A second pass over whole events: two events that agree entirely become one (an amount
    naming both the investor of one and the recipient of the other comes too late in the first)."""
    low = {event: min(links[n].low_eur for n in members) for event, members in event_members.items()}
    order = sorted(event_members, key=lambda event: (low[event], event))
    alive = set(order)
    for position, event in enumerate(order):
        if event not in alive:
            continue
        for other in order[position + 1:]:
            if low[other] > low[event] * reach:
                break
            if other not in alive or event not in alive:
                continue
            if not event_parties[event].may_accept(event_parties[other]) or \
                    not event_parties[event].agrees(event_parties[other]):
                continue
            mine, theirs = [links[n] for n in event_members[event]], [links[n] for n in event_members[other]]
            if event_parties[event].accepts(event_parties[other], theirs, mine):
                merged = event_members.pop(event) + event_members.pop(other)
                parties = event_parties.pop(event)
                for link in theirs:
                    parties.add(link)
                event_parties.pop(other)
                events.union(event, other)
                root = events.find(event)
                alive -= {event, other}
                alive.add(root)
                event_members[root], event_parties[root] = merged, parties
                low[root] = min(low[event], low[other])
                event = root


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
    _link_parts(events, finished)
    event_of = cluster_of  # reused in place: one entry per investing amount is enough
    for amount_id, cluster in event_of.items():
        event_of[amount_id] = finished[cluster]["event_id"]
    investments = sorted(finished.values(), key=lambda e: (-(e["value_eur"] or 0.0), e["investor"], e["event_id"]))
    return investments, event_of


def _link_parts(events: dict, finished: dict) -> None:
    """``part_of``: an event whose amount sits in the same sentence as a larger one of the same
    recipient (or whose recipient is the larger one's investor or recipient) is a named part of it:
    a subsidy inside a plant's cost, a ticket inside a round."""
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for cluster, event in events.items():
        for key in event.sentence_keys:
            by_sentence[key].append(cluster)
    for key in sorted(by_sentence):
        clusters = sorted(set(by_sentence[key]))
        for part in clusters:
            for whole in clusters:
                small, large = finished[part], finished[whole]
                if part == whole or small["part_of"] or not small["value_eur"] or not large["value_eur"]:
                    continue
                if small["value_eur"] >= large["value_eur"] * (1 - CROSS_CURRENCY_TOLERANCE):
                    continue
                parties = {_name_key(large["recipient"]), *map(_name_key, large["investors"].split(LIST_SEPARATOR))}
                if _name_key(small["recipient"]) in parties - {""} or (
                        small["recipient"] and small["recipient"] == large["recipient"]):
                    small["part_of"] = large["event_id"]


def _figure_rank(row: Mapping) -> int:
    """Which mention gives an event its figure: the lowest rank, an exact converted figure first."""
    return QUALIFIER_RANK.get(row["qualifier"], 9) if row.get("value_eur") is not None else 99


class _Event:
    """One investment, gathered amount by amount in table order."""

    def __init__(self):
        self.best: dict | None = None
        self.named: Counter = Counter()  # (investor, investor_id) -> weight, in order of first mention
        self.investor_mentions: Counter = Counter()  # name key -> mentions naming it as investor
        self.co_investors: dict[str, None] = {}
        self.recipients: Counter = Counter()
        self.named_recipients: Counter = Counter()  # organisations and people, not places
        self.fields: set[str] = set()  # fields named as what the money goes to
        self.kinds: Counter = Counter()
        self.target = ""
        self.event_dates: set[str] = set()
        self.report_dates: set[str] = set()
        self.doc_ids: dict[str, None] = {}
        self.langs: set[str] = set()
        self.sentences: dict[str, None] = {}
        self.mentions: list[str] = []
        self.amount_ids: list[str] = []
        self.sentence_keys: set[tuple[str, int]] = set()

    def add(self, row: Mapping) -> None:
        if self.best is None or _figure_rank(row) < _figure_rank(self.best):
            self.best = {field: row.get(field) for field in BEST_FIELDS}
        if row["investor"]:
            self.named[(row["investor"], row.get("investor_id") or "")] += investor_weight(row.get("role_cue") or "")
            self.investor_mentions[_name_key(row["investor"])] += 1
        for name in (row.get("investors") or "").split(LIST_SEPARATOR):
            if name:
                self.co_investors[name] = None
        if row["recipient"]:
            self.recipients[row["recipient"]] += 1
            if not (row.get("recipient_id") or "").startswith(_PLACE_KEYS):
                self.named_recipients[row["recipient"]] += 1
            elif (row.get("recipient_id") or "").startswith("field:"):
                self.fields.add(row["recipient"])
        self.kinds[row["kind"]] += 1
        self.target = self.target or row["target"]
        if row.get("event_date"):
            self.event_dates.add(row["event_date"])
        if row["date"]:
            self.report_dates.add(row["date"])
        self.doc_ids[row["doc_id"]] = None
        self.langs.add(row["lang"])
        self.sentences[" ".join(row["sentence"].split())] = None
        self.mentions.append(f"{row['doc_id']}:{row.get('start')}-{row.get('end')}")
        self.amount_ids.append(row["amount_id"])
        self.sentence_keys.add((row["doc_id"], int(row.get("sentence_start") or 0)))

    def investor(self, recipient: str) -> tuple[str, str]:
        """The party most mentions name, a state counted with its government and ministries and a
        group with its subsidiaries; within a group the most specific name ("Amazon Web Services"
        rather than its parent "Amazon"), within a state the most named."""
        from .entities import gazetteer

        organisations = gazetteer()
        named = Counter({pair: n for pair, n in self.named.items() if pair[0] != recipient})
        if not named:
            return "", ""
        by_party: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for pair in named:
            by_party[_party_root(pair[0], pair[1])].append(pair)
        best = max(by_party, key=lambda root: sum(named[pair] for pair in by_party[root]))  # first named on a tie
        members = by_party[best]
        ids = {org_id for _, org_id in members if org_id} if not best.startswith("country:") else set()
        for name, org_id in members:
            if org_id and org_id in organisations and organisations[org_id].parent in ids:
                return name, org_id
        return max(members, key=lambda pair: named[pair])

    def row(self) -> dict:
        best = self.best
        amount_ids = sorted(self.amount_ids)
        # a company named once beats a place named twice: "US firm Imperva" is about Imperva; a
        # party more mentions name as investor than as recipient read the roles backwards
        named_recipients = Counter({name: n for name, n in self.named_recipients.items()
                                    if self.investor_mentions[_name_key(name)] <= n})
        # else a site or a country, then a field ("in quantum research")
        recipients = named_recipients or self.recipients
        recipient = max(recipients, key=lambda name: (recipients[name], name not in self.fields, name)) if recipients else ""
        investor, investor_id = self.investor(recipient if recipient in self.named_recipients else "")
        investors = [name for name in dict.fromkeys([investor] * bool(investor) + list(self.co_investors))
                     if name != recipient]
        event_dates = sorted(self.event_dates, key=lambda d: (-len(d), d))
        report_dates = sorted(self.report_dates)
        return {
            "event_id": "ev-" + sha1("|".join(amount_ids).encode("utf-8")).hexdigest()[:10],
            "investor": investor,
            "investors": LIST_SEPARATOR.join(investors),
            "investor_id": investor_id,
            "recipient": recipient,
            "target": self.target,
            "kind": max(sorted(self.kinds), key=lambda k: self.kinds[k]),
            "value": best["value"],
            "low": best["low"],
            "high": best["high"],
            "currency": best["currency"],
            "value_eur": best["value_eur"],
            "value_usd": best["value_usd"],
            "fx_rate": best["fx_rate"],
            "approx": bool(best["approx"]),
            "qualifier": best["qualifier"],
            "date": event_dates[0] if event_dates else (report_dates[0] if report_dates else ""),
            "report_dates": LIST_SEPARATOR.join(report_dates),
            "part_of": "",
            "n_sources": len(self.doc_ids),
            "doc_ids": LIST_SEPARATOR.join(self.doc_ids),
            "langs": LIST_SEPARATOR.join(sorted(self.langs)),
            "evidence": " || ".join(self.sentences),
            "mentions": LIST_SEPARATOR.join(self.mentions),
            "amount_ids": LIST_SEPARATOR.join(amount_ids),
        }
