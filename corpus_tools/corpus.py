"""Corpus: the tables of one analysis, and how they are saved and loaded.

A saved corpus is a folder of Parquet tables plus ``manifest.json``. The folder is written
under a temporary name and swapped into place, so an interrupted save leaves the previous
complete output (or none), never a half-written one.
"""
from __future__ import annotations

import json
import os
import shutil
import weakref
from hashlib import sha256
from pathlib import Path
import pandas as pd

from . import __version__
from .outputs import MANIFEST, plan_output, write_output
from .storage import iter_parquet, read_parquet, row_count, write_parquet
from .tables import TABLES, empty_table


class _Table:
    """A table of the corpus: read from its Parquet file on first access when the corpus has one."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, corpus, owner=None):
        if corpus is None:
            return self
        if self.name not in corpus._frames:
            corpus._frames[self.name] = corpus.read(self.name)
        return corpus._frames[self.name]

    def __set__(self, corpus, frame: pd.DataFrame) -> None:
        corpus._frames[self.name] = frame
        corpus._files.pop(self.name, None)  # the file no longer holds this table


class Corpus:
    """The tables of an analysed corpus, as pandas DataFrames.

    A corpus made by ``analyze`` or ``Corpus.load`` keeps its tables on disk and reads each one on
    first access; ``read(name, columns)`` reads only some columns, ``counts()`` reads none.
    """

    documents: pd.DataFrame  # one attribute per table of the registry (``tables``), set below
    errors: pd.DataFrame
    entities: pd.DataFrame
    amounts: pd.DataFrame
    hardware: pd.DataFrame
    investments: pd.DataFrame

    def __init__(self, **tables: pd.DataFrame):
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise TypeError(f"unknown tables: {sorted(unknown)}")
        self._files: dict[str, list[Path]] = {}
        self._frames = {name: empty_table(name) if tables.get(name) is None else tables[name] for name in TABLES}

    @classmethod
    def from_files(cls, files: dict[str, list[Path]], *, owned_folder: Path | None = None) -> "Corpus":
        """A corpus whose tables stay in these Parquet files until they are used; ``owned_folder``
        (a temporary one) is removed when the corpus is garbage-collected."""
        corpus = cls()
        for name, paths in files.items():
            corpus._frames.pop(name)
            corpus._files[name] = list(paths)
        if owned_folder is not None:
            weakref.finalize(corpus, shutil.rmtree, owned_folder, True)
        return corpus

    def read(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One table, or some of its columns, without keeping it in memory."""
        if name in self._frames:
            frame = self._frames[name]
            return frame if columns is None else frame[columns]
        return read_parquet(self._files[name], name, columns)

    def chunks(self, name: str, rows: int = 5_000):
        """The rows of one table, a DataFrame of at most ``rows`` at a time."""
        if name in self._frames:
            frame = self._frames[name]
            for start in range(0, len(frame), rows):
                yield frame.iloc[start:start + rows]
        else:
            yield from iter_parquet(self._files[name], rows)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={count}" for name, count in self.counts().items() if name in TABLES)
        return f"Corpus({counts})"

    def counts(self) -> dict[str, int]:
        counts = {name: len(self._frames[name]) if name in self._frames else row_count(self._files[name])
                  for name in TABLES}
        duplicate_of = self.read("documents", ["duplicate_of"])["duplicate_of"]
        counts["duplicates"] = int((duplicate_of.fillna("") != "").sum())
        return counts

    def fingerprint(self) -> str:
        """Identifies the input as read: same documents and errors, same fingerprint."""
        digest = sha256()
        for name, columns in (("documents", ["source", "item", "doc_id"]), ("errors", ["source", "item", "reason"])):
            for row in self.read(name, columns).itertuples(index=False):
                digest.update("\x1f".join(map(str, row)).encode("utf-8") + b"\x1e")
        return digest.hexdigest()

    def manifest(self) -> dict:
        return {"corpus_tools_version": __version__, "tables": list(TABLES), "counts": self.counts(),
                "input_fingerprint": self.fingerprint()}

    def save(self, directory: str | os.PathLike, *, force: bool = False) -> Path:
        """Write every table as Parquet and the manifest, atomically replacing ``directory``.

        ``directory`` must be new, empty or a saved corpus (else OutputRefused); ``force=True``
        writes into another folder, replacing only ``tables/`` and the manifest there.
        Tables not yet read are read from the saved copy afterwards, which stays valid even when
        ``directory`` is the folder they were loaded from."""
        target = write_atomically(directory, self, self.write_tables, force=force)
        self._files = {name: [target / "tables" / f"{name}.parquet"] for name in self._files}
        return target

    def write_tables(self, directory: Path) -> None:
        tables_dir = directory / "tables"
        tables_dir.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            target = tables_dir / f"{name}.parquet"
            files = self._files.get(name)
            if files is not None and len(files) == 1:
                shutil.copyfile(files[0], target)  # already written in this very format
            else:
                write_parquet(name, self.read(name), target)

    @classmethod
    def load(cls, directory: str | os.PathLike) -> "Corpus":
        directory = Path(directory)
        if not (directory / MANIFEST).exists():
            raise FileNotFoundError(f"no {MANIFEST} in {directory}: not a saved corpus")
        files = {name: [directory / "tables" / f"{name}.parquet"] for name in TABLES
                 if (directory / "tables" / f"{name}.parquet").exists()}
        return cls.from_files(files)


for _name in TABLES:
    setattr(Corpus, _name, _Table(_name))


def write_atomically(directory: str | os.PathLike, corpus: "Corpus", write, *, force: bool = False,
                     inputs=()) -> Path:
    """``write(staging)`` fills a staging folder, the manifest is added, then it is swapped into
    ``directory`` (see ``outputs``): a reader sees the previous complete output, or the new one."""
    def write_with_manifest(staging: Path) -> None:
        write(staging)
        (staging / MANIFEST).write_text(json.dumps(corpus.manifest(), indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")

    return write_output(plan_output(directory, inputs=inputs, force=force), write_with_manifest)
