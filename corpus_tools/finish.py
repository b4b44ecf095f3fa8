"""The end of a run: the tables assembled from the parts, then the cross-document steps on them,
investment events merged across articles and suspect figures flagged. Each streams its table from
disk and writes it back whole."""
from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path

from .storage import TableWriter
from .store import assemble_ingest_tables, assemble_part_tables, release_memory

SANITY_COLUMNS = ["doc_id", "text", "lang", "kind", "value_eur"]  # with the event ids, what the flags read


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

    from .tables import INGEST_TABLES, PART_TABLES

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
    names = (INGEST_TABLES if ingest is not None else ()) + PART_TABLES + ("investments",)
    return {name: files[name] for name in names}


def _amounts_and_events(batches_dir: str | os.PathLike, tables_dir: str | os.PathLike,
                        positions: dict[str, int]) -> dict[str, list[Path]]:
    """The amounts table and the investments merged from its investing amounts; then, in one pass
    over the amounts, each one's event id and sanity flags."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .extract.events import merge_events
    from .extract.sanity import flag_amounts, flag_investments

    amounts_path = assemble_part_tables(batches_dir, tables_dir, positions, names=("amounts",))["amounts"][0]
    events, event_of = merge_events(_InvestingAmounts(amounts_path))
    amounts = pq.read_table(amounts_path, columns=["amount_id", *SANITY_COLUMNS]).to_pandas()
    amounts["event_id"] = [event_of.get(amount_id, "") for amount_id in amounts["amount_id"]]
    amount_flags = flag_amounts(amounts)
    investments = pd.DataFrame({column: [event[column] for event in events]
                                for column in ("event_id", "kind", "value_eur")})
    event_flags = flag_investments(investments, amounts, amount_flags)
    for event, suspect, reason in zip(events, event_flags["suspect"], event_flags["suspect_reason"]):
        event["suspect"], event["suspect_reason"] = bool(suspect), reason
    investments_path = Path(tables_dir) / "investments.parquet"
    with TableWriter(investments_path, "investments") as writer:
        writer.write(events)
    _replace_columns(amounts_path, "amounts", {
        "event_id": pa.array(amounts["event_id"].tolist(), pa.string()),
        "suspect": pa.array(amount_flags["suspect"].tolist(), pa.bool_()),
        "suspect_reason": pa.array(amount_flags["suspect_reason"].tolist(), pa.string())})
    release_memory()
    return {"amounts": [amounts_path], "investments": [investments_path]}


def _replace_columns(path: Path, name: str, columns: dict) -> None:
    """Rewrite the table at ``path`` a row group at a time with ``columns`` (Arrow arrays of all its
    rows, in order) in place of its own."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rewritten = path.with_name(f".{path.name}.new")
    start = 0
    with pq.ParquetFile(path) as table_file, TableWriter(rewritten, name) as writer:
        for batch in table_file.iter_batches(batch_size=5_000, use_threads=False):
            table = pa.Table.from_batches([batch])
            for column, values in columns.items():
                table = table.set_column(table.schema.get_field_index(column), column,
                                         values.slice(start, table.num_rows))
            start += table.num_rows
            writer.write_arrow(table)
    os.replace(rewritten, path)


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

