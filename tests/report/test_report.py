"""The main job's outputs, checked the way a journalist and an analyst would use them."""
import csv
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
            # Loaded resources (src, stylesheets) must be inline; links to articles are fine.
            if (name == "src" or (tag == "link" and name == "href")) and value and not value.startswith("data:"):
                self.external.append(value)

    def handle_data(self, data):
        self.text.append(data)


def test_every_output_is_written(seeds_run):
    for name in TABLES:
        assert (seeds_run / "tables" / f"{name}.parquet").exists()
        assert (seeds_run / "tables" / f"{name}.csv").exists()
    corpus = ct.Corpus.load(seeds_run)
    assert {"investments_by_investor", "investment_timeline", "organisations_by_language"} <= set(
        charts.charts_with_data(corpus))
    for name in charts.charts_with_data(corpus):
        assert (seeds_run / "charts" / f"{name}.png").exists() and (seeds_run / "charts" / f"{name}.svg").exists()
    assert (seeds_run / "report.html").exists() and (seeds_run / "report.xlsx").exists()
    assert corpus.investments.shape[0] >= 7


def test_report_html_lists_events_with_evidence_and_is_self_contained(seeds_run, seeds_dir, gold):
    page = (seeds_run / "report.html").read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    assert parser.tags.count("table") >= 3 and parser.tags.count("svg") >= 3
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


def test_report_xlsx_opens_on_investments_with_widths_tables_links_and_dates(seeds_run):
    import datetime

    from openpyxl import load_workbook

    workbook = load_workbook(seeds_run / "report.xlsx")
    assert workbook.sheetnames[:3] == ["Investments", "Sources", "Notes"]
    assert workbook.sheetnames[3:] == [f"tables.{name}" for name in TABLES]
    sheet = workbook["Investments"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Investor", "Investors", "Recipient", "Kind"] and "In euros" in header and "Sources" in header
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABCDEFGHIJ")
    assert sheet.column_dimensions["A"].width != sheet.column_dimensions["L"].width  # sized to content
    table = sheet.tables["Investments"]
    assert table.ref == f"A1:{sheet.cell(row=1, column=len(header)).column_letter}{sheet.max_row}"
    assert [c.name for c in table.tableColumns] == header and table.autoFilter is not None
    euros = sheet.cell(row=2, column=header.index("In euros") + 1)
    assert euros.number_format == "#,##0" and euros.value > 0
    dates = [sheet.cell(row=r, column=header.index("Date") + 1).value for r in range(2, sheet.max_row + 1)]
    assert any(isinstance(d, datetime.datetime) for d in dates)
    assert not any(isinstance(d, str) and len(d) == 10 for d in dates)  # full dates are never text
    notes = [c.value for c in workbook["Notes"]["A"]]
    assert "In euros" in notes
    assert workbook["tables.amounts"].tables  # every table sheet is an Excel table with filters


def test_svg_text_stays_text_and_charts_carry_their_figures_as_alt_text(sample_run):
    import re

    for svg in (sample_run / "charts").glob("*.svg"):
        content = svg.read_text(encoding="utf-8")
        assert "<text" in content and 'id="DejaVuSans-' not in content, svg.name  # editable, not outlined
    page = (sample_run / "report.html").read_text(encoding="utf-8")
    titles = dict(re.findall(r'<figure id="chart-(\w+)"><svg[^>]*><title id="[^"]+">([^<]+)</title>', page))
    assert set(titles) == set(charts.charts_with_data(ct.Corpus.load(sample_run)))
    assert titles["investments_by_investor"].startswith("Microsoft leads with €4bn. Microsoft: €4bn; ")
    assert "May 2024: €5.4bn" in titles["investment_timeline"] and "Jan 2024: 0" in titles["investment_timeline"]


def test_xlsx_sources_are_titles_linked_to_the_articles(sample_run):
    from openpyxl import load_workbook

    workbook = load_workbook(sample_run / "report.xlsx")
    documents = ct.Corpus.load(sample_run).documents
    urls = {u for u in documents["url"] if u}
    sources = workbook["Sources"]
    header = [c.value for c in sources[1]]
    title_column = header.index("Title")
    linked = [(row[title_column].value, row[title_column].hyperlink.target)
              for row in sources.iter_rows(min_row=2) if row[title_column].hyperlink]
    assert linked and {url for _, url in linked} <= urls
    titles = dict(zip(documents["url"], documents["title"]))
    assert all(title == titles[url] for title, url in linked)
    first = workbook["Investments"]
    header = [c.value for c in first[1]]
    assert any(row[header.index("Sources")].hyperlink for row in first.iter_rows(min_row=2))


def test_png_charts_are_not_blank(seeds_run):
    for name in charts.charts_with_data(ct.Corpus.load(seeds_run)):
        image = mpimg.imread(seeds_run / "charts" / f"{name}.png")
        assert image.shape[1] >= 2300  # 2x: sharp at 1200 px on a high-density screen
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

    sheet = load_workbook(out / "report.xlsx")["tables.documents"]
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
    for output in ("report.html", "report.xlsx", "charts/investment_timeline.png", "charts/investment_timeline.svg"):
        assert (tmp_path / "a" / output).read_bytes() == (tmp_path / "b" / output).read_bytes(), output
