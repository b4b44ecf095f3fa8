"""What a reader of the report, the charts and the CSV sees, on small corpora written for these
tests: empty months, fleets repeated across articles, French throughout, hostile text."""
import csv
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools.cli import main  # noqa: E402
from corpus_tools.report import charts, tables  # noqa: E402
from corpus_tools.report.html import render_html, script_json  # noqa: E402
from corpus_tools.tables import REGISTRY, TABLE_COLUMNS  # noqa: E402


def _table(name, rows):
    frame = pd.DataFrame(rows, columns=TABLE_COLUMNS[name])
    for column, kind in REGISTRY[name].fields:
        if kind == "str":
            frame[column] = frame[column].astype(object).fillna("")
    return frame


def _event(event_id, investor, value_eur, date, qualifier="exact", doc_ids="d1", **extra):
    return {"event_id": event_id, "investor": investor, "investor_id": "", "recipient": extra.get("recipient", ""),
            "target": "", "kind": extra.get("kind", "investment"), "value": value_eur, "low": None, "high": None,
            "currency": "EUR", "value_eur": value_eur, "value_usd": value_eur * 1.1, "approx": qualifier == "approx",
            "qualifier": qualifier, "date": date, "n_sources": len(doc_ids.split(";")), "doc_ids": doc_ids,
            "langs": "en", "evidence": "", "amount_ids": ""}


def _document(doc_id, title="A headline", url="", date="2025-01-10"):
    return {"doc_id": doc_id, "source": f"/home/someone/news/{doc_id}.txt", "item": "", "title": title,
            "date": date, "lang": "en", "body": "text", "n_chars": 4, "n_words": 1, "duplicate_of": "",
            "dropped_chars": 0, "url": url, "author": "", "site": "", "lang_chars": "", "truncated": False}


def _hardware(doc_id, start, quantity, product="H100", kind="gpu", unit="units"):
    return {"doc_id": doc_id, "start": start, "end": start + 10, "text": f"{quantity} {product}", "kind": kind,
            "product": product, "vendor": "Nvidia", "quantity": quantity, "unit": unit, "approx": False}


def _amount(doc_id, start, event_id, sentence="", sentence_start=0, text="€1bn"):
    row = {c: None for c in TABLE_COLUMNS["amounts"]}
    row.update(doc_id=doc_id, amount_id=f"{doc_id}-{start}", start=start, end=start + len(text), text=text,
               value=1e9, currency="EUR", approx=False, qualifier="exact", lang="en", kind="investment",
               value_eur=1e9, investor="", recipient="", sentence=sentence, sentence_start=sentence_start,
               event_id=event_id, date="")
    return row


def _visible_text(page: str) -> str:
    """What a reader sees: text outside <script> and <style>, plus the alt text of the charts."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts, self.hidden = [], 0

        def handle_starttag(self, tag, attrs):
            self.hidden += tag in ("script", "style")

        def handle_endtag(self, tag):
            self.hidden -= tag in ("script", "style")

        def handle_data(self, data):
            if not self.hidden:
                self.parts.append(data)

    parser = Text()
    parser.feed(page)
    return " ".join(parser.parts)


def test_timeline_shows_the_months_without_events_and_counts_the_undated():
    corpus = ct.Corpus(documents=_table("documents", [_document("d1")]), investments=_table("investments", [
        _event("e1", "Northwind Capital", 2e9, "2024-01-15"),
        _event("e2", "Bluebird Partners", 5e8, "2024-04-02", qualifier="at_least"),
        _event("e3", "Harbour Fund", 3e8, "")]))
    data, undated = charts.timeline_data(corpus)
    assert [str(m) for m in data["month"]] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert list(data["exact"]) == [2e9, 0, 0, 0] and list(data["bounded"]) == [0, 0, 0, 5e8]
    assert undated == 1
    ax = charts.investment_timeline(corpus)
    exact_bars, bounded_bars = ax.containers
    assert [b.get_height() for b in exact_bars] == [2e9, 0, 0, 0]  # February and March are on the axis, empty
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024"]
    assert all(b.get_hatch() for b in bounded_bars)  # bounds drawn apart from exact amounts
    assert [t.get_text() for t in ax.texts] == ["€2bn", "€500m"]
    assert "1 undated events not shown" in ax.figure.get_supxlabel()
    plt.close(ax.figure)


def test_timeline_labels_are_the_totals_of_their_bars():
    corpus = ct.Corpus(documents=_table("documents", [_document("d1")]), investments=_table("investments", [
        _event("e1", "Northwind Capital", 4e9, "2024-05-13"), _event("e2", "Harbour Fund", 1.2e9, "2024-05-20")]))
    ax = charts.investment_timeline(corpus)
    assert [t.get_text() for t in ax.texts] == ["€5.2bn"]  # the bar's total, not its largest event
    plt.close(ax.figure)


def test_hardware_chart_counts_a_fleet_once_per_event_not_once_per_article():
    # Three articles report the same event (10,000 H100); one repeats the figure twice. Another event: 500 H100.
    documents = _table("documents", [_document(d) for d in ("d1", "d2", "d3", "d4")])
    amounts = _table("amounts", [_amount("d1", 5, "e1"), _amount("d2", 5, "e1"), _amount("d3", 5, "e1"),
                                 _amount("d4", 5, "e2")])
    hardware = _table("hardware", [_hardware("d1", 40, 10_000), _hardware("d1", 300, 10_000),
                                   _hardware("d2", 60, 10_000), _hardware("d3", 20, 10_000),
                                   _hardware("d4", 30, 500), _hardware("d4", 90, 2, product="", kind="datacenter",
                                                                       unit="")])
    corpus = ct.Corpus(documents=documents, amounts=amounts, hardware=hardware,
                       investments=_table("investments", [_event("e1", "Northwind Capital", 1e9, "2024-01-01",
                                                                 doc_ids="d1;d2;d3"),
                                                          _event("e2", "Harbour Fund", 1e9, "2024-02-01",
                                                                 doc_ids="d4")]))
    units = tables.hardware_units(corpus).set_index("product")
    assert units.loc["H100", "units"] == 10_500 and units.loc["H100", "stories"] == 2
    ax = charts.hardware_by_product(corpus)
    assert [b.get_width() for b in ax.containers[0]] == [10_500]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["H100 (Nvidia)"]  # no data centre among hardware
    plt.close(ax.figure)
    infrastructure = tables.infrastructure_summary(corpus)
    assert list(infrastructure["kind"]) == ["datacenter"] and list(infrastructure["stories"]) == [1]


def test_suspect_events_stay_out_of_charts_and_top_findings_but_are_marked_in_the_table():
    investments = _table("investments", [_event("e1", "Northwind Capital", 9e11, "2024-01-15", doc_ids="d1"),
                                         _event("e2", "Harbour Fund", 3e8, "2024-02-15", doc_ids="d1")])
    investments["suspect"] = [True, False]
    investments["suspect_reason"] = ["larger than any investment on record", ""]
    corpus = ct.Corpus(documents=_table("documents", [_document("d1")]), investments=investments)
    ax = charts.investments_by_investor(corpus)
    assert ax.get_title(loc="left") == "Harbour Fund leads with €300m"
    plt.close(ax.figure)
    page = render_html(corpus, {})
    findings = page[page.index("Top findings"):page.index('id="investments"')]
    assert "Harbour Fund" in findings and "Northwind" not in findings
    assert 'class="suspect"' in page and "larger than any investment on record" in page


def test_report_escapes_hostile_names_and_no_data_enters_a_script():
    hostile = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
    documents = _table("documents", [_document("d1", title=hostile, url="javascript:alert(1)")])
    sentence = f"{hostile} will invest €1bn in a plant."
    amounts = _table("amounts", [_amount("d1", sentence.index("€1bn"), "e1", sentence=sentence)])
    corpus = ct.Corpus(documents=documents, amounts=amounts, investments=_table(
        "investments", [_event("e1", hostile, 1e9, "2024-01-15", recipient=hostile)]))
    page = render_html(corpus, {})
    assert page.count("<script") == 2 and "alert(" not in page.split("<script>")[1].split("</script>")[0]
    assert "<img" not in page and "javascript:" not in page
    assert "&lt;/script&gt;" in page
    assert "<mark>€1bn</mark>" in page
    assert script_json({"a": hostile}).count("<") == 0


def test_french_report_has_no_english_label_and_no_raw_code(tmp_path, sample_dir):
    out = tmp_path / "out"
    assert main(["run", str(sample_dir), "--out", str(out), "--no-progress", "--locale", "fr"]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page
    for english in (">Investor<", ">Summary<", ">Charts<", "Top findings", "Downloads", "Evidence"):
        assert english not in page
    shown = _visible_text(page)
    for code in ("funding_round", "mentions_en", "compute_metric", "entity_id", "at_least", "EUR "):
        assert code not in shown
    assert "Investisseur" in page and "Levée de fonds" in page and "Md€" in page
    with open(out / "tables" / "investments.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    header = rows[0]
    assert len(header) > 10 and "value_eur" in header  # one column per field in French Excel
    assert any("," in row[header.index("value_usd")] for row in rows[1:])  # decimal comma
    from openpyxl import load_workbook

    assert load_workbook(out / "report.xlsx").sheetnames[0] == "Investissements"


def test_csv_dialect_overrides_the_locale(tmp_path, sample_dir):
    out = tmp_path / "out"
    assert main(["run", str(sample_dir), "--out", str(out), "--no-progress", "--csv-dialect", "semicolon"]) == 0
    first_line = (out / "tables" / "documents.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert first_line.startswith("doc_id;source;")


def test_empty_folder_gives_a_report_that_says_so_without_blank_charts_or_warnings(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "corpus_tools.cli", "run", str(empty), "--out", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    # Not a terminal: one line per stage, and nothing else (no warning from an empty chart or table).
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("corpus-tools: ") for line in lines), result.stderr
    assert any("writing report.html" in line for line in lines)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Nothing to report: the input held no article." in page
    assert "<svg" not in page and not (out / "charts").exists()
    from openpyxl import load_workbook

    assert load_workbook(out / "report.xlsx").sheetnames[0] == "Investments"


def test_ingest_is_the_function_even_after_analyze(sample_dir):
    ct.analyze([sample_dir / "en"], progress=False)
    import importlib
    import types

    assert isinstance(importlib.import_module("corpus_tools.ingest"), types.ModuleType)  # the subpackage, again

    assert callable(ct.ingest) and ct.ingest.__module__ == "corpus_tools.jobs"
    corpus = ct.ingest([sample_dir / "en"], progress=False)
    assert len(corpus.documents) == 3
    from corpus_tools.ingest import iter_documents  # the subpackage is still importable

    assert callable(iter_documents)


def test_columns_other_branches_add_are_shown_when_present(tmp_path):
    """``investors`` (";"-joined, the lead first), ``part_of`` and the amounts' ``kind_cue``."""
    from openpyxl import load_workbook

    from corpus_tools.report.export import write_report

    sentence = "Northwind Capital and Harbour Fund will invest €1bn in a battery plant."
    amounts = _table("amounts", [_amount("d1", sentence.index("€1bn"), "e1", sentence=sentence)])
    amounts["kind_cue"] = ["will invest"]
    investments = _table("investments", [_event("e1", "Northwind Capital", 1e9, "2024-03-05")])
    investments["investors"] = ["Northwind Capital;Harbour Fund"]
    investments["part_of"] = ["e0"]
    corpus = ct.Corpus(documents=_table("documents", [_document("d1", url="https://news.example/plant")]),
                       amounts=amounts, investments=investments)
    out = write_report(corpus, tmp_path / "out")
    page = (out / "report.html").read_text(encoding="utf-8")
    assert '<option value="Harbour Fund">' in page  # the investor filter knows every investor
    assert "Kind read from “will invest”" in page and "Part of a larger event" in page
    sheet = load_workbook(out / "report.xlsx")["Investments"]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(row=2, column=header.index("Investors") + 1).value == "Northwind Capital; Harbour Fund"


def test_columns_other_branches_add_may_be_absent():
    investments = _table("investments", [_event("e1", "Northwind Capital", 1e9, "2024-03-05")])
    investments = investments.drop(columns=["suspect", "suspect_reason", "investors", "part_of"], errors="ignore")
    corpus = ct.Corpus(documents=_table("documents", [_document("d1")]), investments=investments)
    assert "suspect" not in corpus.investments.columns  # a table saved before these columns existed
    page = render_html(corpus, {})
    assert "Northwind Capital" in page and 'class="suspect"' not in page


def test_what_could_not_be_read_is_summarised_in_words(tmp_path, sample_dir):
    source = tmp_path / "in"
    source.mkdir()
    (source / "blank.txt").write_text("   \n", encoding="utf-8")
    (source / "slides.pptx").write_bytes(b"PK\x03\x04 not really a presentation")
    (source / "story.txt").write_text((sample_dir / "en" / "2024-05-13-microsoft-france.txt").read_text(
        encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "--no-progress", "--locale", "fr"]) == 0
    reasons = ct.Corpus.load(out).errors["reason"]
    assert len(reasons) == 2
    shown = _visible_text((out / "report.html").read_text(encoding="utf-8"))
    assert "2 éléments n'ont pas pu être lus (" in shown and "1 vide" in shown
    assert "format non pris en charge" in shown  # the reason in words; the message keeps the file's details
