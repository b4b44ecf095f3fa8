"""`--out` never removes or overwrites a user's file: it must be new, empty or a previous output of
ours; anything else is refused with exit 2 before any work, unless --force, and even then only the
tool's own names are replaced. Each case runs `corpus-tools` in a child process."""
import json
from pathlib import Path

import pytest

from corpus_tools import Corpus
from corpus_tools.outputs import OutputRefused

from .conftest import run_cli

ARTICLE = ("Le fonds régional a investi 12 millions d'euros dans une usine de batteries près de Douai, "
           "a indiqué la société mardi.")
NOTES = "my own notes, not an article\n"


def _inputs(folder):
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "notes.md").write_text(NOTES, encoding="utf-8")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _unchanged(folder, before):
    return all((folder / name).read_bytes() == data for name, data in before.items())


@pytest.mark.parametrize("command", ["run", "ingest"])
def test_out_the_input_folder_is_refused_then_forced_without_touching_inputs(tmp_path, command):
    source = tmp_path / "articles"
    before = _inputs(source)
    refused = run_cli(command, source, "--out", source, "--no-progress")
    assert refused.returncode == 2 and "did not write" in refused.stderr and "--force" in refused.stderr
    assert sorted(p.name for p in source.iterdir()) == ["article.txt", "notes.md"]
    assert not list(tmp_path.glob(".*"))  # no work folder: refused before any work
    for _ in range(2):  # the second run reads the same inputs, not the outputs of the first
        forced = run_cli(command, source, "--out", source, "--no-progress", "--force")
        assert forced.returncode == 0, forced.stderr
        assert _unchanged(source, before)
        corpus = Corpus.load(source)
        assert sorted(corpus.documents["source"].map(lambda s: s.rsplit("/", 1)[-1])) == ["article.txt", "notes.md"]
    assert not [p for p in source.rglob(".*")] and not list(tmp_path.glob(".*"))


def test_folder_with_other_files_is_refused_before_any_work(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    _inputs(source)
    out.mkdir()
    (out / "report.html").write_text("<p>the user's own report</p>", encoding="utf-8")
    (out / "draft.txt").write_text("a draft", encoding="utf-8")
    result = run_cli("run", source, "--out", out, "--no-progress")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (out / "report.html").read_text(encoding="utf-8") == "<p>the user's own report</p>"
    forced = run_cli("run", source, "--out", out, "--no-progress", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (out / "draft.txt").read_text(encoding="utf-8") == "a draft"  # only our names replaced
    assert "the user's own report" not in (out / "report.html").read_text(encoding="utf-8")


def test_previous_output_is_replaced_and_a_foreign_manifest_is_not_ours(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    _inputs(source)
    assert run_cli("run", source, "--out", out, "--no-progress").returncode == 0
    assert run_cli("ingest", source, "--out", out, "--no-progress").returncode == 0  # ours: replaced whole
    assert sorted(p.name for p in out.iterdir()) == ["manifest.json", "tables"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "manifest.json").write_text(json.dumps({"name": "someone else's package"}), encoding="utf-8")
    foreign_manifest = run_cli("ingest", source, "--out", other, "--no-progress")
    assert foreign_manifest.returncode == 2 and "did not write (manifest.json)" in foreign_manifest.stderr
    out_of_place = out / "notes.txt"  # a user's file dropped into a previous output
    out_of_place.write_text("keep me", encoding="utf-8")
    refused = run_cli("run", source, "--out", out, "--no-progress")
    assert refused.returncode == 2 and "did not write (notes.txt)" in refused.stderr  # our own names not blamed
    assert out_of_place.read_text(encoding="utf-8") == "keep me"


def test_out_dot_works_in_an_empty_folder_and_is_refused_in_a_busy_one(tmp_path):
    source, here = tmp_path / "in", tmp_path / "work"
    _inputs(source)
    here.mkdir()
    result = run_cli("run", source, "--out", ".", "--no-progress", cwd=here)
    assert result.returncode == 0, result.stderr
    assert (here / "report.html").exists() and Corpus.load(here).counts()["documents"] == 2
    assert not [p for p in here.iterdir() if p.name.startswith(".")] and sorted(p.name for p in tmp_path.iterdir()) == ["in", "work"]
    again = run_cli("ingest", source, "--out", ".", "--no-progress", cwd=here)  # a previous output
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in here.iterdir()) == ["manifest.json", "tables"]  # no stale report left
    (here / "mine.txt").write_text("x", encoding="utf-8")
    busy = run_cli("ingest", source, "--out", ".", "--no-progress", cwd=here)
    assert busy.returncode == 2 and "Traceback" not in busy.stderr and (here / "mine.txt").exists()


def test_out_a_file_is_refused(tmp_path):
    source, target = tmp_path / "in", tmp_path / "result.html"
    _inputs(source)
    target.write_text("<p>keep</p>", encoding="utf-8")
    for command in ("run", "ingest"):
        result = run_cli(command, source, "--out", target, "--no-progress", "--force")
        assert result.returncode == 2 and "is not a folder" in result.stderr
        assert target.read_text(encoding="utf-8") == "<p>keep</p>"
    nested = run_cli("ingest", source, "--out", target / "sub", "--no-progress")
    assert nested.returncode == 2 and "is not a folder" in nested.stderr


def test_an_input_among_our_names_is_never_overwritten_even_forced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    result = run_cli("run", out / "report.html", "--out", out, "--no-progress", "--force")
    assert result.returncode == 2 and "would be overwritten" in result.stderr
    assert ARTICLE in (out / "report.html").read_text(encoding="utf-8")


def test_corpus_save_follows_the_same_rules(tmp_path):
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "thesis.docx").write_bytes(b"precious")
    corpus = Corpus()
    with pytest.raises(OutputRefused):
        corpus.save(busy)
    corpus.save(busy, force=True)
    assert (busy / "thesis.docx").read_bytes() == b"precious" and Corpus.load(busy).counts()["documents"] == 0
    corpus.save(tmp_path / "new")
    corpus.save(tmp_path / "new")  # a saved corpus is ours
    with pytest.raises(OutputRefused):
        corpus.save(busy / "thesis.docx")


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc, a folder nobody can write in")
def test_an_unwritable_out_is_refused_before_the_analysis(tmp_path):
    source = tmp_path / "in"
    _inputs(source)
    result = run_cli("run", source, "--out", "/proc/corpus-tools-out", "--no-progress")
    assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr
