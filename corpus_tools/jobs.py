"""The jobs a notebook or the command line runs: ingest, then analyse.

Everything streams, and the work happens in workers (``tasks``), run by an engine (``engines``):
they read their own inputs, clean them, tag their language, compute duplicate keys, analyse the
originals and write parts; this process lists the inputs and decides duplicates from the keys.
The parts are then assembled into tables a row group at a time and the cross-document steps run
(``finish``), in the pool's workers when there is a pool. The Corpus returned reads its tables
from disk when they are used.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable

from .corpus import Corpus
from .engines import ENGINES
from .ingest import FieldMap, Limits
from .progress import Progress, count_files
from .store import INGEST, arrow_malloc_while, assemble_ingest_tables, done_doc_ids

BATCH_SIZE = 32


def _progress(progress: "bool | None | Progress") -> tuple[Progress, bool]:
    """The Progress to report to, and whether this call owns it (and closes it)."""
    if isinstance(progress, Progress):
        return progress, False
    return Progress(progress), True


@contextmanager
def _removed_on_error(folder: Path | None):
    """A temporary work folder does not outlive a failed run (a chosen one stays, for resuming)."""
    try:
        yield
    except BaseException:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _work_folder(folder: str | os.PathLike | None) -> tuple[Path, Path | None]:
    """The folder an analysis writes to, and the same again when it is a temporary one to remove."""
    if folder is not None:
        return Path(folder), None
    temporary = Path(tempfile.mkdtemp(prefix="corpus_tools-"))
    return temporary, temporary


def _executor(engine: str, n_process: int, scheduler: str | None):
    if engine == "dask":
        from .engines.dask import dask_executor

        return dask_executor(scheduler)
    from .engines.local import local_executor

    return local_executor(n_process)


def ingest(inputs: Iterable[str | os.PathLike], *, limits: Limits = Limits(),
           fields: FieldMap = FieldMap(), progress: "bool | None | Progress" = None) -> Corpus:
    """Read, clean, tag and de-duplicate: a Corpus with its documents and errors tables.

    ``progress``: None shows a bar on a terminal (a line per stage elsewhere), False nothing."""
    from .engines.coordinator import Inline, coordinate

    inputs = [str(p) for p in inputs]
    folder, owned = _work_folder(None)
    reporter, owns_reporter = _progress(progress)
    with _removed_on_error(owned), arrow_malloc_while():
        reporter.start("read", count_files(inputs))
        ingested = coordinate(Inline(), inputs, folder / "batches", limits=limits, fields=fields, progress=reporter,
                              batch_size=BATCH_SIZE, window=1, analyse=False)
        files = assemble_ingest_tables(folder / "batches", folder / "tables", ingested.stems, ingested.duplicates)
        shutil.rmtree(folder / "batches", ignore_errors=True)
        if owns_reporter:
            reporter.close()
        return Corpus.from_files(files, owned_folder=owned)


def analyze(inputs: Iterable[str | os.PathLike], *, n_process: int = 1, engine: str = "local",
            scheduler: str | None = None, limits: Limits = Limits(), fields: FieldMap = FieldMap(),
            progress: "bool | None | Progress" = None, batch_size: int = BATCH_SIZE,
            checkpoint: str | os.PathLike | None = None, resume: bool = False,
            parts_dir: str | os.PathLike | None = None) -> Corpus:
    """Ingest ``inputs`` and extract everything: a Corpus with all six tables.

    Tables and finished batches are written to ``checkpoint`` (a folder; a temporary one, removed
    with the Corpus, when None); ``resume=True`` continues an interrupted run from its finished
    batches instead of starting over. ``engine="dask"`` runs the work on the Dask cluster at
    ``scheduler`` (a local cluster when None), its workers reading the inputs and writing their
    parts to ``parts_dir``, a folder they can all reach (default: inside ``checkpoint``).
    ``progress``: None shows a bar with the time left on a terminal (a line per stage elsewhere),
    False nothing.
    """
    from .engines.coordinator import coordinate
    from .finish import finish_tables

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    inputs = [str(p) for p in inputs]
    folder, owned = _work_folder(checkpoint)
    batches_dir = Path(parts_dir) if parts_dir is not None else folder / "batches"
    if not resume:
        shutil.rmtree(batches_dir, ignore_errors=True)
    shutil.rmtree(batches_dir / INGEST, ignore_errors=True)  # read again: the inputs may have changed
    shutil.rmtree(folder / "tables", ignore_errors=True)
    reporter, owns_reporter = _progress(progress)
    with _removed_on_error(owned), arrow_malloc_while():
        reporter.start("read and analyse", count_files(inputs))
        skip = done_doc_ids(batches_dir) if resume else frozenset()
        with _executor(engine, n_process, scheduler) as (executor, window):
            ingested = coordinate(executor, inputs, batches_dir, limits=limits, fields=fields, progress=reporter,
                                  batch_size=batch_size, window=window, skip=skip)
            reporter.stage("merging investment events across articles")
            # Workers that reach this folder finish the tables: a local pool's, a local Dask cluster's.
            pool = executor if (engine == "local" and n_process > 1) or (engine == "dask" and not scheduler) else None
            files = finish_tables(batches_dir, folder / "tables", ingested.positions,
                                  ingest=(ingested.stems, ingested.duplicates), pool=pool)
        shutil.rmtree(batches_dir / INGEST, ignore_errors=True)
        if owns_reporter:
            reporter.close()
        return Corpus.from_files(files, owned_folder=owned)
