"""Everyday inputs that used to fail quietly, run through `corpus-tools` in a child process: the CSV
French Excel writes (semicolons, cp1252), empty text cells, dates as people write them, short and
mixed-language documents."""
from pathlib import Path

import pytest

from corpus_tools import Corpus

from .conftest import run_cli

ROWS = [
    ["titre", "texte", "date"],
    ["Usine", "La coopérative a levé 12 millions d'euros auprès de ses sociétaires ; l'atelier ouvrira à "
              "l'automne, a précisé sa directrice.", "12/10/2024"],
    ["Vide", "", "13/10/2024"],
    ["Réseau", "L'opérateur régional consacrera 45 millions d'euros à la fibre dans les vallées, "
               "selon le conseil départemental.", "13 mai 2024"],
    ["Délai", "Le chantier du port de plaisance coûtera 8 millions d'euros, a indiqué la mairie hier soir.",
     "la semaine dernière"],
]


def _excel_csv(path: Path, delimiter: str = ";", encoding: str = "cp1252") -> None:
    def cell(value: str) -> str:
        return f'"{value}"' if delimiter in value or '"' in value else value

    lines = [delimiter.join(cell(v) for v in row) for row in ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))


def _documents(out: Path):
    corpus = Corpus.load(out)
    return corpus, corpus.documents.set_index("item")


@pytest.mark.parametrize("delimiter,encoding", [(";", "cp1252"), (";", "utf-8-sig"), (",", "utf-8"), ("\t", "cp1252")])
def test_french_excel_csv_is_read_whatever_its_delimiter_and_encoding(tmp_path, delimiter, encoding):
    source = tmp_path / "in"
    source.mkdir()
    _excel_csv(source / "export.csv", delimiter, encoding)
    result = run_cli("ingest", source, "--out", tmp_path / "out", "--no-progress")
    assert result.returncode == 0, result.stderr
    corpus, documents = _documents(tmp_path / "out")
    assert list(documents.index) == ["row 1", "row 3", "row 4"]
    assert documents.loc["row 1", "title"] == "Usine" and "coopérative" in documents.loc["row 1", "body"]
    assert (documents["lang"] == "fr").all()
    errors = corpus.errors.set_index("item")
    assert list(errors.index) == ["row 2"] and errors.loc["row 2", "reason"] == "empty"
    assert "texte" in errors.loc["row 2", "message"]


def test_amounts_and_dates_day_first_in_french_and_what_is_not_understood_is_kept(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    _excel_csv(source / "export.csv")
    assert run_cli("run", source, "--out", tmp_path / "out", "--no-progress").returncode == 0
    corpus, documents = _documents(tmp_path / "out")
    assert sorted(corpus.amounts["value"]) == [8e6, 12e6, 45e6]
    assert documents.loc["row 1", "date"] == "2024-10-12"  # 12/10/2024 in a French document
    assert documents.loc["row 3", "date"] == "2024-05-13"
    assert documents.loc["row 4", "date"] == "" and documents.loc["row 4", "date_raw"] == "la semaine dernière"
    assert (documents.loc[["row 1", "row 3"], "date_raw"] == "").all()


def test_delimiter_option_overrides_the_sniffing(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    _excel_csv(source / "export.csv", ";")
    forced = run_cli("ingest", source, "--out", tmp_path / "comma", "--no-progress", "--delimiter", ",")
    assert forced.returncode == 0
    corpus = Corpus.load(tmp_path / "comma")
    assert len(corpus.documents) == 0 and set(corpus.errors["reason"]) <= {"missing_text", "parse"}
    assert "titre;texte;date" in " ".join(corpus.errors["message"])  # says what it found
    bad = run_cli("ingest", source, "--out", tmp_path / "bad", "--delimiter", "ab")
    assert bad.returncode == 2 and "not a CSV delimiter" in bad.stderr


def test_one_line_and_mixed_language_documents(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "one-line.txt").write_text("Le fonds lorrain va investir 3 milliards d'euros dans l'acier.", encoding="utf-8")
    (source / "mixed.txt").write_text(
        "Le constructeur a présenté jeudi aux syndicats son plan pour les usines de la région.\n\n"
        "Speaking in English, the chief executive said the group would spend €1.5 Billion Euros on the plant.\n\n"
        "Le reste du financement viendra des banques, selon la direction.", encoding="utf-8")
    (source / "slip.txt").write_text("Le conglomérat annonce qu'il investira 2 billions d'euros dans ses usines "
                                     "de batteries, a déclaré son président mardi.", encoding="utf-8")
    assert run_cli("run", source, "--out", tmp_path / "out", "--no-progress").returncode == 0
    corpus = Corpus.load(tmp_path / "out")
    documents = corpus.documents.set_index(corpus.documents["source"].map(lambda s: Path(s).name))
    assert documents.loc["one-line.txt", "lang"] == "fr" and documents.loc["mixed.txt", "lang"] == "fr"
    assert ":en" in documents.loc["mixed.txt", "lang_spans"]
    values = dict(zip(corpus.amounts["text"], corpus.amounts["value"]))
    assert values == {"3 milliards d'euros": 3e9, "€1.5 Billion Euros": 1.5e9,  # not 1.5e12, the French billion
                      "2 billions d'euros": 2e12}  # French billion in French: read as written, and flagged
    flags = corpus.amounts.set_index("text")[["suspect", "suspect_reason"]]
    assert flags.loc["2 billions d'euros"].tolist() == [True, "other_language_magnitude"]
    assert not flags.drop("2 billions d'euros")["suspect"].any()
    assert corpus.investments["suspect"].dtype == bool and "suspect_reason" in corpus.investments
