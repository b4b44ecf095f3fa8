"""spaCy components that wrap the pure extractors of corpus_tools.extract.

Registered by entry point (``spacy_factories`` in setup.cfg) so that, once the package is
installed, ``nlp.add_pipe("corpus_tools_money")`` works in any spaCy pipeline. Importing this
module is cheap: spaCy imports every registered factory module when a pipeline is created.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

MONEY_KEY = "ct_money"
HARDWARE_KEY = "ct_hardware"


def _ensure_extension(name: str) -> None:
    if not Span.has_extension(name):
        Span.set_extension(name, default=None)


def _spans(doc: Doc, records, extension: str) -> list[Span]:
    spans = []
    for record in records:
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is None:
            continue
        span._.set(extension, record)
        spans.append(span)
    return spans


class MoneyComponent:
    """Writes ``doc.spans["ct_money"]``; each span carries its Amount in ``span._.ct_amount``."""

    def __init__(self, lang: str, spans_key: str = MONEY_KEY):
        self.lang = lang
        self.spans_key = spans_key
        _ensure_extension("ct_amount")

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.money import extract_amounts

        doc.spans[self.spans_key] = _spans(doc, extract_amounts(doc.text, lang=self.lang), "ct_amount")
        return doc


class HardwareComponent:
    """Writes ``doc.spans["ct_hardware"]``; each span carries a HardwareMention in ``span._.ct_hardware``."""

    def __init__(self, lang: str, spans_key: str = HARDWARE_KEY):
        self.lang = lang
        self.spans_key = spans_key
        _ensure_extension("ct_hardware")

    def __call__(self, doc: Doc) -> Doc:
        from ..extract.hardware import extract_hardware

        doc.spans[self.spans_key] = _spans(doc, extract_hardware(doc.text, lang=self.lang), "ct_hardware")
        return doc


@Language.factory("corpus_tools_money", default_config={"spans_key": MONEY_KEY})
def make_money_component(nlp: Language, name: str, spans_key: str) -> MoneyComponent:
    return MoneyComponent(nlp.lang, spans_key)


@Language.factory("corpus_tools_hardware", default_config={"spans_key": HARDWARE_KEY})
def make_hardware_component(nlp: Language, name: str, spans_key: str) -> HardwareComponent:
    return HardwareComponent(nlp.lang, spans_key)


@Language.factory("corpus_tools_orgs", default_config={"overwrite_ents": True})
def make_orgs_component(nlp: Language, name: str, overwrite_ents: bool):
    """The organisation gazetteer as an entity ruler: add it before "ner" so that known names are
    never mislabelled by the statistical model."""
    from ..extract.entities import gazetteer_ruler

    return gazetteer_ruler(nlp, name, overwrite_ents=overwrite_ents)
