"""The Dask engine: the same tasks on a Dask cluster (a local one when no scheduler is given).

Workers read their own inputs: the client sends each a run of file paths and gets back ids and
duplicate keys, never text. Each worker process loads the spaCy models once (cached per process)
and writes its parts under the parts folder, which every worker must reach (local disk for a
LocalCluster, a shared file system for a remote one).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from ..tasks import prepare_worker

TASKS_PER_THREAD = 2  # tasks of each kind waiting per worker thread: enough to keep all busy


class _Submitter:
    """A Dask client seen as an executor: every task is a new one (never deduplicated by key)."""

    def __init__(self, client):
        self.client = client

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)


@contextmanager
def dask_executor(scheduler: str | None) -> Iterator[tuple[object, int]]:
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            # Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand
            # memory back at nearly every free: the analysis ran 26% slower per document (CPU time,
            # 480 bench documents). The workers trim their heap themselves (``release_memory``).
            with dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
                cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
            client = Client(cluster)
        with client:
            client.run(prepare_worker)  # as the local pool's workers: one BLAS thread per task thread, Arrow on malloc
            yield _Submitter(client), TASKS_PER_THREAD * max(1, sum(client.nthreads().values()))
    finally:
        if cluster is not None:
            cluster.close()
