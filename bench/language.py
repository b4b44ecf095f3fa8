"""Language decisions on real news whose language is known: the development set's excerpts at the
document, paragraph and sentence level (and sentences under 12 words, also without the fragments
that hold no word: none written in lower case nor known in lower case to the training set, as in
names, bylines, agency credits and addresses, whose language only their document tells), plus the seed articles;
how often langdetect is called; and whether any amount of the development set is read with the
other language's magnitude (English billion = 10^9, French billion = 10^12).

    .venv/bin/python bench/language.py [--shared ../shared] [--errors]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_tools.extract.money import extract_amounts  # noqa: E402
from bench.language_words import kept_words, model_counts, vocabulary_counts  # noqa: E402
from corpus_tools.ingest import language  # noqa: E402
from corpus_tools.lang import LANGUAGES, resource  # noqa: E402

SHORT_WORDS = 12
# A sentence ends at . ! ? or … followed by a space and a capital, a quote or a digit.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”]?\s+(?=[\"«“(]?[A-ZÀ-Ý0-9])")


def has_a_word(text: str) -> bool:
    """A word of two letters or more written in lower case, or one the training set writes in lower
    case ("Figure"), e-mail and web addresses and file names aside: without one, a fragment is names
    and numbers as far as the tool can tell."""
    return any(word.islower() or language.is_known_word(word) for word in language.model_tokens(text))


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if len(language.LETTER.findall(s)) >= 2]


class _CountingCalls:
    """Counts langdetect calls (the costly step: about 10 ms each)."""

    def __init__(self):
        self.calls = 0
        self._original = language.langdetect_probabilities

    def __enter__(self):
        def counted(sample):
            self.calls += 1
            return self._original(sample)

        language.langdetect_probabilities = counted
        return self

    def __exit__(self, *exc):
        language.langdetect_probabilities = self._original


def _score(name: str, pairs: list[tuple[str, str, str]], show_errors: bool) -> None:
    right = sum(predicted == gold for predicted, gold, _ in pairs)
    undecided = sum(predicted == language.UNDETERMINED for predicted, _, _ in pairs)
    print(f"  {name:<28} {right / max(len(pairs), 1):.3f}  ({right}/{len(pairs)}; wrong "
          f"{len(pairs) - right - undecided}, und {undecided})")
    if show_errors:
        for predicted, gold, text in pairs:
            if predicted != gold:
                print(f"      {gold}->{predicted}: {text[:110]!r}")


def _magnitude_slips(excerpts: list[dict], gold: dict) -> tuple[int, int, list[str]]:
    """Amounts whose value is 1,000 times off the annotated one (billion read as the other
    language's), with lang=None, over whole excerpts and over each sentence alone."""
    annotated = {}
    for event in gold["events"]:
        for mention in event["mentions"]:
            annotated[(mention["excerpt"], mention["start"])] = mention
    for mention in gold["non_events"]:
        annotated[(mention["excerpt"], mention["start"])] = mention
    checked, slips = 0, []
    for excerpt in excerpts:
        pieces = [(0, excerpt["text"])] + [(excerpt["text"].find(s), s) for s in sentences(excerpt["text"])]
        for offset, piece in pieces:
            for amount in extract_amounts(piece, lang=None):
                mention = annotated.get((excerpt["id"], offset + amount.start))
                value = amount.value if amount.value is not None else amount.low
                if mention is None or not mention.get("value") or not value:
                    continue
                checked += 1
                ratio = value / mention["value"]
                if 990 <= ratio <= 1010 or 1 / 1010 <= ratio <= 1 / 990:
                    slips.append(f"{excerpt['id']} {amount.text!r} read {value:g}, annotated {mention['value']:g}")
    return checked, len(slips), slips


def _short_sentences(text: str) -> list[str]:
    return [sentence for paragraph in text.split("\n") for sentence in sentences(paragraph)
            if len(sentence.split()) < SHORT_WORDS]


def _leave_one_out(train: list[dict]) -> list[tuple[str, str, str]]:
    """Each training excerpt's short sentences read alone by a decision whose derived data
    (``words.txt`` and the model's counts, bench/language_words.py) are refitted without that
    excerpt: an out-of-sample figure on the training sets."""
    excerpts = [(excerpt["lang"], excerpt["text"]) for excerpt in train]
    seen, anywhere, _ = vocabulary_counts(excerpts)
    words, grams, _ = model_counts(excerpts)
    fitted_cues, fitted_model = language._cues, language._model
    pairs = []
    try:
        for lang, text in excerpts:
            own_seen, own_anywhere, _ = vocabulary_counts([(lang, text)])
            own_words, own_grams, _ = model_counts([(lang, text)])
            rest_seen = {other: seen[other] - own_seen[other] for other in seen}
            rest_anywhere = {other: anywhere[other] - own_anywhere[other] for other in anywhere}
            cues = {other: dataclasses.replace(
                fitted_cues(other), function_words=resource(other, "language").FUNCTION_WORDS
                | frozenset(kept_words(rest_seen, rest_anywhere, other)) | language._own_months(other))
                for other in LANGUAGES}
            counts = {}
            for other in LANGUAGES:
                rest_words, rest_grams = words[other] - own_words[other], grams[other] - own_grams[other]
                counts[other] = language._Counts(dict(rest_words), dict(rest_grams),
                                                 sum(rest_words.values()), sum(rest_grams.values()))
            model = (counts, len(set().union(*(c.words for c in counts.values()))),
                     len(set().union(*(c.grams for c in counts.values()))))
            language._cues, language._model = cues.__getitem__, lambda model=model: model
            pairs += [(language.detect_language(sentence), lang, sentence) for sentence in _short_sentences(text)]
    finally:
        language._cues, language._model = fitted_cues, fitted_model
    return pairs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--errors", action="store_true", help="print every wrong decision")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    excerpts = [json.loads(line) for line in (shared / "dev/news/excerpts.jsonl").read_text(encoding="utf-8").splitlines()]
    documents, paragraphs, all_sentences, short = [], [], [], []
    with _CountingCalls() as counter:
        for excerpt in excerpts:
            text, gold = excerpt["text"], excerpt["lang"]
            found = language.paragraph_languages(text)
            documents.append((language.document_language(found)[0], gold, text))
            paragraphs += [(p.lang, gold, text[p.start:p.end]) for p in found]
    document_calls, n_paragraphs = counter.calls, len(paragraphs)
    in_context, short_in_context, short_with_a_word = [], [], []
    for excerpt, (document_lang, _, _) in zip(excerpts, documents):
        for paragraph in excerpt["text"].split("\n"):
            for sentence in sentences(paragraph):
                alone = language.detect_language(sentence)
                pair = (alone, excerpt["lang"], sentence)
                # In a run, text with no sign of its own language takes its document's.
                with_context = (document_lang if alone == language.UNDETERMINED else alone, excerpt["lang"], sentence)
                all_sentences.append(pair)
                in_context.append(with_context)
                if len(sentence.split()) < SHORT_WORDS:
                    short.append(pair)
                    short_in_context.append(with_context)
                    if has_a_word(sentence):
                        short_with_a_word.append(pair)
    train = [json.loads(line) for path in sorted((shared / "train").glob("*/*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with _CountingCalls() as train_counter:
        for excerpt in train:
            language.paragraph_languages(excerpt["text"])
    train_short = [(language.detect_language(sentence), excerpt["lang"], sentence) for excerpt in train
                   for sentence in _short_sentences(excerpt["text"])]
    train_short_out_of_sample = _leave_one_out(train)
    seeds = json.loads((shared / "gold/seeds.json").read_text(encoding="utf-8"))["documents"]
    seed_pairs = []
    for name, annotation in sorted(seeds.items()):
        text = (shared / "corpus/seeds" / name).read_text(encoding="utf-8")
        seed_pairs.append((language.document_language(language.paragraph_languages(text))[0], annotation["lang"], name))
    print(f"development set: {len(excerpts)} excerpts ({sum(e['lang'] == 'fr' for e in excerpts)} fr, "
          f"{sum(e['lang'] == 'en' for e in excerpts)} en); 'und' counts as wrong")
    _score("documents", documents, args.errors)
    _score("paragraphs", paragraphs, args.errors)
    _score("sentences", all_sentences, args.errors)
    _score(f"sentences under {SHORT_WORDS} words", short, args.errors)
    _score(f"  under {SHORT_WORDS}, with a word", short_with_a_word, args.errors)
    print(f"    ({len(short) - len(short_with_a_word)} short sentences left out: no word in lower case or known in lower case)")
    _score("sentences, in their document", in_context, args.errors)
    _score(f"  under {SHORT_WORDS} words, in document", short_in_context, args.errors)
    _score("seed articles (documents)", seed_pairs, args.errors)
    print(f"  langdetect calls: {document_calls} for {n_paragraphs} paragraphs of the excerpts")
    print(f"training sets: {len(train)} excerpts (the short-text data are fitted on them)")
    _score(f"sentences under {SHORT_WORDS} words", train_short, args.errors)
    _score("  the same, leave-one-out", train_short_out_of_sample, args.errors)
    print(f"  langdetect calls: {train_counter.calls} for the training excerpts' paragraphs")
    favourites = [(language.profile_favourite([w.lower() for w in language.model_tokens(text)]), gold)
                  for _, gold, text in train_short]
    ours = [(favourite, gold) for favourite, gold in favourites if favourite in language.SUPPORTED]
    print(f"  langdetect profiles' favourite by {language.PROFILE_MIN_MARGIN:g} nats, one of ours, on those "
          f"sentences: right {sum(f == g for f, g in ours)} of {len(ours)} (the guard of unseen words)")
    checked, n_slips, slips = _magnitude_slips(excerpts, json.loads((shared / "dev/news/gold.json").read_text(encoding="utf-8")))
    print(f"  amounts read 1,000x off (billion/milliard), lang=None, whole excerpts and each sentence alone: "
          f"{n_slips} of {checked} annotated amounts")
    for slip in slips:
        print(f"      {slip}")


if __name__ == "__main__":
    main()
