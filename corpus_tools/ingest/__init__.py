"""Ingestion: read sources, clean, tag language, de-duplicate; documents and errors out."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterable, Iterator

from ..types import Document, ErrorRecord
from .articles import body_id, make_document
from .dedupe import Deduplicator
from .readers import FieldMap, InputError, Limits, iter_files, read_file, read_inputs

__all__ = ["FieldMap", "InputError", "Limits", "duplicate_id", "iter_documents", "iter_files", "make_document",
           "read_documents", "read_inputs"]


def read_documents(entries: Iterable[Path | ErrorRecord], *, limits: Limits = Limits(),
                   fields: FieldMap = FieldMap()) -> Iterator[Document | ErrorRecord]:
    """Documents (not yet de-duplicated) and errors of listed entries (see ``iter_files``), in order."""
    for entry in entries:
        if isinstance(entry, ErrorRecord):
            yield entry
            continue
        for raw in read_file(entry, limits=limits, fields=fields):
            if isinstance(raw, ErrorRecord):
                yield raw
                continue
            try:
                yield make_document(raw, limits=limits)
            except Exception as exc:  # one bad article never stops the run
                yield ErrorRecord(raw.source, raw.item, "internal", f"{type(exc).__name__}: {exc}"[:500])


def duplicate_id(document: Document) -> str:
    """The id a duplicate gets when an earlier document already has its id: from where it was found."""
    return body_id(f"{document.body}\x00{document.source}\x00{document.item}")


def iter_documents(inputs: Iterable[str], *, limits: Limits = Limits(), fields: FieldMap = FieldMap()
                   ) -> Iterator[Document | ErrorRecord]:
    """Documents (duplicates marked with ``duplicate_of``) and errors, in input order."""
    deduplicator = Deduplicator()
    seen_ids: set[str] = set()
    for document in read_documents(iter_files([str(p) for p in inputs]), limits=limits, fields=fields):
        if isinstance(document, ErrorRecord):
            yield document
            continue
        duplicate_of = deduplicator.check(document.doc_id, document.body)
        if duplicate_of:
            # Keep ids unique: a repeated body gets an id derived from where it was found.
            doc_id = duplicate_id(document) if document.doc_id in seen_ids else document.doc_id
            document = dataclasses.replace(document, doc_id=doc_id, duplicate_of=duplicate_of)
        seen_ids.add(document.doc_id)
        yield document
