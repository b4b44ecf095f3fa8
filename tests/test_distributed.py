"""The Dask engine gives the same tables as the local engine; batches on disk make the tables."""
import json

import pytest

import corpus_tools as ct
from corpus_tools import Corpus
from corpus_tools.batches import finish_tables, write_batch

TABLES = ("documents", "errors", "entities", "amounts", "hardware", "investments")


def test_local_cluster_with_two_workers_gives_identical_tables(sample_dir, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    local = ct.analyze([sample_dir], progress=False, batch_size=3)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        parts = tmp_path / "parts"
        on_dask = ct.analyze([sample_dir], progress=False, batch_size=3, engine="dask",
                             scheduler=cluster.scheduler_address, parts_dir=parts)
        assert len(list((parts / "amounts").glob("part-*.parquet"))) >= 2  # really partitioned
    local.save(tmp_path / "local")
    on_dask.save(tmp_path / "dask")
    for table in TABLES:
        assert getattr(local, table).equals(getattr(on_dask, table)), table
        assert (tmp_path / "local" / "tables" / f"{table}.parquet").read_bytes() == \
            (tmp_path / "dask" / "tables" / f"{table}.parquet").read_bytes(), table


def _records(first, n):
    return [{"doc_id": f"d{i}", "body": f"Microsoft va investir {i + 1} milliards d'euros en France.", "lang": "fr",
             "date": "2024-05-13", "position": i} for i in range(first, first + n)]


def test_batches_finished_in_any_order_give_tables_in_corpus_order(tmp_path):
    batches = tmp_path / "batches"
    assert write_batch(_records(2, 2), batches) == 2  # a worker may finish the second batch first
    assert write_batch(_records(0, 2), batches) == 2
    assert json.loads(next((batches / "done").glob("000000000-*.json")).read_text()) == ["d0", "d1"]
    # A part whose batch never finished (killed before its marker) is not part of the tables.
    orphan = batches / "amounts" / "part-000000009-killed.parquet"
    orphan.write_bytes((next((batches / "amounts").glob("part-000000000-*.parquet"))).read_bytes())
    positions = {f"d{i}": i for i in range(4)}
    files = finish_tables(batches, tmp_path / "tables", positions)
    corpus = Corpus.from_files(files)
    assert list(corpus.amounts["doc_id"]) == ["d0", "d1", "d2", "d3"]
    assert list(corpus.amounts["value"]) == [1e9, 2e9, 3e9, 4e9] and corpus.amounts["low"].isna().all()
    assert corpus.amounts["event_id"].str.startswith("ev-").all() and len(corpus.investments) == 4
    # Documents no longer in the inputs (a resume after the inputs changed) leave no rows behind.
    del positions["d1"]
    corpus = Corpus.from_files(finish_tables(batches, tmp_path / "tables", positions))
    assert list(corpus.amounts["doc_id"]) == ["d0", "d2", "d3"]
    # Batches that interleave in the new order are sorted row by row.
    interleaved = {"d0": 0, "d2": 1, "d1": 2, "d3": 3}
    corpus = Corpus.from_files(finish_tables(batches, tmp_path / "tables", interleaved))
    assert list(corpus.amounts["doc_id"]) == ["d0", "d2", "d1", "d3"]


def test_partitioned_tables_load_in_part_order(tmp_path):
    batches = tmp_path / "batches"
    write_batch(_records(0, 2), batches)
    write_batch(_records(2, 2), batches)
    saved = tmp_path / "saved"
    (saved / "tables" / "amounts").mkdir(parents=True)
    for part in sorted((batches / "amounts").glob("*.parquet")):
        (saved / "tables" / "amounts" / part.name).write_bytes(part.read_bytes())
    (saved / "manifest.json").write_text("{}")
    assert list(Corpus.load(saved).amounts["doc_id"]) == ["d0", "d1", "d2", "d3"]
