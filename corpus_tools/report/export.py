"""Everything the main job writes, into one folder swapped in atomically:
tables/*.parquet and *.csv, report.xlsx, charts/*.png and *.svg, report.html, manifest.json."""
from __future__ import annotations

import io
import os
from pathlib import Path

from ..corpus import TABLES, write_atomically
from .safety import neutralise_frame, spreadsheet_cell

MONEY_COLUMNS = {"value", "low", "high", "value_eur", "value_usd"}


EXCEL_MAX_ROWS = 1_048_576  # a sheet's limit, header included


def write_csv_tables(corpus, directory: Path) -> None:
    for name in TABLES:
        # utf-8-sig: Excel opens the file with the right encoding.
        with open(directory / f"{name}.csv", "w", encoding="utf-8-sig", newline="") as handle:
            header = True
            for chunk in corpus.chunks(name):
                neutralise_frame(chunk).to_csv(handle, index=False, header=header)
                header = False
            if header:  # an empty table: its header alone
                corpus.read(name).to_csv(handle, index=False)


def write_xlsx(corpus, path: Path) -> None:
    """One sheet per table, written row by row; a table longer than a sheet is cut with a last
    row that says where the rest is (the CSV and Parquet files always have every row)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    counts = corpus.counts()
    for name in TABLES:
        sheet = workbook.create_sheet(name)
        sheet.freeze_panes = "A2"
        room = EXCEL_MAX_ROWS - 2  # below the header, above the note
        header = True
        for chunk in corpus.chunks(name):
            if header:
                sheet.append([_bold(sheet, column) for column in chunk.columns])
                header = False
            money = [column in MONEY_COLUMNS for column in chunk.columns]
            for record in chunk.head(room).itertuples(index=False):
                sheet.append([_money(sheet, value) if is_money else _cell(value) for value, is_money in zip(record, money)])
            room -= min(room, len(chunk))
        if header:
            sheet.append([_bold(sheet, column) for column in corpus.read(name).columns])
        if counts[name] > EXCEL_MAX_ROWS - 2:
            sheet.append([f"{counts[name] - (EXCEL_MAX_ROWS - 2):,} more rows in tables/{name}.csv and {name}.parquet"])
    workbook.save(path)


def _bold(sheet, value):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True)
    return cell


def _money(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=_cell(value))
    cell.number_format = "#,##0"
    return cell


def _cell(value):
    return None if _missing(value) else spreadsheet_cell(value)


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


def write_report(corpus, out: str | os.PathLike, *, locale: str = "en", title: str = "Investment report",
                 force: bool = False, inputs=()) -> Path:
    """Write every output of the main job; ``out`` is replaced only once all of it is written, and
    only when it is ours (see ``corpus_tools.outputs``; ``force``, ``inputs``)."""
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

    return write_atomically(out, corpus, write, force=force, inputs=inputs)
