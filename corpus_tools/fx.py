"""Money in euros and dollars: a dated table of ECB annual average rates shipped with the package.

Each conversion records the rate and the year it is the average of, so a reader can check it.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

RATES_FILE = "fx_eur_annual.csv"


@dataclass(frozen=True)
class Conversion:
    value_eur: float | None
    value_usd: float | None
    fx_rate: float | None  # units of the amount's currency per euro
    fx_date: str  # year of the average used, "" when no conversion was possible


@lru_cache(maxsize=1)
def rates() -> dict[int, dict[str, float]]:
    text = resources.files("corpus_tools.data").joinpath(RATES_FILE).read_text(encoding="utf-8")
    table = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        table[int(row.pop("year"))] = {code: float(rate) for code, rate in row.items() if rate}
    return table


def _year(date: str) -> int:
    table = rates()
    years = sorted(table)
    try:
        year = int(date[:4])
    except (TypeError, ValueError):
        return years[-1]
    return min(max(year, years[0]), years[-1])


def rate(currency: str, date: str) -> tuple[float | None, int]:
    """Units of ``currency`` per euro for the year of ``date`` (the nearest year in the table)."""
    if currency == "EUR":
        return 1.0, _year(date)
    table = rates()
    year = _year(date)
    for candidate in [year] + sorted(table, key=lambda y: abs(y - year)):
        if currency in table[candidate]:
            return table[candidate][currency], candidate
    return None, year


def convert(value: float | None, currency: str, date: str) -> Conversion:
    if value is None:
        return Conversion(None, None, None, "")
    per_euro, year = rate(currency, date)
    usd_per_euro, _ = rate("USD", str(year))
    if per_euro is None:
        return Conversion(None, None, None, "")
    value_eur = value / per_euro
    return Conversion(value_eur, value_eur * usd_per_euro, per_euro, str(year))
