"""Tables stream to disk in row groups and are read back only when used."""
import os
import subprocess
import sys

import pyarrow.parquet as pq

import corpus_tools as ct
from corpus_tools import Corpus
from corpus_tools import storage
from corpus_tools.ingest.dedupe import Deduplicator, _KeyIndex
from corpus_tools.report import export


def test_writer_cuts_row_groups_and_keeps_types_of_empty_columns(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "ROWS_PER_GROUP", 4)
    monkeypatch.setattr(storage, "ROWS_PER_CONVERSION", 2)
    rows = [{"doc_id": f"d{i}", "start": i, "end": i + 1, "text": "x", "kind": "gpu", "product": "H100",
             "vendor": "NVIDIA", "quantity": None, "unit": "", "approx": False, "flop_s": None, "precision": "",
             "watts": None} for i in range(10)]
    with storage.TableWriter(tmp_path / "hardware.parquet", "hardware") as writer:
        for row in rows:  # as documents arrive, one at a time
            writer.write([row])
    parquet = pq.ParquetFile(tmp_path / "hardware.parquet")
    assert parquet.metadata.num_rows == 10 and parquet.metadata.num_row_groups == 3
    frame = storage.read_parquet([tmp_path / "hardware.parquet"], "hardware")
    assert list(frame["doc_id"]) == [f"d{i}" for i in range(10)]
    assert frame["quantity"].dtype == "float64"  # all empty, still a number column


def test_analysed_corpus_reads_tables_only_when_used(sample_dir, tmp_path):
    corpus = ct.analyze([sample_dir], progress=False)
    assert corpus._frames == {}  # nothing in memory yet
    counts = corpus.counts()
    assert counts["documents"] == 14 and counts["amounts"] > 20 and corpus._frames == {}
    assert list(corpus.read("documents", ["doc_id", "lang"]).columns) == ["doc_id", "lang"]
    assert len(corpus.amounts) == counts["amounts"] and set(corpus._frames) == {"amounts"}
    saved = corpus.save(tmp_path / "out")
    loaded = Corpus.load(saved)
    loaded.save(saved)  # saving over the folder it was loaded from keeps it readable
    assert loaded.documents.equals(corpus.documents) and loaded.investments.equals(corpus.investments)


def test_edited_table_is_saved_from_memory(sample_dir, tmp_path):
    corpus = ct.analyze([sample_dir], progress=False)
    corpus.amounts = corpus.amounts[corpus.amounts["kind"] == "investment"].reset_index(drop=True)
    corpus.save(tmp_path / "out")
    assert set(Corpus.load(tmp_path / "out").amounts["kind"]) == {"investment"}


def test_key_index_finds_keys_before_and_after_merging(monkeypatch):
    monkeypatch.setattr(_KeyIndex, "MERGE_EVERY", 3)
    index = _KeyIndex()
    for number, key in enumerate([5, 9, 5, 2**64 - 1, 9, 7, 5]):
        index.add(key, number)
    assert index.get(5) == [0, 2, 6] and index.get(9) == [1, 4] and index.get(2**64 - 1) == [3]
    assert index.get(8) == []


def test_duplicates_found_across_merges(monkeypatch):
    monkeypatch.setattr(_KeyIndex, "MERGE_EVERY", 5)
    bodies = [f"Article {i}: the company {i} will invest {i} million euros in a new data centre near town {i}, "
              f"officials said on day {i} of the summit held in the capital." for i in range(30)]
    dedupe = Deduplicator()
    assert all(dedupe.check(f"d{i}", body) == "" for i, body in enumerate(bodies))
    assert dedupe.check("copy", bodies[3].upper()) == "d3"
    assert dedupe.check("near", bodies[17].replace("capital.", "capital city.")) == "d17"


def test_xlsx_sheet_longer_than_excel_allows_says_where_the_rest_is(sample_dir, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.setattr(export, "EXCEL_MAX_ROWS", 7)
    corpus = ct.analyze([sample_dir], progress=False)
    export.write_xlsx(corpus, tmp_path / "report.xlsx")
    sheet = load_workbook(tmp_path / "report.xlsx")["tables.documents"]
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == "doc_id" and len(values) == 7
    assert values[-1] == "9 more rows in tables/documents.csv and documents.parquet"


def test_same_bytes_whatever_the_batch_size_and_processes(sample_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "ROWS_PER_GROUP", 5)  # many row groups, cut across batches
    ct.analyze([sample_dir], progress=False, batch_size=2).save(tmp_path / "a")
    ct.analyze([sample_dir], progress=False, batch_size=7, n_process=2).save(tmp_path / "b")
    for name in storage.TABLES:
        first = (tmp_path / "a" / "tables" / f"{name}.parquet").read_bytes()
        assert first == (tmp_path / "b" / "tables" / f"{name}.parquet").read_bytes(), name
    assert pq.ParquetFile(tmp_path / "a" / "tables" / "entities.parquet").metadata.num_row_groups > 10


def test_jobs_allocate_arrow_through_malloc_and_give_the_caller_its_allocator_back(sample_dir, monkeypatch):
    """Arrow's own allocator keeps what it frees (a peak growing with the corpus); a job routes it
    through malloc, which is trimmed, and leaves a notebook's allocator as it found it."""
    import pyarrow as pa

    from corpus_tools import jobs

    seen = []
    assemble = jobs.assemble_ingest_tables

    def spy(*args, **kwargs):
        seen.append(pa.default_memory_pool().backend_name)
        return assemble(*args, **kwargs)

    monkeypatch.setattr(jobs, "assemble_ingest_tables", spy)
    callers = pa.default_memory_pool()
    pa.set_memory_pool(pa.mimalloc_memory_pool())  # the wheels' default, whatever this environment says
    try:
        ct.ingest([sample_dir], progress=False)
        assert seen == ["system"]
        assert pa.default_memory_pool().backend_name == "mimalloc"
    finally:
        pa.set_memory_pool(callers)


def test_the_command_line_runs_arrow_on_malloc_unless_the_user_chose_an_allocator():
    """Arrow's C++ readers and writers take the allocator named in the environment when pyarrow is
    first imported: the command line names malloc before it imports pyarrow, and keeps a user's choice."""
    probe = "import corpus_tools.cli, pyarrow as pa; print(pa.default_memory_pool().backend_name)"
    environment = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    ours = subprocess.run([sys.executable, "-c", probe], env=environment, capture_output=True, text=True, check=True)
    assert ours.stdout.split() == ["system"]
    theirs = subprocess.run([sys.executable, "-c", probe], env={**environment, "ARROW_DEFAULT_MEMORY_POOL": "mimalloc"},
                            capture_output=True, text=True, check=True)
    assert theirs.stdout.split() == ["mimalloc"]
