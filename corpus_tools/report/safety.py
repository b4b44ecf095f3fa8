"""Cells that a spreadsheet would run as a formula (=, +, -, @, or a tab or CR before them) are
prefixed with an apostrophe, the neutralisation spreadsheet programs themselves understand."""
from __future__ import annotations

import re

import pandas as pd

_FORMULA_START = re.compile(r"\A[\t\r]*[=+\-@]|\A[\t\r]")
# Characters XML 1.0 forbids; openpyxl refuses them, so they are dropped from spreadsheet cells.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXCEL_MAX_CELL = 32_767


def neutralise(value):
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    return safe


def spreadsheet_cell(value):
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("", neutralise(value))
        if len(value) > EXCEL_MAX_CELL:
            value = value[: EXCEL_MAX_CELL - 1] + "…"
    return value
