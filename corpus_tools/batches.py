"""Finished analysis batches on disk, and the final tables made from them.

Each batch writes its rows as Parquet parts, ``{table}/part-{stem}.parquet``, then a marker
``done/{stem}.json`` listing its documents. The stem starts with the position of the batch's
first document, so parts sort in corpus order. A part without its marker (a run killed
mid-batch) is ignored and a resumed run skips the documents of every marker. Both engines, and
every worker of either, write batches this way; the final tables are made once, from the parts.
"""
from __future__ import annotations

import ctypes
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from hashlib import sha1
from pathlib import Path

from .storage import TableWriter, schema

PART_TABLES = ("entities", "amounts", "hardware")
DONE = "done"
BATCHES_BETWEEN_TRIMS = 8
_batches_since_trim = 0


def write_batch(records: list[dict], batches_dir: str | os.PathLike) -> int:
    """Analyse one batch (records with doc_id, body, lang, date, position) and write its parts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .analysis import analyze_batch

    records = list(records)
    if not records:
        return 0
    folder = Path(batches_dir)
    tables = analyze_batch(records)
    digest = sha1("\x1f".join(r["doc_id"] for r in records).encode("utf-8")).hexdigest()[:12]
    stem = f"{records[0]['position']:09d}-{digest}"
    for name in PART_TABLES:
        if tables[name]:
            path = folder / name / f"part-{stem}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pylist(tables[name], schema=schema(name)), path)
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


def finish_tables(batches_dir: str | os.PathLike, tables_dir: str | os.PathLike,
                  positions: dict[str, int]) -> dict[str, list[Path]]:
    """Entities, amounts, hardware and investments tables from the finished batches of the
    documents at ``positions`` (doc_id -> row in the documents table), in corpus order."""
    batches_dir, tables_dir = Path(batches_dir), Path(tables_dir)
    batches, in_order = _corpus_order(finished_batches(batches_dir), positions)
    files = {}
    for name in PART_TABLES:
        files[name] = [_concatenate(name, batches, in_order, positions, batches_dir, tables_dir)]
        release_memory()
    files["investments"] = [_merge_events(files["amounts"][0], tables_dir)]
    _flag_suspects(files["amounts"][0], files["investments"][0])
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
    import pyarrow.parquet as pq

    path = tables_dir / f"{name}.parquet"
    parts = []
    with TableWriter(path, name) as writer:
        for batch in batches:
            part = batches_dir / name / f"part-{batch.stem}.parquet"
            if not part.exists():
                continue  # the batch had no rows of this table
            table = pq.read_table(part, schema=schema(name), use_threads=False)
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


class _InvestingAmounts:
    """The investing amounts of an amounts table, read from disk afresh at each iteration."""

    def __init__(self, path: Path):
        self.path = path

    def __iter__(self):
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        from .extract.events import AMOUNT_COLUMNS
        from .extract.investments import INVESTING_KINDS

        investing = pa.array(sorted(INVESTING_KINDS))
        with pq.ParquetFile(self.path) as amounts:
            for batch in amounts.iter_batches(batch_size=1_000, columns=AMOUNT_COLUMNS, use_threads=False):
                wanted = pc.and_(pc.is_in(batch["kind"], investing), pc.is_valid(batch["value_eur"]))
                yield from batch.filter(wanted).to_pylist()


def _merge_events(amounts_path: Path, tables_dir: Path) -> Path:
    """Merge the investing amounts into events, then give every amount its event_id."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .extract.events import merge_events

    events, event_of = merge_events(_InvestingAmounts(amounts_path))
    investments = tables_dir / "investments.parquet"
    with TableWriter(investments, "investments") as writer:
        writer.write(events)
    linked = amounts_path.with_name(f".{amounts_path.name}.linked")
    with pq.ParquetFile(amounts_path) as amounts, TableWriter(linked, "amounts") as writer:
        for batch in amounts.iter_batches(batch_size=5_000, use_threads=False):
            table = pa.Table.from_batches([batch])
            event_ids = pa.array([event_of.get(a, "") for a in batch["amount_id"].to_pylist()], pa.string())
            writer.write_arrow(table.set_column(table.schema.get_field_index("event_id"), "event_id", event_ids))
    os.replace(linked, amounts_path)
    return investments


SANITY_COLUMNS = ["doc_id", "text", "lang", "kind", "value_eur", "event_id"]


def _flag_suspects(amounts_path: Path, investments_path: Path) -> None:
    """Set ``suspect`` and ``suspect_reason`` on the finished amounts and investments tables."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .extract.sanity import flag_amounts, flag_investments

    amounts = pq.read_table(amounts_path, columns=SANITY_COLUMNS).to_pandas()
    amount_flags = flag_amounts(amounts)
    investments = pq.read_table(investments_path).to_pandas()
    event_flags = flag_investments(investments, amounts, amount_flags)
    for path, name, flags in ((amounts_path, "amounts", amount_flags), (investments_path, "investments", event_flags)):
        flagged = path.with_name(f".{path.name}.flagged")
        start = 0
        with pq.ParquetFile(path) as table_file, TableWriter(flagged, name) as writer:
            for batch in table_file.iter_batches(batch_size=5_000, use_threads=False):
                table = pa.Table.from_batches([batch])
                rows = flags.iloc[start:start + table.num_rows]
                start += table.num_rows
                for column, kind in (("suspect", pa.bool_()), ("suspect_reason", pa.string())):
                    table = table.set_column(table.schema.get_field_index(column), column,
                                             pa.array(rows[column].tolist(), kind))
                writer.write_arrow(table)
        os.replace(flagged, path)
