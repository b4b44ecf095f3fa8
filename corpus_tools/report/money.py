"""Amounts written the way newsrooms write them: "€4bn", "€1.2bn", "€100m" or "4 Md€", "1,2 Md€"."""
from __future__ import annotations

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
EN_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))
FR_SCALES = ((1e9, " Md"), (1e6, " M"), (1e3, " k"))
QUALIFIER_WORDS = {
    "en": {"at_least": "more than ", "at_most": "up to ", "approx": "~"},
    "fr": {"at_least": "plus de ", "at_most": "jusqu'à ", "approx": "env. "},
}


def _number(value: float, decimal: str) -> str:
    if value >= 100:
        text = f"{value:,.0f}".replace(",", "\u202f" if decimal == "," else ",")
    elif value >= 10:
        text = f"{value:.1f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", decimal) if decimal == "," else text


def format_money(value: float | None, currency: str = "EUR", locale: str = "en", qualifier: str = "exact") -> str:
    """A short label; the qualifier adds "more than", "up to" or "~" (plus de, jusqu'à, env.)."""
    if value is None:
        return ""
    prefix = QUALIFIER_WORDS.get(locale, QUALIFIER_WORDS["en"]).get(qualifier, "")
    magnitude = abs(value)
    if locale == "fr":
        scale, suffix = next(((s, w) for s, w in FR_SCALES if magnitude >= s), (1, " "))
        symbol = SYMBOLS.get(currency, f" {currency}") if currency in SYMBOLS else f" {currency}"
        return f"{prefix}{_number(magnitude / scale, ',')}{suffix}{symbol}".replace("  ", " ").strip()
    scale, suffix = next(((s, w) for s, w in EN_SCALES if magnitude >= s), (1, ""))
    number = _number(magnitude / scale, ".")
    if currency in SYMBOLS:
        return f"{prefix}{SYMBOLS[currency]}{number}{suffix}"
    return f"{prefix}{currency} {number}{suffix}"
