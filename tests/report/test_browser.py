"""The report driven in a real browser (Debian's chromium through Playwright, never a downloaded
browser): sort, filter, open a row's quotes, follow a source link, read it on a 390 px phone."""
import re
import shutil
from pathlib import Path

import pytest

import corpus_tools as ct

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (apt-get install chromium): browser tests skipped")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[dev])")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists()
                                             else shutil.which("chromium"), args=FLAGS)
        yield browser
        browser.close()


def _offline(page):
    """Article links lead to a stand-in page: the test never reaches the network."""
    page.route(re.compile(r"^https?://"), lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>article</title><p>the article</p>"))


def _visible_investors(page):
    return page.eval_on_selector_all("#investments-table tbody tr:not([hidden])",
                                     "rows => rows.map(r => r.cells[0].childNodes[0].textContent)")


def test_sort_filter_open_quotes_and_follow_a_source(browser, sample_run):
    investments = ct.Corpus.load(sample_run).investments
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(10_000)
    _offline(page)
    page.goto((sample_run / "report.html").as_uri())
    rows = page.locator("#investments-table tbody tr")
    assert rows.count() == len(investments)

    amount = page.locator("#investments-table thead th", has_text="Amount as stated").locator("button")
    amount.click()  # ascending
    euros = page.eval_on_selector_all("#investments-table tbody tr", "rows => rows.map(r => +r.dataset.eur)")
    assert euros == sorted(round(v) for v in investments["value_eur"])
    amount.click()  # descending
    largest = investments.sort_values("value_eur", ascending=False).iloc[0]["investor"]
    assert _visible_investors(page)[0] == largest
    assert page.locator("#investments-table thead th[aria-sort=descending]").count() == 1

    page.select_option("select[name=investor]", "Microsoft")
    expected = int((investments["investor"] == "Microsoft").sum())
    assert _visible_investors(page) == ["Microsoft"] * expected
    assert page.locator("#rows-shown").inner_text() == f"{expected} of {len(investments)} events shown"

    page.select_option("select[name=investor]", "")
    row = page.locator("#investments-table tbody tr:has(.cite a)").first  # an event with an article online
    quotes = row.locator("details blockquote")
    assert not quotes.first.is_visible()
    row.locator("details summary").click()
    assert quotes.first.is_visible() and quotes.first.locator("mark").count() >= 1
    link = row.locator("details .cite a").first
    href = link.get_attribute("href")
    assert href.startswith("http")
    link.click()
    page.wait_for_url(href)
    assert page.title() == "article"

    page.go_back()
    page.fill("input[name=q]", "mistral")
    assert _visible_investors(page) and all("Mistral" in r for r in page.eval_on_selector_all(
        "#investments-table tbody tr:not([hidden])", "rows => rows.map(r => r.textContent)"))

    page.fill("input[name=q]", "")
    page.fill("input[name=from]", "2024-05-01")
    page.fill("input[name=to]", "2024-05-31")
    page.fill("input[name=min]", "1000")  # € millions
    shown = page.eval_on_selector_all("#investments-table tbody tr:not([hidden])",
                                      "rows => rows.map(r => [r.dataset.date, +r.dataset.eur])")
    expected = investments[investments["date"].str.startswith("2024-05") & (investments["value_eur"] >= 1e9)]
    assert sorted(d for d, _ in shown) == sorted(expected["date"]) and len(shown) >= 1
    page.click("button[type=reset]")
    page.select_option("select[name=kind]", "funding_round")
    assert page.locator("#investments-table tbody tr:not([hidden])").count() == int(
        (investments["kind"] == "funding_round").sum())
    page.close()


WIDER_THAN_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > width + 1 || r.left < -1); })
    .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
}"""


def test_at_390_px_nothing_is_wider_than_the_screen(browser, sample_run):
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page.goto((sample_run / "report.html").as_uri())
    for summary in page.locator("details summary").all():
        summary.click()  # every quote open: long sentences and titles must wrap too
    assert page.evaluate(WIDER_THAN_VIEWPORT) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    font = page.eval_on_selector("blockquote", "e => parseFloat(getComputedStyle(e).fontSize)")
    assert font >= 14  # readable, not a desktop page shrunk to 6 px
    page.close()


def test_without_javascript_every_row_and_quote_is_there(browser, sample_run):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((sample_run / "report.html").as_uri())
    assert page.locator("#investments-table tbody tr:visible").count() == len(ct.Corpus.load(sample_run).investments)
    assert not page.locator("#filters").is_visible()  # controls that would do nothing stay hidden
    context.close()
