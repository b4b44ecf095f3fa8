"""Tables on disk: one Arrow schema per table, rows written in Parquet row groups as they arrive
and read back by column, so no step needs a whole corpus in memory.

A fixed schema also gives every table the same column types whatever its content (a column that
happens to be all empty stays a float or a string), which keeps outputs byte-for-byte stable.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import pandas as pd

from .tables import TABLE_COLUMNS, TABLES, empty_table, schema, to_arrow

__all__ = ["TABLES", "TABLE_COLUMNS", "TableWriter", "empty_table", "read_parquet", "schema"]

ROWS_PER_GROUP = 5_000
BYTES_PER_GROUP = 1_000_000  # text in one row group (about 800 news articles)
ROWS_PER_CONVERSION = 256


class TableWriter:
    """Rows in, Parquet row groups out; holds at most one row group in memory."""

    def __init__(self, path: str | os.PathLike, name: str):
        self.path, self.name = Path(path), name
        self._rows: list[dict] = []  # not yet converted to Arrow
        self._rows_chars = 0
        self._pending: list = []
        self._pending_rows = self._pending_text = 0
        self._writer = None

    def write(self, rows: Iterable[dict]) -> None:
        for row in rows:
            self._rows.append(row)
            self._rows_chars += sum(len(value) for value in row.values() if isinstance(value, str))
        if len(self._rows) >= ROWS_PER_CONVERSION or self._rows_chars >= BYTES_PER_GROUP // 8:
            self._convert()

    def _convert(self) -> None:
        rows, self._rows, self._rows_chars = self._rows, [], 0
        if rows:
            self.write_arrow(to_arrow(self.name, rows))

    def write_arrow(self, table) -> None:
        """Rows already in Arrow form (a part read back), grouped like any others."""
        self._convert()  # rows given earlier go first
        if table.num_rows:
            self._pending.append(table.select(TABLE_COLUMNS[self.name]).cast(schema(self.name)))
            self._pending_rows += table.num_rows
            self._pending_text += int(_text_sizes(table).sum())
        if self._pending_rows >= ROWS_PER_GROUP or self._pending_text >= BYTES_PER_GROUP:
            self._write_groups(last=False)  # a group is complete: by rows or by text, as it is cut

    def flush(self) -> None:
        self._convert()
        self._write_groups(last=True)

    def _write_groups(self, last: bool) -> None:
        """Write the complete row groups held (and, at the end, the rest). Where groups are cut
        depends only on the rows, never on how they were handed in, so the file is the same
        whatever the batch size, the number of processes or the engine."""
        import pyarrow as pa

        if not self._pending:
            return
        table = pa.concat_tables(self._pending)
        sizes = _text_sizes(table)
        start = 0
        for end in _group_ends(sizes):
            if end == table.num_rows and not last and end - start < ROWS_PER_GROUP:
                break  # not full yet: more rows may join it
            self._open().write_table(table.slice(start, end - start), row_group_size=end - start)
            start = end
        rest = table.slice(start)
        self._pending = [rest] if rest.num_rows else []
        self._pending_rows, self._pending_text = rest.num_rows, int(sizes[start:].sum())

    def close(self) -> Path:
        self.flush()
        self._open().close()
        return self.path

    def _open(self):
        import pyarrow.parquet as pq

        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(self.path, schema(self.name))
        return self._writer

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if kind is None:
            self.close()
        elif self._writer is not None:
            self._writer.close()


def _text_sizes(table):
    """Bytes of text in each row (numpy)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    sizes = np.zeros(table.num_rows, dtype=np.int64)
    for column in table.columns:
        if pa.types.is_string(column.type):
            sizes += pc.binary_length(column).fill_null(0).to_numpy()
    return sizes


def _group_ends(sizes) -> list[int]:
    """Row indexes where groups end, from the bytes of text of each row (``_text_sizes``): every
    ROWS_PER_GROUP rows, or sooner once the text in a group reaches BYTES_PER_GROUP."""
    import numpy as np

    ends, start = [], 0
    while start < len(sizes):
        full = np.searchsorted(np.cumsum(sizes[start:start + ROWS_PER_GROUP]), BYTES_PER_GROUP, side="left") + 1
        start += min(int(full), ROWS_PER_GROUP, len(sizes) - start)
        ends.append(start)
    return ends


def write_parquet(name: str, frame: pd.DataFrame, path: str | os.PathLike) -> None:
    """A table held as a DataFrame: in the table's schema when it has the table's columns, else
    with whatever columns an analyst gave it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if list(frame.columns) == TABLE_COLUMNS.get(name):
        table = pa.Table.from_pandas(frame, schema=schema(name), preserve_index=False)
    else:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    pq.write_table(table.replace_schema_metadata(None), path)


def read_parquet(files: Sequence[Path], name: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = [pq.read_table(path, columns=list(columns) if columns is not None else None) for path in files]
    if not tables:
        frame = empty_table(name)
        return frame[list(columns)] if columns is not None else frame
    return pa.concat_tables(tables, promote_options="default").to_pandas()


def iter_parquet(files: Sequence[Path], rows: int = ROWS_PER_GROUP) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=rows):
            yield batch.to_pandas()


def row_count(files: Sequence[Path]) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(path).metadata.num_rows for path in files)
