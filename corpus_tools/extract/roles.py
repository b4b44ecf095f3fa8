"""Who invests, where the sentence's constructions name nobody: a ranker learned from real news.

The rules of ``investments.py`` read the constructions ("led by A", "A acquires B", "B raised").
Where they name no investor, each party of the amount's sentence, of the sentences around it and
the article's most named organisations is scored by a logistic regression over where the party
stands (side of the amount, distance, cue words, subject of a raising or investing verb, how often
the article names it, place, person, public body). ``make train`` fits it on the amounts of
``../shared/train/news`` (each with its investor and recipient) and writes only the weights, as
JSON, in ``lang/common/role_model.json``; without that file no ranker runs. The rules' picks are
features too. Overriding the rules' guesses, or ranking recipients as well, was tried: better on
train/news amounts, worse on events (a guessed recipient splits an event in the merge).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..types import Amount, Entity

ROLES = ("investor",)  # the recipient is read by the rules: a guessed one splits events in the merge
MODEL_FILE = "role_model.json"
FEATURES = (
    "in_sentence", "in_previous_sentence", "article_only", "before_amount", "after_amount", "distance",
    "in_next_sentence", "names_between", "nearest_before", "nearest_after", "first_of_sentence", "article_share",
    "most_named",
    "place", "person", "public", "investor_cue", "lead_cue", "governed", "recipient_cue", "raises",
    "invests", "buys", "bought", "funding_round", "acquisition", "investment", "round_before",
    "acquisition_before", "investment_before", "rule_investor_sure", "rule_investor_guess", "rule_recipient_sure",
    "rule_recipient_guess",
)
# The rules' picks made by these fallbacks are guesses, not read from a construction.
GUESSES = ("salient", "nearest")


@dataclass(frozen=True)
class Candidate:
    """One party an amount may have, with the features the ranker reads."""

    entity: Entity
    features: tuple[float, ...]


def candidates(body: str, lang: str, amount: Amount, kind: str, sentence: tuple[int, int],
               previous: tuple[int, int], following: tuple[int, int], entities: list[Entity],
               counts: dict[str, int], ruled) -> list[Candidate]:
    """The parties of the amount's sentence, of the sentences before and after, and the article's
    three most named organisations, each with its features. ``counts``: how often the article names
    each party key; ``ruled``: the rules' Roles (what they picked, and whether by a construction)."""
    from .investments import (_cued_investors, _is_place, _is_public, _object_after, _party, _party_key, _rules,
                              _subject_of, _verb_before, candidate_parties)

    rules = _rules(lang)
    s_start, s_end = sentence
    here = candidate_parties(body, lang, sentence, entities)
    before_here = candidate_parties(body, lang, previous, entities) if previous[1] > previous[0] else []
    after_here = candidate_parties(body, lang, following, entities) if following[1] > following[0] else []
    keys_named = {_party_key(e) for e in here + before_here + after_here}
    most = sorted(counts, key=lambda key: -counts[key])[:3]
    first_of_key: dict[str, Entity] = {}
    for entity in entities:
        if entity.label == "ORG" and _party_key(entity) in most and _party_key(entity) not in keys_named:
            first_of_key.setdefault(_party_key(entity), entity)
    cued = set(map(id, _cued_investors(body, rules, here, s_start)))
    leads = set(map(id, _cued_investors(body, rules, here, s_start, cues="lead_before")))
    raise_verb = _verb_before(body, rules, "raise", s_start, amount.start)
    raiser = _subject_of(body, rules, raise_verb, here, s_start) if raise_verb else None
    invest_verb = _verb_before(body, rules, "invest", s_start, amount.start)
    investor = _subject_of(body, rules, invest_verb, here, s_start) if invest_verb else None
    acquire_verb = next(iter(rules["acquire"].finditer(body, s_start, s_end)), None)
    buyer = _subject_of(body, rules, acquire_verb, here, s_start) if acquire_verb else None
    bought = _object_after(body, acquire_verb.end(), here, 60) if acquire_verb else None
    before = [e for e in here if e.end <= amount.start]
    after = [e for e in here if e.start >= amount.end]
    top = max(counts.values(), default=1)
    kinds = (kind == "funding_round", kind == "acquisition", kind == "investment")
    guess = not ruled.cue or ruled.cue.startswith(GUESSES)
    out = []
    for where, group in ((0, here), (1, before_here), (3, after_here), (2, list(first_of_key.values()))):
        for entity in group:
            party, key = _party(entity), _party_key(entity)
            is_before = where == 0 and entity.end <= amount.start
            is_after = where == 0 and entity.start >= amount.end
            gap = amount.start - entity.end if entity.end <= amount.start else entity.start - amount.end
            between = sum(1 for e in here if (entity.end <= e.start and e.end <= amount.start)
                          or (amount.end <= e.start and e.end <= entity.start)) if where == 0 else 3
            start = max(s_start if where == 0 else 0, entity.start - 70)
            is_investor, is_recipient = party == ruled.investor, party == ruled.recipient
            features = (
                where == 0, where == 1, where == 2, is_before, is_after, where == 3,
                min(math.log1p(max(gap, 0)) / 7, 1.0), min(between, 3) / 3,
                bool(before) and entity is before[-1], bool(after) and entity is after[0],
                where == 0 and entity is here[0], counts.get(key, 0) / top, bool(most) and key == most[0],
                _is_place(entity), entity.label == "PERSON",
                _is_public(entity) or bool(rules["state_name"].search(entity.canonical)),
                id(entity) in cued, id(entity) in leads,
                bool(rules["governed"].search(body, max(start, entity.start - 25), entity.start)),
                bool(rules["recipient_after"].search(body, start, entity.start)),
                entity is raiser, entity is investor, entity is buyer, entity is bought,
                *kinds, kinds[0] and is_before, kinds[1] and is_before, kinds[2] and is_before,
                is_investor and not guess, is_investor and guess, is_recipient and not guess, is_recipient and guess,
            )
            out.append(Candidate(entity, tuple(float(f) for f in features)))
    return out


@lru_cache(maxsize=1)
def _weights() -> dict | None:
    shipped = resources.files("corpus_tools.lang.common").joinpath(MODEL_FILE)
    return json.loads(shipped.read_text(encoding="utf-8")) if shipped.is_file() else None


def probability(role: str, candidate: Candidate) -> float:
    model = (_weights() or {})[role]
    score = model["intercept"] + sum(w * x for w, x in zip(model["coef"], candidate.features))
    return 1.0 / (1.0 + math.exp(-score))


def best(role: str, found: list[Candidate], excluded: frozenset = frozenset()) -> tuple[Entity | None, float]:
    """The most likely party for ``role`` and its probability; None when no candidate reaches the
    threshold fitted with the weights (nobody named is an answer too)."""
    if _weights() is None:
        return None, 0.0
    scored = [(probability(role, c), -n, c.entity) for n, c in enumerate(found) if id(c.entity) not in excluded]
    if not scored:
        return None, 0.0
    p, _, entity = max(scored, key=lambda s: (s[0], s[1]))
    return (entity, p) if p >= _weights()[role]["threshold"] else (None, p)


def decide(ruled, found: list[Candidate]):
    """The rules' Roles, with the ranker's investor where the rules name none: the most likely
    candidate that is not the recipient or its group, when it reaches the fitted threshold."""
    from .investments import Roles, _party

    if _weights() is None or ruled.investor.name:
        return ruled
    excluded = frozenset(id(c.entity) for c in found if _one_group(_party(c.entity), ruled.recipient))
    investor, p = best("investor", found, excluded)
    if investor is None:
        return ruled
    return Roles((_party(investor),), ruled.recipient, ruled.target,
                 f"{ruled.cue}; investor ranked p={p:.2f}".lstrip("; "))


def _one_group(a, b) -> bool:
    """One party, or a group and its subsidiary: a company is not its own investor."""
    from .events import _party_root

    return a == b or _party_root(a.name, a.entity_id) == _party_root(b.name, b.entity_id)
