"""Organisations, people and places, with canonical names from the organisation gazetteer.

The statistical NER of the small spaCy models gets domain names wrong ("Iliad" as a place,
"Scaleway" as a person, "DGX H100" as a person). The gazetteer runs as an entity ruler before
the NER, so known names are fixed first and the model predicts around them; hardware names are
then removed, and names are canonicalised (possessives, determiners, acronyms defined in the
text, parent groups).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..lang import LANGUAGES, resource
from ..types import Entity, HardwareMention
from .organisations import vendor_spans

def _words(lang: str):
    return resource(lang, "organisations")


@lru_cache(maxsize=None)
def _determiners(lang: str) -> re.Pattern:
    """"the", "la", "l'" at the start of a name, in any case, followed by a space (or elided)."""
    words = sorted(_words(lang).DETERMINERS, key=len, reverse=True)
    return re.compile(rf"(?i:{'|'.join(re.escape(w) for w in words)})(?:\s+|(?<=['’]))")


@lru_cache(maxsize=None)
def _acronym_definition() -> re.Pattern:
    """"Amazon Web Services (AWS)": a long name, then its acronym in brackets."""
    connectors = sorted({w for lang in LANGUAGES for w in _words(lang).NAME_CONNECTORS if " " not in w}
                        - {"d'", "d’"}, key=len, reverse=True)
    inner = "|".join(re.escape(w) for w in connectors)
    return re.compile(rf"(?P<long>[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|{inner}|d['’]\w+)){{0,8}})"
                      r"\s?\((?P<acronym>[A-Z][A-Za-z0-9&]{1,9})\)")


_POSSESSIVE = re.compile(r"(?:['’]s|['’])\Z")
_EDGE_PUNCT = "\"'“”«»‘’()[],.;:!? \n\t-–—"


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    type: str
    country: str
    parent: str
    forms: tuple[str, ...]
    ambiguous: frozenset[str]


# A legal form written out at the end of a name, and how news abbreviates it.
_ABBREVIATED_FORMS = {"Company": ("Co.", "Co"), "Corporation": ("Corp.", "Corp"), "Incorporated": ("Inc.", "Inc"),
                      "Limited": ("Ltd", "Ltd.")}


def _abbreviated(form: str) -> list[str]:
    """"Acme Manufacturing Company" is also "Acme Manufacturing Co."."""
    head, _, last = form.rpartition(" ")
    return [f"{head} {short}" for short in _ABBREVIATED_FORMS.get(last, ())] if head else []


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Organisation]:
    text = resources.files("corpus_tools.lang.common").joinpath("organisations.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    organisations = {}
    for row in rows:
        written = [row["name"]] + [a for a in row["aliases"].split("|") if a]
        forms = tuple(dict.fromkeys(written + [short for form in written for short in _abbreviated(form)]))
        organisations[row["id"]] = Organisation(row["id"], row["name"], row["type"], row["country"], row["parent"],
                                                forms, frozenset(a for a in row["ambiguous"].split("|") if a))
    return organisations


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


@lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """Case-folded name or alias -> organisation id."""
    index: dict[str, str] = {}
    for organisation in gazetteer().values():
        for form in organisation.forms:
            index.setdefault(_key(form), organisation.id)
    return index


def listed_organisation(name: str) -> Organisation | None:
    """The gazetteer entry that ``name`` resolves to (canonical name or alias, case-insensitive), or
    None: what "listed" means when scoring organisations."""
    org_id = alias_index().get(_key(name))
    return gazetteer()[org_id] if org_id else None


def _variants(form: str) -> set[str]:
    variants = {form}
    if len(form) >= 4:
        variants.add(form.upper())
        if " " in form:
            variants.add(" ".join(w[:1].upper() + w[1:] for w in form.split()))
    return variants


class GazetteerRuler:
    """Sets known organisations as ORG entities, keeping the model's other entities around them."""

    def __init__(self, nlp, name: str = "corpus_tools_orgs", *, overwrite_ents: bool = True):
        from spacy.matcher import PhraseMatcher

        self.name = name
        self.overwrite_ents = overwrite_ents
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.ambiguous: set[str] = set()
        for organisation in gazetteer().values():
            patterns = [nlp.make_doc(v) for form in organisation.forms for v in sorted(_variants(form))]
            self.matcher.add(organisation.id, patterns)
            self.ambiguous |= set(organisation.ambiguous)
        self.generic = {o.id for o in gazetteer().values() if o.type == "public_body"}
        words = resource(nlp.lang, "organisations")
        self.connectors = {w for w in words.NAME_CONNECTORS if " " not in w} - {"&"}
        self.articles = set(words.DETERMINERS)

    def _confident(self, doc, span) -> bool:
        """Ambiguous forms ("Free", "Orange") only mid-sentence, capitalised, not part of a longer name;
        a public body's generic name not when it heads a longer one ("Conseil européen de l'innovation")."""
        if span.kb_id_ in self.generic and span.end + 1 < len(doc) and doc[span.end].lower_ in self.connectors:
            following = span.end + 1
            if following + 1 < len(doc) and doc[following].lower_ in self.articles:
                following += 1
            word = doc[following]
            if word.is_alpha and word.text[:1].islower() and not word.is_stop:
                return False
        if span.text not in self.ambiguous:
            return True
        if span.start == 0 or doc[span.start - 1].is_sent_start or doc[span.start].is_sent_start:
            return False
        previous = doc[span.start - 1].text
        if previous in ".!?\"“«:" or previous.endswith(("\n", ".", "!", "?")):
            return False  # "... GmbH. Total investment": a full stop inside a token ends a sentence too
        following = doc[span.end] if span.end < len(doc) else None
        return not (following is not None and following.text[:1].isupper() and following.is_alpha)

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label="ORG", kb_id=doc.vocab.strings[match_id])
            if self._confident(doc, span):
                spans.append(span)
        spans = filter_spans(spans)
        if self.overwrite_ents:
            taken = {i for span in spans for i in range(span.start, span.end)}
            others = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        else:
            others = list(doc.ents)
            taken = {i for e in others for i in range(e.start, e.end)}
            spans = [s for s in spans if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = sorted(spans + others, key=lambda s: s.start)
        return doc


def gazetteer_ruler(nlp, name: str, *, overwrite_ents: bool = True) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, overwrite_ents=overwrite_ents)


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    text = resources.files("corpus_tools.lang.common").joinpath("not_names.txt").read_text(encoding="utf-8")
    return frozenset(_key(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_not_a_name(surface: str, lang: str) -> bool:
    not_name_words = _words(lang).NOT_NAME_WORDS
    return _key(surface) in not_names() or all(word in not_name_words for word in surface.split())


def _ends_with_abbreviation(text: str, start: int, end: int, lang: str) -> bool:
    """"Ltd.", "Inc.", "S.A.": the full stop belongs to the legal form."""
    if text[end - 1] != ".":
        return False
    last_word = text[start:end].split()[-1]
    return last_word in _words(lang).LEGAL_FORMS


def _part_of_the_name(text: str, start: int) -> bool:
    """"selon Les Echos", "reported by The Information": a capitalised article inside a sentence
    belongs to the name; at the start of a sentence it is only capitalised."""
    before = text[:start].rstrip(" \t\"“«'‘")
    return text[start].isupper() and bool(before) and before[-1] not in ".!?:\n"


def _trim(text: str, start: int, end: int, lang: str) -> tuple[int, int]:
    """Drop edge punctuation, leading determiners and a trailing possessive, until stable."""
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT and not _ends_with_abbreviation(text, start, end, lang):
            end -= 1
        determiner = _determiners(lang).match(text, start, end)
        if determiner and determiner.end() < end and not _part_of_the_name(text, start):
            start = determiner.end()
        possessive = _POSSESSIVE.search(text, start, end)
        if possessive and possessive.start() > start:
            end = possessive.start()
        if (start, end) == before:
            return start, end


def defined_acronyms(text: str) -> dict[str, str]:
    """"Amazon Web Services (AWS)": the acronym stands for the long name in this text."""
    acronyms = {}
    for m in _acronym_definition().finditer(text):
        acronym, long = m.group("acronym"), m.group("long").split()
        initials = "".join(w[0] for w in long if w[0].isupper())
        # Keep the shortest tail of the long form whose initials spell the acronym.
        for size in range(1, len(long) + 1):
            tail = long[-size:]
            if "".join(w[0] for w in tail if w[0].isupper()).upper() == acronym.upper():
                acronyms[acronym] = " ".join(tail)
                break
        else:
            if _key(m.group("long")) in alias_index() or initials.upper() == acronym.upper():
                acronyms[acronym] = m.group("long")
    return acronyms


def entities_from_doc(doc, lang: str, hardware: list[HardwareMention] = ()) -> list[Entity]:
    """Entities of a Doc that went through ``entity_pipeline``: labelled, trimmed, canonical."""
    text = doc.text
    organisations = gazetteer()
    index = alias_index()
    acronyms = defined_acronyms(text)
    products = [(h.start + len(h.text) - len(h.text.lstrip()), h.end) for h in hardware]
    vendor_keys = {_key(h.vendor) for h in hardware if h.vendor}
    entities = []
    for ent in _organisations_and_others(doc, lang, tuple(products), acronyms, text, vendor_spans(hardware)):
        from_gazetteer = bool(ent.kb_id_) and ent.label_ == "ORG" and ent.kb_id_ in organisations
        start, end = _trim(text, ent.start_char, ent.end_char, lang)
        if start >= end:
            continue
        surface = text[start:end]
        if is_not_a_name(surface, lang):
            continue
        key = _key(surface)
        org_id = ent.kb_id_ if from_gazetteer else index.get(key) or index.get(_key(acronyms.get(surface, "")))
        if not org_id and surface in acronyms:
            org_id = ""
        inside_hardware = any(start < p_end and p_start < end for p_start, p_end in products)
        if inside_hardware and not (key in vendor_keys or org_id and key in {_key(f) for f in organisations[org_id].forms}):
            continue  # "DGX", "DGX H100": products, not organisations or people
        if org_id:
            organisation = organisations[org_id]
            parent = organisations[organisation.parent].name if organisation.parent else ""
            entities.append(Entity(start, end, surface, "ORG", organisation.name, org_id,
                                   "gazetteer" if from_gazetteer else "model", parent))
            continue
        label = _words(lang).MODEL_LABELS.get(ent.label_)
        if label is None:
            continue
        canonical = acronyms.get(surface, surface) if label == "ORG" else surface
        entities.append(Entity(start, end, surface, label, " ".join(canonical.split()), "", "model", ""))
    return _unify_case_variants(entities)


def _organisations_and_others(doc, lang: str, hardware: tuple[tuple[int, int], ...], acronyms: dict[str, str],
                              text: str, vendors: tuple[tuple[int, int], ...]) -> list:
    """The organisations the scorer chose, and the model's people and places that overlap none."""
    from spacy.tokens import Span

    from .organisations import organisation_spans

    listed = {(e.start, e.end): e.kb_id_ for e in doc.ents if e.kb_id_}
    organisations = [Span(doc, start, end, label="ORG", kb_id=listed.get((start, end), ""))
                     for start, end, _ in organisation_spans(doc, lang, hardware, acronyms, text, vendors)]
    taken = {t for span in organisations for t in range(span.start, span.end)}
    labels = _words(lang).MODEL_LABELS
    others = [e for e in doc.ents if labels.get(e.label_) not in (None, "ORG")
              and not any(t in taken for t in range(e.start, e.end))]
    return sorted(organisations + others, key=lambda span: span.start)


def _unify_case_variants(entities: list[Entity]) -> list[Entity]:
    """Within one text, "NVIDIA" and "Nvidia" are one name: the first form seen is canonical."""
    from dataclasses import replace

    first_form: dict[tuple[str, str], str] = {}
    unified = []
    for entity in entities:
        if entity.entity_id:
            unified.append(entity)
            continue
        key = (entity.label, _key(entity.canonical))
        first_form.setdefault(key, entity.canonical)
        unified.append(replace(entity, canonical=first_form[key]))
    return unified


def extract_entities(text: str, lang: str | None = None) -> list[Entity]:
    """Organisations, people and places in ``text``; offsets index into ``text``."""
    from ..pipeline.models import entity_pipeline
    from .hardware import extract_hardware
    from .money import resolve_language

    if not text:
        return []
    lang = resolve_language(text, lang)
    doc = entity_pipeline(lang)(text)
    return entities_from_doc(doc, lang, extract_hardware(text, lang))
