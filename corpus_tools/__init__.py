"""corpus_tools: French and English news in, investment tables and charts out.

Importing the package does no work: heavy modules load on first use.
"""
from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "Corpus": "corpus_tools.corpus",
    "Amount": "corpus_tools.types",
    "Document": "corpus_tools.types",
    "Entity": "corpus_tools.types",
    "ErrorRecord": "corpus_tools.types",
    "HardwareMention": "corpus_tools.types",
    "Investment": "corpus_tools.types",
    "Limits": "corpus_tools.ingest.readers",
    "FieldMap": "corpus_tools.ingest.readers",
    "OutputRefused": "corpus_tools.outputs",
    "ingest": "corpus_tools.analysis",
    "analyze": "corpus_tools.analysis",
    "extract_amounts": "corpus_tools.extract.money",
    "extract_hardware": "corpus_tools.extract.hardware",
    "extract_entities": "corpus_tools.extract.entities",
    "evaluate": "corpus_tools.evaluation",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        module = importlib.import_module(_EXPORTS[name])
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'corpus_tools' has no attribute {name!r}")
