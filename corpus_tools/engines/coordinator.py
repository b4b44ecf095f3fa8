"""The coordinator: it lists the inputs, hands runs of files to the workers, decides duplicates
from the keys they send back and hands the originals back for analysis (``finish`` then assembles
the tables).

It never reads document text. Duplicate decisions are taken here, in input order, so they are
exact and the same whatever the engine: the earliest input wins. Any executor with
``submit(fn, *args)`` returning futures with ``result()`` will do (a process pool, a Dask client,
or ``Inline`` for one process).
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import AbstractSet, Iterable, Iterator

from ..ingest import FieldMap, Limits, iter_files
from ..ingest.dedupe import Deduplicator
from ..progress import Progress
from ..tasks import IngestedPart, analyse_chunk, ingest_part, part_stem


class Inline:
    """An executor that runs each task at once, in this process."""

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future


def input_parts(inputs: Iterable[str | os.PathLike], files_per_part: int) -> Iterator[list]:
    """Runs of consecutive listed files (and listing errors, in their place); no file is opened."""
    part: list = []
    files = 0
    for entry in iter_files([str(p) for p in inputs]):
        part.append(entry)
        files += isinstance(entry, Path)
        if files >= files_per_part:
            yield part
            part, files = [], 0
    if part:
        yield part


@dataclass
class Ingested:
    """What the coordinator keeps: small, a few ids per document."""

    stems: dict[str, list[str]] = field(default_factory=lambda: {"documents": [], "errors": []})
    duplicates: dict[str, dict[int, tuple[str, str]]] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)  # originals: doc_id -> row in the documents table


def coordinate(executor, inputs: Iterable[str | os.PathLike], batches_dir: Path, *, limits: Limits,
               fields: FieldMap, progress: Progress, batch_size: int, window: int, analyse: bool = True,
               skip: AbstractSet[str] = frozenset()) -> Ingested:
    """Run ingestion (and, with ``analyse``, the analysis of every original not in ``skip``) on
    the executor, at most ``window`` tasks of each kind waiting; the parts land in ``batches_dir``."""
    deduplicator, seen_ids, ingested, row = Deduplicator(), set(), Ingested(), 0
    parts = enumerate(input_parts(inputs, batch_size))
    reading: deque[Future] = deque()
    analysing: deque[Future] = deque()

    def read_ahead() -> None:
        while len(reading) < window and (next_part := next(parts, None)) is not None:
            index, entries = next_part
            reading.append(executor.submit(ingest_part, index, entries, str(batches_dir), limits, fields))

    read_ahead()
    while reading:
        part: IngestedPart = reading.popleft().result()  # in input order: duplicates need it
        read_ahead()
        if part.has_errors:
            ingested.stems["errors"].append(part_stem(part.part))
        for chunk in part.chunks:
            ingested.stems["documents"].append(chunk.stem)
            picks = []
            for index, (doc_id, other_id, keys) in enumerate(zip(chunk.doc_ids, chunk.duplicate_ids, chunk.keys)):
                duplicate_of = deduplicator.decide(doc_id, keys)
                if duplicate_of:
                    # Keep ids unique: a repeated body gets an id derived from where it was found.
                    final = other_id if doc_id in seen_ids else doc_id
                    ingested.duplicates.setdefault(chunk.stem, {})[index] = (final, duplicate_of)
                    seen_ids.add(final)
                else:
                    seen_ids.add(doc_id)
                    ingested.positions[doc_id] = row
                    if analyse and doc_id not in skip:
                        picks.append((index, row))
                row += 1
            if not analyse:
                progress.documents_done(len(chunk.doc_ids))
            for start in range(0, len(picks), batch_size):
                batch = picks[start:start + batch_size]
                analysing.append(executor.submit(analyse_chunk, str(batches_dir), chunk.stem,
                                                 [i for i, _ in batch], [p for _, p in batch]))
                while len(analysing) > window:
                    progress.documents_done(analysing.popleft().result())
        for _ in range(part.n_files):
            progress.file_done()
    while analysing:
        progress.documents_done(analysing.popleft().result())
    return ingested
