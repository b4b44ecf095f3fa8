"""Language of each paragraph and of the document.

Only the languages of ``corpus_tools.lang.LANGUAGES`` are analysed; anything else, and text that
carries no sign of its language, is "und". Cheap evidence comes first, from each language's
``lang/<lang>/language.py``: function words ("the", "which" / "les", "dans"), month names and words
of news seen in one language only (``words.txt``, counted on the training set), forms of the money
grammar only one language writes ("milliards d'euros", "€4bn"), letters and word shapes (accents,
"l'usine", "Intel's"), photo-credit conventions ("DR", "Crédit photo" / "Credit:") and the case of
month names both write, beside a number ("3 Nov 2024" / "3 nov. 2024"). Most paragraphs are settled
by it in microseconds. Where it is unclear, a small multinomial naive Bayes over ordinary words and
their character trigrams (``lang/<lang>/language_counts.tsv``, counted on the training set by
bench/language_words.py) adds a lean of at most MODEL_MAX_POINTS: "Open positions", "usines et
entrepôts" are words of one language. It never reads names: a capitalised word it has never seen in
lower case ("Emily Carter") is no evidence, nor are e-mail and web addresses; where most words are
ones the training set never writes, its lean counts only if langdetect's profiles, read whole and
deterministically, favour the same language (not a Spanish or Catalan heading) or our languages'
dictionaries (``dictionary.py``) hold every one and only one language's some; a text with no
evidence at all stays "und" without asking langdetect. The model alone never makes a decision
certain (a third language's words lean somewhere too); unclear text of MIN_LETTERS and MIN_WORDS or
more still goes to langdetect (seeded, so results are deterministic; about 10 ms a call, see
bench/throughput.py) whose probabilities are added to the evidence: langdetect alone is unreliable
under ~20 words, the evidence alone cannot tell a text of a third language. ``bench/language.py``
measures the result.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lang import LANGUAGES, UNDETERMINED, resource
from . import dictionary

SUPPORTED = LANGUAGES
MIN_LETTERS = 20  # below this langdetect is a coin toss: not asked
MIN_WORDS = 4  # nor on fewer words ("Senior reporter" is Spanish to it)
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
OTHER_LANGUAGE_PROBABILITY = 0.9  # langdetect sure of other languages (Dutch or Afrikaans), ours unsettled: und
# The short-text model: add-alpha smoothing; odds of 3 to 1 between two languages are one point
# and the model adds at most two (MIN_CLEAN_VOTES is three: it leans, the evidence settles).
MODEL_SMOOTHING = 0.5
MODEL_LOG_ODDS_PER_POINT = math.log(3)
MODEL_MAX_POINTS = 2.0
MODEL_MIN_UNSEEN = 4  # an unseen lower-case word this long is read by its trigrams
# Where the model knows too few of the words, it leans only if langdetect's profiles favour the same
# language by this many nats (log-probability): on the training sets' short sentences, a favourite
# of ours this clear is right 304 times in 306 (bench/language.py prints it).
PROFILE_MIN_MARGIN = 5.0
PROFILE_FLOOR = 1e-5  # an n-gram a language's profile lacks


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
    shapes: re.Pattern  # word shapes and photo-credit conventions
    dated_months: re.Pattern  # shared month names in this language's case, beside a number


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


def _shared_months_by_case(lang: str) -> str | None:
    """A pattern for the month names other languages write too ("dec", "nov"), written in this
    language's case (``MONTHS_CAPITALISED``) beside a number: "3 Nov 2024" is English, "3 nov.
    2024" French. The name alone, or in the other case, tells nothing."""
    shared = {name for other in LANGUAGES if other != lang for name in resource(other, "dates").MONTHS}
    names = sorted(name for name in resource(lang, "dates").MONTHS if name in shared)
    if not names:
        return None
    capitalised = resource(lang, "language").MONTHS_CAPITALISED
    forms = "|".join(name.capitalize() if capitalised else name for name in names)
    return rf"(?<=\d)(?:st|nd|rd|th|er|e)?\s+(?:{forms})\b|\b(?:{forms})(?=\.?\s+\d)"


@lru_cache(maxsize=None)
def _cues(lang: str) -> _Cues:
    module = resource(lang, "language")
    never = r"(?!x)x"
    return _Cues(module.FUNCTION_WORDS | _vocabulary(lang) | _own_months(lang),
                 re.compile("|".join(module.MONEY_CUES) or never),
                 frozenset(module.LETTERS), re.compile("|".join([*module.SHAPES, *module.CREDITS]) or never),
                 re.compile(_shared_months_by_case(lang) or never))


def _without_dated_months(sample: str) -> str:
    """The sample less the month names its dates tell by their case: "Sept" in "Sept. 14" is a
    month, not the French word for seven, for the word votes and the model."""
    for lang in LANGUAGES:
        sample = _cues(lang).dated_months.sub(" ", sample)
    return sample


_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\S+\.(?:jpe?g|png|gif|pdf)\b", re.IGNORECASE)


def model_tokens(text: str) -> list[str]:
    """The words the short-text model reads (two letters or more, as written); not those of e-mail
    and web addresses or file names, which are no language's."""
    return [word for word in _WORD.findall(_ADDRESS.sub(" ", text)) if len(word) >= 2]


def trigrams(word: str) -> list[str]:
    """Character trigrams of a lower-case word, its ends marked ("^ga", "gal", ..., "es$")."""
    padded = f"^{word}$"
    return [padded[i:i + 3] for i in range(len(padded) - 2)]


@dataclass(frozen=True)
class _Counts:
    words: dict
    grams: dict
    n_words: int
    n_grams: int


@lru_cache(maxsize=1)
def _model() -> tuple[dict, int, int]:
    """Each language's counts (``lang/<lang>/language_counts.tsv``) and the vocabulary sizes."""
    from importlib import resources

    counts = {}
    for lang in LANGUAGES:
        words, grams = {}, {}
        text = resources.files(f"corpus_tools.lang.{lang}").joinpath("language_counts.tsv").read_text(encoding="utf-8")
        for line in text.splitlines()[2:]:
            kind, feature, count = line.split("\t")
            (words if kind == "w" else grams)[feature] = int(count)
        counts[lang] = _Counts(words, grams, sum(words.values()), sum(grams.values()))
    n_words = len(set().union(*(c.words for c in counts.values())))
    n_grams = len(set().union(*(c.grams for c in counts.values())))
    return counts, n_words, n_grams


def is_known_word(word: str) -> bool:
    """A word the training set writes in lower case in one of the languages (any case here)."""
    counts, _, _ = _model()
    return any(word.lower() in c.words for c in counts.values())


def model_points(sample: str) -> dict[str, float]:
    """The short-text model's lean: points (at most MODEL_MAX_POINTS) for the language it favours,
    from the ordinary words of the sample; {} when the sample has none (names, numbers, symbols), or
    when fewer than half of them are words the training set writes (perhaps a third language) and
    langdetect's profiles do not favour the same language."""
    counts, n_words, n_grams = _model()
    log_odds = dict.fromkeys(LANGUAGES, 0.0)
    known = unseen = 0
    read, unseen_words = [], []  # the words the model reads, for the profiles; those the training set never writes
    tokens = model_tokens(sample)
    for i, token in enumerate(tokens):
        word = token.lower()
        if i == 0 and len(tokens) > 1 and tokens[1].islower():  # a capital that only starts a sentence
            token = word
        if is_known_word(word):
            known += 1
            read.append(word)
            for lang, c in counts.items():
                log_odds[lang] += math.log((c.words.get(word, 0) + MODEL_SMOOTHING) / (c.n_words + MODEL_SMOOTHING * n_words))
        elif token.islower() and len(token) >= MODEL_MIN_UNSEEN:  # an unseen word, not a name: its trigrams
            unseen += 1
            read.append(word)
            unseen_words.append(word)
            grams = trigrams(word)
            for lang, c in counts.items():
                log_odds[lang] += sum(math.log((c.grams.get(g, 0) + MODEL_SMOOTHING) / (c.n_grams + MODEL_SMOOTHING * n_grams))
                                      for g in grams) / len(grams)
    ranked = sorted(LANGUAGES, key=lambda lang: (-log_odds[lang], lang))
    if not known and not unseen:
        return {}
    if (not known or unseen > known) and profile_favourite(read) != ranked[0]:
        # Mostly words the training set never writes: perhaps a third language ("nueva planta"),
        # unless our languages' dictionaries hold every one and only one holds some ("skills").
        holders = [dictionary.languages_of(word) for word in unseen_words]
        held = [langs[0] for langs in holders if len(langs) == 1]
        if not held or not all(holders):
            return {}
        for lang in held:
            log_odds[lang] += MODEL_LOG_ODDS_PER_POINT
        ranked = sorted(LANGUAGES, key=lambda lang: (-log_odds[lang], lang))
    margin = log_odds[ranked[0]] - log_odds[ranked[1]]
    points = dict.fromkeys(LANGUAGES, 0.0)
    points[ranked[0]] = min(margin / MODEL_LOG_ODDS_PER_POINT, MODEL_MAX_POINTS)
    return points


@lru_cache(maxsize=1)
def _detector_factory():
    """A private, seeded factory: results do not depend on what else used langdetect."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def profile_favourite(words: list[str]) -> str | None:
    """The language whose langdetect profile (55 languages' character n-grams, from Wikipedia) fits
    the words best, read whole and deterministically, when it leads the next by PROFILE_MIN_MARGIN;
    else None. Not a decision (profiles take "Open positions" for French): a check that words our
    training set never writes are not a third language's ("nueva planta" is Spanish)."""
    if not words:
        return None
    factory = _detector_factory()
    scores = [0.0] * len(factory.langlist)
    for word in words:
        padded = f" {word} "
        for n in (1, 2, 3):
            for i in range(len(padded) - n + 1):
                probabilities = factory.word_lang_prob_map.get(padded[i:i + n])
                if probabilities is not None:
                    for k, probability in enumerate(probabilities):
                        scores[k] += math.log(probability + PROFILE_FLOOR)
    ranked = sorted(range(len(scores)), key=lambda k: (-scores[k], factory.langlist[k]))
    if scores[ranked[0]] - scores[ranked[1]] < PROFILE_MIN_MARGIN:
        return None
    return factory.langlist[ranked[0]]


def langdetect_probabilities(sample: str) -> dict[str, float]:
    """Seeded langdetect: {lang: probability}, empty for featureless text (about 10 ms a call)."""
    try:
        detector = _detector_factory().create()
        detector.append(sample)
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except Exception:  # langdetect raises LangDetectException on featureless text
        return {}


def evidence(sample: str) -> dict[str, float]:
    """Points for each language from its function words, money forms, letters, word shapes, photo
    credits and months."""
    words = _WORD.findall(_without_dated_months(sample).lower())
    scores = {}
    for lang in LANGUAGES:
        cues = _cues(lang)
        points = sum(word in cues.function_words for word in words)
        points += MONEY_CUE_WEIGHT * len(cues.money.findall(sample))
        points += len(cues.shapes.findall(sample)) + len(cues.dated_months.findall(sample))
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
    lean = model_points(_without_dated_months(sample))
    if not lean and not any(scores.values()):  # names, numbers, symbols: nothing to decide on
        return LanguageDecision(UNDETERMINED, False)
    for lang, points in lean.items():
        scores[lang] += points
    if _settled(scores):  # clear evidence of one language, made clearer by the model
        return LanguageDecision(_settled(scores), False)
    if len(LETTER.findall(sample)) >= MIN_LETTERS and len(_WORD.findall(sample)) >= MIN_WORDS:
        probabilities = langdetect_probabilities(sample)
        if sum(p for lang, p in probabilities.items() if lang not in LANGUAGES) >= OTHER_LANGUAGE_PROBABILITY:
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
