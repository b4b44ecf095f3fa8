"""Language data, one folder per language (as spaCy's ``lang/fr/``), and the registry of languages.

Everything that loops over languages reads ``LANGUAGES``; a third language is a new folder here
(its modules and example files) plus its entry in that tuple. Engines never hold words of a language:
they load the language's module with ``resource(lang, name)``.
"""
from __future__ import annotations

import importlib
from types import ModuleType

LANGUAGES = ("en", "fr")
UNDETERMINED = "und"


def is_supported(lang: str | None) -> bool:
    return lang in LANGUAGES


def resource(lang: str, name: str) -> ModuleType:
    """The module ``corpus_tools.lang.<lang>.<name>`` (e.g. ``resource("fr", "money")``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; supported: {', '.join(LANGUAGES)}")
    return importlib.import_module(f"corpus_tools.lang.{lang}.{name}")
