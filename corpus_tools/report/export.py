"""Everything the main job writes, into one folder swapped in atomically:
tables/*.parquet and *.csv, report.xlsx, charts/*.png and *.svg, report.html, manifest.json."""
from __future__ import annotations

import datetime as dt
import io
import os
import re
import warnings
from pathlib import Path

from ..corpus import TABLES, write_atomically
from .labels import labels
from .rows import event_rows
from .safety import neutralise_frame, spreadsheet_cell

MONEY_COLUMNS = {"value", "low", "high", "value_eur", "value_usd"}
EXCEL_MAX_ROWS = 1_048_576  # a sheet's limit, header included
MAX_WIDTH, MIN_WIDTH = 60, 8
CSV_DIALECTS = {"comma": (",", "."), "semicolon": (";", ",")}
STABLE_TIMESTAMP = dt.datetime(2000, 1, 1)  # the workbook's stamps: same input, same bytes
_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def csv_dialect_for(locale: str, dialect: str | None = None) -> str:
    """``;`` and decimal comma where the spreadsheet's locale expects them (French Excel opens a
    comma-separated file as one column), unless asked otherwise."""
    if dialect is not None:
        if dialect not in CSV_DIALECTS:
            raise ValueError(f"csv dialect must be one of {sorted(CSV_DIALECTS)}")
        return dialect
    return "semicolon" if locale == "fr" else "comma"


def write_csv_tables(corpus, directory: Path, dialect: str = "comma") -> None:
    separator, decimal = CSV_DIALECTS[dialect]
    for name in TABLES:
        # utf-8-sig: Excel opens the file with the right encoding.
        with open(directory / f"{name}.csv", "w", encoding="utf-8-sig", newline="") as handle:
            header = True
            for chunk in corpus.chunks(name):
                neutralise_frame(_lists_joined(chunk)).to_csv(handle, index=False, header=header, sep=separator,
                                                              decimal=decimal)
                header = False
            if header:  # an empty table: its header alone
                corpus.read(name).to_csv(handle, index=False, sep=separator)


def excel_date(text: str):
    """A date string as a real date and its display format ("2025-03" shows as a month)."""
    match = _DATE.match(text or "")
    if not match:
        return None, None
    year, month, day = match.groups()
    try:
        if day:
            return dt.date(int(year), int(month), int(day)), "yyyy-mm-dd"
        if month:
            return dt.date(int(year), int(month), 1), "yyyy-mm"
        return dt.date(int(year), 1, 1), "yyyy"
    except ValueError:
        return None, None


def _width(values) -> float:
    longest = max((max((len(line) for line in str(v).split("\n")), default=0) for v in values if v is not None),
                  default=0)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))


class _Sheet:
    """A write-only sheet with a bold frozen header, column widths from its first rows, and an
    Excel table (with its filter buttons) over everything written."""

    def __init__(self, workbook, title: str, table_name: str, header: list[str], sample_rows: list[list]):
        from openpyxl.utils import get_column_letter

        self.sheet = workbook.create_sheet(title)
        self.table_name, self.header, self.rows = table_name, header, 0
        self.sheet.freeze_panes = "A2"
        for index, column in enumerate(header):
            values = [column] + [self._display(row[index]) for row in sample_rows[:200]]
            self.sheet.column_dimensions[get_column_letter(index + 1)].width = _width(values)
        self.sheet.append([self._bold(column) for column in header])

    @staticmethod
    def _display(value):
        return getattr(value, "value", value)

    def _bold(self, value):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        cell = WriteOnlyCell(self.sheet, value=value)
        cell.font = Font(bold=True)
        return cell

    def cell(self, value, number_format: str | None = None, url: str = "", wrap: bool = False):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font

        if isinstance(value, str):
            value = spreadsheet_cell(value)
        cell = WriteOnlyCell(self.sheet, value=value)
        if number_format:
            cell.number_format = number_format
        if url:
            cell.hyperlink = url
            cell.font = Font(color="0563C1", underline="single")
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell

    def append(self, values: list) -> None:
        self.sheet.append(values)
        self.rows += 1

    def close(self) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.filters import AutoFilter
        from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

        if self.rows == 0:  # an Excel table needs a data row: an empty sheet keeps its header alone
            return
        last = f"{get_column_letter(len(self.header))}{self.rows + 1}"
        table = Table(displayName=self.table_name, ref=f"A1:{last}", autoFilter=AutoFilter(ref=f"A1:{last}"))
        table.tableColumns = [TableColumn(id=n + 1, name=name) for n, name in enumerate(self.header)]
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        with warnings.catch_warnings():  # openpyxl warns in write-only mode even when the columns are given
            warnings.simplefilter("ignore", UserWarning)
            self.sheet.add_table(table)


def _unique(names: list[str]) -> list[str]:
    """Header cells of an Excel table must differ."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _investments_sheet(workbook, rows, locale: str) -> None:
    words = labels(locale)
    text = words.TEXT
    show_investors = any(len(r.investors) > 1 for r in rows)
    show_suspect = any(r.suspect for r in rows)
    keys = ["investor", *(["investors"] if show_investors else []), "recipient", "kind", "amount", "currency",
            "qualifier", "amount_eur", "amount_usd", "date", "languages", "sources", "evidence",
            *(["suspect"] if show_suspect else []), "event_id"]
    header = _unique([text[k] for k in keys])
    plain = [[_plain(r, k, words) for k in keys] for r in rows]
    sheet = _Sheet(workbook, text["investments"][:31], "Investments", header, plain)
    for row, values in zip(rows, plain):
        cells = []
        for key, value in zip(keys, values):
            if key in ("amount", "amount_eur", "amount_usd"):
                cells.append(sheet.cell(value, "#,##0"))
            elif key == "date":
                day, number_format = excel_date(row.date)
                cells.append(sheet.cell(day, number_format) if day else sheet.cell(value))
            elif key == "sources":
                first = next((a.url for a in row.articles if a.url), "")
                cells.append(sheet.cell(value, url=first, wrap=True))
            elif key == "evidence":
                cells.append(sheet.cell(value, wrap=True))
            else:
                cells.append(sheet.cell(value))
        sheet.append(cells)
    sheet.close()
    _sources_sheet(workbook, rows, locale)
    _notes_sheet(workbook, keys, locale)


def _plain(row, key: str, words):
    untitled = words.TEXT["untitled"]
    return {
        "investor": row.investor, "investors": "; ".join(row.investors), "recipient": row.recipient,
        "kind": words.KINDS.get(row.kind, row.kind), "amount": row.stated_value, "currency": row.currency,
        "qualifier": words.QUALIFIERS.get(row.qualifier, row.qualifier), "amount_eur": row.value_eur,
        "amount_usd": row.value_usd, "date": row.date,
        "languages": ", ".join(words.LANGUAGE_NAMES.get(lang, lang) for lang in row.langs),
        "sources": "\n".join(f"{a.title or untitled} ({a.outlet})" for a in row.articles),
        "evidence": "\n\n".join(" ".join(q.sentence.split()) for q in row.quotes),
        "suspect": row.suspect_reason or ("✓" if row.suspect else ""), "event_id": row.event_id,
    }[key]


def _sources_sheet(workbook, rows, locale: str) -> None:
    """One row per article of each event, its title a link to the article."""
    text = labels(locale).TEXT
    header = _unique([text["event_id"], text["investor"], text["recipient"], text["title"], text["outlet"],
                      text["date"], text["url"]])
    records = [(r, a) for r in rows for a in r.articles]
    plain = [[r.event_id, r.investor, r.recipient, a.title or text["untitled"], a.outlet, a.date, a.url]
             for r, a in records]
    sheet = _Sheet(workbook, text["sources"][:31], "Sources", header, plain)
    for (row, article), values in zip(records, plain):
        day, number_format = excel_date(article.date)
        sheet.append([sheet.cell(values[0]), sheet.cell(values[1]), sheet.cell(values[2]),
                      sheet.cell(values[3], url=article.url), sheet.cell(values[4]),
                      sheet.cell(day, number_format) if day else sheet.cell(values[5]),
                      sheet.cell(values[6], url=article.url)])
    sheet.close()


def _notes_sheet(workbook, keys: list[str], locale: str) -> None:
    words = labels(locale)
    text = words.TEXT
    notes = [[text[k], words.COLUMN_NOTES[k]] for k in keys if k in words.COLUMN_NOTES]
    notes.append([text["amount_eur"], words.CONVERSION_NOTE])
    sheet = _Sheet(workbook, text["notes"][:31], "Notes", [text["column"], text["meaning"]], notes)
    sheet.sheet.column_dimensions["B"].width = 100
    for column, meaning in notes:
        sheet.append([sheet.cell(column), sheet.cell(meaning, wrap=True)])
    sheet.close()


def _table_sheet(workbook, corpus, name: str, count: int) -> None:
    """A table of the corpus as analysts join it (its own column names), dates as dates; a table
    longer than a sheet is cut with a last row that says where the rest is."""
    chunks = corpus.chunks(name)
    first = next(chunks, None)
    frame = corpus.read(name).iloc[0:0] if first is None else first
    header = [str(c) for c in frame.columns]
    sample = [list(r) for r in frame.head(200).itertuples(index=False)]
    sheet = _Sheet(workbook, f"tables.{name}", f"table_{name}", header, sample)
    room = EXCEL_MAX_ROWS - 2  # below the header, above the note
    money = [column in MONEY_COLUMNS for column in header]
    dates = [column in ("date", "fx_date") for column in header]
    for chunk in ([first] if first is not None else []) + list(chunks):
        for record in chunk.head(room).itertuples(index=False):
            sheet.append([_table_cell(sheet, value, is_money, is_date)
                          for value, is_money, is_date in zip(record, money, dates)])
        room -= min(room, len(chunk))
    if count > EXCEL_MAX_ROWS - 2:
        sheet.sheet.append([f"{count - (EXCEL_MAX_ROWS - 2):,} more rows in tables/{name}.csv and {name}.parquet"])
    sheet.close()


def _table_cell(sheet, value, is_money: bool, is_date: bool):
    if _missing(value):
        return None
    if is_date and isinstance(value, str):
        day, number_format = excel_date(value)
        return sheet.cell(day, number_format) if day else sheet.cell(value)
    if is_money:
        return sheet.cell(value, "#,##0")
    if _is_list(value):  # a list column (investors): its items, ";"-separated
        value = "; ".join(map(str, value))
    return spreadsheet_cell(value)


def _is_list(value) -> bool:
    import numpy as np

    return isinstance(value, (list, tuple, np.ndarray))


def _lists_joined(frame):
    """List columns as "a; b" in a CSV (not Python's repr of an array)."""
    for column in frame.columns:
        if frame[column].dtype == object and frame[column].map(_is_list).any():
            frame = frame.assign(**{column: frame[column].map(lambda v: "; ".join(map(str, v)) if _is_list(v) else v)})
    return frame


def write_xlsx(corpus, path: Path, locale: str = "en") -> None:
    """Investments first (human headers, linked sources, quotes), then Sources and Notes, then every
    table as analysts join it. Each sheet has column widths, a frozen header, and an Excel table
    with filters; dates are dates."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    workbook.properties.created = workbook.properties.modified = STABLE_TIMESTAMP
    _investments_sheet(workbook, event_rows(corpus), locale)
    counts = corpus.counts()
    for name in TABLES:
        _table_sheet(workbook, corpus, name, counts[name])
    workbook.save(path)
    _stable_zip(Path(path))


def _stable_zip(path: Path) -> None:
    """The same workbook gives the same bytes: every zip entry is rewritten with a fixed timestamp,
    and so is the "modified" property (openpyxl stamps both with the time of saving); streamed, never
    whole in memory."""
    import shutil
    import zipfile

    stable = path.with_name(path.name + ".stable")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=STABLE_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            if info.filename == "docProps/core.xml":
                core = source.read(info).decode("utf-8")
                stamp = STABLE_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
                core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", lambda m: m.group(1) + stamp, core)
                target.writestr(entry, core.encode("utf-8"))
                continue
            with source.open(info) as reader, target.open(entry, "w", force_zip64=True) as writer:
                shutil.copyfileobj(reader, writer, 1 << 20)
    os.replace(stable, path)


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value)
    except (TypeError, ValueError):
        return False


def render_charts(corpus, locale: str, names: list[str] | None = None) -> dict[str, tuple[bytes, bytes]]:
    """PNG (2x) and SVG (text as text) bytes of the charts that have data."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    from .charts import CHARTS, charts_with_data, save_chart

    rendered = {}
    for name in charts_with_data(corpus) if names is None else names:
        ax = CHARTS[name](corpus, locale=locale)
        png, svg = io.BytesIO(), io.BytesIO()
        save_chart(ax, png, format="png", metadata={"Software": None})
        save_chart(ax, svg, format="svg", metadata={"Date": None})
        plt.close(ax.figure)
        rendered[name] = (png.getvalue(), svg.getvalue())
    return rendered


def write_report(corpus, out: str | os.PathLike, *, locale: str = "en", title: str | None = None,
                 csv_dialect: str | None = None, on_step=None, force: bool = False, inputs=()) -> Path:
    """Write every output of the main job; ``out`` is replaced only once all of it is written, and
    only when it is ours (see ``corpus_tools.outputs``; ``force``, ``inputs``). ``on_step(message)``
    is told each step as it starts (the command line shows it)."""
    from .html import render_html

    dialect = csv_dialect_for(locale, csv_dialect)
    step = on_step or (lambda message: None)

    def write(staging: Path) -> None:
        step("tables")
        corpus.write_tables(staging)
        write_csv_tables(corpus, staging / "tables", dialect)
        step("spreadsheet")
        write_xlsx(corpus, staging / "report.xlsx", locale)
        step("charts")
        charts = render_charts(corpus, locale)
        if charts:
            (staging / "charts").mkdir()
        for name, (png, svg) in charts.items():
            (staging / "charts" / f"{name}.png").write_bytes(png)
            (staging / "charts" / f"{name}.svg").write_bytes(svg)
        step("report")
        html = render_html(corpus, {name: svg for name, (_, svg) in charts.items()}, locale=locale, title=title)
        (staging / "report.html").write_text(html, encoding="utf-8")

    return write_atomically(out, corpus, write, force=force, inputs=inputs)
