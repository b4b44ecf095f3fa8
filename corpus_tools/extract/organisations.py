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
_PRONOUN_STEPS = 6
_HEADLINE_WORDS = 24


@dataclass(frozen=True)
class Candidate:
    """A span of tokens that may name an organisation, with the features the scorer reads."""

    start: int  # token offsets in the Doc
    end: int
    text: str
    features: tuple[str, ...]
    listed: bool  # found by the gazetteer before the model ran


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Ending:
    """A construction that ends the text before a name ("la start-up", "led by"), and the phrases
    one of which that text must end with, once trailing spaces, an optional comma, an optional
    article and up to ``words_after`` words are set aside. Most texts end with none of them: that
    string test spares a regex search that scans the whole window."""

    pattern: re.Pattern
    phrases: tuple[str, ...]
    words_after: int = 0
    comma: bool = False
    articles: tuple[str, ...] = ()

    def search(self, left: str):
        if not self._could_end(left):
            return None
        return self.pattern.search(left)

    def _could_end(self, left: str) -> bool:
        tail = left.rstrip()
        if self.comma:
            if not tail.endswith(","):
                return False
            tail = tail[:-1].rstrip()
        heads = [tail] + [(tail.rsplit(None, k) or [""])[0] for k in range(1, self.words_after + 1)]
        if self.articles:
            bare = left[:-1] if left.endswith("\n") else left
            heads += [bare[:-len(a)].rstrip() for a in self.articles if bare.endswith(a)]
        return any(head.endswith(self.phrases) for head in heads)


def _ending(pattern: str, phrases, **options) -> _Ending:
    return _Ending(re.compile(pattern), tuple(p.lower() for p in phrases), **options)


@dataclass(frozen=True)
class _Cues:
    descriptor_adjacent: _Ending
    descriptor_near: _Ending
    role_adjacent: _Ending
    source_before: _Ending
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
    descriptor_apposed: _Ending
    not_heads: frozenset[str]
    not_descriptor: _Ending
    person_cues: frozenset[str]
    nationality_before: _Ending
    nationalities: frozenset[str]
    government: re.Pattern
    person_after: re.Pattern
    place_cues: frozenset[str]
    calendar: frozenset[str]
    person_frame: re.Pattern
    title_words: frozenset[str]
    product_frame: _Ending
    place_of_based: re.Pattern
    source_after: re.Pattern
    person_pronouns: frozenset[str]


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    text = resources.files("corpus_tools.lang.common").joinpath("currencies.tsv").read_text(encoding="utf-8")
    return frozenset(line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries, regions and large cities (``lang/common/places.txt``)."""
    text = resources.files("corpus_tools.lang.common").joinpath("places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def cues(lang: str) -> _Cues:
    words = resource(lang, "organisations")
    descriptors = _alternation(words.DESCRIPTORS)
    adjective = r"[^\W\d][\w'’-]*"
    inner_name = r"[A-ZÀÂÉÈÊÎÔÛÇ][\w'’&-]*"
    return _Cues(
        descriptor_adjacent=_ending(rf"(?:^|[^\w-])(?:{descriptors})\s*$", words.DESCRIPTORS),
        descriptor_near=_ending(rf"(?:^|[^\w-])(?:{descriptors})(?:\s+{adjective}){{1,2}}\s*$", words.DESCRIPTORS,
                                words_after=2),
        role_adjacent=_ending(rf"(?:^|\W)(?:{_alternation(words.ROLE_FRAMES)})\s*$", words.ROLE_FRAMES),
        source_before=_ending(rf"(?:^|\W)(?:{_alternation(words.SOURCE_FRAMES)})\s*(?:l['’]|le |la |the )?$",
                              words.SOURCE_FRAMES, articles=("l'", "l’", "le ", "la ", "the ")),
        apposition_after=re.compile(rf"^\s*,\s*(?:{_alternation(words.APPOSITION_DETERMINERS)})\s+"
                                    rf"(?:(?!(?:de|du|des|d|of|at|in|for|from)\b)[\w'’-]+\s+){{0,3}}?"
                                    rf"(?:{descriptors})\b", re.IGNORECASE),
        based_before=re.compile(r"\w-(?:based|backed|owned|headquartered|born)\s+(?:[\w-]+\s+){0,2}$|"
                                r"\b(?:basée?s?|installée?s?|implantée?s?) à [\w' -]+,?\s*$"),
        backed_after=re.compile(r"^(?:-(?:backed|owned|led|funded)\b|\s*,\s*(?:basée?|installée?|implantée?|"
                                r"fondée?|créée?|headquartered|based|founded)\b)"),
        public_head=re.compile(rf"(?:{_alternation(words.PUBLIC_HEADS)})\b"),
        public_body=re.compile(rf"(?<!\w)(?:(?i:{_alternation(words.PUBLIC_HEADS)})|{_alternation(words.TERRITORY_HEADS)})"
                               rf"(?P<gap>(?:\s+(?!(?:de|du|des|d|of|for|the)\b)[a-zà-ÿ][\w'’-]*){{0,2}})"
                               rf"(?:\s+(?P<connector>(?i:de la|de l['’]|d['’]|de|du|des|of the|of|for)))?\s*{inner_name}"
                               rf"(?:\s+(?:(?:de la|de l['’]|d['’]|de|du|des|of|for|&)\s*)?{inner_name})*"),
        connectors=tuple(sorted((tuple(c.split()) for c in words.NAME_CONNECTORS), key=len, reverse=True)),
        joiners=frozenset(words.LIST_JOINERS) | frozenset(c for c in words.NAME_CONNECTORS if " " not in c),
        determiners=frozenset(words.DETERMINERS),
        legal_forms=frozenset(words.LEGAL_FORMS),
        name_heads=frozenset(words.NAME_HEADS),
        name_words=frozenset(words.NAME_WORDS),
        descriptor_apposed=_ending(rf"(?:^|[^\w-])(?:{descriptors})(?:\s+[\w'’-]+){{0,4}}\s*,\s*$", words.DESCRIPTORS,
                                   words_after=4, comma=True),
        not_heads=frozenset(words.NOT_ORGANISATION_HEADS),
        not_descriptor=_ending(rf"(?:^|[^\w-])(?:{_alternation(words.NOT_ORGANISATION_HEADS)})\s*$",
                               words.NOT_ORGANISATION_HEADS),
        person_cues=frozenset(words.PERSON_CUES),
        nationality_before=_ending(rf"(?:^|\W)(?:l['’]|le |la |les |the )(?:{_alternation(w.lower() for w in words.NATIONALITIES)})\s*$",
                                   words.NATIONALITIES),
        nationalities=frozenset(words.NATIONALITIES) | frozenset(w.capitalize() for w in words.NATIONALITIES),
        government=re.compile(words.GOVERNMENT.format(nationality=_alternation(words.NATIONALITIES))),
        person_after=re.compile(rf"^\s*(?:,\s*(?:(?:the|le|la|son|sa|its|his|her)\s+)?(?:[\w-]+\s+){{0,2}}?"
                                rf"(?:{_alternation(words.PERSON_CUES)})\b|\(\d{{2}}\s*(?:ans|years?)?\))",
                                re.IGNORECASE),
        place_cues=frozenset(words.PLACE_CUES),
        calendar=frozenset(words.CALENDAR_WORDS),
        person_frame=re.compile(rf"(?:^|\W)(?:{'|'.join(words.PERSON_FRAMES)})\s*$"),
        person_pronouns=frozenset(words.PERSON_PRONOUNS),
        title_words=frozenset(w for cue in words.PERSON_CUES for w in cue.split()),
        product_frame=_ending(rf"(?:^|\W)(?:{_alternation(words.PRODUCT_FRAMES)})\s*$", words.PRODUCT_FRAMES),
        place_of_based=re.compile(r"^\s*,\s*[A-Z][\w.’']*(?:\s+[A-Z][\w.’']*)?-(?:based|headquartered)\b"),
        source_after=re.compile(rf"^\s*,?\s*(?:{_alternation(words.SOURCE_VERBS_AFTER)})\b"),
    )


def _name_like(text: str) -> bool:
    first = text[:1]
    if first.isupper():
        return True
    return first.isdigit() and any(c.isalpha() for c in text) and not text.isdigit()


# "Ont.-based", "Sequoia-backed": a premodifier that ends a place or a backer, never a word of a name.
_PREMODIFIER = re.compile(r"-(?:based|backed|owned|headquartered|born|funded|led)$", re.IGNORECASE)


def _shape(text: str) -> str:
    shape = re.sub(r"[A-ZÀ-Þ]+", "X", re.sub(r"[a-zß-ÿ]+", "x", re.sub(r"\d+", "d", text)))
    return shape[:12]


def _headline(text: str, position: int, known: dict[int, bool]) -> bool:
    """A short line whose words are mostly capitalised: a title or a menu, where capitals say nothing."""
    line_start = text.rfind("\n", 0, position) + 1
    if line_start in known:
        return known[line_start]
    line_end = text.find("\n", position)
    line = text[line_start:line_end if line_end != -1 else len(text)].strip()
    words = line.split()
    # Titles run up to two dozen words; a line that ends as a sentence does is prose.
    if len(words) > _HEADLINE_WORDS or line.endswith((".", ";", ",")):
        known[line_start] = False
        return False
    alphabetic = [w for w in words if w[:1].isalpha() and len(w) > 3]
    known[line_start] = 2 <= len(words) and len(alphabetic) >= 2 and \
        sum(w[0].isupper() for w in alphabetic) >= 0.75 * len(alphabetic)
    return known[line_start]


class _Tokens:
    """The token attributes the features read, copied once from the Doc: indexing a Doc builds a
    Token object each time, which costs more than the features themselves."""

    def __init__(self, doc, text: str | None = None):
        self.text = doc.text if text is None else text
        attributes = [(t.text, t.lower_, t.idx, t.is_stop, t.is_alpha, t.is_sent_start) for t in doc]
        self.words, self.lower, self.starts, self.stop, self.alpha, sentence_starts = \
            (list(column) for column in zip(*attributes)) if attributes else ([], [], [], [], [], [])
        self.name_like = [_name_like(w) and not ("-" in w and _PREMODIFIER.search(w)) for w in self.words]
        # token -> (start, end) of its sentence
        starts = [0] + [i for i, first in enumerate(sentence_starts) if first and i > 0] + [len(self.words)]
        self.sentence_of: list[tuple[int, int]] = []
        for start, end in zip(starts, starts[1:]):
            self.sentence_of += [(start, end)] * (end - start)

    def start_char(self, token: int) -> int:
        return self.starts[token] if token < len(self.starts) else len(self.text)

    def end_char(self, token: int) -> int:
        return self.starts[token] + len(self.words[token])


def _adjective_like(tokens: _Tokens, i: int) -> bool:
    """A word that can qualify a descriptor ("nantaise", "américain"): not a function word, not a
    participle or a verb form that would start a new clause."""
    text = tokens.lower[i]
    return tokens.alpha[i] and not tokens.stop[i] and tokens.words[i][:1].islower() and \
        not text.endswith(("é", "ée", "és", "ées", "ed", "ait", "ent"))


def _ends_sentence(word: str, legal_forms) -> bool:
    return word.endswith(".") and len(word) > 2 and word not in legal_forms


def _runs(tokens: _Tokens, start: int, end: int, connectors, legal_forms) -> list[tuple[int, int, list]]:
    """Maximal runs of name-like tokens in a sentence, with the offsets of the connectors inside."""
    runs, i = [], start
    name_like, lower, words = tokens.name_like, tokens.lower, tokens.words
    while i < end:
        if not name_like[i]:
            i += 1
            continue
        j, inner = i + 1, []
        while j < end and j - i < _MAX_RUN_TOKENS and not _ends_sentence(words[j - 1], legal_forms):
            if name_like[j] or _elided_inside(tokens, j):
                j += 1
                continue
            for connector in connectors:
                k = j + len(connector)
                if k < end and tuple(lower[j:k]) == connector and name_like[k]:
                    inner.append((j, k))
                    j = k
                    break
            else:
                break
        runs.append((i, j, inner))
        i = j
    return runs


def _elided_inside(tokens: _Tokens, i: int) -> bool:
    """"Wa’ed": the tokenizer cuts after the apostrophe; the rest of the word belongs to the name."""
    previous = tokens.words[i - 1]
    return previous.endswith(("’", "'")) and len(previous) > 2 and tokens.name_like[i - 1] \
        and tokens.starts[i] == tokens.starts[i - 1] + len(previous) and tokens.alpha[i]


def _spans_of_run(start: int, end: int, inner: list, tokens: _Tokens, determiners, nationalities
                  ) -> set[tuple[int, int]]:
    """The run, the run without a leading determiner or nationality ("The Finnish X"), and its parts
    between connectors."""
    spans = {(start, end)}
    first = start
    while end - first > 1 and (tokens.lower[first] in determiners or tokens.stop[first]
                               or tokens.words[first] in nationalities):
        first += 1  # "Selon Les Echos": a capitalised word that starts the sentence, then an article
        spans.add((first, end))
    cuts = [start] + [x for pair in inner for x in pair] + [end]
    parts = [(cuts[n], cuts[n + 1]) for n in range(0, len(cuts), 2)]
    if len(parts) > 1:
        spans |= set(parts)
        for n in range(1, len(parts)):
            spans.add((start, parts[n][1]) if n < len(parts) - 1 else (parts[n - 1][0], end))
    return {(s, e) for s, e in spans if e > s}


def _alias_key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


@lru_cache(maxsize=1)
def _unambiguous_aliases() -> frozenset[str]:
    from .entities import alias_index, gazetteer

    ambiguous = {_alias_key(form) for organisation in gazetteer().values() for form in organisation.ambiguous}
    return frozenset(key for key in alias_index() if key not in ambiguous)


# "Londres (AFP) -", "PARIS (Reuters) —": the agencies credited at the head of a wire story.
_DATELINE_CREDIT = re.compile(r"(?:^|\n)[^\n(]{0,40}\((\w{2,12}(?:\s*/\s*\w{2,12}){0,3})\)\s*[-–—]")
_PERSON_MODEL_LABELS = frozenset({"PER", "PERSON"})
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


def candidates(doc, lang: str, hardware: tuple[tuple[int, int], ...] = (), text: str | None = None,
               vendors: tuple[tuple[int, int], ...] = ()) -> list[Candidate]:
    """Every span of ``doc`` that may be an organisation, with its features. ``hardware``: character
    spans of hardware mentions (products named after their maker are not organisations); ``vendors``:
    character spans of the maker named inside one ("AMD" in "AMD MI250X GPUs"), an organisation."""
    c = cues(lang)
    tokens = _Tokens(doc, text)
    text = tokens.text
    entity_of, token_entity, listed_tokens = {}, {}, set()
    for ent in doc.ents:
        listed = bool(ent.kb_id_)
        label = "gazetteer" if listed else ent.label_
        entity_of[(ent.start, ent.end)] = label
        for t in range(ent.start, ent.end):
            token_entity[t] = label
            if listed:
                listed_tokens.add(t)
    lowercase_words = {lower for word, lower in zip(tokens.words, tokens.lower) if word[:1].islower()}
    name_tokens: dict[str, int] = {}
    for word, name_like in zip(tokens.words, tokens.name_like):
        if name_like:
            name_tokens[word] = name_tokens.get(word, 0) + 1
    spans: dict[tuple[int, int], None] = {}
    for sentence_start, sentence_end in dict.fromkeys(tokens.sentence_of):
        for start, end, inner in _runs(tokens, sentence_start, sentence_end, c.connectors, c.legal_forms):
            for span in sorted(_spans_of_run(start, end, inner, tokens, c.determiners, c.nationalities)):
                spans[span] = None
    for ent in doc.ents:
        if ent.label_ in _NOT_NAME_LABELS:
            continue
        spans[(ent.start, ent.end)] = None
        if ent.end - ent.start > 1 and tokens.lower[ent.start] in c.determiners:
            spans[(ent.start + 1, ent.end)] = None
    public_bodies = set()
    for m in c.public_body.finditer(text):
        if m.group(0)[0].islower() and not m.group("connector"):
            continue  # "la banque X" is a descriptor before a name, "ministère de X" a name
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if not m.group("connector") and any(doc.vocab[w].is_stop for w in m.group("gap").split()):
            continue  # "Foundation models are AI systems": a clause, not "conseil régional X"
        if span is not None and len(span):
            spans[(span.start, span.end)] = None
            public_bodies.add((span.start, span.end))
    # Last words of the names the model calls people: "Kendall" alone is then a person too.
    surnames = {tokens.words[e.end - 1] for e in doc.ents if e.label_ in _PERSON_MODEL_LABELS and e.end - e.start > 1}
    for m in c.government.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is not None and len(span):
            spans[(span.start, span.end)] = None
            public_bodies.add((span.start, span.end))
    vendor_spans = set()
    for v_start, v_end in vendors:
        span = doc.char_span(v_start, v_end, alignment_mode="contract")
        if span is not None and len(span):
            spans[(span.start, span.end)] = None
            vendor_spans.add((span.start, span.end))
    datelines = set()
    for m in _DATELINE_CREDIT.finditer(text):
        for agency in re.finditer(r"\w+", m.group(1)):
            span = doc.char_span(m.start(1) + agency.start(), m.start(1) + agency.end(), alignment_mode="expand")
            if span is not None and len(span):
                spans[(span.start, span.end)] = None
                datelines.add((span.start, span.end))
    context = (entity_of, token_entity, lowercase_words, name_tokens, hardware, {}, *_context_cues(tokens, c), {},
               surnames)
    known = _unambiguous_aliases()
    found = []
    for start, end in spans:
        name = text[tokens.starts[start]:tokens.end_char(end - 1)]
        if not any(ch.isalpha() for ch in name):
            continue
        # A name of the list that the gazetteer's case rules left to the model ("afp", "Nvidia Corp")
        # is listed all the same, once the model or a construction has found it.
        listed = entity_of.get((start, end)) == "gazetteer" or (entity_of.get((start, end)) is not None
                                                                and _alias_key(name) in known)
        if not listed and any(t in listed_tokens for t in range(start, end)):
            continue  # a part of a listed name, or a run around one: the gazetteer decides there
        features = _features(tokens, start, end, name, c, *context)
        if (start, end) in datelines:  # "(awp/afp)": agencies are written in any case there
            features = tuple(f for f in features if f not in ("lower_word", "lowercase_start", "common_word")) + \
                ("dateline_source",)
        if (start, end) in public_bodies:
            features = tuple(f for f in features if f not in ("lower_word", "lowercase_start")) + ("public_body",)
        if (start, end) in vendor_spans:
            features = tuple(f for f in features if f != "hardware") + ("vendor",)
        found.append(Candidate(start, end, name, features, listed))
    return sorted(_with_document_evidence(found), key=lambda x: (x.start, x.end))


# Evidence that holds for a name wherever it occurs in the document: "Kendall, chief executive"
# in one sentence says that "Alex Kendall" in another is a person.
_DOCUMENT_FEATURES = frozenset({"person_cue", "person_after", "last_word_alone", "descriptor", "descriptor_near",
                                "descriptor_qualified", "descriptor_apposed",
                                "role", "role_list", "apposition", "based_backed", "source", "place_cue",
                                "legal_form", "hardware", "person_frame", "person_list", "pronoun_after",
                                "product_frame"})


def _with_document_evidence(found: list[Candidate]) -> list[Candidate]:
    evidence: dict[str, set[str]] = {}
    for candidate in found:
        labels = {f for f in candidate.features if f.startswith("ner=")}
        evidence.setdefault(candidate.text, set()).update((_DOCUMENT_FEATURES & set(candidate.features)) | labels)
    return [Candidate(x.start, x.end, x.text, x.features + tuple(sorted(f"doc:{f}" for f in evidence[x.text])),
                      x.listed) for x in found]


def _context_cues(tokens: _Tokens, c: _Cues):
    """The constructions before a token and after one, computed once per position: the candidates
    of a run share their starts and ends."""
    text = tokens.text

    @lru_cache(maxsize=None)
    def left_cues(start: int) -> tuple[str, ...]:
        sentence_start, _ = tokens.sentence_of[start]
        sentence_start_char, start_char = tokens.starts[sentence_start], tokens.starts[start]
        left = text[max(sentence_start_char, start_char - _LEFT_CHARS):start_char]
        left_lower = left.lower()
        f = []
        if c.not_descriptor.search(left_lower):
            f.append("not_organisation_descriptor")  # "le sommet X", "the programme X"
        if c.descriptor_adjacent.search(left_lower) or c.nationality_before.search(left_lower):
            f.append("descriptor")  # "la start-up X", "le finlandais X"
        elif c.descriptor_near.search(left_lower):
            between = list(range(max(sentence_start, start - 2), start))
            adjacent = c.descriptor_adjacent.search(text[sentence_start_char:tokens.starts[between[-1]]].lower())
            if all(_adjective_like(tokens, t) for t in (between[-1:] if adjacent else between)):
                f.append("descriptor_qualified")  # "la jeune pousse nantaise X", "le fonds américain X"
            else:
                f.append("descriptor_near")
        elif c.descriptor_apposed.search(left_lower):
            f.append("descriptor_apposed")  # "la pépite française du quantique, X,"
        if c.role_adjacent.search(left_lower):
            f.append("role")
        elif _in_list_after(tokens, start, sentence_start, c.role_adjacent, c.joiners):
            f.append("role_list")
        if c.person_frame.search(left_lower):
            f.append("person_frame")  # "founded in 2019 by X", "AI pioneer X"
        elif _in_list_after(tokens, start, sentence_start, c.person_frame, c.joiners):
            f.append("person_list")  # "Google engineers X and Y"
        if c.source_before.search(left_lower):
            f.append("source")
        if c.based_before.search(left):
            f.append("based_backed")
        if c.product_frame.search(left_lower):
            f.append("product_frame")  # "launched X", "a model called X"
        if start > sentence_start and tokens.lower[start - 1] in ("’s", "'s"):
            f.append("possessed")  # "Acme's X": a unit, a product or a person of Acme
        return tuple(f)

    @lru_cache(maxsize=None)
    def right_cues(end: int) -> tuple[str, ...]:
        _, sentence_end = tokens.sentence_of[end - 1]
        end_char = tokens.end_char(end - 1)
        right = text[end_char:min(tokens.end_char(sentence_end - 1), end_char + _LEFT_CHARS)]
        f = []
        if c.apposition_after.search(right):
            f.append("apposition")
        if c.backed_after.search(right):
            f.append("based_backed")
        if c.person_after.search(right):
            f.append("person_after")
        if c.source_after.search(right):
            f.append("source_after")  # "X reported on Monday": an outlet
        if c.place_of_based.search(right):
            f.append("place_name")  # "Burnaby, B.C.-based X": the town of a based construction
        if any(tokens.lower[t] in c.person_pronouns for t in range(end, min(sentence_end, end + _PRONOUN_STEPS))):
            f.append("pronoun_after")  # "X said he would"
        return tuple(f)

    return left_cues, right_cues


def _features(tokens: _Tokens, start: int, end: int, name: str, c: _Cues, entity_of, token_entity, lowercase_words,
              name_tokens, hardware, headlines, left_cues, right_cues, counts, surnames) -> tuple[str, ...]:
    text = tokens.text
    sentence_start, sentence_end = tokens.sentence_of[start]
    start_char, end_char = tokens.starts[start], tokens.end_char(end - 1)
    words = tokens.words[start:end]
    lower = tokens.lower[start:end]
    n = len(words)
    f = [f"len={min(n, 5)}", f"shape={_shape(name)}"]
    label = entity_of.get((start, end))
    if label:
        f.append(f"ner={label}")
    else:
        overlapping = {token_entity[t] for t in range(start, end) if t in token_entity}
        f += [f"ner~{x}" for x in sorted(overlapping)] or ["ner=none"]
        if overlapping and start > 0 and token_entity.get(start - 1) in overlapping:
            f.append("inside_entity")
    # The small models call unknown one-word start-ups people, and people "First Last": the
    # label means something else for one word and for two.
    f += [f"{x}|len={min(n, 3)}" for x in f if x.startswith(("ner=", "ner~"))]
    previous = tokens.lower[start - 1] if start > sentence_start else "<s>"
    following = tokens.lower[end] if end < sentence_end else "</s>"
    if start == sentence_start or previous in ("\"", "«", "“", "(", ":"):
        f.append("sentence_start")
    if all(w.isupper() and len(w) > 1 for w in words if w.isalpha()):
        f.append("all_caps")
    if any(any(ch.isupper() for ch in w[1:]) and any(ch.islower() for ch in w) for w in words):
        f.append("camel")
    if any(ch.isdigit() for ch in name):
        f.append("digit")
    if any(w[:1].islower() and w.lower() not in c.joiners and not _elided_inside(tokens, start + k)
           for k, w in enumerate(words)):
        f.append("lower_word")
    if lower[0] in c.determiners:
        f.append("determiner_start")
    if words[0][:1].islower():
        f.append("lowercase_start")
    if tokens.stop[start]:
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
    if n == 1 and (words[0] in c.name_heads or words[0] in c.name_words or words[0].rstrip(".") in c.legal_forms):
        f.append("head_alone")
    if all(w in c.title_words or w in c.joiners for w in lower):
        f.append("role_words")  # "Vice President", "Senior VP"
    elif n <= 3 and lower[-1] in c.title_words and following in ("at", "of", "chez", "de") and start > sentence_start \
            and previous == ",":
        f.append("role_words")  # "Jane Doe, Quantum Lead at Acme"
    elif lower[0] in c.person_cues:
        f.append("person_cue")  # "Chancellor Olaf Scholz", "CEO Jane Doe"
    if name in places() or name in c.nationalities or name in _currency_codes() or label == "LANGUAGE" or \
            (n > 2 and all(part in places() for part in re.split(r"\s+(?:&|and|et)\s+|,\s*", name))):
        f.append("place_name")  # places, nationalities, currencies, languages: never an organisation
    if n == 1 and name in surnames:
        f.append("surname")  # "Kendall" after "Alex Kendall"
    if n == 1 and len(name) > 2 and name.endswith("s") and name[:-1].isupper():
        f.append("plural_acronym")  # "CPUs", "LLMs"
    if _headline(text, start_char, headlines):
        f.append("headline")
    if lower[0] in c.not_heads or lower[-1] in c.not_heads or any(w.isdigit() and len(w) == 4 for w in words):
        f.append("not_organisation_head")
    if c.public_head.match(name.lower()):
        f.append("public_head")
    f += left_cues(start)
    f += right_cues(end)
    if previous in c.person_cues:
        f.append("person_cue")
    occurrences = counts[name] if name in counts else counts.setdefault(name, text.count(name))
    if n > 1:
        f += [f"first={words[0]}", f"last={words[-1]}"]
        if name_tokens.get(words[-1], 0) > occurrences and words[-1] not in c.name_heads:
            f.append("last_word_alone")  # "Kendall said": people are named again by their surname
    if any(start_char < h_end and h_start < end_char for h_start, h_end in hardware):
        f.append("hardware")
    if start > sentence_start and _number(tokens.words[start - 1]):
        f.append("after_number")  # "200 Gbit/s", "4,096 Acme chips": units and products
    if any(w in c.joiners and w.isalpha() for w in lower[1:-1]):
        f.append("list_inside")  # "X and Y": two names, or none
    if previous in c.place_cues or (start - 2 >= sentence_start and f"{tokens.lower[start - 2]} {previous}" in c.place_cues):
        f.append("place_cue")  # "in X", "the city of X", "près de X"
    f += [f"prev={previous}", f"next={following}"]
    if start - 2 >= sentence_start:
        f.append(f"prev2={tokens.lower[start - 2]}_{previous}")
    if occurrences > 1:
        f.append("repeated")
    if end < sentence_end and ((n > 1 and tokens.name_like[end]) or _elided_inside(tokens, end)):
        f.append("cut_right")
    if start > sentence_start and tokens.name_like[start - 1] and previous not in c.determiners \
            and not tokens.stop[start - 1]:
        f.append("cut_left")
    return tuple(dict.fromkeys(f))


def _number(word: str) -> bool:
    return word[:1].isdigit() and not any(ch.isalpha() for ch in word)


def _in_list_after(tokens: _Tokens, start: int, sentence_start: int, frame: re.Pattern | _Ending, joiners) -> bool:
    """"led by X, Y and Z", "engineers X and Y": walk left over names and joiners to a frame."""
    k, stepped = start - 1, False
    while k >= sentence_start and start - k < _LIST_STEPS:
        if tokens.lower[k] in joiners or tokens.name_like[k] or tokens.words[k] in ("(", ")"):
            k -= 1
            stepped = True
            continue
        break
    if not stepped or k < sentence_start:
        return False
    left = tokens.text[max(tokens.starts[sentence_start], tokens.starts[k] - _LEFT_CHARS):tokens.end_char(k)].lower()
    return bool(frame.search(left))


@lru_cache(maxsize=1)
def scorer_weights() -> dict:
    """{lang: {"bias", "threshold", "weights"}} as written by bench/train_organisations.py."""
    path = resources.files("corpus_tools.data").joinpath(WEIGHTS_FILE)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


_PERSON_LABELS = frozenset({"ner=PER", "ner=PERSON", "doc:ner=PER", "doc:ner=PERSON"})
_PERSON_EVIDENCE = frozenset({"doc:last_word_alone", "doc:person_cue", "doc:person_after", "doc:person_frame",
                              "doc:person_list", "doc:pronoun_after"})
_ORGANISATION_FORM = frozenset({"name_head", "legal_form", "public_head"})
_NAME_SHAPES = frozenset({"all_caps", "camel", "digit", "name_word", "descriptor", "descriptor_qualified", "list_inside"})


def looks_like_a_person(candidate: Candidate) -> bool:
    """"First Last" that the model calls a person and the text treats as one (named again by the
    surname alone, or with a title or a role): a person, whatever else the context says."""
    features = set(candidate.features)
    if not features & {"len=2", "len=3", "len=4"} or features & _ORGANISATION_FORM:  # "Jean-Marc Durand": four tokens
        return False
    if features & {"person_frame", "person_list"} and not features & _NAME_SHAPES:
        return True  # "founded in 2020 by Jane Doe and John Roe", whatever the model's label
    return bool(features & _PERSON_LABELS and features & _PERSON_EVIDENCE)


# Constructions that name an organisation on their own ("X Capital", "X SAS", "Région X") and those
# that announce one ("la start-up X", "led by X, Y and Z", "X, a Paris-based startup", "selon X"):
# a whole run of capitalised words in such a place is an organisation, whatever the model says.
_NAMING_FORMS = frozenset({"name_head", "legal_form", "public_body", "dateline_source", "source_after"})
_ANNOUNCING = frozenset({"descriptor", "descriptor_qualified", "descriptor_apposed", "role", "role_list", "apposition", "based_backed", "source"})
_NEVER = frozenset({"common_word", "place_name", "surname", "plural_acronym", "person_after", "head_alone", "lowercase_start", "role_words", "headline", "not_organisation_head", "not_organisation_descriptor", "hardware", "calendar", "person_cue",
                    "place_cue", "lower_word", "person_frame", "list_inside"})


def rule_says_organisation(candidate: Candidate) -> bool:
    features = set(candidate.features)
    after_preposition = "place_cue" in features
    if features & _NAMING_FORMS and "place_cue" in features and not features & (_NEVER - {"place_cue"}):
        features.discard("place_cue")  # "invest in Acme Semiconductor Company": a name, not a place
    if "source" in features:
        features.discard("place_cue")  # "a déclaré à X": the preposition belongs to the source frame
    if features & _NEVER or "cut_right" in features or "cut_left" in features or looks_like_a_person(candidate):
        return False
    if "stop_start" in features and ("sentence_start" in features or "determiner_start" not in features):
        return False  # "Through Cohere Labs": the capital belongs to the sentence, not to the name
    if features & _NAMING_FORMS:
        return True
    if features & {"descriptor", "descriptor_qualified"}:  # "the startup X": the construction outweighs the model's label
        return True
    if "based_backed" in features and "len=1" in features:  # "Santa Clara-based X", "X-backed"
        return True
    if features & _PERSON_LABELS and ("len=2" in features or "len=3" in features):
        return False  # "led by Jane Doe", "Jane Doe, a co-founder of the startup": a person
    if "len=1" in features and features & {"ner=LOC", "ner=GPE"} and \
            ("source" in features or features & {"role", "role_list"} and not after_preposition):
        return True  # "investors such as X and Y", "told X": the small models call one-word names places
    return bool(features & _ANNOUNCING) and not features & {"ner=LOC", "ner=GPE", "ner=NORP", "ner=DATE"}


_HARD_NO = frozenset({"not_organisation_head", "not_organisation_descriptor", "place_name", "surname",
                      "plural_acronym", "headline", "role_words", "head_alone"})


def score(candidate: Candidate, lang: str) -> float:
    if "vendor" in candidate.features:
        return 1.0  # the maker the hardware table names for a product of the text
    if looks_like_a_person(candidate) or _HARD_NO & set(candidate.features):
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
                       acronyms: dict[str, str] | None = None, text: str | None = None,
                       vendors: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int, float]]:
    """Token spans (start, end, score) chosen as organisations: every listed name, then the best
    scoring candidates above the language's threshold that overlap nothing chosen before. A name
    takes the best score of its mentions in the document: an organisation in one sentence is one
    in the next. An acronym the text defines ("Jülich Quantum Computing Lab (JQCL)") is an
    organisation wherever its long form is one."""
    model = scorer_weights().get(lang, {})
    threshold = model.get("threshold", 0.5)
    chosen, taken = [], set()
    scored, best, listed = [], {}, []
    for candidate in candidates(doc, lang, hardware, text, vendors):
        if candidate.listed:
            listed.append(candidate)
            chosen.append((candidate.start, candidate.end, 1.0))
            taken.update(range(candidate.start, candidate.end))
        else:
            probability = score(candidate, lang)
            best[candidate.text] = max(best.get(candidate.text, 0.0), probability)
            scored.append((probability, candidate.end - candidate.start, candidate))
    scored = [(best[candidate.text], size, candidate) for _, size, candidate in scored]
    acronyms = acronyms or {}
    organisation_names = {c.text for p, _, c in scored if p >= threshold} | {c.text for c in listed}
    scored = [(1.0 if c.text in acronyms and any(acronyms[c.text] in name for name in organisation_names)
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


def vendor_spans(hardware) -> tuple[tuple[int, int], ...]:
    """Character spans of the maker written inside each hardware mention ("AMD" in "AMD MI250X
    GPUs", "Nvidia" in "GPU Nvidia"): the hardware table names it, whatever the organisation list holds."""
    spans = []
    for mention in hardware:
        if mention.vendor:
            found = re.search(rf"(?<!\w){re.escape(mention.vendor)}(?!\w)", mention.text, re.IGNORECASE)
            if found:
                spans.append((mention.start + found.start(), mention.start + found.end()))
    return tuple(spans)
