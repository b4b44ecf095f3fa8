"""Killing `corpus-tools run` at any moment leaves the previous complete output or none, and
`--resume` finishes an interrupted run without analysing or counting any document twice."""
import json
import signal
import subprocess
import sys
import time

from corpus_tools import Corpus

from .conftest import run_cli

TABLES = ("documents", "errors", "entities", "amounts", "hardware", "investments")
INVESTORS = ["Microsoft", "Amazon", "Google", "Iliad", "Orange", "Capgemini", "Nvidia", "Meta"]


def _corpus(folder, n=160):
    folder.mkdir()
    for i in range(n):
        investor = INVESTORS[i % len(INVESTORS)]
        if i % 2:
            text = (f"{investor} va investir {i + 1} millions d'euros dans un centre de données à Lyon, "
                    f"a annoncé le groupe le {1 + i % 27} mars 2024. Le projet numéro {i} créera {i + 10} emplois.")
        else:
            text = (f"{investor} will invest €{i + 1}m in a data centre near Lille, the company said on "
                    f"March {1 + i % 27}, 2024. Project number {i} will create {i + 10} jobs.")
        (folder / f"article-{i:03d}.txt").write_text(text, encoding="utf-8")


def _complete(out) -> bool:
    manifest = json.loads((out / "manifest.json").read_text())
    corpus = Corpus.load(out)
    return all(manifest["counts"][t] == len(getattr(corpus, t)) for t in TABLES) and (out / "report.html").exists()


def _start(*args):
    return subprocess.Popen([sys.executable, "-m", "corpus_tools.cli", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_kill_at_any_moment_leaves_previous_output_or_none(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    _corpus(source, 40)
    assert run_cli("run", source, "--out", out, "--no-progress").returncode == 0
    previous = json.loads((out / "manifest.json").read_text())["input_fingerprint"]
    (source / "extra.txt").write_text("Oracle will invest $2bn in Spain, the company said.", encoding="utf-8")
    finished = tmp_path / ".out.corpus_tools-checkpoint" / "batches" / "done"
    landed_mid_run = 0
    for batches_before_kill in (0, 1, 3, 6, 10):
        process = _start("run", source, "--out", out, "--no-progress", "--batch-size", "2")
        deadline = time.time() + 300
        while time.time() < deadline and process.poll() is None and \
                len(list(finished.glob("*.json"))) < batches_before_kill:
            time.sleep(0.02)
        still_running = process.poll() is None
        process.send_signal(signal.SIGKILL)
        process.wait()
        if still_running and process.returncode == -signal.SIGKILL:
            landed_mid_run += 1  # killed by us, before the run could finish
        if out.exists():
            assert _complete(out), batches_before_kill
            fingerprint = json.loads((out / "manifest.json").read_text())["input_fingerprint"]
            assert fingerprint in (previous, Corpus.load(out).fingerprint())
    assert landed_mid_run >= 4  # the kills really interrupted runs (41 documents, batches of 2)


def test_resume_continues_without_duplicating(tmp_path):
    source = tmp_path / "in"
    _corpus(source)
    clean = tmp_path / "clean"
    assert run_cli("run", source, "--out", clean, "--no-progress").returncode == 0
    out = tmp_path / "out"
    checkpoint = tmp_path / ".out.corpus_tools-checkpoint"
    finished = checkpoint / "batches" / "done"
    process = _start("run", source, "--out", out, "--no-progress", "--batch-size", "4")
    deadline = time.time() + 300
    while time.time() < deadline and len(list(finished.glob("*.json"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = len(list(finished.glob("*.json")))
    assert 3 <= done < 40 and not out.exists()  # really interrupted mid-way
    result = run_cli("run", source, "--out", out, "--no-progress", "--batch-size", "4", "--resume")
    assert result.returncode == 0, result.stderr
    assert not checkpoint.exists()
    resumed, reference = Corpus.load(out), Corpus.load(clean)
    assert resumed.documents["doc_id"].is_unique and len(resumed.documents) == 160
    for table in TABLES:
        assert getattr(resumed, table).equals(getattr(reference, table)), table
