"""The words of the report in the reader's language: ``corpus_tools.lang.<locale>.report``."""
from __future__ import annotations

from types import ModuleType

from ..lang import LANGUAGES, resource

DEFAULT_LOCALE = "en"


def labels(locale: str) -> ModuleType:
    """The report words of ``locale``, English for a locale without its own."""
    return resource(locale if locale in LANGUAGES else DEFAULT_LOCALE, "report")
