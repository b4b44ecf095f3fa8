"""For each amount of one document: its kind, who invests, in what, when, and its value in EUR/USD.

Rule-based on the sentence, over the entities and amounts already found; no parser needed:
the investor is the organisation a cue names ("by X", "led by X", "auprès de X", "X's"), else the
organisation closest before the amount in its sentence, else (light coreference for "the company",
"le groupe", "it") the organisation most recently named before the sentence.
"""
from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..fx import convert
from ..types import Amount, Entity
from .kinds import classify, context

INVESTING_KINDS = ("investment", "funding_round", "acquisition")
_TARGET_END = re.compile(r"[.;:!?\n]|,\s|\s[–—-]\s|\s(?:which|qui|while|alors que|whereas)\s"
                         r"|\s(?:and|et)\s(?=[A-ZÀ-Ý])")
MAX_TARGET_CHARS = 90


@dataclass(frozen=True)
class Party:
    name: str
    entity_id: str


NOBODY = Party("", "")


@lru_cache(maxsize=None)
def _rules(lang: str):
    rules = importlib.import_module(f"corpus_tools.lang.{lang}.investment")

    def joined(patterns) -> re.Pattern:
        return re.compile("(?:" + "|".join(patterns) + ")", re.IGNORECASE)

    return {
        "investor_before": re.compile("(?:" + "|".join(rules.INVESTOR_BEFORE)
                                      + r")\b\s*(?:[\w-]+\s+|\w{1,2}['’]\s?){0,3}\Z", re.IGNORECASE),
        "parent_of": re.compile("(?:" + "|".join(rules.PARENT_OF) + r")\s*\Z", re.IGNORECASE),
        "anaphor": joined(rules.ANAPHORS),
        "target_start": re.compile(r"[\s,]{0,3}(?:" + "|".join(rules.TARGET_START) + r")\s+", re.IGNORECASE),
        "months": rules.MONTHS,
        "date": _date_pattern(lang, rules.MONTHS),
    }


def _date_pattern(lang: str, months: dict[str, int]) -> re.Pattern:
    month = "(?P<month>" + "|".join(sorted(map(re.escape, months), key=len, reverse=True)) + r")\.?"
    year = r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    if lang == "fr":
        return re.compile(r"\b(?P<day>1er|[0-3]?\d)\s+" + month + year + r"\b", re.IGNORECASE)
    return re.compile(r"\b(?:" + month + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
                      + month.replace("month", "month2") + r")" + year + r"\b", re.IGNORECASE)


def explicit_date(text: str, lang: str, article_date: str) -> str:
    """The first day-and-month date in ``text``, with its year or the article's; "" if none."""
    rules = _rules(lang)
    for m in rules["date"].finditer(text):
        groups = m.groupdict()
        month_word = (groups.get("month") or groups.get("month2") or "").lower().rstrip(".")
        day_text = groups.get("day") or groups.get("day2") or ""
        year = groups.get("year") or article_date[:4]
        month = rules["months"].get(month_word)
        if not (month and year and day_text):
            continue
        day = 1 if day_text == "1er" else int(day_text)
        if 1 <= day <= 31:
            return f"{year}-{month:02d}-{day:02d}"
    return ""


def _span_of(position: int, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """The (sorted, disjoint) span that contains ``position``: a binary search, not a scan."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= position < spans[index][1]:
        return spans[index]
    return 0, 0


def _party(entity: Entity) -> Party:
    return Party(entity.canonical, entity.entity_id)


def _parent(entity: Entity) -> Party:
    from .entities import alias_index, gazetteer

    organisations = gazetteer()
    if entity.entity_id and organisations[entity.entity_id].parent:
        parent = organisations[organisations[entity.entity_id].parent]
        return Party(parent.name, parent.id)
    parent_id = alias_index().get(entity.parent.casefold()) if entity.parent else None
    return Party(entity.parent, parent_id or "") if entity.parent else Party(entity.canonical, entity.entity_id)


def find_parties(body: str, lang: str, amount: Amount, kind: str, sentence: tuple[int, int],
                 orgs: list[Entity]) -> tuple[Party, Party, str]:
    """(investor, recipient, target phrase) of one amount."""
    rules = _rules(lang)
    s_start, s_end = sentence
    in_sentence = [e for e in orgs if s_start <= e.start and e.end <= s_end]
    before = [e for e in in_sentence if e.end <= amount.start]
    after = [e for e in in_sentence if e.start >= amount.end]

    def cued(entity: Entity) -> bool:
        return bool(rules["investor_before"].search(body, max(s_start, entity.start - 60), entity.start))

    investor = recipient = NOBODY
    # A cue after the amount counts when close to it ("€40m by the State", "€600m, led by X").
    reach = 160 if kind == "funding_round" else 40
    cued_orgs = [e for e in before + after if cued(e) and (e.end <= amount.start or e.start - amount.end < reach)]
    target, target_org = _target(body, amount.end, s_end, after, rules)
    if kind == "funding_round":
        if cued_orgs:
            investor = _party(cued_orgs[0])
        raiser = [e for e in before if e not in cued_orgs]
        if raiser:
            recipient = _party(raiser[-1])
        else:
            recipient = _salient(orgs, s_start)
        return investor, recipient, ""
    if cued_orgs and kind != "acquisition":
        investor = _party(cued_orgs[0])
    elif before:
        nearest = before[-1]
        parent_cue = rules["parent_of"].search(body, max(s_start, nearest.start - 40), nearest.start)
        investor = _parent(nearest) if parent_cue else _party(nearest)
    else:
        investor = _salient(orgs, s_start)
    if target_org is not None:
        recipient = _party(target_org)
    return investor, recipient, target


def _salient(orgs: list[Entity], sentence_start: int) -> Party:
    """The organisation most recently named before this sentence: what "it", "the company",
    "le groupe" stand for. Known organisations (gazetteer) are preferred over model guesses."""
    earlier = [e for e in orgs if e.end <= sentence_start]
    if not earlier:
        return NOBODY
    known = [e for e in earlier if e.entity_id]
    chosen = (known or earlier)[-1]
    return _party(chosen)


def _target(body: str, amount_end: int, sentence_end: int, after: list[Entity], rules) -> tuple[str, Entity | None]:
    start_match = rules["target_start"].match(body, amount_end, sentence_end)
    if not start_match:
        return "", None
    start = start_match.end()
    stop = _TARGET_END.search(body, start, sentence_end)
    end = min(stop.start() if stop else sentence_end, start + MAX_TARGET_CHARS)
    phrase = body[start:end].strip(" \"“”«»'’")
    org = next((e for e in after if start <= e.start < end), None)
    return phrase, org


def _paragraphs(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body)]


def _sentence_spans(body: str, amounts: list[Amount], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sentences or _paragraphs(body)
    return [_span_of(a.start, spans) for a in amounts]


def kind_contexts(body: str, lang: str, amounts: list[Amount], sentences: list[tuple[int, int]]
                  ) -> list[tuple[str, str, str]]:
    """What the kind classifier reads for each amount: its language and words around it."""
    return [(lang, *context(body[s:e], a.start - s, a.end - s))
            for a, (s, e) in zip(amounts, _sentence_spans(body, amounts, sentences))]


def annotate_amounts(body: str, lang: str, article_date: str, amounts: list[Amount], entities: list[Entity],
                     sentences: list[tuple[int, int]], kinds: list[str] | None = None) -> list[dict]:
    """One row per amount: the Amount's fields plus kind, parties, date, sentence and EUR/USD values.

    ``kinds`` may be given when the caller classified many documents' amounts in one call."""
    if not amounts:
        return []
    paragraphs = _paragraphs(body)
    sentence_spans = _sentence_spans(body, amounts, sentences)
    if kinds is None:
        kinds = classify(kind_contexts(body, lang, amounts, sentences))
    orgs = [e for e in entities if e.label == "ORG"]
    rows = []
    for amount, kind, (s_start, s_end) in zip(amounts, kinds, sentence_spans):
        investor, recipient, target = NOBODY, NOBODY, ""
        if kind in INVESTING_KINDS:
            investor, recipient, target = find_parties(body, lang, amount, kind, (s_start, s_end), orgs)
        p_start, p_end = _span_of(amount.start, paragraphs)
        date = (explicit_date(body[s_start:s_end], lang, article_date)
                or explicit_date(body[p_start:p_end], lang, article_date) or article_date)
        money = convert(amount.value if amount.value is not None else amount.low if amount.low is not None
                        else amount.high, amount.currency, date)
        row = amount.as_dict()
        row.update(kind=kind, investor=investor.name, investor_id=investor.entity_id, recipient=recipient.name,
                   recipient_id=recipient.entity_id, target=target, date=date, sentence=body[s_start:s_end],
                   sentence_start=s_start, value_eur=money.value_eur, value_usd=money.value_usd,
                   fx_rate=money.fx_rate, fx_date=money.fx_date)
        rows.append(row)
    _prefer_article_figures(rows)
    return rows


def _prefer_article_figures(rows: list[dict]) -> None:
    """"€100 million – $106 million": the article's own restatement beats the table's rate."""
    for row in rows:
        other_index = row["equivalent_of"]
        if other_index is None:
            continue
        other = rows[other_index]
        pair = {row["currency"]: row, other["currency"]: other}
        if set(pair) != {"EUR", "USD"}:
            continue
        eur, usd = pair["EUR"], pair["USD"]
        eur_value = eur["value"] if eur["value"] is not None else eur["low"]
        usd_value = usd["value"] if usd["value"] is not None else usd["low"]
        if not eur_value or not usd_value:
            continue
        for member in (eur, usd):
            member.update(value_eur=eur_value, value_usd=usd_value, fx_date="article")
        eur["fx_rate"], usd["fx_rate"] = 1.0, usd_value / eur_value
        usd["kind"] = eur["kind"] = eur["kind"] if eur["kind"] in INVESTING_KINDS else usd["kind"]
        for field in ("investor", "investor_id", "recipient", "recipient_id", "target"):
            if not usd[field] and eur[field]:
                usd[field] = eur[field]
            if not eur[field] and usd[field]:
                eur[field] = usd[field]
