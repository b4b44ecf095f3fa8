"""The jobs a notebook or the command line runs: ingest, then analyse."""
from __future__ import annotations

import os
from typing import Iterable

from .corpus import Corpus, records_table
from .ingest import FieldMap, Limits, iter_documents
from .types import ErrorRecord


def _progress(iterable, enabled: bool | None, desc: str):
    if enabled is False:
        return iterable
    from tqdm.auto import tqdm

    # disable=None: a bar only when stderr is a terminal, so logs and CI stay clean.
    return tqdm(iterable, desc=desc, unit=" items", disable=None if enabled is None else False,
                leave=False)


def ingest(inputs: Iterable[str | os.PathLike], *, limits: Limits = Limits(),
           fields: FieldMap = FieldMap(), progress: bool | None = None) -> Corpus:
    """Read, clean, tag and de-duplicate: a Corpus with its documents and errors tables."""
    documents, errors = [], []
    for record in _progress(iter_documents([str(p) for p in inputs], limits=limits, fields=fields),
                            progress, "ingest"):
        (errors if isinstance(record, ErrorRecord) else documents).append(record.as_dict())
    return Corpus(documents=records_table("documents", documents), errors=records_table("errors", errors))
