"""The Dask engine gives the same tables as the local engine, its workers reading the inputs;
batches on disk make the tables."""
import importlib
import json

import pytest

import corpus_tools as ct
from corpus_tools import Corpus
from corpus_tools.finish import finish_tables
from corpus_tools.tables import UnknownColumn
from corpus_tools.tasks import analyse_records as write_batch

TABLES = ("documents", "errors", "entities", "amounts", "hardware", "investments")


def test_local_cluster_with_two_workers_gives_identical_tables_and_the_client_reads_no_text(
        sample_dir, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    from corpus_tools.ingest import readers

    local = ct.analyze([sample_dir], progress=False, batch_size=3)
    opened = []
    real_read_file = readers.read_file

    def counted(entry, **options):  # patched in this process only: the workers keep the real one
        opened.append(entry)
        return real_read_file(entry, **options)

    monkeypatch.setattr(readers, "read_file", counted)
    monkeypatch.setattr(importlib.import_module("corpus_tools.ingest"), "read_file", counted)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        parts = tmp_path / "parts"
        on_dask = ct.analyze([sample_dir], progress=False, batch_size=3, engine="dask",
                             scheduler=cluster.scheduler_address, parts_dir=parts)
        assert len(list((parts / "amounts").glob("part-*.parquet"))) >= 2  # really partitioned
    assert opened == []  # the client listed the files; the workers read them
    ct.analyze([sample_dir], progress=False, batch_size=3)
    assert opened  # the same counter sees the reads of a run in this process
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


def test_a_misspelt_column_is_an_error_not_a_null_column(tmp_path):
    from corpus_tools.store import write_batch as store_batch

    row = {"doc_id": "d0", "start": 0, "end": 5, "text": "H100s", "kind": "gpu", "product": "H100",
           "vendor": "NVIDIA", "quantity": None, "unit": "", "approx": False, "flop_s": None, "precision": "",
           "watts": None}
    records = [{"doc_id": "d0", "position": 0}]
    assert store_batch(records, {"entities": [], "amounts": [], "hardware": [row]}, tmp_path) == 1
    with pytest.raises(UnknownColumn, match="vendors"):
        store_batch(records, {"entities": [], "amounts": [], "hardware": [{**row, "vendors": "AMD"}]}, tmp_path)


def test_duplicates_decided_across_workers_as_in_one_pass(tmp_path):
    """Workers send keys, the coordinator decides in input order: the earliest input wins, and a
    repeated id gets one derived from where it was found, whatever the split into parts."""
    from corpus_tools.ingest import iter_documents

    story = ("The regional council approved a grant of 40 million euros for the new battery plant, "
             "which is expected to employ 900 people when it opens in the spring of next year. "
             "Local unions welcomed the decision but asked for training programmes for older workers.")
    other = ("A start-up from Lyon raised 12 million euros from two venture funds to build software "
             "that plans the maintenance of wind turbines, its founder said on Tuesday.")
    files = {"a.txt": story, "b.txt": other, "c.txt": story.upper().replace(" ", "  "),
             "d.txt": story.replace("older workers", "older staff"), "e.txt": story}
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, text in files.items():
        (inputs / name).write_text(text + "\n", encoding="utf-8")
    expected = [(d.doc_id, d.duplicate_of) for d in iter_documents([inputs])]
    assert [bool(original) for _, original in expected] == [False, False, True, True, True]
    assert len({doc_id for doc_id, _ in expected}) == 5  # the exact copies got ids of their own
    for options in ({"batch_size": 1, "n_process": 2}, {"batch_size": 32}):
        corpus = ct.analyze([inputs], progress=False, **options)
        assert list(zip(corpus.documents["doc_id"], corpus.documents["duplicate_of"])) == expected
        assert set(corpus.amounts["doc_id"]) <= {expected[0][0], expected[1][0]}  # duplicates not analysed
    assert list(ct.ingest([inputs], progress=False).documents["duplicate_of"]) == [o for _, o in expected]


def test_the_local_cluster_starts_its_workers_without_dasks_malloc_trim_threshold(monkeypatch):
    """Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 in each worker's environment: glibc then hands
    memory back at nearly every free, and the analysis ran 26% slower per document. Our workers trim
    their heap themselves."""
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    import os

    from corpus_tools.engines.dask import dask_executor

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with dask_executor(None) as (executor, _):
        environments = executor.client.run(lambda: (os.environ.get("MALLOC_TRIM_THRESHOLD_"),
                                                    os.environ.get("OMP_NUM_THREADS")))
    assert environments and all(trim is None and threads == "1" for trim, threads in environments.values())
