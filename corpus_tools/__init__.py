"""corpus_tools: French and English news in, investment tables and charts out.

Importing the package does no work: heavy modules load on first use.
"""
from __future__ import annotations

import sys
import types

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
    "ingest": "corpus_tools.jobs",
    "analyze": "corpus_tools.jobs",
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


class _Package(types.ModuleType):
    """Keeps ``ct.ingest`` the function the API lists: importing the ``corpus_tools.ingest``
    subpackage (any analysis does) would otherwise rebind the name to the module. The subpackage
    stays importable by its full name (``from corpus_tools.ingest import ...``)."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and name in _EXPORTS and not _EXPORTS[name].endswith(f".{name}"):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
