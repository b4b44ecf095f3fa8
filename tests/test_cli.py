import json
from pathlib import Path

from corpus_tools import Corpus
from corpus_tools.cli import main


def test_ingest_sample_writes_tables_and_manifest(sample_dir, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["ingest", str(sample_dir), "--out", str(out), "--no-progress"]) == 0
    summary = capsys.readouterr().out
    assert "14 documents" in summary and "0 errors" in summary
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["documents"] == 14
    corpus = Corpus.load(out)
    assert sorted(corpus.documents["lang"].value_counts().items()) == [("en", 7), ("fr", 7)]
    assert not list(tmp_path.glob(".out.*"))  # no staging folder left behind


def test_ingest_twice_gives_identical_tables(sample_dir, tmp_path):
    for name in ("a", "b"):
        assert main(["ingest", str(sample_dir), "--out", str(tmp_path / name), "--no-progress"]) == 0
    for table in ("documents", "errors"):
        assert (tmp_path / "a" / "tables" / f"{table}.parquet").read_bytes() == \
            (tmp_path / "b" / "tables" / f"{table}.parquet").read_bytes()


def test_missing_input_exits_2_with_one_line(tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "input not found" in err


def test_an_out_that_changes_during_the_run_is_refused_at_the_end_and_the_checkpoint_kept(tmp_path, monkeypatch, capsys):
    import corpus_tools.jobs as jobs

    out = tmp_path / "out"

    def analyze_while_someone_writes_into_out(inputs, *, checkpoint, **options):
        out.mkdir()
        (out / "draft.txt").write_text("written by hand meanwhile", encoding="utf-8")
        Path(checkpoint).mkdir()
        return Corpus()

    monkeypatch.setattr(jobs, "analyze", analyze_while_someone_writes_into_out)
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Une phrase en français, pour que le dossier ne soit pas vide.", encoding="utf-8")
    assert main(["run", str(source), "--out", str(out), "--no-progress"]) == 2
    assert "--resume" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["draft.txt"] and (tmp_path / ".out.corpus_tools-checkpoint").is_dir()
