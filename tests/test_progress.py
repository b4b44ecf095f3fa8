"""What a run says while it works: on a terminal a bar with the total, rate and time left, then a
message per final step; in a log a plain line per stage."""
import io

from corpus_tools.cli import main
from corpus_tools.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_shows_total_rate_eta_and_the_final_steps(sample_dir, tmp_path, monkeypatch):
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    assert main(["run", str(sample_dir), "--out", str(tmp_path / "out")]) == 0
    shown = screen.getvalue()
    assert "/8 files" in shown  # the total is known before reading: 8 files in the sample
    assert "8/8 files" in shown and "files/s" in shown and "<" in shown  # done, rate, time left
    assert "14 documents" in shown
    lines = shown.splitlines()
    for step in ("merging investment events across articles", "writing the spreadsheet", "drawing charts",
                 "writing report.html"):
        assert f"{step}…" in lines


def test_logs_get_one_line_per_stage_and_library_calls_off_a_terminal_stay_silent():
    quiet = io.StringIO()
    Progress(None, stream=quiet).stage("merging investment events across articles")
    assert quiet.getvalue() == ""  # ct.analyze in a notebook or a script
    log = io.StringIO()
    progress = Progress(None, stream=log, log=True)
    progress.start("read and analyse", 3)
    for _ in range(3):
        progress.file_done()
    progress.documents_done(5)
    progress.stage("merging investment events across articles")
    progress.close()
    lines = log.getvalue().splitlines()
    assert [line.split(" [")[0] for line in lines] == [
        "corpus-tools: read and analyse: 3 files", "corpus-tools: read 3 files, 5 documents analysed",
        "corpus-tools: merging investment events across articles"]


def test_no_progress_says_nothing():
    log = Terminal()
    progress = Progress(False, stream=log)
    progress.start("read", 2)
    progress.file_done()
    progress.stage("writing")
    assert log.getvalue() == ""
