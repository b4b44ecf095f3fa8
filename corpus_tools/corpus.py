"""Corpus: the tables of one analysis, and how they are saved and loaded.

A saved corpus is a folder of Parquet tables plus ``manifest.json``. The folder is written
under a temporary name and swapped into place, so an interrupted save leaves the previous
complete output (or none), never a half-written one.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from hashlib import sha256
from pathlib import Path
from typing import Iterable

import pandas as pd

from . import __version__
from .types import Amount, Document, Entity, ErrorRecord, HardwareMention, Investment

TABLE_COLUMNS: dict[str, list[str]] = {
    "documents": Document.columns(),
    "errors": ErrorRecord.columns(),
    "entities": ["doc_id"] + Entity.columns(),
    "amounts": ["doc_id", "amount_id"] + [c for c in Amount.columns() if c != "equivalent_of"] + [
        "kind", "value_eur", "value_usd", "fx_rate", "fx_date", "investor", "recipient", "sentence",
        "sentence_start", "equivalent_of"],
    "hardware": ["doc_id"] + HardwareMention.columns(),
    "investments": Investment.columns(),
}
TABLES = tuple(TABLE_COLUMNS)
MANIFEST = "manifest.json"


def empty_table(name: str) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in TABLE_COLUMNS[name]})


def records_table(name: str, rows: Iterable[dict]) -> pd.DataFrame:
    """A table with the contract's columns first (missing ones filled), extra columns after."""
    frame = pd.DataFrame(list(rows))
    if frame.empty:
        return empty_table(name)
    for column in TABLE_COLUMNS[name]:
        if column not in frame.columns:
            frame[column] = None
    extra = [c for c in frame.columns if c not in TABLE_COLUMNS[name]]
    return frame[TABLE_COLUMNS[name] + extra].reset_index(drop=True)


class Corpus:
    """The tables of an analysed corpus, as pandas DataFrames."""

    def __init__(self, **tables: pd.DataFrame):
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise TypeError(f"unknown tables: {sorted(unknown)}")
        for name in TABLES:
            table = tables.get(name)
            setattr(self, name, empty_table(name) if table is None else table)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(table)}" for name, table in self.tables.items())
        return f"Corpus({counts})"

    def counts(self) -> dict[str, int]:
        counts = {name: len(table) for name, table in self.tables.items()}
        documents = self.documents
        counts["duplicates"] = int((documents["duplicate_of"].fillna("") != "").sum()) if len(documents) else 0
        return counts

    def fingerprint(self) -> str:
        """Identifies the input as read: same documents and errors, same fingerprint."""
        digest = sha256()
        for row in self.documents[["source", "item", "doc_id"]].itertuples(index=False):
            digest.update("\x1f".join(map(str, row)).encode("utf-8") + b"\x1e")
        for row in self.errors[["source", "item", "reason"]].itertuples(index=False):
            digest.update("\x1f".join(map(str, row)).encode("utf-8") + b"\x1e")
        return digest.hexdigest()

    def manifest(self) -> dict:
        return {"corpus_tools_version": __version__, "tables": list(TABLES), "counts": self.counts(),
                "input_fingerprint": self.fingerprint()}

    def save(self, directory: str | os.PathLike) -> Path:
        """Write every table as Parquet and the manifest, atomically replacing ``directory``."""
        return write_atomically(directory, self, self.write_tables)

    def write_tables(self, directory: Path) -> None:
        tables_dir = directory / "tables"
        tables_dir.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables.items():
            table.to_parquet(tables_dir / f"{name}.parquet", index=False)

    @classmethod
    def load(cls, directory: str | os.PathLike) -> "Corpus":
        directory = Path(directory)
        if not (directory / MANIFEST).exists():
            raise FileNotFoundError(f"no {MANIFEST} in {directory}: not a saved corpus")
        tables = {}
        for name in TABLES:
            single, partitioned = directory / "tables" / f"{name}.parquet", directory / "tables" / name
            if single.exists():
                tables[name] = pd.read_parquet(single)
            elif partitioned.is_dir():  # part-*.parquet files, as a Dask job writes them
                parts = sorted(partitioned.glob("*.parquet"))
                tables[name] = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True) if parts else None
        return cls(**{name: table for name, table in tables.items() if table is not None})


def write_atomically(directory: str | os.PathLike, corpus: "Corpus", write) -> Path:
    """``write(staging)`` fills a staging folder, the manifest is added, then the folder is swapped
    into ``directory``: a reader sees the previous complete output, or the new one."""
    target = Path(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        write(staging)
        (staging / MANIFEST).write_text(json.dumps(corpus.manifest(), indent=2, sort_keys=True) + "\n",
                                        encoding="utf-8")
        replace_directory(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def replace_directory(staging: Path, target: Path) -> None:
    """Swap ``staging`` into ``target``: at every moment ``target`` is complete or absent."""
    if not target.exists():
        os.replace(staging, target)
        return
    retired = target.with_name(f".{target.name}.old-{os.getpid()}")
    if retired.exists():
        shutil.rmtree(retired)
    os.replace(target, retired)
    os.replace(staging, target)
    shutil.rmtree(retired, ignore_errors=True)
