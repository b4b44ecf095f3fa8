"""For each amount of one document: its kind, who invests, who receives, when, and its value in EUR/USD.

Roles are read from the structure of the amount's sentence, over the entities already found (no
parser runs): the subject of an investing verb invests, the subject of a raising verb receives,
cue phrases ("led by", "auprès de", "mené par") open lists of investors, acquisitions give buyer and
company bought, subsidies give state and company; sources, approvers, programmes and suppliers are
never parties. The words of each language are in ``lang/<lang>/investment.py``, with examples in
``investment_examples.tsv``. When the sentence names nobody, "it" is the article's main organisation.
"The government" without a country is the government of the country the article names most. An
investment that names no receiving party goes to its field ("in quantum research") or, from a state,
to the state's own country: soft recipients (``field:``, ``country:`` keys) the merge never links on.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from collections import Counter
from functools import lru_cache

from ..fx import convert
from ..lang import LANGUAGES, resource
from ..types import Amount, Entity, HardwareMention
from .kinds import classify_with_cues, context
from .roles import decide

INVESTING_KINDS = ("investment", "funding_round", "acquisition")
_TARGET_END = re.compile(r"[.;:!?\n]|,\s|\s[–—-]\s|\s(?:which|qui|while|alors que|whereas)\s"
                         r"|\s(?:and|et)\s(?=[A-ZÀ-Ý])")
MAX_TARGET_CHARS = 90


@dataclass(frozen=True)
class Party:
    name: str
    entity_id: str


NOBODY = Party("", "")


@dataclass(frozen=True)
class Roles:
    """Who puts the money in (the lead first, then co-investors), who receives it, what it goes to,
    and the construction that decided."""

    investors: tuple[Party, ...]
    recipient: Party
    target: str
    cue: str

    @property
    def investor(self) -> Party:
        return self.investors[0] if self.investors else NOBODY


def _alternation(patterns) -> str:
    return "(?:" + "|".join(patterns) + ")"


@lru_cache(maxsize=None)
def _rules(lang: str):
    rules = resource(lang, "investment")
    flags = re.IGNORECASE

    def words(patterns) -> re.Pattern:
        return re.compile(_alternation(patterns), flags)

    return {
        # a cue, then at most five words ("le fonds souverain singapourien"), then the name
        "investor_before": re.compile(_alternation(rules.INVESTOR_BEFORE)
                                      + r"(?:\b|(?<=['’]))\s*(?:[\w-]+\s+|\w{1,2}['’]\s?){0,5}\Z", flags),
        "not_investor_before": re.compile(_alternation(rules.NOT_INVESTOR_BEFORE)
                                          + r"(?:\b|(?<=['’]))\s*(?:[\w-]+\s+|\w{1,2}['’]\s?){0,3}\Z", flags),
        "lead_before": re.compile(_alternation(rules.LEAD_BEFORE) + r"(?:\b|(?<=['’]))\s*(?:[\w-]+\s+|\w{1,2}['’]\s?){0,5}\Z",
                                  flags),
        "relative": re.compile(r"\s*,?\s*" + _alternation(rules.RELATIVE_PRONOUNS) + r"\b", flags),
        "governed": re.compile(_alternation(rules.GOVERNING_PREPOSITIONS) + r"\s+(?:[\w-]+\s+){0,2}\Z", flags),
        "source_before": re.compile(_alternation(rules.SOURCE_BEFORE) + r"(?:\b|(?<=['’]))\s*(?:[\w-]+\s+|\w{1,2}['’]\s?){0,3}\Z",
                                    flags),
        "not_party_before": re.compile(_alternation(rules.NOT_PARTY_BEFORE), flags),
        "machine_anaphor": words(rules.MACHINE_ANAPHORS),
        "government_nouns": words(rules.GOVERNMENT_NOUNS),
        "default_country": rules.DEFAULT_COUNTRY,
        "government_of": re.compile(rules.GOVERNMENT_OF, flags),
        "country_nouns": words(rules.COUNTRY_NOUNS),
        "recipient_object": re.compile(_alternation(rules.RECIPIENT_OBJECT_VERBS) + r"\s+(?:(?:the|la|le|les|l['’])\s*)?\Z",
                                       flags),
        "owner_after": re.compile(r"\s*(?:d['’]|de\s+|du\s+|from\s+|by\s+)", flags),
        "agent_before": re.compile(_alternation(rules.AGENT_BEFORE) + r"\s+(?:(?:the|la|le|les|l['’])\s*)?\Z", flags),
        "field_start": re.compile(r"[\s)]*(?:\([^()]{0,40}\)\s*)?(?:[\w-]+\s+){0,5}" + _alternation(rules.FIELD_START) + r"\s+", flags),
        "field_end": words(rules.FIELD_END),
        "subsidiary_of": re.compile(_alternation(rules.RECIPIENT_AFTER) + r"\s+(?:\w+\s+)?" + _alternation(rules.SUBSIDIARY_NOUNS)
                                    + r"\b[^.;:!?]{0,80}?,\s*\Z", flags),
        "round_word": words(rules.ROUND_WORDS),
        # between a subject and its verb, at most two auxiliaries ("has just", "vient de")
        "verb_just_after": re.compile(r"\s+(?:" + "|".join(rules.AUXILIARIES) + r")?(?:\s*\b(?:" + "|".join(rules.AUXILIARIES)
                                      + r")\b)?\s*", flags),
        "not_field": words(rules.NOT_FIELD),
        "money_form": re.compile(r"(?:(?:the|its|their|la|le|les|l['’]|des|de|ses|leurs)\s*)?" + _alternation(rules.MONEY_FORMS)
                                 + r"\b", flags),
        "national_currencies": {code: re.compile(r"(?:\d|illions?|illiards?|trillions?)\s+(?:de\s+|d['’])?(?:" + pattern
                                                 + r")\b", flags) for code, pattern in rules.NATIONAL_CURRENCIES.items()},
        "national_adjectives": {code: re.compile(r"\b" + pattern + r"\b", 0 if lang == "en" else flags)
                                for code, pattern in rules.NATIONAL_ADJECTIVES.items()},
        "not_party_after": re.compile(_alternation(rules.NOT_PARTY_AFTER), flags),
        "raise": words(rules.RAISE_VERBS),
        "invest": words(rules.INVEST_VERBS),
        "acquire": words(rules.ACQUIRE_VERBS),
        "acquired_by": words(rules.ACQUIRED_BY),
        "acquisition_of": words(rules.ACQUISITION_OF),
        "acquisition_noun": words(rules.ACQUISITION_NOUNS),
        "buyer_cue": words(rules.BUYER_CUES),
        "bought_after": re.compile(r"\s*,?\s*" + _alternation(rules.BOUGHT_PARTICIPLES) + r"\b", flags),
        "subsidy": words(rules.SUBSIDY_WORDS),
        "state_name": words(rules.STATE_NAMES),
        "not_party_name": re.compile(_alternation(rules.NOT_PARTY_NAMES), flags),
        "outlet_name": re.compile(r"\S\s+" + _alternation(rules.OUTLET_WORDS) + r"\.?\Z", flags),
        "recipient_after": re.compile(r"\s*(?:[\w-]+\s+){0,3}?" + _alternation(rules.RECIPIENT_AFTER)
                                      + r"\s+(?:(?:the|la|le|les|l['’]|its|their|sa|son|ses)\s*)?(?:[\w-]+\s+){0,3}?\Z",
                                      flags),
        "parent_of": re.compile(_alternation(rules.PARENT_OF) + r"\s*\Z", flags),
        "amount_of": re.compile(r"\s+" + _alternation(rules.AMOUNT_OF) + r"\s*\Z", flags),
        "clause_break": words(rules.CLAUSE_BREAK),
        "target_start": re.compile(r"[\s,]{0,3}(?:" + "|".join(rules.TARGET_START) + r")\s+", flags),
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


@lru_cache(maxsize=1)
def _country_rows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``lang/common/countries.tsv``: each code with its names, the English ones first."""
    from importlib import resources

    text = resources.files("corpus_tools.lang.common").joinpath("countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")][1:]
    return tuple((code, tuple(name for column in columns for name in column.split("|"))) for code, *columns in rows)


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Case-folded name of a country or union in any language -> (code, English name)."""
    index = {}
    for code, names in _country_rows():
        for name in names:
            index.setdefault(name.casefold(), (code, names[0]))
    return index


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """Country code -> its English name."""
    return {code: names[0] for code, names in _country_rows()}


_ARTICLE = re.compile(r"^(?:la|le|les|l['’]|the)\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, re.Pattern]:
    """Country code -> its names as written (capitalised: "EAU" is not "eau"), the unions left out."""
    forms = {code: {name for name in names if len(name) > 2} for code, names in _country_rows() if code != "EU"}
    return {code: re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b")
            for code, names in forms.items() if names}


def _party(entity: Entity) -> Party:
    """A party's name and key: a country is keyed by its code whatever the language ("UK", "Royaume-Uni")."""
    if not entity.entity_id:
        country = _countries().get(_ARTICLE.sub("", entity.canonical).casefold())
        if country is not None:
            return Party(country[1], "country:" + country[0])
        if entity.label == "LOC":
            return Party(entity.canonical, "place:" + entity.canonical.casefold())
    return Party(entity.canonical, entity.entity_id)


def _parent(entity: Entity) -> Party:
    from .entities import alias_index, gazetteer

    organisations = gazetteer()
    if entity.entity_id and organisations[entity.entity_id].parent:
        parent = organisations[organisations[entity.entity_id].parent]
        return Party(parent.name, parent.id)
    parent_id = alias_index().get(entity.parent.casefold()) if entity.parent else None
    return Party(entity.parent, parent_id or "") if entity.parent else Party(entity.canonical, entity.entity_id)


def _is_media(entity: Entity) -> bool:
    from .entities import gazetteer

    organisation = gazetteer().get(entity.entity_id) if entity.entity_id else None
    return organisation is not None and organisation.type == "media"


def candidate_parties(body: str, lang: str, sentence: tuple[int, int], entities: list[Entity]) -> list[Entity]:
    """The organisations, people and places of a sentence that can invest or receive: not the
    outlets cited as sources ("according to X", "selon X"), not those approving ("the Commission
    approved"), not media the gazetteer knows."""
    rules = _rules(lang)
    s_start, s_end = sentence
    parties = []
    for entity in sorted(entities + _state_nouns(body, lang, sentence, entities), key=lambda e: (e.start, e.end)):
        if not (s_start <= entity.start and entity.end <= s_end) or _is_media(entity):
            continue
        entity = _resolved_state(body, lang, entity)
        if entity is None:
            continue
        if len(entity.canonical) < 2 or not any(c.isupper() or c.isdigit() for c in entity.canonical):
            continue  # "L" of "L'entreprise", a lower-case fragment: not a name
        if rules["not_party_name"].fullmatch(entity.canonical) or rules["outlet_name"].search(entity.canonical):
            continue  # "Series C", "Vendredi", "X Press": a round, a day, an outlet
        start = _name_start(body, entity)
        if rules["source_before"].search(body, max(s_start, entity.start - 50), start) or \
                rules["not_party_before"].search(body, max(s_start, entity.start - 40), start):
            continue
        if rules["not_party_after"].match(body, entity.end, min(s_end, entity.end + 60)) or \
                _QUALIFIER_AFTER.match(body, entity.end, min(s_end, entity.end + 40)):
            continue
        if parties and parties[-1].label == "LOC" and re.fullmatch(r"['’]s?\s+|\s+", body[parties[-1].end:entity.start]):
            parties.pop()  # "Singapore's Temasek", "German chipmaker": the place qualifies the name
        parties.append(entity)
    return parties


def _state_nouns(body: str, lang: str, sentence: tuple[int, int], entities: list[Entity]) -> list[Entity]:
    """Governments named without their country ("the government", "le gouvernement", "l'État"):
    the government of the country the article names most; none when it names none (the language
    of the outlet says little: a French article on Japan)."""
    rules = _rules(lang)
    found = []
    for place in entities:  # "le gouvernement du Québec": Québec, as the subject of what follows
        if sentence[0] <= place.start < sentence[1] and _is_place(place):
            of = rules["government_of"].search(body, max(sentence[0], place.start - 40), place.start)
            if of is not None:
                found.append(replace(place, start=of.start(), text=body[of.start():place.end]))
    for match in rules["country_nouns"].finditer(body, *sentence):  # "the country's C$2bn strategy"
        government = _article_government(body, lang)
        code = _country_code(government[1]) if government else ""
        if code:
            found.append(Entity(match.start(), match.end(), match.group(0), "ORG", _english_names()[code], "", "rule"))
    for match in rules["government_nouns"].finditer(body, *sentence):
        if any(e.start < match.end() and match.start() < e.end for e in entities):
            continue
        government = _article_government(body, lang)
        if government is not None:
            found.append(Entity(match.start(), match.end(), match.group(0), "ORG", *government, "rule"))
    return found


_BARE_STATE = re.compile(r"(?:(?:the|l['’]|le)\s*)?(?:State|État|Etat|government|gouvernement)", re.IGNORECASE)


def _resolved_state(body: str, lang: str, entity: Entity) -> Entity | None:
    """A bare "État" or "government" (which the gazetteer reads as one fixed state) becomes the
    government of the article's country; None when the article names no country; any other
    entity is returned as it is."""
    if not _BARE_STATE.fullmatch(entity.text.strip()):
        return entity
    government = _article_government(body, lang)
    return replace(entity, canonical=government[0], entity_id=government[1]) if government else None


def _country_code(party_id: str) -> str:
    """The country code of a gazetteer government or of a "country:" key."""
    from .entities import gazetteer

    if party_id.startswith("country:"):
        return party_id.removeprefix("country:")
    organisation = gazetteer().get(party_id)
    return organisation.country if organisation is not None else ""


@lru_cache(maxsize=64)
def _article_government(body: str, lang: str) -> tuple[str, str] | None:
    """(name, gazetteer id or "country:" key) of the government of the country an article names
    most, by its names, nationality adjectives and national currencies; the language's default
    country when it names none."""
    from .entities import gazetteer

    counts: Counter = Counter()
    for code, pattern in _country_names().items():
        counts[code] += len(pattern.findall(body))
    for code, pattern in _rules(lang)["national_adjectives"].items():
        counts[code] += len(pattern.findall(body))
    for code, pattern in _rules(lang)["national_currencies"].items():
        counts[code] += len(pattern.findall(body))
    ranked = sorted(((n, code) for code, n in counts.items() if n), reverse=True)
    named_most = len(ranked) == 1 or (len(ranked) > 1 and ranked[0][0] > ranked[1][0])
    code = ranked[0][1] if named_most else _rules(lang)["default_country"]
    if not code:
        return None
    for organisation in gazetteer().values():
        if organisation.type == "public_body" and organisation.country == code and not organisation.parent \
                and organisation.id.endswith("_government"):
            return organisation.name, organisation.id
    adjective = resource("en", "investment").NATIONAL_ADJECTIVES.get(code)
    return (f"{adjective} government" if adjective else f"Government of {_english_names()[code]}"), "country:" + code


# "Paris-based", "state-owned", "Burnaby, B.C.-based": the name qualifies the one that follows.
_QUALIFIER_SUFFIX = r"-(?:based|owned|backed|sponsored|funded|headquartered|controlled)"
_QUALIFIER_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*)*" + _QUALIFIER_SUFFIX + r"\b")
_QUALIFIER_BEFORE = re.compile(r"(?:[A-Z][\w.]*,?\s+)*[\w.]+" + _QUALIFIER_SUFFIX + r"\s+(?:[a-z]+\s+){0,3}\Z")

_LEADING_FUNCTION_WORD = re.compile(r"(?:d|l|D|L)['’]|(?:de|du|des|of|the)\s+")


def _name_start(body: str, entity: Entity) -> int:
    """Where a name starts once an elided article or a lower-case preposition the recogniser took
    in is left out ("d’Elaia", "de France 2030"): the cue before it must see that word."""
    match = _LEADING_FUNCTION_WORD.match(body, entity.start, entity.end)
    return match.end() if match else entity.start


def _between_is_list(text: str) -> bool:
    """Whether the words between two names continue a list ("A, B and C", "A, rejoint par B et C")."""
    return len(text) <= 90 and not re.search(r"[.;:!?]|\(\s*$", text) and bool(
        re.fullmatch(r"[\s,]*(?:(?:and|et|as well as|ainsi que|plus|along with|or|ou)\b|,)?[^\d]*", text))


def _verb_before(body: str, rules, pattern: str, start: int, end: int) -> re.Match | None:
    """The last verb of a kind in body[start:end]."""
    last = None
    for match in rules[pattern].finditer(body, start, end):
        last = match
    return last


def _subject_of(body: str, rules, verb: re.Match, parties: list[Entity], s_start: int) -> Entity | None:
    """The subject of a verb, near enough: the nearest party of its clause that no preposition
    governs ("Wayve, founded in Cambridge, is in talks with A and B to raise" -> Wayve), an
    organisation or person before a place."""
    clause_start = s_start
    for match in rules["clause_break"].finditer(body, s_start, verb.start()):
        clause_start = match.end()
    relative = [e for e in parties if clause_start <= e.start and e.end <= verb.start()
                and rules["relative"].match(body, e.end, verb.start())]
    in_clause = [e for e in parties if clause_start <= e.start and e.end <= verb.start()
                 and not rules["governed"].search(body, max(clause_start, e.start - 25), e.start)]
    if relative:
        return relative[-1]  # "A who will invest €5m and B who will invest €1m": B for the second verb
    adjacent = [e for e in parties if clause_start <= e.start and rules["verb_just_after"].fullmatch(body, e.end, verb.start())]
    if adjacent and adjacent[-1].label != "LOC":
        return adjacent[-1]  # "la plateforme de traduction par IA Lexora a levé": the name just before its verb is its subject
    named = [e for e in in_clause if e.label != "LOC"]
    return (named or in_clause or [None])[-1]


def _object_after(body: str, end: int, parties: list[Entity], limit: int) -> Entity | None:
    """The first party after ``end``: an organisation or person before a place ("UK company X")."""
    after = [e for e in parties if e.start >= end and e.start - end <= limit]
    named = [e for e in after if not _is_place(e)]
    return (named or after or [None])[0]


def _is_place(entity: Entity) -> bool:
    """A place or a country, whatever label the model gave it ("U.S. firm X": X is the firm)."""
    return entity.label == "LOC" or _party(entity).entity_id.startswith(("country:", "place:"))


def _cued_investors(body: str, rules, parties: list[Entity], s_start: int, cues: str = "investor_before"
                    ) -> list[Entity]:
    """Parties a cue names as investors, each with the list that follows it ("led by A, with B and C")."""
    cued: list[Entity] = []
    for n, entity in enumerate(parties):
        if entity in cued:
            continue
        if not rules[cues].search(body, max(s_start, entity.start - 70), _name_start(body, entity)) or \
                rules["not_investor_before"].search(body, max(s_start, entity.start - 50), _name_start(body, entity)):
            continue
        cued.append(entity)
        for follower in parties[n + 1:]:
            if not _between_is_list(body[cued[-1].end:follower.start]):
                break
            cued.append(follower)
    # a city or a region after "by" is where something happens ("starting with London"), not who pays
    return [e for e in cued if not _party(e).entity_id.startswith("place:")]


def find_roles(body: str, lang: str, amount: Amount, kind: str, sentence: tuple[int, int],
               entities: list[Entity], salient: tuple[Party, ...] = (), next_sentence: tuple[int, int] = (0, 0)
               ) -> Roles:
    """Investors, recipient and target of one investing amount, read from its sentence's structure."""
    rules = _rules(lang)
    s_start, s_end = sentence
    parties = candidate_parties(body, lang, sentence, entities)
    named_here = {_party(e) for e in parties}
    # what "it" or "the start-up" stands for: the most salient party that is not named here as an investor
    main = next((p for p in salient if p not in named_here), salient[0] if salient else NOBODY)
    target, target_org = _target(body, amount.end, s_end, [e for e in parties if e.start >= amount.end], rules)
    cued = [e for e in _cued_investors(body, rules, parties, s_start)
            if e.end <= amount.start or e.start - amount.end < 200]
    investors: list[Party] = []
    recipient, cue = NOBODY, ""

    def add_investor(entity: Entity | None) -> None:
        if entity is not None and _party(entity) not in investors:
            investors.append(_party(entity))

    if kind == "acquisition":
        recipient, investors, cue = _acquisition_roles(body, rules, amount, parties, cued, s_start, s_end)
    elif kind == "funding_round":
        raise_verb = _verb_before(body, rules, "raise", s_start, amount.start)
        raiser = _subject_of(body, rules, raise_verb, parties, s_start) if raise_verb else None
        if raiser is not None and raiser in cued and rules["verb_just_after"].fullmatch(body, raiser.end, raise_verb.start()):
            cued = [e for e in cued if e is not raiser]  # "la plateforme de traduction par IA X a levé": X raises, "par" is no cue
        if raiser is not None and raiser not in cued:
            recipient, cue = _party(raiser), "subject of " + raise_verb.group(0).lower()
            # "X, backed by A and B, raised": A and B back the company, they are not named as this round's
            apposition = re.match(r"\s*,[^,]*,", body[raiser.end:raise_verb.start()])
            if apposition is not None:
                cued = [e for e in cued if not raiser.end <= e.start < raiser.end + apposition.end()]
        for entity in cued:
            add_investor(entity)
        if not investors:
            invest_verb = _verb_before(body, rules, "invest", s_start, amount.start)
            add_investor(_subject_of(body, rules, invest_verb, parties, s_start) if invest_verb else None)
        if not investors and next_sentence[1] > next_sentence[0]:
            # "X raised €20m. The round was led by A, with B and C.": the leads follow.
            following = candidate_parties(body, lang, next_sentence, entities)
            for entity in _cued_investors(body, rules, following, next_sentence[0], cues="lead_before"):
                add_investor(entity)
            cue = cue + ", investors in the next sentence" if investors else cue
        if not recipient.name:
            before = [e for e in parties if e.end <= amount.start and e not in cued and e.label == "ORG"
                      and _party(e) not in investors]
            after_in = _recipient_after(body, rules, [e for e in parties if e.label == "ORG" and e not in cued],
                                        amount.end, s_end)
            place = _place_just_before(body, rules, parties, amount, s_start) if raise_verb is None else None
            if place is not None:  # "one in Poland of €4.6bn and one in Israel of $25bn"
                recipient, cue = _party(place), "place before the amount"
            elif after_in is not None and raise_verb is None:
                # "A signed for a $500m investment in B": B raises, A puts the money in
                recipient, cue = _party(after_in), "company after the amount"
                if not investors and before:
                    add_investor(before[-1])
            elif before:
                recipient, cue = _party(before[-1]), "raiser before the amount"
            else:
                recipient, cue = (_party(after_in), "company after the amount") if after_in else (main, "salient")
                if not after_in and raise_verb is not None and _unknown_name_before(body, rules, raise_verb, s_start,
                                                                                     entities):
                    recipient, cue = NOBODY, "raiser not recognised"  # "The Finnish X raised": not the article's company
    elif (subsidy := _subsidy_roles(body, rules, amount, parties, s_start, s_end, main)) is not None:
        investors, recipient = subsidy
        cue = "subsidy: state gives, company receives"
    else:
        invest_verb = _verb_before(body, rules, "invest", s_start, amount.start)
        subject = _subject_of(body, rules, invest_verb, parties, s_start) if invest_verb else None
        receive_verb = _verb_before(body, rules, "raise", s_start, amount.start)
        receiver = _subject_of(body, rules, receive_verb, parties, s_start) if receive_verb else None
        if receive_verb is not None and (subject is None or receive_verb.start() > invest_verb.start()) and (
                receiver is None or receiver not in cued):
            recipient = _party(receiver) if receiver is not None else main
            cue = "subject of " + receive_verb.group(0).lower()
            for entity in cued:
                add_investor(entity)
            if not investors and next_sentence[1] > next_sentence[0]:
                # "The lab is endowed with €300m. Group A contributes": the giver follows.
                following = candidate_parties(body, lang, next_sentence, entities)
                verb = next(iter(rules["invest"].finditer(body, *next_sentence)), None)
                add_investor(_subject_of(body, rules, verb, following, next_sentence[0]) if verb else None)
        else:
            if subject is not None:
                add_investor(subject)
                cue = "subject of " + invest_verb.group(0).lower()
            for entity in cued:
                add_investor(entity)
            if not investors:  # "a commitment of $300m from X", "un engagement de 300 M$ d'X"
                owner = next((e for e in parties if rules["owner_after"].fullmatch(body, amount.end, e.start)
                              and not _is_place(e)), None)
                add_investor(owner)
                cue = "named after the amount" if owner is not None else cue
            if not investors:
                before = [e for e in parties if e.end <= amount.start and e.label != "LOC"]
                if before:
                    nearest = before[-1]
                    parent_cue = rules["parent_of"].search(body, max(s_start, nearest.start - 40), nearest.start)
                    investors.append(_parent(nearest) if parent_cue else _party(nearest))
                    cue = "nearest before the amount"
                elif salient:
                    investors.append(salient[0])
                    cue = "salient"
            chosen = _place_just_before(body, rules, parties, amount, s_start) or \
                _recipient_after(body, rules, parties, amount.end, s_end) or target_org
            if chosen is None:  # "the state backs X with $5m"
                chosen = next((e for e in parties if _party(e) not in investors and rules["recipient_object"].search(
                    body, max(s_start, e.start - 30), _name_start(body, e))), None)
            if chosen is None and invest_verb is not None:
                chosen = _recipient_after(body, rules, parties, invest_verb.end(), s_end)
            if chosen is None:  # "the new machine at X will cost", "the project carried by X": what the money goes to
                chosen = next((e for e in reversed(parties) if e.end <= amount.start and _party(e) not in investors
                               and (rules["recipient_after"].search(body, max(s_start, e.start - 40), e.start)
                                    or rules["not_investor_before"].search(body, max(s_start, e.start - 50),
                                                                           _name_start(body, e)))), None)
            if chosen is not None:
                recipient = _party(chosen)
    if kind == "investment" and not recipient.name:
        recipient = _field(body, rules, amount, s_end)
        cue = cue + ", field as recipient" if recipient.name else cue
    if kind == "investment" and not recipient.name and main.name and main not in investors and \
            rules["round_word"].search(body, s_start, s_end):
        recipient, cue = main, cue + ", the round's company"  # "$300m more from A brings the round to $1.5bn"
    if _is_state(recipient):  # "the government ... €1.5bn" read as receiving: a state gives, lends or buys
        investors = investors or [recipient]
        recipient, cue = NOBODY, cue + ", a state does not receive"
    investors = [p for p in investors if p.name and p != recipient and p.name != recipient.name]
    if kind == "investment" and not recipient.name and investors and _home_country(investors[0]).name:
        recipient, cue = _home_country(investors[0]), cue + ", the state's own country"  # a country-wide programme
    return Roles(tuple(investors), recipient, target, cue)


def _field(body: str, rules, amount: Amount, s_end: int) -> Party:
    """What an investment goes to when the sentence names a field, not a party ("€2bn more in
    research and development over ten years", "dans les technologies quantiques"): the words after
    "in"/"dans", up to a time, a purpose or a place; a soft recipient (the merge never links on it)."""
    opening = rules["field_start"].match(body, amount.end, s_end)
    if opening is None:
        return NOBODY
    stop = min([m.start() for m in (_TARGET_END.search(body, opening.end(), s_end),
                                    rules["field_end"].search(body, opening.end(), s_end)) if m] + [s_end])
    words = body[opening.end():stop].split()[:6]
    phrase = " ".join(words).strip(" \"“”«»'’()")
    if len(phrase) < 3 or not phrase[0].isalpha() or rules["not_party_name"].fullmatch(words[0]) or \
            rules["money_form"].match(phrase) or rules["not_field"].search(phrase):
        return NOBODY
    return Party(phrase, "field:" + phrase.casefold())


def _home_country(party: Party) -> Party:
    """The country of a state, a government or a public body: what a country-wide programme goes
    to ("the plan of €1.8bn the government presented"). NOBODY for anyone else."""
    from .entities import gazetteer

    if party.entity_id.startswith("country:"):
        code = party.entity_id.removeprefix("country:")
        return Party(_english_names().get(code, party.name), party.entity_id)
    organisation = gazetteer().get(party.entity_id) if party.entity_id else None
    code = organisation.country if organisation is not None and organisation.type == "public_body" else ""
    if not code and not party.entity_id and _is_state(party):
        code = next((c for c, pattern in _rules("en")["national_adjectives"].items() if pattern.search(party.name)), "")
    if not code:
        return NOBODY
    return Party(_english_names()[code], "country:" + code)


@lru_cache(maxsize=4096)
def _is_state(party: Party) -> bool:
    """A government, a ministry or a public funder, which grants, lends or buys and never raises
    (not a country or a place: a country-wide programme goes to the country)."""
    from .entities import gazetteer

    if not party.name or party.entity_id.startswith(("country:", "place:", "machine:")):
        return False
    organisation = gazetteer().get(party.entity_id) if party.entity_id else None
    if organisation is not None:
        return organisation.type == "public_body"
    return any(_rules(lang)["state_name"].search(party.name) for lang in LANGUAGES)


def _unknown_name_before(body: str, rules, verb: re.Match, s_start: int, entities: list[Entity]) -> bool:
    """Whether the clause before a verb holds a capitalised word no entity covers, past its first
    word and other than a descriptor, a day, a month or a round ("The Finnish X raised"): its
    subject is a name the recogniser missed, not "it" or "the company"."""
    from .events import generic_words

    clause_start = s_start
    for match in rules["clause_break"].finditer(body, s_start, verb.start()):
        clause_start = match.end()
    for word in re.finditer(r"\b[A-ZÀ-Ý][\w&-]*", body[clause_start:verb.start()]):
        position = clause_start + word.start()
        if not body[clause_start:position].strip() or len(word.group(0)) == 1 or \
                word.group(0).casefold() in generic_words() or rules["not_party_name"].fullmatch(word.group(0)):
            continue  # the clause's first word, "C" of "Series C", "Finnish", "Thursday", "September"
        if not any(e.start <= position < e.end for e in entities):
            return True
    return False


def _place_just_before(body: str, rules, parties: list[Entity], amount: Amount, s_start: int) -> Entity | None:
    """"one in Poland worth €4.6bn and one in Israel of $25bn": the place an investing noun sends
    the money to, just before its amount, receives it (not the place after the amount)."""
    before = [e for e in parties if e.end <= amount.start]
    if not before or not _is_place(before[-1]):
        return None
    place = before[-1]
    if not rules["amount_of"].fullmatch(body, place.end, amount.start):
        return None
    return place if rules["recipient_after"].search(body, max(s_start, place.start - 30), _name_start(body, place)) else None


def _recipient_after(body: str, rules, parties: list[Entity], start: int, s_end: int) -> Entity | None:
    """The first party after ``start`` introduced by "in", "into", "for", "dans", "pour"...: what the
    money goes to."""
    for entity in parties:
        if entity.start < start or entity.start - start > 160:
            continue
        if rules["subsidiary_of"].search(body, start, entity.start) and not _is_place(entity):
            return entity  # "dans une filiale détenue par A, B": B, the subsidiary, receives
        if entity.start - start > 120:
            continue
        if rules["agent_before"].search(body, max(start, entity.start - 30), _name_start(body, entity)):
            continue  # "starting with London" is fine, "presented by X" names no recipient
        qualifier = _QUALIFIER_BEFORE.search(body, max(start, entity.start - 60), entity.start)
        if rules["recipient_after"].search(body, start, qualifier.start() if qualifier else entity.start):
            return entity
    return None


def _acquisition_roles(body: str, rules, amount: Amount, parties: list[Entity], cued: list[Entity],
                       s_start: int, s_end: int) -> tuple[Party, list[Party], str]:
    """Buyer (investor) and company bought (recipient): "A acquires B", "B, acquired by A",
    "A's acquisition of B", "the acquisition of B by A", "le rachat de B par A"."""
    passive = next(iter(rules["acquired_by"].finditer(body, s_start, s_end)), None)
    if passive is not None:
        bought = [e for e in parties if e.end <= passive.start()]
        buyer = _object_after(body, passive.end(), parties, 60)
        if buyer is not None:
            return (_party(bought[-1]) if bought else NOBODY), [_party(buyer)], "passive " + passive.group(0).lower()
    nominal = next(iter(rules["acquisition_of"].finditer(body, s_start, s_end)), None)
    if nominal is not None:
        bought = _object_after(body, nominal.end(), parties, 50)
        by = rules["buyer_cue"].search(body, nominal.end(), min(s_end, nominal.end() + 120))
        buyer = _object_after(body, by.end(), parties, 60) if by else None
        if bought is not None and buyer is not None and buyer is not bought:
            return _party(bought), [_party(buyer)], "object of " + nominal.group(0).lower()
    noun = next(iter(rules["acquisition_noun"].finditer(body, s_start, s_end)), None)
    if noun is not None:  # "B has agreed a $5bn acquisition by A", "le rachat de B par A"
        by = rules["buyer_cue"].search(body, noun.end(), min(s_end, noun.end() + 80))
        buyer = _object_after(body, by.end(), parties, 60) if by else None
        if buyer is not None and not _is_place(buyer):  # "acquisitions in the Asia-Pacific region": a place buys nothing
            bought = _object_after(body, noun.end(), [e for e in parties if e.end <= by.start()], 50) or next(
                iter(reversed([e for e in parties if e.end <= noun.start()])), None)
            return (_party(bought) if bought else NOBODY), [_party(buyer)], noun.group(0).lower() + " by"
    before = [e for e in parties if e.end <= amount.start]
    for bought in reversed(before):  # "AMD ... behind Xilinx, bought for $35bn": Xilinx was bought, AMD buys
        participle = rules["bought_after"].match(body, bought.end)
        if participle is not None and amount.start - participle.end() <= 25:
            buyers = [e for e in before if e is not bought and not _is_place(e)]
            return _party(bought), [_party(buyers[0])] if buyers else [], "bought, participle"
    verb = None
    for match in rules["acquire"].finditer(body, s_start, s_end):
        verb = match
        if match.start() > amount.start:
            break
    if verb is not None:
        buyer = _subject_of(body, rules, verb, parties, s_start)
        bought = _object_after(body, verb.end(), parties, 60)
        if buyer is not None or bought is not None:
            return (_party(bought) if bought else NOBODY), ([_party(buyer)] if buyer else []), \
                "subject of " + verb.group(0).lower()
    if nominal is not None:
        bought = _object_after(body, nominal.end(), parties, 50)
        buyers = [e for e in cued if e is not bought] or [e for e in parties if e.end <= nominal.start()][-1:]
        return (_party(bought) if bought else NOBODY), [_party(e) for e in buyers], "object of " + \
            nominal.group(0).lower()
    before = [e for e in parties if e.end <= amount.start]
    bought = next((e for e in reversed(before) if rules["bought_after"].match(body, e.end)), None)
    if bought is not None:  # "Xilinx, bought for $35bn": the name before the participle was bought
        buyers = [e for e in before if e is not bought and not _is_place(e)]
        return _party(bought), [_party(buyers[0])] if buyers else [], "bought, participle"
    return NOBODY, ([_party(before[-1])] if before else []), "nearest before the amount"


def _unknown_place(entity: Entity) -> bool:
    """A name tagged as a place that is no country and no region or large city the lists know
    (a company the small models tag as a place, a company's town): never taken for a state."""
    from .organisations import places

    return entity.label == "LOC" and not _party(entity).entity_id.startswith("country:") and \
        _ARTICLE.sub("", entity.canonical) not in places()


def _is_public(entity: Entity) -> bool:
    """A state, a government, a region or a public body: who grants subsidies."""
    from .entities import gazetteer

    organisation = gazetteer().get(entity.entity_id) if entity.entity_id else None
    return entity.label == "LOC" or (organisation is not None and organisation.type == "public_body")


def _subsidy_roles(body: str, rules, amount: Amount, parties: list[Entity], s_start: int, s_end: int,
                   salient: Party) -> tuple[list[Party], Party] | None:
    """A subsidy or grant: the state (or government, region, public body) gives, the company receives."""
    window_start, window_end = max(s_start, amount.start - 60), min(s_end, amount.end + 50)
    if not any(not _FIGURE.search(body, *sorted((word.start(), amount.start) if word.end() <= amount.start
                                                 else (amount.end, word.start())))
               for word in rules["subsidy"].finditer(body, window_start, window_end)):
        return None  # the amount itself must be the subsidy, not a figure beside one ("30bn, of which 10bn in aid")
    # a name the small models tag as a place but no list knows is more often a company than a state
    states = [e for e in parties if (_is_public(e) and not _unknown_place(e)) or rules["state_name"].search(e.canonical)]
    companies = [e for e in parties if e not in states and e.label == "ORG"]
    if not states:
        return None
    state = min(states, key=lambda e: abs(e.start - amount.start))
    company = _recipient_after(body, rules, companies, amount.end, s_end) or (
        min(companies, key=lambda e: abs(e.start - amount.start)) if companies else None)
    return [_party(state)], (_party(company) if company is not None else salient)


_FIGURE = re.compile(r"\d")  # another figure between a subsidy word and an amount: the word is that figure's

MACHINE_KINDS = ("supercomputer", "datacenter", "system")
SOFT_RECIPIENTS = ("field:", "country:", "place:")  # a machine the sentence names is more precise


def _machine(body: str, lang: str, sentence: tuple[int, int], hardware) -> Party:
    """The machine or site money goes to when no organisation receives it: the one the sentence
    names, or the first the article names when the sentence says "the system", "la machine"."""
    named = [h for h in hardware if h.kind in MACHINE_KINDS and h.product]
    in_sentence = [h for h in named if sentence[0] <= h.start and h.end <= sentence[1]]
    if in_sentence:
        return Party(in_sentence[0].product, "machine:" + in_sentence[0].product.casefold())
    if named and _rules(lang)["machine_anaphor"].search(body, *sentence):
        return Party(named[0].product, "machine:" + named[0].product.casefold())
    return NOBODY


def _next_sentence(body: str, sentences: list[tuple[int, int]], end: int) -> tuple[int, int]:
    """The sentence after the one ending at ``end`` (in the same paragraph or the next); (0, 0) if none."""
    index = bisect_right(sentences, (end, -1))
    if index >= len(sentences) or body.count("\n\n", end, sentences[index][0] + 1) > 1:
        return 0, 0
    start, stop = sentences[index]
    while start < stop and body[start].isspace():
        start += 1
    line_end = body.find("\n", start)
    return start, stop if line_end == -1 else min(stop, line_end)


def _salient(entities: list[Entity]) -> tuple[Party, ...]:
    """What "it", "the company", "la start-up" stand for: the organisations of the article, the
    most often named first, the earliest named on a tie."""
    organisations = [e for e in entities if e.label == "ORG" and not _is_media(e)]
    counts = Counter(_party(e) for e in organisations)
    first: dict[Party, int] = {}
    for n, entity in enumerate(organisations):
        first.setdefault(_party(entity), n)
    return tuple(sorted(counts, key=lambda party: (-counts[party], first[party])))


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


def _previous_sentence(body: str, sentences: list[tuple[int, int]], start: int) -> tuple[int, int]:
    """The sentence before the one starting at ``start``, on its last line; (0, 0) if none."""
    index = bisect_right(sentences, (start, -1)) - 1
    while index >= 0 and sentences[index][1] > start:
        index -= 1
    if index < 0:
        return 0, 0
    s_start, s_end = sentences[index]
    while s_end > s_start and body[s_end - 1].isspace():
        s_end -= 1
    return max(s_start, body.rfind("\n", s_start, s_end) + 1), s_end


def _party_key(entity: Entity) -> str:
    party = _party(entity)
    return party.entity_id or party.name


def role_setting(body: str, lang: str, amounts: list[Amount], entities: list[Entity],
                 sentences: list[tuple[int, int]]) -> list[tuple[tuple[int, int], tuple[int, int], dict[str, int]]]:
    """What the role ranker reads around each amount: its sentence, the sentence before, and how
    often the article names each party."""
    counts = Counter(_party_key(e) for e in candidate_parties(body, lang, (0, len(body)), entities))
    starts = sorted(sentences)
    return [(span, _previous_sentence(body, starts, span[0]), counts)
            for span in _sentence_spans(body, amounts, sentences)]


def amount_roles(body: str, lang: str, amount: Amount, kind: str, setting, entities: list[Entity],
                 salient: tuple[Party, ...], sentences: list[tuple[int, int]]) -> tuple[Roles, list]:
    """The rules' roles of an investing amount and the candidates the ranker scores (``roles.py``)."""
    from .roles import candidates

    sentence, previous, counts = setting
    following = _next_sentence(body, sorted(sentences), sentence[1])
    ruled = find_roles(body, lang, amount, kind, sentence, entities, salient, following)
    return ruled, candidates(body, lang, amount, kind, sentence, previous, following, entities, counts, ruled)


def _paragraphs(body: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body)]


def _sentence_spans(body: str, amounts: list[Amount], sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence of each amount, never crossing a line break: a headline, a byline or a
    caption above a paragraph is not part of its first sentence."""
    spans = sentences or _paragraphs(body)
    clipped = []
    for amount in amounts:
        start, end = _span_of(amount.start, spans)
        line_start = body.rfind("\n", 0, amount.start) + 1
        line_end = body.find("\n", amount.end)
        line_end = len(body) if line_end == -1 else line_end
        if end <= start:
            start, end = line_start, line_end
        start, end = max(start, line_start), min(end, line_end)
        for stop in _LEGAL_FORM_STOP.finditer(body, start, end):  # "... GmbH. The plant": the small models read on
            if stop.end() <= amount.start:
                start = stop.end()
            elif stop.start() >= amount.end:
                end = body.index(".", stop.start()) + 1
                break
        clipped.append((start, end))
    return clipped


# A legal form ending a sentence ("... Norvik Halbleiter GmbH. Le chantier"): the small models miss the break.
_LEGAL_FORM_STOP = re.compile(r"\b(?:GmbH|Inc|Ltd|Corp|Co|AG|SE|SA|SAS|plc|LLC|NV|BV)\.\s+(?=[A-ZÀ-Ý][a-zà-ÿ])")


def kind_contexts(body: str, lang: str, amounts: list[Amount], sentences: list[tuple[int, int]]
                  ) -> list[tuple[str, str, str]]:
    """What the kind classifier reads for each amount: its language and words around it."""
    return [(lang, *context(body[s:e], a.start - s, a.end - s),
             None if _MAGNITUDE_AFTER.match(body, a.end) else _size(a))
            for a, (s, e) in zip(amounts, _sentence_spans(body, amounts, sentences))]


# "US$270-million" read as "US$270": the figure is larger than it reads, its size is unknown.
_MAGNITUDE_AFTER = re.compile(r"-?\s?(?:million|billion|trillion|milliards?|millions?|mn|bn|m|k)\b", re.IGNORECASE)


def _size(amount: Amount) -> float | None:
    """The largest figure an amount states, in its own units."""
    figures = [f for f in (amount.value, amount.low, amount.high) if f is not None]
    return max(figures) if figures else None


def annotate_amounts(body: str, lang: str, article_date: str, amounts: list[Amount], entities: list[Entity],
                     sentences: list[tuple[int, int]], kinds: list[tuple[str, str]] | None = None,
                     hardware: list[HardwareMention] = ()) -> list[dict]:
    """One row per amount: the Amount's fields plus kind, parties, date, sentence and EUR/USD values.

    ``kinds`` ((kind, cue) pairs) may be given when the caller classified many documents' amounts in one call."""
    if not amounts:
        return []
    paragraphs = _paragraphs(body)
    sentence_spans = _sentence_spans(body, amounts, sentences)
    if kinds is None:
        kinds = classify_with_cues(kind_contexts(body, lang, amounts, sentences))
    rows = []
    salient = _salient(candidate_parties(body, lang, (0, len(body)), entities))
    settings = role_setting(body, lang, amounts, entities, sentences)
    for amount, (kind, kind_cue), setting in zip(amounts, kinds, settings):
        s_start, s_end = setting[0]
        roles = Roles((), NOBODY, "", "")
        if kind in INVESTING_KINDS:
            ruled, found = amount_roles(body, lang, amount, kind, setting, entities, salient, sentences)
            roles = decide(ruled, found)
            if kind == "investment" and (not ruled.recipient.name or ruled.recipient.entity_id.startswith(SOFT_RECIPIENTS)):
                machine = _machine(body, lang, (s_start, s_end), hardware)
                if machine.name:
                    roles = Roles(roles.investors, machine, roles.target, roles.cue + ", machine as recipient")
        investor, recipient, target = roles.investor, roles.recipient, roles.target
        p_start, p_end = _span_of(amount.start, paragraphs)
        event_date = (explicit_date(body[s_start:s_end], lang, article_date)
                      or explicit_date(body[p_start:p_end], lang, article_date))
        date = event_date or article_date
        money = convert(amount.value if amount.value is not None else amount.low if amount.low is not None
                        else amount.high, amount.currency, date)
        row = amount.as_dict()
        row.update(kind=kind, kind_cue=kind_cue, role_cue=roles.cue, investors=";".join(p.name for p in roles.investors), event_date=event_date, investor=investor.name, investor_id=investor.entity_id, recipient=recipient.name,
                   recipient_id=recipient.entity_id, target=target, date=date, sentence=body[s_start:s_end],
                   sentence_start=s_start, value_eur=money.value_eur, value_usd=money.value_usd,
                   fx_rate=money.fx_rate, fx_date=money.fx_date)
        rows.append(row)
    _prefer_article_figures(rows)
    return rows


def _prefer_article_figures(rows: list[dict]) -> None:
    """A restatement in another currency ("€100 million ($106 million)", "£8bn ($10bn)") is the same
    money: both figures get one kind and the same parties, and a euro-dollar pair the article's own
    rate rather than the table's."""
    for row in rows:
        other_index = row["equivalent_of"]
        if other_index is None:
            continue
        original = rows[other_index]
        pair = (original, row)
        decided = [m for m in pair if m["kind_cue"].startswith("rule")] or [
            m for m in pair if m["kind"] in INVESTING_KINDS] or [original]
        for member in pair:
            member.update(kind=decided[0]["kind"], kind_cue=decided[0]["kind_cue"])
        for field in ("investor", "investor_id", "investors", "recipient", "recipient_id", "target"):
            for member, partner in (pair, pair[::-1]):
                if not member[field] and partner[field]:
                    member[field] = partner[field]
        by_currency = {original["currency"]: original, row["currency"]: row}
        if set(by_currency) != {"EUR", "USD"}:
            continue
        eur, usd = by_currency["EUR"], by_currency["USD"]
        eur_value = eur["value"] if eur["value"] is not None else eur["low"]
        usd_value = usd["value"] if usd["value"] is not None else usd["low"]
        if not eur_value or not usd_value:
            continue
        for member in (eur, usd):
            member.update(value_eur=eur_value, value_usd=usd_value, fx_date="article")
        eur["fx_rate"], usd["fx_rate"] = 1.0, usd_value / eur_value


def annotate_text(text: str, lang: str, article_date: str = "") -> list[dict]:
    """``annotate_amounts`` on one text, running what it needs (NER, sentences, money, hardware):
    for a notebook, and for the examples beside the rules."""
    from ..pipeline.models import entity_pipeline
    from .entities import entities_from_doc
    from .hardware import extract_hardware
    from .money import extract_amounts

    hardware = extract_hardware(text, lang)
    doc = entity_pipeline(lang)(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return annotate_amounts(text, lang, article_date, extract_amounts(text, lang=lang),
                            entities_from_doc(doc, lang, hardware), sentences, hardware=hardware)
