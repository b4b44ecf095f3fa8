"""Batches on disk: the parts workers write, the markers that say a batch is finished, and the
final tables assembled from the parts a row group at a time. No NLP here.

Ingestion writes, per input part (a run of consecutive input files), ``ingest/{table}/part-{n}``
for the documents (not yet de-duplicated) and errors tables. The analysis of a batch writes its
rows as ``{table}/part-{stem}.parquet``, then a marker ``done/{stem}.json`` listing its
documents. The stem starts with the position of the batch's first document, so parts sort in
corpus order. A part without its marker (a run killed mid-batch) is ignored and a resumed run
skips the documents of every marker. Both engines, and every worker of either, write parts this
way; ``finish`` assembles them once every batch is done.
"""
from __future__ import annotations

import ctypes
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha1
from pathlib import Path
from typing import Iterator

from .storage import TableWriter
from .tables import INGEST_TABLES, PART_TABLES, to_arrow

DONE = "done"
INGEST = "ingest"
BATCHES_BETWEEN_TRIMS = 8
_batches_since_trim = 0


def ingest_part_path(batches_dir: str | os.PathLike, name: str, stem: str) -> Path:
    return Path(batches_dir) / INGEST / name / f"part-{stem}.parquet"


def write_ingest_part(batches_dir: str | os.PathLike, name: str, stem: str, rows: list[dict]) -> None:
    """Documents (not yet de-duplicated) or errors rows of an input part, in input order."""
    import pyarrow.parquet as pq

    path = ingest_part_path(batches_dir, name, stem)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(to_arrow(name, rows), path)


def _read_part(path: Path, columns: list[str] | None = None):
    """One small Parquet part, whole: ``ParquetFile.read`` takes half the time of ``pq.read_table``,
    which builds a dataset for each file (a run reads thousands of parts)."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as part:
        return part.read(columns=columns, use_threads=False)


def assemble_ingest_tables(batches_dir: str | os.PathLike, tables_dir: str | os.PathLike,
                           stems: dict[str, list[str]],
                           duplicates: dict[str, dict[int, tuple[str, str]]]) -> dict[str, list[Path]]:
    """The documents and errors tables from their ingest parts (``stems``, in input order), with
    the duplicate decisions (stem -> row -> (doc_id, duplicate_of)) written into the documents."""
    import pyarrow as pa

    files = {}
    for name in INGEST_TABLES:
        path = Path(tables_dir) / f"{name}.parquet"
        with TableWriter(path, name) as writer:
            for stem in stems[name]:
                table = _read_part(ingest_part_path(batches_dir, name, stem))
                decided = duplicates.get(stem) if name == "documents" else None
                if decided:
                    ids, duplicate_of = table["doc_id"].to_pylist(), table["duplicate_of"].to_pylist()
                    for row, (doc_id, original) in decided.items():
                        ids[row], duplicate_of[row] = doc_id, original
                    for column, values in (("doc_id", ids), ("duplicate_of", duplicate_of)):
                        table = table.set_column(table.schema.get_field_index(column), column,
                                                 pa.array(values, pa.string()))
                writer.write_arrow(table)
        files[name] = [path]
    return files


def read_ingested(batches_dir: str | os.PathLike, stem: str, rows: list[int]) -> list[dict]:
    """The records to analyse: these rows of an ingest chunk."""
    import pyarrow as pa

    columns = ["doc_id", "body", "lang", "date", "lang_spans"]
    table = _read_part(ingest_part_path(batches_dir, "documents", stem), columns)
    return table.take(pa.array(rows, pa.int64())).to_pylist()


def write_batch(records: list[dict], tables: dict[str, list[dict]], batches_dir: str | os.PathLike) -> int:
    """The parts of one analysed batch (records with doc_id and position), then its marker."""
    import pyarrow.parquet as pq

    if not records:
        return 0
    folder = Path(batches_dir)
    digest = sha1("\x1f".join(r["doc_id"] for r in records).encode("utf-8")).hexdigest()[:12]
    stem = f"{records[0]['position']:09d}-{digest}"
    for name in PART_TABLES:
        if tables[name]:
            path = folder / name / f"part-{stem}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(to_arrow(name, tables[name]), path)
    marker = folder / DONE / f"{stem}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    temporary = marker.with_name(f".{marker.name}.tmp-{os.getpid()}")
    temporary.write_text(json.dumps([r["doc_id"] for r in records]), encoding="utf-8")
    os.replace(temporary, marker)  # the marker appears whole, after every part
    global _batches_since_trim
    _batches_since_trim += 1
    if _batches_since_trim >= BATCHES_BETWEEN_TRIMS:
        release_memory()
        _batches_since_trim = 0
    return len(records)


@lru_cache(maxsize=1)
def _glibc():
    try:
        return ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (macOS, musl): nothing to trim
        return None


def release_memory() -> None:
    """Give freed heap memory back to the operating system.

    glibc keeps what a program frees for reuse, and spaCy and NumPy free arrays of ever-changing
    sizes, so over thousands of batches the kept memory piles up: measured with
    bench/throughput.py, the peak at 20,000 documents was 538 MB without trims and 490 MB with
    one every few batches (Dask trims its workers for the same reason)."""
    libc = _glibc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def arrow_on_malloc() -> None:
    """pyarrow's arrays, tables and conversions allocate through malloc from now on in this process,
    so that ``release_memory`` trims what they free too. Arrow's own allocator (mimalloc in the
    wheels) keeps freed pages for reuse: measured with bench/throughput.py's corpus, one process
    peaked at 600 MB at 2,000 documents and 661 MB at 8,000 with it, 591 and 605 MB with this.
    (Arrow's C++ readers and writers keep the allocator named when pyarrow was imported: the
    command line names malloc, see ``allocator.prefer_system_allocator``; in a notebook it is the
    user's choice.) Worker processes call it once; the calling process uses ``arrow_malloc_while``."""
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())


@contextmanager
def arrow_malloc_while() -> Iterator[None]:
    """``arrow_on_malloc`` for the duration of a job, then the caller's allocator again."""
    import pyarrow as pa

    previous = pa.default_memory_pool()
    arrow_on_malloc()
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


@dataclass(frozen=True)
class _Batch:
    stem: str
    doc_ids: tuple[str, ...]


def finished_batches(batches_dir: str | os.PathLike) -> list[_Batch]:
    batches = []
    for marker in sorted((Path(batches_dir) / DONE).glob("*.json")):
        try:
            batches.append(_Batch(marker.stem, tuple(json.loads(marker.read_text(encoding="utf-8")))))
        except (OSError, ValueError):
            continue  # markers are written atomically, but never trust a disk: redo that batch
    return batches


def done_doc_ids(batches_dir: str | os.PathLike) -> set[str]:
    return {doc_id for batch in finished_batches(batches_dir) for doc_id in batch.doc_ids}


def assemble_part_tables(batches_dir: str | os.PathLike, tables_dir: str | os.PathLike,
                         positions: dict[str, int], names: tuple[str, ...] = PART_TABLES) -> dict[str, list[Path]]:
    """The part tables ``names`` (entities, amounts, hardware) from the finished batches of the
    documents at ``positions`` (doc_id -> row in the documents table), in corpus order, one part at
    a time."""
    batches_dir, tables_dir = Path(batches_dir), Path(tables_dir)
    batches, in_order = _corpus_order(finished_batches(batches_dir), positions)
    files = {}
    for name in names:
        files[name] = [_concatenate(name, batches, in_order, positions, batches_dir, tables_dir)]
        release_memory()
    return files


def _corpus_order(batches: list[_Batch], positions: dict[str, int]) -> tuple[list[_Batch], bool]:
    """Batches of documents still in the corpus, by their first document; whether their documents
    follow each other without interleaving (always, unless the inputs changed before a resume)."""
    kept = []
    for batch in batches:
        present = [positions[d] for d in batch.doc_ids if d in positions]
        if present:
            kept.append((min(present), max(present), batch))
    kept.sort(key=lambda item: item[0])
    in_order = all(first > previous_last for (_, previous_last, _), (first, _, _) in zip(kept, kept[1:]))
    return [batch for _, _, batch in kept], in_order


def _concatenate(name: str, batches: list[_Batch], in_order: bool, positions: dict[str, int],
                 batches_dir: Path, tables_dir: Path) -> Path:
    import pyarrow as pa
    import pyarrow.compute as pc

    path = tables_dir / f"{name}.parquet"
    parts = []
    with TableWriter(path, name) as writer:
        for batch in batches:
            part = batches_dir / name / f"part-{batch.stem}.parquet"
            if not part.exists():
                continue  # the batch had no rows of this table
            table = _read_part(part)
            if not all(d in positions for d in batch.doc_ids):  # documents gone from the inputs
                present = pa.array([d for d in batch.doc_ids if d in positions], pa.string())
                table = table.filter(pc.is_in(table["doc_id"], present))
            if in_order:
                writer.write_arrow(table)
            else:
                parts.append(table)
        if parts:
            rows = pa.concat_tables(parts)
            order = pa.array([positions[d] for d in rows["doc_id"].to_pylist()])
            rows = rows.append_column("_position", order).sort_by(
                [("_position", "ascending"), ("start", "ascending"), ("end", "ascending")])
            writer.write_arrow(rows.drop_columns(["_position"]))
    return path
