"""Metadata that plain-text articles carry in their first lines: a date header and a headline."""
from __future__ import annotations

import re
from datetime import date as _date

_DATE_HEADER = re.compile(r"\A\s*date\s*[:=]?\s*(\d{4})-(\d{2})(?:-(\d{2}))?\b[ \t]*\n?", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"\A\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_SENTENCE_END = tuple(".!?…;:,")
MAX_TITLE_CHARS = 160
MAX_TITLE_WORDS = 25


def _valid_iso(year: str, month: str | None, day: str | None) -> str:
    """ISO 8601 as precise as known ("2023-09", "2024-05-13"), or "" if not a real date."""
    try:
        _date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return ""
    if not 1900 <= int(year) <= 2100:
        return ""
    parts = [year, f"{int(month):02d}" if month else None, f"{int(day):02d}" if day else None]
    return "-".join(p for p in parts if p)


def normalise_date(value: object) -> str:
    """A date from metadata (string or datetime) as a partial ISO date, "" when unusable."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    match = _ISO_PREFIX.match(str(value))
    if not match:
        return ""
    return _valid_iso(*match.groups())


def split_date_header(text: str) -> tuple[str, str]:
    """Take a leading ``date YYYY-MM[-DD]`` header off the text: (iso_date, rest)."""
    match = _DATE_HEADER.match(text)
    if not match:
        return "", text
    iso = _valid_iso(*match.groups())
    if not iso:
        return "", text
    return iso, text[match.end():]


def split_title(text: str) -> tuple[str, str]:
    """A headline-like first line becomes the title: short, no sentence punctuation at its end,
    on its own line, and followed by more text."""
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    first = first.strip()
    if (
        not newline
        or not first
        or not rest.strip()
        or len(first) > MAX_TITLE_CHARS
        or len(first.split()) > MAX_TITLE_WORDS
        or first.endswith(_SENTENCE_END)
        or first[0] in "\"“«'‘-–•*"
    ):
        return "", text
    return first, rest
