"""The end of a run: the tables assembled from the parts, then the cross-document steps on them,
investment events merged across articles and suspect figures flagged. Each streams its table from
disk and writes it back whole."""
from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path

from .storage import TableWriter
from .store import assemble_ingest_tables, assemble_part_tables, release_memory


def finish_tables(batches_dir: str | os.PathLike, tables_dir: str | os.PathLike, positions: dict[str, int], *,
                  ingest: tuple[dict, dict] | None = None, pool=None) -> dict[str, list[Path]]:
    """The tables of the documents at ``positions`` (doc_id -> row in the documents table) from
    the finished batches, in corpus order: amounts and the investment events merged from them,
    entities and hardware, and with ``ingest`` (the coordinator's stems and duplicate decisions)
    documents and errors.

    With ``pool`` (an executor of the analysis's worker processes, idle by now, that reach
    ``tables_dir``), these three jobs run side by side in its workers and this process only waits.
    Without, the merge runs here while a thread concatenates the other tables (Arrow, mostly outside
    the GIL)."""
    from concurrent.futures import ThreadPoolExecutor

    from .tables import PART_TABLES

    others = tuple(name for name in PART_TABLES if name != "amounts")
    with nullcontext(pool) if pool is not None else ThreadPoolExecutor(max_workers=1) as helper:
        events = pool.submit(_amounts_and_events, batches_dir, tables_dir, positions) if pool is not None else None
        jobs = [helper.submit(assemble_part_tables, batches_dir, tables_dir, positions, others)]
        if ingest is not None:
            jobs.append(helper.submit(assemble_ingest_tables, batches_dir, tables_dir, *ingest))
        files = events.result() if events is not None else _amounts_and_events(batches_dir, tables_dir, positions)
        for job in jobs:
            files.update(job.result())
    release_memory()
    names = (("documents", "errors") if ingest is not None else ()) + PART_TABLES + ("investments",)
    return {name: files[name] for name in names}


def _amounts_and_events(batches_dir: str | os.PathLike, tables_dir: str | os.PathLike,
                        positions: dict[str, int]) -> dict[str, list[Path]]:
    """The amounts table, the investments merged from it, then both flagged."""
    amounts = assemble_part_tables(batches_dir, tables_dir, positions, names=("amounts",))["amounts"][0]
    investments = _merge_events(amounts, Path(tables_dir))
    _flag_suspects(amounts, investments)
    release_memory()
    return {"amounts": [amounts], "investments": [investments]}


class _InvestingAmounts:
    """The investing amounts of an amounts table, read from disk afresh at each iteration: those
    converted to euros, and those written without a currency (mentions of an event, never one)."""

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
                no_currency = pc.or_(pc.is_null(batch["currency"]), pc.equal(batch["currency"], ""))
                wanted = pc.and_(pc.is_in(batch["kind"], investing),
                                 pc.or_kleene(pc.is_valid(batch["value_eur"]), no_currency))
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
