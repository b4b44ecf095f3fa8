"""Dirty corpora: every hostile input is built here, run through `corpus-tools run`, and must end in
exactly one place (documents or errors, with a reason) while the run exits 0."""
import csv
import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest

from corpus_tools import Corpus

from .conftest import run_cli

FR = "Le groupe Iliad investit 100 millions d'euros dans un laboratoire d'intelligence artificielle à Paris."
EN = "Microsoft will invest €4bn in France to expand its cloud and AI infrastructure, the company said."
SECRET = "TOP-SECRET-MARKER-7f3a"
PLACES = ["Lille", "Nantes", "Toulouse", "Bordeaux", "Rennes", "Grenoble", "Nice", "Dijon", "Metz", "Brest"]


def en(n: int) -> str:
    """A distinct English article sentence, so that no two inputs are near-duplicates."""
    return (f"Company number {n} will invest €{n + 2}bn near {PLACES[n]} to build a campus for {n + 40} "
            f"engineers, its chief executive told reporters in {PLACES[-n - 1]} on day {n + 3}.")


def _write_inputs(root: Path, outside: Path) -> dict[tuple[str, str], str]:
    """The hostile corpus, and where each (file, item) must end: "doc", "dup" or an error reason."""
    expected = {}
    root.mkdir()

    def put(name, data, *outcomes):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        for item, outcome in outcomes:
            expected[(name, item)] = outcome

    put("empty.txt", b"", ("", "empty"))
    put("blank.txt", "   \n\t  \n", ("", "empty"))
    rng = random.Random(1)
    put("binary.txt", bytes(rng.randrange(256) for _ in range(4096)), ("", "decode"))
    put("nul-padded.txt", b"DDDD" * 100 + b"\x00" * 64, ("", "decode"))
    put("latin1.txt", ("L'été dernier, la région a financé un centre de données à Genève. " * 3).encode("latin-1"),
        ("", "doc"))
    put("cp1252.txt", ("La start-up a levé 30 M€ auprès de ses actionnaires historiques, a-t-elle annoncé. "
                       "Elle prévoit d'embaucher quarante ingénieurs.").encode("cp1252"), ("", "doc"))
    put("utf16.txt", ("\ufeff" + en(1)).encode("utf-16-le"), ("", "doc"))
    put("invalid-utf8.txt", FR.encode() + b" \xff\xfe\x80 " + "Suite du texte, toujours lisible.".encode(), ("", "doc"))
    sentence = "Cloud providers in Europe keep expanding their capacity while regulators watch the market closely. "
    put("huge-one-paragraph.txt", "Microsoft will invest €4bn in France. " + sentence * (30_000_000 // len(sentence)),
        ("", "doc"))
    put("deep.html", "<html><body>" + "<div>" * 60_000 + en(2) + "</div>" * 60_000 + "</body></html>",
        ("", "doc_or_no_content"))
    put("script-style.html", "<html><head><style>.x:after{content:'99 millions d’euros'}</style>"
        "<script>var s = '77 millions de dollars';</script></head><body><article><h1>Investissement</h1>"
        f"<p>{FR}</p><p>La société précise que le laboratoire ouvrira l'an prochain avec vingt chercheurs.</p>"
        "</article></body></html>", ("", "doc"))
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    put("xxe.html", f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f"<html><body><article><p>{en(3)} &xxe;</p><p>{en(4)}</p></article></body></html>",
        ("", "doc_or_parse"))
    put("feed.jsonl", "\n".join([
        json.dumps({"text": en(5), "title": "good one"}),
        '{"text": "unterminated',
        json.dumps({"title": "no text field"}),
        json.dumps({"text": 12345}),
        json.dumps([{"text": en(6)}]),
        json.dumps({"text": "Orange consacre 40 millions d'euros à un nouveau centre de données près de Rennes, "
                            "qui accueillera des serveurs pour ses clients professionnels dès l'automne."}),
    ]), ("line 1", "doc"), ("line 2", "parse"), ("line 3", "missing_text"), ("line 4", "parse"),
        ("line 5", "parse"), ("line 6", "doc"))
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerows([["title", "body"], ['Quoted, "title"', 'Capgemini rachète un éditeur lyonnais pour 80 M€, "une étape", dit-il.\n\n'
                                                 'Le second paragraphe, avec des "guillemets", suit.'],
                      ["Other", en(7)]])
    put("table.csv", table.getvalue(), ("row 1", "doc"), ("row 2", "doc"))
    archive = root / "bundle.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inside/good.txt", en(8))
        zf.writestr("../escape.txt", EN)
        zf.writestr("/absolute.txt", EN)
        zf.writestr("bomb.txt", b"\0" * 60_000_000)
    expected.update({("bundle.zip", "inside/good.txt"): "doc", ("bundle.zip", "../escape.txt"): "unsafe_path",
                     ("bundle.zip", "/absolute.txt"): "unsafe_path", ("bundle.zip", "bomb.txt"): "zip_bomb"})
    (root / "loop-dir").mkdir()
    (root / "loop-dir" / "again").symlink_to(root / "loop-dir")
    expected[("loop-dir/again", "")] = "loop"
    put("dossier été/article d'été avec espaces.txt", FR, ("", "doc"))
    twin = "Amazon Web Services has pledged €1.2bn for its data centres around Paris, the group said on Monday."
    put("twin-a.txt", twin, ("", "doc"))
    put("twin-b.txt", twin, ("", "dup"))
    put("report.pdf", b"%PDF-1.4 not an article", ("", "unsupported"))
    return expected


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    expected = _write_inputs(base / "in", outside)
    result = run_cli("run", base / "in", "--out", base / "out", "--no-progress")
    return base, expected, result


def test_run_completes_with_exit_0(hostile_run):
    _, _, result = hostile_run
    assert result.returncode == 0, result.stderr[-2000:]
    assert "errors" in result.stdout


def test_every_item_ends_in_exactly_one_place(hostile_run):
    base, expected, _ = hostile_run
    corpus = Corpus.load(base / "out")
    root = str(base / "in") + os.sep
    places = {}
    for row in corpus.documents.itertuples():
        key = (row.source.replace(root, ""), row.item)
        assert key not in places, key
        places[key] = "dup" if row.duplicate_of else "doc"
    for row in corpus.errors.itertuples():
        key = (row.source.replace(root, ""), row.item)
        assert key not in places, key
        assert row.reason and row.message
        places[key] = row.reason
    assert set(places) == set(expected)
    for key, outcome in expected.items():
        if outcome.startswith("doc_or_"):
            assert places[key] in ("doc", outcome.split("_or_")[1]), key
        else:
            assert places[key] == outcome, (key, places[key])


def test_decoding_cases(hostile_run):
    base, _, _ = hostile_run
    bodies = {Path(s).name: b for s, b in zip(*[Corpus.load(base / "out").documents[c] for c in ("source", "body")])}
    assert "L'été dernier" in bodies["latin1.txt"]
    assert "30 M€" in bodies["cp1252.txt"]
    assert bodies["utf16.txt"].startswith("Company number 1 will invest €3bn")
    assert "Suite du texte, toujours lisible." in bodies["invalid-utf8.txt"]


def test_huge_document_is_truncated_with_a_flag_and_analysed(hostile_run):
    base, _, _ = hostile_run
    corpus = Corpus.load(base / "out")
    row = corpus.documents[corpus.documents["source"].str.endswith("huge-one-paragraph.txt")].iloc[0]
    assert bool(row["truncated"]) and row["n_chars"] <= 1_000_000
    amounts = corpus.amounts[corpus.amounts["doc_id"] == row["doc_id"]]
    assert list(amounts["text"]) == ["€4bn"]


def test_script_style_and_external_entities_never_leak(hostile_run):
    base, _, _ = hostile_run
    corpus = Corpus.load(base / "out")
    assert not corpus.amounts["value"].isin([99e6, 77e6]).any()
    for path in (base / "out").rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_zip_members_never_written_outside(hostile_run):
    base, _, _ = hostile_run
    assert not (base / "escape.txt").exists() and not (base / "in" / "escape.txt").exists()
    assert not Path("/absolute.txt").exists()


def test_limits_are_configurable(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(EN * 40, encoding="utf-8")
    (source / "b.txt").write_text(FR, encoding="utf-8")
    result = run_cli("run", source, "--out", tmp_path / "out", "--max-file-mb", "0.001", "--max-doc-chars", "50",
                     "--no-progress")
    assert result.returncode == 0, result.stderr
    corpus = Corpus.load(tmp_path / "out")
    assert list(corpus.errors["reason"]) == ["too_large"]
    assert corpus.documents["truncated"].all() and (corpus.documents["n_chars"] <= 50).all()


def test_unusable_arguments_exit_2(tmp_path):
    result = run_cli("run", tmp_path / "missing", "--out", tmp_path / "out")
    assert result.returncode == 2 and "input not found" in result.stderr
    assert not (tmp_path / "out").exists()
