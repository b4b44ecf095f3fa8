"""Ingestion: read sources, clean, tag language, de-duplicate; documents and errors out."""
from __future__ import annotations

import dataclasses
from typing import Iterable, Iterator

from ..types import Document, ErrorRecord
from .articles import body_id, make_document
from .dedupe import Deduplicator
from .readers import FieldMap, InputError, Limits, read_inputs

__all__ = ["FieldMap", "InputError", "Limits", "iter_documents", "make_document", "read_inputs"]


def iter_documents(inputs: Iterable[str], *, limits: Limits = Limits(), fields: FieldMap = FieldMap()
                   ) -> Iterator[Document | ErrorRecord]:
    """Documents (duplicates marked with ``duplicate_of``) and errors, in input order."""
    deduplicator = Deduplicator()
    seen_ids: set[str] = set()
    for raw in read_inputs(list(inputs), limits=limits, fields=fields):
        if isinstance(raw, ErrorRecord):
            yield raw
            continue
        try:
            document = make_document(raw, limits=limits)
        except Exception as exc:  # one bad article never stops the run
            yield ErrorRecord(raw.source, raw.item, "internal", f"{type(exc).__name__}: {exc}"[:500])
            continue
        if isinstance(document, ErrorRecord):
            yield document
            continue
        duplicate_of = deduplicator.check(document.doc_id, document.body)
        if duplicate_of:
            # Keep ids unique: a repeated body gets an id derived from where it was found.
            doc_id = document.doc_id
            if doc_id in seen_ids:
                doc_id = body_id(f"{document.body}\x00{document.source}\x00{document.item}")
            document = dataclasses.replace(document, doc_id=doc_id, duplicate_of=duplicate_of)
        seen_ids.add(document.doc_id)
        yield document
