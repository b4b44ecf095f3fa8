"""The main job's outputs, checked the way a journalist and an analyst would use them."""
import csv
import shutil
import subprocess
from html.parser import HTMLParser

import matplotlib

matplotlib.use("Agg")
import matplotlib.image as mpimg  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools.cli import main  # noqa: E402
from corpus_tools.report import charts, tables  # noqa: E402
from corpus_tools.report.money import format_money  # noqa: E402

TABLES = ("documents", "errors", "entities", "amounts", "hardware", "investments")


@pytest.fixture(scope="module")
def seeds_run(seeds_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out"
    assert main(["run", str(seeds_dir), "--out", str(out), "--no-progress"]) == 0
    return out


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text, self.external = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("data:"):
                self.external.append(value)

    def handle_data(self, data):
        self.text.append(data)


def test_every_output_is_written(seeds_run):
    for name in TABLES:
        assert (seeds_run / "tables" / f"{name}.parquet").exists()
        assert (seeds_run / "tables" / f"{name}.csv").exists()
    for name in charts.CHARTS:
        assert (seeds_run / "charts" / f"{name}.png").exists() and (seeds_run / "charts" / f"{name}.svg").exists()
    assert (seeds_run / "report.html").exists() and (seeds_run / "report.xlsx").exists()
    assert ct.Corpus.load(seeds_run).investments.shape[0] >= 7


def test_report_html_lists_events_with_evidence_and_is_self_contained(seeds_run, seeds_dir, gold):
    page = (seeds_run / "report.html").read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    assert parser.tags.count("table") >= 3 and "img" in parser.tags
    assert parser.external == []  # no external resources
    text = " ".join(parser.text)
    investments = ct.Corpus.load(seeds_run).investments
    for investor in investments["investor"]:
        assert investor in text
    # Every event's evidence quotes its source sentence, read here from ../shared, never copied.
    for name in ("000_4dfe5cbc6a336ca8.txt", "001_1ba31ebbfb365cc3.txt"):
        seed = (seeds_dir / name).read_text(encoding="utf-8")
        for amount in gold["documents"][name]["amounts"]:
            if amount.get("event") == "E1":
                assert " ".join(seed[amount["start"] - 25:amount["end"]].split()) in " ".join(text.split())


def test_report_xlsx_opens_with_frozen_header_and_money_format(seeds_run):
    from openpyxl import load_workbook

    workbook = load_workbook(seeds_run / "report.xlsx")
    assert workbook.sheetnames == list(TABLES)
    sheet = workbook["investments"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    value_eur = sheet.cell(row=2, column=header.index("value_eur") + 1)
    assert value_eur.number_format == "#,##0" and value_eur.value > 0


def test_png_charts_are_not_blank(seeds_run):
    for name in charts.CHARTS:
        image = mpimg.imread(seeds_run / "charts" / f"{name}.png")
        assert image.shape[1] >= 1100  # readable at 1200 px wide
        assert image[..., :3].std() > 0.05, name


def test_investor_chart_labels_match_the_investments_table(seeds_dir):
    corpus = ct.analyze([seeds_dir], progress=False)
    for locale in ("en", "fr"):
        ax = charts.investments_by_investor(corpus, locale=locale)
        bars = ax.containers[0]
        labels = [t.get_text() for t in ax.texts]
        events = corpus.investments.sort_values("value_eur", ascending=False, kind="stable")
        expected = [format_money(v, "EUR", locale, q) for v, q in zip(events["value_eur"], events["qualifier"])]
        assert labels == expected[::-1]  # largest bar at the top
        assert [b.get_width() for b in bars] == list(events["value_eur"])[::-1]
        assert [t.get_text() for t in ax.get_yticklabels()][-1] == events.iloc[0]["investor"]
        assert ax.get_title(loc="left").startswith(events.iloc[0]["investor"])
        plt.close(ax.figure)
    assert "more than €50m" in expected_labels(corpus, "en")


def expected_labels(corpus, locale):
    return [format_money(v, "EUR", locale, q) for v, q in zip(corpus.investments["value_eur"], corpus.investments["qualifier"])]


def test_chart_functions_draw_on_a_given_axes(sample_dir):
    corpus = ct.analyze([sample_dir], progress=False)
    figure, axes = plt.subplots(1, len(charts.CHARTS), figsize=(30, 5))
    for ax, chart in zip(axes, charts.CHARTS.values()):
        assert chart(corpus, ax=ax) is ax
        assert ax.patches  # something was drawn
    plt.close(figure)


@pytest.mark.parametrize("value,currency,locale,qualifier,expected", [
    (4e9, "EUR", "en", "exact", "€4bn"), (1.2e9, "EUR", "en", "exact", "€1.2bn"), (1e8, "EUR", "en", "exact", "€100m"),
    (4e9, "EUR", "fr", "exact", "4 Md€"), (1.2e9, "EUR", "fr", "exact", "1,2 Md€"), (1e8, "EUR", "fr", "exact", "100 M€"),
    (1.2e9, "EUR", "en", "at_least", "more than €1.2bn"), (2e8, "EUR", "fr", "approx", "env. 200 M€"),
    (2.25e8, "GBP", "en", "exact", "£225m"), (5e6, "CHF", "en", "exact", "CHF 5m"),
])
def test_money_labels(value, currency, locale, qualifier, expected):
    assert format_money(value, currency, locale, qualifier) == expected


def test_analyst_tables(sample_dir):
    corpus = ct.analyze([sample_dir], progress=False)
    by_investor = tables.investment_summary(corpus, by="investor")
    assert by_investor.iloc[0]["investor"] == "Microsoft" and by_investor.iloc[0]["value_eur"] == 4e9
    by_lang = tables.investment_summary(corpus, by="lang").set_index("lang")
    assert set(by_lang.index) == {"en", "fr"}
    assert list(tables.investment_summary(corpus, by="month")["month"]) == sorted(
        tables.investment_summary(corpus, by="month")["month"])
    organisations = tables.top_organisations(corpus, 5)
    assert organisations.iloc[0]["mentions"] >= organisations.iloc[-1]["mentions"]
    assert (organisations["mentions_en"] + organisations["mentions_fr"] <= organisations["mentions"]).all()
    hardware = tables.hardware_summary(corpus).set_index("product")
    assert hardware.loc["H100", "units_committed"] >= 1456
    mix = tables.language_mix(corpus)
    assert mix["en"].sum() == 7 and mix["fr"].sum() == 7


def test_article_text_is_escaped_and_spreadsheet_formulas_neutralised(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(
        "=HYPERLINK(\"http://evil.example\",\"click\") Microsoft will invest €4bn in France <script>alert(1)</script>.\n\n"
        "@SUM(A1) +cmd -2 is the second paragraph about the Microsoft investment in French cloud.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(source), "--out", str(out), "--no-progress"]) == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    with open(out / "tables" / "documents.csv", encoding="utf-8-sig", newline="") as handle:
        body = next(csv.DictReader(handle))["body"]
    assert body.startswith("'=HYPERLINK")
    from openpyxl import load_workbook

    sheet = load_workbook(out / "report.xlsx")["documents"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("body") + 1)
    assert cell.data_type == "s" and cell.value.startswith("'=HYPERLINK")


def test_two_runs_give_identical_tables(sample_dir, tmp_path):
    for name in ("a", "b"):
        assert main(["run", str(sample_dir), "--out", str(tmp_path / name), "--no-progress"]) == 0
    for table in TABLES:
        for suffix in ("parquet", "csv"):
            first = (tmp_path / "a" / "tables" / f"{table}.{suffix}").read_bytes()
            assert first == (tmp_path / "b" / "tables" / f"{table}.{suffix}").read_bytes(), (table, suffix)


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_report_opens_in_headless_chromium(seeds_run, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium): screenshot test skipped")
    shot = tmp_path / "report.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,2000",
                    f"--screenshot={shot}", (seeds_run / "report.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = mpimg.imread(shot)
    assert image.shape[1] == 1280 and image[..., :3].std() > 0.05
