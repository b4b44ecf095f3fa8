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


class SpanComponent:
    """Runs a pure extractor on ``doc.text`` and writes its records as ``doc.spans[spans_key]``,
    each span carrying its record in ``span._.<extension>``."""

    def __init__(self, lang: str, spans_key: str, extension: str, extractor_path: str):
        self.lang = lang
        self.spans_key = spans_key
        self.extension = extension
        self.extractor_path = extractor_path
        _ensure_extension(extension)

    def __call__(self, doc: Doc) -> Doc:
        import importlib

        module, name = self.extractor_path.rsplit(":", 1)
        extract = getattr(importlib.import_module(module), name)
        doc.spans[self.spans_key] = _spans(doc, extract(doc.text, lang=self.lang), self.extension)
        return doc


@Language.factory("corpus_tools_money", default_config={"spans_key": MONEY_KEY})
def make_money_component(nlp: Language, name: str, spans_key: str) -> SpanComponent:
    """``doc.spans["ct_money"]``; each span's Amount in ``span._.ct_amount``."""
    return SpanComponent(nlp.lang, spans_key, "ct_amount", "corpus_tools.extract.money:extract_amounts")


@Language.factory("corpus_tools_hardware", default_config={"spans_key": HARDWARE_KEY})
def make_hardware_component(nlp: Language, name: str, spans_key: str) -> SpanComponent:
    """``doc.spans["ct_hardware"]``; each span's HardwareMention in ``span._.ct_hardware``."""
    return SpanComponent(nlp.lang, spans_key, "ct_hardware", "corpus_tools.extract.hardware:extract_hardware")


@Language.factory("corpus_tools_orgs", default_config={"overwrite_ents": True})
def make_orgs_component(nlp: Language, name: str, overwrite_ents: bool):
    """The organisation gazetteer as an entity ruler: add it before "ner" so that known names are
    never mislabelled by the statistical model."""
    from ..extract.entities import gazetteer_ruler

    return gazetteer_ruler(nlp, name, overwrite_ents=overwrite_ents)
