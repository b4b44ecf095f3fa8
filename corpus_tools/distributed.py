"""The Dask engine: the same per-document analysis, spread over a Dask cluster.

Documents are partitioned into a Dask bag; each worker process loads the spaCy models once (they
are cached per process) and writes the tables of its partition as Parquet parts under
``parts_dir`` (a folder every worker can reach: local disk for a LocalCluster, a shared file
system for a remote one). The client then reads the parts back in partition order; cross-document
steps (duplicates, event merge) run afterwards, on the tables, exactly as with the local engine.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from hashlib import sha1
from pathlib import Path

TABLE_NAMES = ("entities", "amounts", "hardware")


def write_partition(records: list[dict], index: int, parts_dir: str) -> int:
    """Analyse one partition and write its tables as Parquet parts; returns the documents done."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .analysis import analyze_batch

    records = list(records)
    if not records:
        return 0
    tables = analyze_batch(records)
    # The documents' hash keeps part names unique even if two partitions reported the same index.
    digest = sha1("\x1f".join(r["doc_id"] for r in records).encode("utf-8")).hexdigest()[:12]
    for name in TABLE_NAMES:
        if tables[name]:
            folder = Path(parts_dir) / name
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pylist(tables[name]), folder / f"part-{index:06d}-{digest}.parquet")
    return len(records)


def read_parts(parts_dir: str | os.PathLike) -> dict[str, list[dict]]:
    """The rows of every part, in partition order, with Python values (None stays None)."""
    import pyarrow.parquet as pq

    tables: dict[str, list[dict]] = {name: [] for name in TABLE_NAMES}
    for name in TABLE_NAMES:
        for path in sorted((Path(parts_dir) / name).glob("part-*.parquet")):
            tables[name] += pq.read_table(path).to_pylist()
    return tables


def run_dask(records: list[dict], *, scheduler: str | None = None, batch_size: int = 32,
             parts_dir: str | os.PathLike | None = None, n_workers: int | None = None) -> dict[str, list[dict]]:
    """Analyse ``records`` on the Dask cluster at ``scheduler`` (a local cluster when None)."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    own_parts = parts_dir is None
    parts = Path(parts_dir) if parts_dir else Path(tempfile.mkdtemp(prefix="corpus_tools_parts-"))
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        with client:
            if records:
                bag = db.from_sequence(records, partition_size=max(1, batch_size))
                written = bag.map_partitions(_partition_task, parts_dir=str(parts))
                sum(written.compute())
        return read_parts(parts)
    finally:
        if cluster is not None:
            cluster.close()
        if own_parts:
            shutil.rmtree(parts, ignore_errors=True)


def _partition_task(records, parts_dir: str):
    """Map one bag partition; its key tells its position, so parts keep the corpus order."""
    from dask.distributed import get_worker

    records = list(records)
    key = get_worker().get_current_task()
    index = _partition_index(key)
    return [write_partition(records, index, parts_dir)]


def _partition_index(key) -> int:
    if isinstance(key, tuple) and len(key) > 1 and isinstance(key[-1], int):
        return key[-1]
    return 0
