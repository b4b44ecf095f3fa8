"""The Dask engine gives the same tables as the local engine."""
import pytest

import corpus_tools as ct
from corpus_tools import Corpus
from corpus_tools.distributed import read_parts, write_partition

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

TABLES = ("documents", "errors", "entities", "amounts", "hardware", "investments")


def test_local_cluster_with_two_workers_gives_identical_tables(sample_dir, tmp_path):
    local = ct.analyze([sample_dir], progress=False, batch_size=3)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        parts = tmp_path / "parts"
        on_dask = ct.analyze([sample_dir], progress=False, batch_size=3, engine="dask",
                             scheduler=cluster.scheduler_address, parts_dir=parts)
        assert len(list((parts / "amounts").glob("part-*.parquet"))) >= 2  # really partitioned
    for table in TABLES:
        assert getattr(local, table).equals(getattr(on_dask, table)), table


def test_parts_round_trip_and_partitioned_load(sample_dir, tmp_path):
    records = [{"doc_id": f"d{i}", "body": f"Microsoft va investir {i + 1} milliards d'euros en France.", "lang": "fr",
                "date": "2024-05-13"} for i in range(4)]
    assert write_partition(records[:2], 0, tmp_path / "parts") == 2
    assert write_partition(records[2:], 1, tmp_path / "parts") == 2
    rows = read_parts(tmp_path / "parts")["amounts"]
    assert [r["doc_id"] for r in rows] == ["d0", "d1", "d2", "d3"] and rows[0]["low"] is None
    saved = tmp_path / "saved"
    (saved / "tables" / "amounts").mkdir(parents=True)
    for part in sorted((tmp_path / "parts" / "amounts").glob("*.parquet")):
        (saved / "tables" / "amounts" / part.name).write_bytes(part.read_bytes())
    (saved / "manifest.json").write_text("{}")
    assert list(Corpus.load(saved).amounts["doc_id"]) == ["d0", "d1", "d2", "d3"]
