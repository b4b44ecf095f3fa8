"""Everything the main job writes, into one folder swapped in atomically:
tables/*.parquet and *.csv, report.xlsx, charts/*.png and *.svg, report.html, manifest.json."""
from __future__ import annotations

import io
import os
from pathlib import Path

from ..corpus import write_atomically
from .safety import neutralise_frame, spreadsheet_cell

MONEY_COLUMNS = {"value", "low", "high", "value_eur", "value_usd"}


def write_csv_tables(corpus, directory: Path) -> None:
    for name, table in corpus.tables.items():
        # utf-8-sig: Excel opens the file with the right encoding.
        neutralise_frame(table).to_csv(directory / f"{name}.csv", index=False, encoding="utf-8-sig")


def write_xlsx(corpus, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, table in corpus.tables.items():
        sheet = workbook.create_sheet(name)
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for record in table.itertuples(index=False):
            sheet.append([None if _missing(v) else spreadsheet_cell(v) for v in record])
        for index, column in enumerate(table.columns, start=1):
            if column in MONEY_COLUMNS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "#,##0"
        sheet.freeze_panes = "A2"
    workbook.save(path)


def _missing(value) -> bool:
    try:
        return value is None or value != value
    except (TypeError, ValueError):
        return False


def render_charts(corpus, locale: str) -> dict[str, tuple[bytes, bytes]]:
    """PNG and SVG bytes of every chart."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from .charts import CHARTS

    rendered = {}
    for name, chart in CHARTS.items():
        ax = chart(corpus, locale=locale)
        png, svg = io.BytesIO(), io.BytesIO()
        ax.figure.savefig(png, format="png", metadata={"Software": None})
        ax.figure.savefig(svg, format="svg", metadata={"Date": None})
        plt.close(ax.figure)
        rendered[name] = (png.getvalue(), svg.getvalue())
    return rendered


def write_report(corpus, out: str | os.PathLike, *, locale: str = "en", title: str = "Investment report") -> Path:
    """Write every output of the main job; ``out`` is replaced only once all of it is written."""
    from .html import render_html

    def write(staging: Path) -> None:
        corpus.write_tables(staging)
        write_csv_tables(corpus, staging / "tables")
        write_xlsx(corpus, staging / "report.xlsx")
        charts = render_charts(corpus, locale)
        (staging / "charts").mkdir()
        for name, (png, svg) in charts.items():
            (staging / "charts" / f"{name}.png").write_bytes(png)
            (staging / "charts" / f"{name}.svg").write_bytes(svg)
        html = render_html(corpus, {name: png for name, (png, _) in charts.items()}, locale=locale, title=title)
        (staging / "report.html").write_text(html, encoding="utf-8")

    return write_atomically(out, corpus, write)
