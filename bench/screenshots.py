"""Screenshots for the README: report.html at 1400 px and 390 px in headless Chromium (Debian's,
through Playwright; no browser is downloaded) and each chart, from a run on data/sample.

    make screenshots        # writes bench/screenshots/*.png
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from corpus_tools.cli import main as corpus_tools

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "bench" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
VIEWS = {"report-1400.png": (1400, 2600), "report-390.png": (390, 2200)}  # width, height of the page shown


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is absent: apt-get install chromium", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out"
        if corpus_tools(["run", str(REPO / "data" / "sample"), "--out", str(out), "--no-progress"]) != 0:
            return 1
        for chart in sorted((out / "charts").glob("*.png")):
            shutil.copyfile(chart, TARGET / f"chart-{chart.name}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for name, (width, height) in VIEWS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.route("**/*", lambda route: route.abort() if route.request.url.startswith("http")
                           else route.continue_())
                page.goto((out / "report.html").as_uri())
                page.locator("#investments-table details summary").first.click()  # one row's quotes open
                page.screenshot(path=str(TARGET / name))
                page.close()
            browser.close()
    for path in sorted(TARGET.glob("*.png")):
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
