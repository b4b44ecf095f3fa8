"""Language of each paragraph and of the document.

Only the languages of ``corpus_tools.lang.LANGUAGES`` are analysed; anything else, and text that
carries no sign of its language, is "und". Cheap evidence comes first, from each language's
``lang/<lang>/language.py``: function words ("the", "which" / "les", "dans"), month names and words of news
seen in one language only (``words.txt``, counted on the training set), forms of the money
grammar only one language writes ("milliards d'euros", "€4bn"), letters and word shapes
(accents, "l'usine", "Intel's"). Most paragraphs are settled by it in microseconds. The others go
to langdetect (seeded, so results are deterministic; about 10 ms a call, see bench/throughput.py)
whose probabilities are added to the evidence: langdetect alone is unreliable under ~20 words, the
evidence alone cannot tell a text of a third language. ``bench/language.py`` measures the result.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lang import LANGUAGES, UNDETERMINED, resource

SUPPORTED = LANGUAGES
MIN_LETTERS = 20  # below this langdetect is a coin toss: not asked
SAMPLE_CHARS = 400  # detection on a bounded sample of each paragraph
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
MONEY_CUE_WEIGHT = 2.0  # a money form of one language is worth two function words
LETTER_WEIGHT = 0.5  # per word with a letter only one language writes (names borrow accents)
LANGDETECT_WEIGHT = 3.0  # langdetect's probability, when asked
# Settled without langdetect: 3 points for one language and none for the other, or at least 5
# with four times more for one language.
MIN_CLEAN_VOTES, MIN_VOTES, MIN_MARGIN = 3.0, 5.0, 4.0
OTHER_LANGUAGE_PROBABILITY = 0.9  # langdetect sure of a third language, our evidence not settled: und


@dataclass(frozen=True)
class ParagraphLanguage:
    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class LanguageDecision:
    lang: str  # one of LANGUAGES, or "und"
    certain: bool  # settled by clear evidence; else a lean that a caller may want to check


@dataclass(frozen=True)
class _Cues:
    function_words: frozenset
    money: re.Pattern
    letters: frozenset
    shapes: re.Pattern


def _vocabulary(lang: str) -> frozenset:
    """``lang/<lang>/words.txt``: words of news seen only in that language (bench/language_words.py)."""
    from importlib import resources

    text = resources.files(f"corpus_tools.lang.{lang}").joinpath("words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _own_months(lang: str) -> frozenset:
    """Month names only this language writes ("June" / "juin"; not "sept", "nov"): a dateline is
    often all a caption or a byline says about its language."""
    others = {name for other in LANGUAGES if other != lang for name in resource(other, "dates").MONTHS}
    return frozenset(name for name in resource(lang, "dates").MONTHS if name not in others and len(name) >= 3)


@lru_cache(maxsize=None)
def _cues(lang: str) -> _Cues:
    module = resource(lang, "language")
    never = r"(?!x)x"
    return _Cues(module.FUNCTION_WORDS | _vocabulary(lang) | _own_months(lang),
                 re.compile("|".join(module.MONEY_CUES) or never),
                 frozenset(module.LETTERS), re.compile("|".join(module.SHAPES) or never))


@lru_cache(maxsize=1)
def _detector_factory():
    """A private, seeded factory: results do not depend on what else used langdetect."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def langdetect_probabilities(sample: str) -> dict[str, float]:
    """Seeded langdetect: {lang: probability}, empty for featureless text (about 10 ms a call)."""
    try:
        detector = _detector_factory().create()
        detector.append(sample)
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except Exception:  # langdetect raises LangDetectException on featureless text
        return {}


def evidence(sample: str) -> dict[str, float]:
    """Points for each language from its function words, money forms, letters and word shapes."""
    words = _WORD.findall(sample.lower())
    scores = {}
    for lang in LANGUAGES:
        cues = _cues(lang)
        points = sum(word in cues.function_words for word in words)
        points += MONEY_CUE_WEIGHT * len(cues.money.findall(sample))
        points += len(cues.shapes.findall(sample))
        if cues.letters and points:  # accents alone are names ("Société Générale"): they only add up
            points += LETTER_WEIGHT * sum(not cues.letters.isdisjoint(word) for word in words)
        scores[lang] = float(points)
    return scores


def _settled(scores: dict[str, float]) -> str | None:
    best = max(sorted(scores), key=scores.get)
    rest = max((s for lang, s in scores.items() if lang != best), default=0.0)
    ours = scores[best]
    if (ours >= MIN_CLEAN_VOTES and rest == 0) or (ours >= MIN_VOTES and ours >= MIN_MARGIN * rest):
        return best
    return None


def function_word_vote(sample: str) -> str | None:
    """The language the cheap evidence leaves no doubt about, else None."""
    return _settled(evidence(sample))


def decide_language(text: str) -> LanguageDecision:
    """The language of one stretch of text, and whether the evidence was clear; never raises."""
    sample = text[:SAMPLE_CHARS]
    scores = evidence(sample)
    settled = _settled(scores)
    if settled:
        return LanguageDecision(settled, True)
    if len(LETTER.findall(sample)) >= MIN_LETTERS:
        probabilities = langdetect_probabilities(sample)
        top = max(sorted(probabilities), key=probabilities.get, default=None)
        if top is not None and top not in LANGUAGES and probabilities[top] >= OTHER_LANGUAGE_PROBABILITY:
            return LanguageDecision(UNDETERMINED, False)
        for lang in LANGUAGES:
            scores[lang] += LANGDETECT_WEIGHT * probabilities.get(lang, 0.0)
    ranked = sorted(LANGUAGES, key=lambda lang: (-scores[lang], lang))
    if scores[ranked[0]] <= scores[ranked[1]] or scores[ranked[0]] < 1.0:
        return LanguageDecision(UNDETERMINED, False)
    return LanguageDecision(ranked[0], False)


def detect_language(text: str) -> str:
    """One of LANGUAGES or "und" for one stretch of text; never raises."""
    return decide_language(text).lang


def paragraph_decisions(text: str) -> list[tuple[ParagraphLanguage, bool]]:
    """Each paragraph's language, and whether its evidence was clear."""
    decisions = []
    for match in _PARAGRAPH.finditer(text):
        decision = decide_language(match.group())
        decisions.append((ParagraphLanguage(match.start(), match.end(), decision.lang), decision.certain))
    return decisions


def paragraph_languages(text: str) -> list[ParagraphLanguage]:
    return [paragraph for paragraph, _ in paragraph_decisions(text)]


def document_language(paragraphs: list[ParagraphLanguage]) -> tuple[str, Counter]:
    """Majority language by characters over the paragraphs whose language is known."""
    chars: Counter = Counter()
    for paragraph in paragraphs:
        chars[paragraph.lang] += paragraph.end - paragraph.start
    known = {lang: n for lang, n in chars.items() if lang != UNDETERMINED}
    if not known:
        return UNDETERMINED, chars
    return max(sorted(known), key=lambda lang: known[lang]), chars


@dataclass(frozen=True)
class Segment:
    """A stretch of text read with one language's rules: consecutive paragraphs of that language."""

    start: int
    end: int
    lang: str  # one of LANGUAGES, or "und" when nothing in or around it tells
    certain: bool


def language_segments(text: str, decisions: list[tuple[ParagraphLanguage, bool]] | None = None
                      ) -> list[Segment]:
    """The text cut where the language changes, covering it whole. A paragraph with no sign of
    its own language (a name, a date line) takes the one before it (the document's, first); a
    segment is certain when one of its paragraphs is."""
    if decisions is None:
        decisions = paragraph_decisions(text)
    document, _ = document_language([paragraph for paragraph, _ in decisions])
    segments: list[Segment] = []
    for paragraph, certain in decisions:
        lang = paragraph.lang if paragraph.lang != UNDETERMINED else segments[-1].lang if segments else document
        certain = certain and paragraph.lang != UNDETERMINED
        if segments and segments[-1].lang == lang:  # one clear paragraph settles its neighbours
            segments[-1] = Segment(segments[-1].start, paragraph.end, lang, certain or segments[-1].certain)
        else:
            segments.append(Segment(segments[-1].end if segments else 0, paragraph.end, lang, certain))
    if not segments:
        return [Segment(0, len(text), UNDETERMINED, False)]
    segments[0] = Segment(0, segments[0].end, segments[0].lang, segments[0].certain)
    segments[-1] = Segment(segments[-1].start, len(text), segments[-1].lang, segments[-1].certain)
    return segments


def format_segments(segments: list[Segment], document_lang: str) -> str:
    """For the documents table: "" when the whole body is one language, known for sure; else
    "start-end:lang" per segment, "~" after a language that is only a lean ("0-812:fr 812-990:en~")."""
    if len(segments) == 1 and segments[0].lang == document_lang and segments[0].certain:
        return ""
    return " ".join(f"{s.start}-{s.end}:{s.lang}{'' if s.certain else '~'}" for s in segments)


def parse_segments(value: str, length: int, document_lang: str) -> list[Segment]:
    """The segments ``format_segments`` wrote (the whole body in the document's language when "")."""
    if not value:
        return [Segment(0, length, document_lang, document_lang != UNDETERMINED)]
    segments = []
    for item in value.split():
        span, _, lang = item.partition(":")
        start, _, end = span.partition("-")
        segments.append(Segment(int(start), int(end), lang.rstrip("~"), not lang.endswith("~")))
    return segments
