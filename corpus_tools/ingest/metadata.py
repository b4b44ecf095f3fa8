"""Metadata that plain-text articles carry in their first lines: a date header and a headline."""
from __future__ import annotations

import re
from datetime import date as _date
from functools import lru_cache

from ..lang import LANGUAGES, resource

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


@lru_cache(maxsize=1)
def _month_names() -> tuple[dict[str, int], re.Pattern]:
    months: dict[str, int] = {}
    for lang in LANGUAGES:
        for name, number in resource(lang, "dates").MONTHS.items():
            months.setdefault(name, number)
    names = "|".join(sorted(map(re.escape, months), key=lambda n: (-len(n), n)))
    return months, re.compile(names, re.IGNORECASE)


@lru_cache(maxsize=1)
def _written_dates():
    """"13 mai 2024", "1er mai 2024", "May 13, 2024", "13 May 2024", "mai 2024", "Sept. 2023",
    after an optional weekday ("lundi 13 mai 2024", "Mon, 13 May 2024 10:00 GMT")."""
    _, month = _month_names()
    weekday = r"(?:[^\W\d_]{2,9}\.?,?\s{1,3})?"
    day_first = re.compile(weekday + r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?\.?\s{1,3}(?P<month>" + month.pattern
                           + r")\.?,?\s{1,3}(?P<year>\d{4})\b", re.IGNORECASE)
    month_first = re.compile(weekday + r"(?P<month>" + month.pattern + r")\.?\s{1,3}(?:(?P<day>\d{1,2})"
                             r"(?:st|nd|rd|th)?,?\s{1,3})?(?P<year>\d{4})\b", re.IGNORECASE)
    return day_first, month_first


_NUMERIC = re.compile(r"(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>\d{4})\b")


def parse_date(value: object, lang: str = "und") -> str:
    """A date from metadata as a partial ISO date, "" when it is not understood for sure.

    ISO ("2024-05-13", "2024-05-13T08:30:00+02:00", "2023-09"), written dates in every supported
    language, and numeric ``dd/mm/yyyy`` read in the order of the document's language (day first
    in French); a numeric date that could be read both ways in a language without a fixed order
    (English: US or UK) is not guessed.
    """
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    text = " ".join(str(value).split())[:100]
    match = _ISO_PREFIX.match(text)
    if match and (len(text) == match.end() or not text[match.end()].isdigit()):
        return _valid_iso(*match.groups())
    match = _NUMERIC.match(text)
    if match:
        a, b, year = int(match["a"]), int(match["b"]), match["year"]
        order = resource(lang, "dates").NUMERIC_ORDER if lang in LANGUAGES else None
        if a > 12 or order == "dmy":
            day, month = a, b
        elif b > 12 or order == "mdy":
            day, month = b, a
        else:
            return ""
        return _valid_iso(year, str(month), str(day))
    months, _ = _month_names()
    for pattern in _written_dates():
        match = pattern.match(text)
        if match:
            return _valid_iso(match["year"], str(months[match["month"].lower()]), match["day"])
    return ""


def normalise_date(value: object, lang: str = "und") -> str:
    """A date from metadata (string or datetime) as a partial ISO date, "" when unusable."""
    return parse_date(value, lang)


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
