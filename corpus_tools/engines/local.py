"""The local engine: the tasks in this process (one process) or in a pool of worker processes,
each loading the models once."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterator

from ..tasks import prepare_worker
from .coordinator import Inline


@contextmanager
def local_executor(n_process: int) -> Iterator[tuple[object, int]]:
    """(executor, tasks to keep waiting per kind): a few per worker, so none idles."""
    if n_process <= 1:
        yield Inline(), 1
        return
    executor = ProcessPoolExecutor(max_workers=n_process, initializer=prepare_worker)
    try:
        yield executor, 2 * n_process
    finally:
        executor.shutdown(cancel_futures=True)
