"""Lenient organisation-name matching for scoring, as the gold sets' READMEs describe it.

Two names match when, after folding case, accents and punctuation, they are equal, one holds the
other as whole words ("SoftBank" / "SoftBank Group"), or both are forms of one gazetteer entry.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w&]+")
_LEGAL_FORMS = frozenset("inc ltd plc llc sa sas se gmbh ag corp co corporation group groupe".split())


def fold(name: str) -> str:
    """'L’Oréal S.A.' -> 'l oreal s a'; a key for comparing names written differently."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", plain).split())


@lru_cache(maxsize=1)
def gazetteer_index() -> dict[str, str]:
    """Folded form of every organisation name and alias the package ships -> its id."""
    from ..extract.entities import gazetteer

    index: dict[str, str] = {}
    for organisation in gazetteer().values():
        for form in organisation.forms:
            index.setdefault(fold(form), organisation.id)
    return index


def listed(name: str) -> bool:
    """Whether the package's organisation list names this organisation (then the list, not the
    recogniser, can find it)."""
    return fold(name) in gazetteer_index()


def _words(folded: str) -> tuple[str, ...]:
    return tuple(w for w in folded.split() if w not in _LEGAL_FORMS) or tuple(folded.split())


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def same_organisation(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    index = gazetteer_index()
    if fa in index and index.get(fa) == index.get(fb):
        return True
    wa, wb = _words(fa), _words(fb)
    if not wa or not wb:
        return False
    longer, shorter = (wa, wb) if len(wa) >= len(wb) else (wb, wa)
    if len(" ".join(shorter)) < 3:  # "AI", "3M": too short to be found inside another name by chance
        return longer == shorter
    return _contains(longer, shorter)


def matches_any(name: str, names: list[str] | tuple[str, ...]) -> bool:
    return any(same_organisation(name, other) for other in names if other)
