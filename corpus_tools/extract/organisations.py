"""Organisations that no list names: candidate spans, the constructions around them, a learned scorer.

The small models miss most start-ups, funds and public bodies of money news, or label them as
places and people. Every name-like span of a sentence (runs of capitalised words, the model's own
entities, public bodies such as "communauté urbaine de X") becomes a candidate; each candidate gets
features from the constructions of its language (``lang/<lang>/organisations.py``: "la start-up X",
"led by X, Y and Z", "X Capital", "X SAS", "X, a Paris-based startup", "according to X"), from its
shape and from the model's label. A logistic regression fitted on ``../shared/train/news`` by
``bench/train_organisations.py`` (weights in ``data/organisation_scorer.json``) keeps the candidates
that are organisations; overlapping candidates give way to the better one. Names of the gazetteer are
kept as they are (they are found before the model runs) and never enter the scorer, so what the
scorer learns does not depend on the list.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..lang import resource

WEIGHTS_FILE = "organisation_scorer.json"
_LEFT_CHARS = 80
_MAX_RUN_TOKENS = 8
_LIST_STEPS = 40


@dataclass(frozen=True)
class Candidate:
    """A span of tokens that may name an organisation, with the features the scorer reads."""

    start: int  # token offsets in the Doc
    end: int
    features: tuple[str, ...]
    listed: bool  # found by the gazetteer before the model ran


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Cues:
    descriptor_adjacent: re.Pattern
    descriptor_near: re.Pattern
    role_adjacent: re.Pattern
    source_before: re.Pattern
    apposition_after: re.Pattern
    based_before: re.Pattern
    backed_after: re.Pattern
    public_head: re.Pattern
    public_body: re.Pattern
    connectors: tuple[tuple[str, ...], ...]
    joiners: frozenset[str]
    determiners: frozenset[str]
    legal_forms: frozenset[str]
    name_heads: frozenset[str]
    name_words: frozenset[str]
    descriptor_apposed: re.Pattern
    not_heads: frozenset[str]
    not_descriptor: re.Pattern
    person_cues: frozenset[str]
    person_after: re.Pattern
    place_cues: frozenset[str]
    calendar: frozenset[str]


@lru_cache(maxsize=None)
def cues(lang: str) -> _Cues:
    words = resource(lang, "organisations")
    descriptors = _alternation(words.DESCRIPTORS)
    adjective = r"[^\W\d][\w'’-]*"
    inner_name = r"[A-ZÀÂÉÈÊÎÔÛÇ][\w'’&-]*"
    return _Cues(
        descriptor_adjacent=re.compile(rf"(?:^|[^\w-])(?:{descriptors})\s*$"),
        descriptor_near=re.compile(rf"(?:^|[^\w-])(?:{descriptors})(?:\s+{adjective}){{1,2}}\s*$"),
        role_adjacent=re.compile(rf"(?:^|\W)(?:{_alternation(words.ROLE_FRAMES)})\s*$"),
        source_before=re.compile(rf"(?:^|\W)(?:{_alternation(words.SOURCE_FRAMES)})\s*(?:l['’]|le |la |the )?$"),
        apposition_after=re.compile(rf"^\s*,\s*(?:{_alternation(words.APPOSITION_DETERMINERS)})\s+"
                                    rf"(?:(?!(?:de|du|des|d|of|at|in|for|from)\b)[\w'’-]+\s+){{0,3}}?"
                                    rf"(?:{descriptors})\b", re.IGNORECASE),
        based_before=re.compile(r"\w-(?:based|backed|owned|headquartered|born)\s+(?:[\w-]+\s+){0,2}$|"
                                r"\b(?:basée?s?|installée?s?|implantée?s?) à [\w' -]+,?\s*$"),
        backed_after=re.compile(r"^(?:-(?:backed|owned|led|funded)\b|\s*,\s*(?:basée?|installée?|implantée?|"
                                r"fondée?|créée?|headquartered|based|founded)\b)"),
        public_head=re.compile(rf"(?:{_alternation(words.PUBLIC_HEADS)})\b"),
        public_body=re.compile(rf"(?<!\w)(?:(?i:{_alternation(words.PUBLIC_HEADS)})|{_alternation(words.TERRITORY_HEADS)})"
                               rf"(?:\s+(?!(?:de|du|des|d|of|for|the)\b)[a-zà-ÿ][\w'’-]*){{0,2}}"
                               rf"(?:\s+(?P<connector>(?i:de la|de l['’]|d['’]|de|du|des|of the|of|for)))?\s*{inner_name}"
                               rf"(?:\s+(?:(?:de la|de l['’]|d['’]|de|du|des|of|for|&)\s*)?{inner_name})*"),
        connectors=tuple(sorted((tuple(c.split()) for c in words.NAME_CONNECTORS), key=len, reverse=True)),
        joiners=frozenset(words.LIST_JOINERS) | frozenset(c for c in words.NAME_CONNECTORS if " " not in c),
        determiners=frozenset(words.DETERMINERS),
        legal_forms=frozenset(words.LEGAL_FORMS),
        name_heads=frozenset(words.NAME_HEADS),
        name_words=frozenset(words.NAME_WORDS),
        descriptor_apposed=re.compile(rf"(?:^|[^\w-])(?:{descriptors})(?:\s+[\w'’-]+){{0,4}}\s*,\s*$"),
        not_heads=frozenset(words.NOT_ORGANISATION_HEADS),
        not_descriptor=re.compile(rf"(?:^|[^\w-])(?:{_alternation(words.NOT_ORGANISATION_HEADS)})\s*$"),
        person_cues=frozenset(words.PERSON_CUES),
        person_after=re.compile(rf"^\s*(?:,\s*(?:(?:the|le|la|son|sa|its|his|her)\s+)?(?:[\w-]+\s+){{0,2}}?"
                                rf"(?:{_alternation(words.PERSON_CUES)})\b|\(\d{{2}}\s*(?:ans|years?)?\))",
                                re.IGNORECASE),
        place_cues=frozenset(words.PLACE_CUES),
        calendar=frozenset(words.CALENDAR_WORDS),
    )


def _name_like(token) -> bool:
    text = token.text
    first = text[:1]
    if first.isupper():
        return True
    return first.isdigit() and any(c.isalpha() for c in text) and not text.isdigit()


def _shape(text: str) -> str:
    shape = re.sub(r"[A-ZÀ-Þ]+", "X", re.sub(r"[a-zß-ÿ]+", "x", re.sub(r"\d+", "d", text)))
    return shape[:12]


def _headline(text: str, position: int) -> bool:
    """A short line whose words are mostly capitalised: a title or a menu, where capitals say nothing."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    words = text[line_start:line_end if line_end != -1 else len(text)].split()
    alphabetic = [w for w in words if w[:1].isalpha() and len(w) > 3]
    return 2 <= len(words) <= 12 and len(alphabetic) >= 2 and \
        sum(w[0].isupper() for w in alphabetic) >= 0.75 * len(alphabetic)


def _adjective_like(token) -> bool:
    """A word that can qualify a descriptor ("nantaise", "américain"): not a function word, not a
    participle or a verb form that would start a new clause."""
    text = token.lower_
    return token.is_alpha and not token.is_stop and text[:1].islower() and \
        not text.endswith(("é", "ée", "és", "ées", "ed", "ait", "ent"))


def _ends_sentence(token, legal_forms) -> bool:
    text = token.text
    return text.endswith(".") and len(text) > 2 and text not in legal_forms


def _runs(doc, sentence, connectors, legal_forms) -> list[tuple[int, int, list[int]]]:
    """Maximal runs of name-like tokens in a sentence, with the offsets of the connectors inside."""
    runs, i, end = [], sentence.start, sentence.end
    while i < end:
        if not _name_like(doc[i]):
            i += 1
            continue
        j, inner = i + 1, []
        while j < end and j - i < _MAX_RUN_TOKENS and not _ends_sentence(doc[j - 1], legal_forms):
            if _name_like(doc[j]):
                j += 1
                continue
            for connector in connectors:
                k = j + len(connector)
                if k < end and tuple(t.lower_ for t in doc[j:k]) == connector and _name_like(doc[k]):
                    inner.append((j, k))
                    j = k
                    break
            else:
                break
        runs.append((i, j, inner))
        i = j
    return runs


def _spans_of_run(start: int, end: int, inner: list[tuple[int, int]], doc, determiners) -> set[tuple[int, int]]:
    """The run, the run without a leading determiner, and its parts between connectors."""
    spans = {(start, end)}
    first = start
    while end - first > 1 and (doc[first].lower_ in determiners or doc[first].is_stop):
        first += 1  # "Selon Les Echos": a capitalised word that starts the sentence, then an article
        spans.add((first, end))
    cuts = [start] + [x for pair in inner for x in pair] + [end]
    parts = [(cuts[n], cuts[n + 1]) for n in range(0, len(cuts), 2)]
    if len(parts) > 1:
        spans |= set(parts)
        for n in range(1, len(parts)):
            spans.add((start, parts[n][1]) if n < len(parts) - 1 else (parts[n - 1][0], end))
    return {(s, e) for s, e in spans if e > s}


def candidates(doc, lang: str, hardware: tuple[tuple[int, int], ...] = ()) -> list[Candidate]:
    """Every span of ``doc`` that may be an organisation, with its features. ``hardware``: character
    spans of hardware mentions (products named after their maker are not organisations)."""
    c = cues(lang)
    text = doc.text
    entity_of = {}
    token_entity = {}
    listed_tokens = set()
    for ent in doc.ents:
        listed = bool(ent.kb_id_)
        entity_of[(ent.start, ent.end)] = "gazetteer" if listed else ent.label_
        for t in range(ent.start, ent.end):
            token_entity[t] = "gazetteer" if listed else ent.label_
            if listed:
                listed_tokens.add(t)
    lowercase_words = {t.lower_ for t in doc if t.text[:1].islower()}
    name_tokens: dict[str, int] = {}
    for token in doc:
        if _name_like(token):
            name_tokens[token.text] = name_tokens.get(token.text, 0) + 1
    context = (entity_of, token_entity, lowercase_words, name_tokens, hardware)
    spans: dict[tuple[int, int], None] = {}
    for sentence in doc.sents:
        for start, end, inner in _runs(doc, sentence, c.connectors, c.legal_forms):
            for span in sorted(_spans_of_run(start, end, inner, doc, c.determiners)):
                spans[span] = None
    for ent in doc.ents:
        spans[(ent.start, ent.end)] = None
        if ent.end - ent.start > 1 and doc[ent.start].lower_ in c.determiners:
            spans[(ent.start + 1, ent.end)] = None
    public_bodies = set()
    for m in c.public_body.finditer(text):
        if m.group(0)[0].islower() and not m.group("connector"):
            continue  # "la banque X" is a descriptor before a name, "ministère de X" a name
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None and len(span):
            spans[(span.start, span.end)] = None
            public_bodies.add((span.start, span.end))
    found = []
    for start, end in spans:
        span = doc[start:end]
        if not any(ch.isalpha() for ch in span.text):
            continue
        listed = entity_of.get((start, end)) == "gazetteer"
        if not listed and any(t in listed_tokens for t in range(start, end)):
            continue  # a part of a listed name, or a run around one: the gazetteer decides there
        features = _features(doc, span, c, *context)
        if (start, end) in public_bodies:
            features = tuple(f for f in features if f not in ("lower_word", "lowercase_start")) + ("public_body",)
        found.append(Candidate(start, end, features, listed))
    return sorted(_with_document_evidence(doc, found), key=lambda x: (x.start, x.end))


# Evidence that holds for a name wherever it occurs in the document: "Kendall, chief executive"
# in one sentence says that "Alex Kendall" in another is a person.
_DOCUMENT_FEATURES = frozenset({"person_cue", "person_after", "last_word_alone", "descriptor", "descriptor_near",
                                "descriptor_qualified", "descriptor_apposed",
                                "role", "role_list", "apposition", "based_backed", "source", "place_cue",
                                "legal_form", "hardware"})


def _with_document_evidence(doc, found: list[Candidate]) -> list[Candidate]:
    evidence: dict[str, set[str]] = {}
    for candidate in found:
        name = doc[candidate.start:candidate.end].text
        labels = {f for f in candidate.features if f.startswith("ner=")}
        evidence.setdefault(name, set()).update((_DOCUMENT_FEATURES & set(candidate.features)) | labels)
    return [Candidate(x.start, x.end, x.features + tuple(sorted(f"doc:{f}" for f in
                                                              evidence[doc[x.start:x.end].text])), x.listed)
            for x in found]


def _features(doc, span, c: _Cues, entity_of, token_entity, lowercase_words, name_tokens, hardware
              ) -> tuple[str, ...]:
    text = doc.text
    sentence = span.sent
    left = text[max(sentence.start_char, span.start_char - _LEFT_CHARS):span.start_char]
    left_lower = left.lower()
    right = text[span.end_char:min(sentence.end_char, span.end_char + _LEFT_CHARS)]
    words = [t.text for t in span]
    lower = [w.lower() for w in words]
    n = len(words)
    f = [f"len={min(n, 5)}", f"shape={_shape(span.text)}"]
    label = entity_of.get((span.start, span.end))
    if label:
        f.append(f"ner={label}")
    else:
        overlapping = {token_entity[t] for t in range(span.start, span.end) if t in token_entity}
        f += [f"ner~{x}" for x in sorted(overlapping)] or ["ner=none"]
        if overlapping and span.start > 0 and span.start - 1 in token_entity and \
                token_entity[span.start - 1] in overlapping:
            f.append("inside_entity")
    # The small models call unknown one-word start-ups people, and people "First Last": the
    # label means something else for one word and for two.
    f += [f"{x}|len={min(n, 3)}" for x in f if x.startswith(("ner=", "ner~"))]
    if span.start == sentence.start or (span.start > 0 and doc[span.start - 1].is_punct and
                                        doc[span.start - 1].text in "\"«“(:"):
        f.append("sentence_start")
    if all(w.isupper() and len(w) > 1 for w in words if w.isalpha()):
        f.append("all_caps")
    if any(any(ch.isupper() for ch in w[1:]) and any(ch.islower() for ch in w) for w in words):
        f.append("camel")
    if any(ch.isdigit() for ch in span.text):
        f.append("digit")
    if any(w[:1].islower() and w.lower() not in c.joiners for w in words):
        f.append("lower_word")
    if lower[0] in c.determiners:
        f.append("determiner_start")
    if words[0][:1].islower():
        f.append("lowercase_start")
    if span[0].is_stop:
        f.append("stop_start")
    if n == 1 and lower[0] in lowercase_words:
        f.append("common_word")
    if lower[0] in c.calendar or lower[-1] in c.calendar:
        f.append("calendar")
    if words[-1] in c.legal_forms or words[-1].rstrip(".") in c.legal_forms:
        f.append("legal_form")
    if n > 1 and (words[-1] in c.name_heads or " ".join(words[-2:]) in c.name_heads):
        f.append("name_head")
    if n > 1 and words[-1] in c.name_words:
        f.append("name_word")
    if n == 1 and (words[0] in c.name_heads or words[0] in c.name_words):
        f.append("head_alone")
    if all(w in c.person_cues or w in c.joiners for w in lower):
        f.append("role_words")  # "Vice President", "Senior VP"
    if _headline(text, span.start_char):
        f.append("headline")
    if lower[0] in c.not_heads or lower[-1] in c.not_heads or any(w.isdigit() and len(w) == 4 for w in words):
        f.append("not_organisation_head")
    if c.public_head.match(span.text.lower()):
        f.append("public_head")
    if c.not_descriptor.search(left_lower):
        f.append("not_organisation_descriptor")  # "le sommet X", "the programme X"
    if c.descriptor_adjacent.search(left_lower):
        f.append("descriptor")
    elif c.descriptor_near.search(left_lower):
        between = [t for t in doc[max(sentence.start, span.start - 2):span.start]]
        qualifiers = between[-1:] if c.descriptor_adjacent.search(doc.text[sentence.start_char:between[-1].idx].lower()) \
            else between
        if all(_adjective_like(t) for t in qualifiers):
            f.append("descriptor_qualified")  # "la jeune pousse nantaise X", "le fonds américain X"
        else:
            f.append("descriptor_near")
    elif c.descriptor_apposed.search(left_lower):
        f.append("descriptor_apposed")  # "la pépite française du quantique, X,"
    if c.role_adjacent.search(left_lower):
        f.append("role")
    elif _in_list_after_role(doc, span, c):
        f.append("role_list")
    if c.source_before.search(left_lower):
        f.append("source")
    if c.apposition_after.search(right):
        f.append("apposition")
    if c.based_before.search(left) or c.backed_after.search(right):
        f.append("based_backed")
    previous = doc[span.start - 1].lower_ if span.start > sentence.start else "<s>"
    following = doc[span.end].lower_ if span.end < sentence.end else "</s>"
    if previous in c.person_cues:
        f.append("person_cue")
    if c.person_after.search(right):
        f.append("person_after")
    if n > 1:
        f += [f"first={words[0]}", f"last={words[-1]}"]
        if name_tokens.get(words[-1], 0) > text.count(span.text) and words[-1] not in c.name_heads:
            f.append("last_word_alone")  # "Kendall said": people are named again by their surname
    if any(span.start_char < h_end and h_start < span.end_char for h_start, h_end in hardware):
        f.append("hardware")
    if previous in c.place_cues:
        f.append("place_cue")
    f += [f"prev={previous}", f"next={following}"]
    if span.start - 2 >= sentence.start:
        f.append(f"prev2={doc[span.start - 2].lower_}_{previous}")
    if text.count(span.text) > 1:
        f.append("repeated")
    if n > 1 and span.end < sentence.end and _name_like(doc[span.end]):
        f.append("cut_right")
    if span.start > sentence.start and _name_like(doc[span.start - 1]) and previous not in c.determiners \
            and not doc[span.start - 1].is_stop:
        f.append("cut_left")
    return tuple(f)


def _in_list_after_role(doc, span, c: _Cues) -> bool:
    """"led by X, Y and Z": walk left over names and joiners to a role frame."""
    k, sentence, stepped = span.start - 1, span.sent, False
    while k >= sentence.start and span.start - k < _LIST_STEPS:
        token = doc[k]
        if token.lower_ in c.joiners or _name_like(token) or token.text in "()":
            k -= 1
            stepped = True
            continue
        break
    if not stepped or k < sentence.start:
        return False
    left = doc.text[max(sentence.start_char, doc[k].idx - _LEFT_CHARS):doc[k].idx + len(doc[k].text)].lower()
    return bool(c.role_adjacent.search(left))


@lru_cache(maxsize=1)
def scorer_weights() -> dict:
    """{lang: {"bias", "threshold", "weights"}} as written by bench/train_organisations.py."""
    path = resources.files("corpus_tools.data").joinpath(WEIGHTS_FILE)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


_PERSON_LABELS = frozenset({"ner=PER", "ner=PERSON", "doc:ner=PER", "doc:ner=PERSON"})
_PERSON_EVIDENCE = frozenset({"doc:last_word_alone", "doc:person_cue", "doc:person_after"})
_ORGANISATION_FORM = frozenset({"name_head", "legal_form", "public_head"})


def looks_like_a_person(candidate: Candidate) -> bool:
    """"First Last" that the model calls a person and the text treats as one (named again by the
    surname alone, or with a title or a role): a person, whatever else the context says."""
    features = set(candidate.features)
    return bool(features & _PERSON_LABELS and features & _PERSON_EVIDENCE and not features & _ORGANISATION_FORM
                and ("len=2" in features or "len=3" in features))


# Constructions that name an organisation on their own ("X Capital", "X SAS", "Région X") and those
# that announce one ("la start-up X", "led by X, Y and Z", "X, a Paris-based startup", "selon X"):
# a whole run of capitalised words in such a place is an organisation, whatever the model says.
_NAMING_FORMS = frozenset({"name_head", "legal_form", "public_body"})
_ANNOUNCING = frozenset({"descriptor", "descriptor_qualified", "descriptor_apposed", "role", "role_list", "apposition", "based_backed", "source"})
_NEVER = frozenset({"person_after", "head_alone", "lowercase_start", "role_words", "headline", "not_organisation_head", "not_organisation_descriptor", "hardware", "calendar", "person_cue",
                    "place_cue", "lower_word"})


def rule_says_organisation(candidate: Candidate) -> bool:
    features = set(candidate.features)
    if features & _NEVER or "cut_right" in features or "cut_left" in features or looks_like_a_person(candidate):
        return False
    if features & _NAMING_FORMS:
        return True
    if features & {"descriptor", "descriptor_qualified", "apposition"}:  # "the startup X": the construction outweighs the model's label
        return True
    return bool(features & _ANNOUNCING) and not features & {"ner=LOC", "ner=GPE", "ner=NORP", "ner=DATE"}


def score(candidate: Candidate, lang: str) -> float:
    if looks_like_a_person(candidate) or {"not_organisation_head", "not_organisation_descriptor"} & set(candidate.features):
        return 0.0
    if rule_says_organisation(candidate):
        return 1.0
    model = scorer_weights().get(lang)
    if model is None:
        return 1.0 if "ner=ORG" in candidate.features else 0.0
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in candidate.features)
    return 1.0 / (1.0 + math.exp(-z))


def organisation_spans(doc, lang: str, hardware: tuple[tuple[int, int], ...] = (),
                       acronyms: dict[str, str] | None = None) -> list[tuple[int, int, float]]:
    """Token spans (start, end, score) chosen as organisations: every listed name, then the best
    scoring candidates above the language's threshold that overlap nothing chosen before. A name
    takes the best score of its mentions in the document: an organisation in one sentence is one
    in the next. An acronym the text defines ("Jülich Quantum Computing Lab (JQCL)") is an
    organisation wherever its long form is one."""
    model = scorer_weights().get(lang, {})
    threshold = model.get("threshold", 0.5)
    chosen, taken = [], set()
    scored, best = [], {}
    for candidate in candidates(doc, lang, hardware):
        if candidate.listed:
            chosen.append((candidate.start, candidate.end, 1.0))
            taken.update(range(candidate.start, candidate.end))
        else:
            probability = score(candidate, lang)
            name = doc[candidate.start:candidate.end].text
            best[name] = max(best.get(name, 0.0), probability)
            scored.append((probability, candidate.end - candidate.start, candidate, name))
    scored = [(best[name], size, candidate) for _, size, candidate, name in scored]
    acronyms = acronyms or {}
    organisation_names = {doc[c.start:c.end].text for p, _, c in scored if p >= threshold}
    organisation_names |= {doc[start:end].text for start, end, _ in chosen}
    scored = [(1.0 if any(acronyms.get(doc[c.start:c.end].text, "\0") in name for name in organisation_names)
               else p, size, c) for p, size, c in scored]
    for probability, _, candidate in sorted(scored, key=lambda x: (-x[0], -x[1], x[2].start)):
        if probability < threshold:
            break
        tokens = range(candidate.start, candidate.end)
        if any(t in taken for t in tokens):
            continue
        chosen.append((candidate.start, candidate.end, probability))
        taken.update(tokens)
    return sorted(chosen)
