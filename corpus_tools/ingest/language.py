"""Language of each paragraph and of the document.

Only French and English are analysed; anything else, and text too short to tell, is "und".
A paragraph full of unmistakable function words ("the", "of", "which" / "les", "est", "dans")
is settled by counting them, in microseconds; every other paragraph goes to langdetect, seeded
so that results are deterministic (a langdetect call costs about 10 ms: half the analysis time
of a corpus when done for every paragraph, see bench/throughput.py).
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
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words frequent in one language and absent from the other and from its Romance and Germanic
# neighbours (no "de", "la", "il", "des", "in", "die": Spanish, Italian and German use them).
FUNCTION_WORDS = {
    "en": frozenset("the and of is was were that with which has have will would said from this their been its "
                    "are it by for an".split()),
    "fr": frozenset("les est et une dans du au aux sont qui avec pour sur été ont cette mais leur nous vous être "
                    "aussi ces ses selon lors leurs depuis".split()),
}
# Settled without langdetect: 3 function words of one language and none of the other, or at
# least 5 with four times more of one language.
MIN_CLEAN_VOTES, MIN_VOTES, MIN_MARGIN = 3, 5, 4
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


def function_word_vote(sample: str) -> str | None:
    """"en" or "fr" when the function words leave no doubt, else None."""
    counts = {lang: 0 for lang in FUNCTION_WORDS}
    for word in _WORD.findall(sample.lower()):
        for lang, words in FUNCTION_WORDS.items():
            if word in words:
                counts[lang] += 1
    en, fr = counts["en"], counts["fr"]
    for lang, ours, theirs in (("en", en, fr), ("fr", fr, en)):
        if (ours >= MIN_CLEAN_VOTES and theirs == 0) or (ours >= MIN_VOTES and ours >= MIN_MARGIN * theirs):
            return lang
    return None


def detect_language(text: str) -> str:
    """fr, en or und for one stretch of text; never raises."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return UNDETERMINED
    settled = function_word_vote(sample)
    if settled:
        return settled
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
