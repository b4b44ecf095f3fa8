"""What a worker runs, in a local process or on a Dask worker.

A worker reads its own inputs and writes its own parts (see ``store``); what goes back to the
coordinator is small: per document its id and duplicate keys, per batch a count. So the
coordinator never touches document text, and a cluster scales with its size.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .ingest import FieldMap, Limits, duplicate_id, read_documents
from .ingest.dedupe import BodyKeys, Deduplicator
from .store import arrow_on_malloc, read_ingested, write_batch, write_ingest_part
from .types import ErrorRecord

CHUNK_DOCUMENTS = 256  # documents per ingest chunk: a file of many articles is written in pieces


@dataclass(frozen=True)
class IngestedChunk:
    """Up to CHUNK_DOCUMENTS documents of one input part, as the coordinator needs them."""

    stem: str
    doc_ids: tuple[str, ...]
    duplicate_ids: tuple[str, ...]  # the id each would take as a duplicate of an earlier one with its id
    keys: tuple[BodyKeys, ...]


@dataclass(frozen=True)
class IngestedPart:
    part: int
    n_files: int
    chunks: tuple[IngestedChunk, ...]
    has_errors: bool


def part_stem(part: int) -> str:
    return f"{part:07d}"


def ingest_part(part: int, entries: list, batches_dir: str, limits: Limits, fields: FieldMap) -> IngestedPart:
    """Read, decode, clean and tag the language of a run of listed files (or listing errors);
    write their documents (in chunks) and errors; return their ids and duplicate keys."""
    keys = Deduplicator()
    chunks, documents, errors = [], [], []

    def flush() -> None:
        stem = f"{part_stem(part)}-{len(chunks):05d}"
        write_ingest_part(batches_dir, "documents", stem, [d.as_dict() for d in documents])
        chunks.append(IngestedChunk(stem, tuple(d.doc_id for d in documents),
                                    tuple(duplicate_id(d) for d in documents),
                                    tuple(keys.keys(d.body) for d in documents)))
        documents.clear()

    for record in read_documents(entries, limits=limits, fields=fields):
        if isinstance(record, ErrorRecord):
            errors.append(record.as_dict())
            continue
        documents.append(record)
        if len(documents) >= CHUNK_DOCUMENTS:
            flush()
    if documents:
        flush()
    if errors:
        write_ingest_part(batches_dir, "errors", part_stem(part), errors)
    return IngestedPart(part, sum(isinstance(e, Path) for e in entries), tuple(chunks), bool(errors))


def analyse_chunk(batches_dir: str, stem: str, rows: list[int], positions: list[int]) -> int:
    """Analyse these rows of an ingest chunk (their positions in the documents table) and write
    the batch's parts; returns the number of documents analysed."""
    records = read_ingested(batches_dir, stem, rows)
    for record, position in zip(records, positions):
        record["position"] = position
    return analyse_records(records, batches_dir)


def analyse_records(records: list[dict], batches_dir: str | os.PathLike) -> int:
    """Analyse records (doc_id, body, lang, date, lang_spans, position) and write their parts."""
    from .analyse import analyze_batch

    records = list(records)
    return write_batch(records, analyze_batch(records), batches_dir) if records else 0


def prepare_worker() -> None:
    """Worker processes share the cores: a BLAS thread pool each would oversubscribe them. And their
    Arrow buffers come from malloc, which ``release_memory`` trims (see ``arrow_on_malloc``)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    arrow_on_malloc()
