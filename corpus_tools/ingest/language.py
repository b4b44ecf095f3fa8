"""Language of each paragraph and of the document, with langdetect made deterministic.

Only French and English are analysed; anything else, and text too short to tell, is "und".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

SUPPORTED = ("fr", "en")
UNDETERMINED = "und"
MIN_LETTERS = 20  # below this langdetect is a coin toss
SAMPLE_CHARS = 400  # detection on a bounded sample of each paragraph
MIN_PROBABILITY = 0.3
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


@dataclass(frozen=True)
class ParagraphLanguage:
    start: int
    end: int
    lang: str


@lru_cache(maxsize=1)
def _detector_factory():
    """A private, seeded factory: results do not depend on what else used langdetect."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def detect_language(text: str) -> str:
    """fr, en or und for one stretch of text; never raises."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    try:
        detector = _detector_factory().create()
        detector.append(sample)
        probabilities = {p.lang: p.prob for p in detector.get_probabilities()}
    except Exception:  # langdetect raises LangDetectException on featureless text
        return UNDETERMINED
    lang = max(SUPPORTED, key=lambda code: probabilities.get(code, 0.0))
    return lang if probabilities.get(lang, 0.0) >= MIN_PROBABILITY else UNDETERMINED


def paragraph_languages(text: str) -> list[ParagraphLanguage]:
    return [ParagraphLanguage(m.start(), m.end(), detect_language(m.group()))
            for m in _PARAGRAPH.finditer(text)]


def document_language(paragraphs: list[ParagraphLanguage]) -> tuple[str, Counter]:
    """Majority language by characters over the paragraphs whose language is known."""
    chars: Counter = Counter()
    for paragraph in paragraphs:
        chars[paragraph.lang] += paragraph.end - paragraph.start
    known = {lang: n for lang, n in chars.items() if lang != UNDETERMINED}
    if not known:
        return UNDETERMINED, chars
    return max(sorted(known), key=lambda lang: known[lang]), chars
