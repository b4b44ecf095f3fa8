"""The Dask engine: the same per-batch analysis, spread over a Dask cluster.

Batches of documents become the elements of a Dask bag, a few dozen per worker at a time so the
client never holds the corpus. Each worker process loads the spaCy models once (they are cached
per process) and writes the parts of its batches under ``batches_dir``, a folder every worker
can reach (local disk for a LocalCluster, a shared file system for a remote one). The client
then makes the final tables from the parts, exactly as with the local engine.
"""
from __future__ import annotations

import os
from itertools import islice
from pathlib import Path
from typing import Iterable

BATCHES_PER_WORKER = 8  # elements of one bag: enough to keep every worker busy


def run_dask(batches: Iterable[list[dict]], batches_dir: str | os.PathLike, *, scheduler: str | None = None) -> int:
    """Analyse ``batches`` on the Dask cluster at ``scheduler`` (a local cluster when None);
    returns the number of documents analysed."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from .batches import write_batch

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
        with client:
            window = BATCHES_PER_WORKER * max(1, sum(client.nthreads().values()))
            batches, analysed = iter(batches), 0
            while chunk := list(islice(batches, window)):
                bag = db.from_sequence(chunk, npartitions=len(chunk))
                analysed += sum(bag.map(write_batch, batches_dir=str(Path(batches_dir))).compute())
            return analysed
    finally:
        if cluster is not None:
            cluster.close()
