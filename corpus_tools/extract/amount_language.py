"""Amounts read with the grammar of the language of each stretch of text.

French and English money grammars disagree where it matters most: "billion" is 10^9 in English and
10^12 in French, "1,500" is fifteen hundred or one and a half. So each stretch of a text (see
``ingest.language.language_segments``) is read with its own language's grammar, and where its
language is only a lean (a headline, a caption, a one-line document), with every grammar, keeping
the reading that parses: the one that reads more of the text as money, the lean on a tie.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..lang import LANGUAGES
from ..types import Amount

Extract = Callable[..., list[Amount]]


def _covered(amounts: list[Amount]) -> int:
    return sum(a.end - a.start for a in amounts if a.value is not None or a.low is not None)


def best_reading(text: str, lean: str, extract: Extract, **options) -> list[Amount]:
    """The reading of ``text`` by the grammar that parses most of it; ``lean`` wins ties."""
    readings = {lang: extract(text, lang, **options) for lang in LANGUAGES}
    order = sorted(LANGUAGES, key=lambda lang: (-_covered(readings[lang]), lang != lean))
    return readings[order[0]]


def amounts_in_segments(text: str, segments, extract: Extract, **options) -> list[Amount]:
    """Amounts of every segment, offsets and restatement links into ``text``."""
    found: list[Amount] = []
    for segment in segments:
        piece = text[segment.start:segment.end]
        if not piece.strip():
            continue
        if segment.certain and segment.lang in LANGUAGES:
            amounts = extract(piece, segment.lang, **options)
        else:
            amounts = best_reading(piece, segment.lang, extract, **options)
        base = len(found)
        found += [replace(a, start=a.start + segment.start, end=a.end + segment.start,
                          equivalent_of=None if a.equivalent_of is None else a.equivalent_of + base)
                  for a in amounts]
    return found


def amounts_any_language(text: str, extract: Extract, **options) -> list[Amount]:
    """``extract_amounts(text, lang=None)``: each paragraph with its own language's grammar."""
    from ..ingest.language import language_segments

    return amounts_in_segments(text, language_segments(text), extract, **options)
