"""Language decisions where they change figures: short text, mixed documents, amounts read with
the grammar of their own paragraph, and the development set's floors."""
import json

import pytest

import corpus_tools as ct
from corpus_tools.extract.amount_language import best_reading
from corpus_tools.extract.money import extract_amounts
from corpus_tools.ingest import language
from tests.conftest import REPO, SHARED

FR = "La région a confirmé jeudi son soutien aux usines de la vallée, selon le président du conseil."
EN = "Speaking in London, the chief executive said the group would spend €1.5 billion on the plant."


def test_a_short_french_sentence_is_french_and_its_amount_is_read():
    amounts = ct.extract_amounts("Microsoft va investir 4 milliards d'euros en France.")
    assert [(a.text, a.value, a.currency, a.lang) for a in amounts] == [("4 milliards d'euros", 4e9, "EUR", "fr")]


def test_each_paragraph_is_read_with_its_own_languages_grammar():
    text = f"{FR}\n\n{EN}\n\nLe groupe ajoute 1 billion d'euros de garanties, a-t-il précisé."
    amounts = ct.extract_amounts(text)
    assert [(a.text, a.value, a.lang) for a in amounts] == [
        ("€1.5 billion", 1.5e9, "en"), ("1 billion d'euros", 1e12, "fr")]  # French billion: 10^12
    assert all(text[a.start:a.end] == a.text for a in amounts)
    segments = language.language_segments(text)
    # The last one holds "billion" and "d'euros": French by langdetect, but not for certain.
    assert [(s.lang, s.certain) for s in segments] == [("fr", True), ("en", True), ("fr", False)]
    assert segments[0].start == 0 and segments[-1].end == len(text)


def test_a_paragraph_without_a_language_of_its_own_follows_the_one_before():
    text = f"{EN}\n\nJohn Smith, Leeds\n\n{FR}"
    segments = language.language_segments(text)
    assert [s.lang for s in segments] == ["en", "fr"]
    assert segments[0].end < text.index(FR) <= segments[1].start + 2 and segments[1].end == len(text)


def test_where_the_language_is_only_a_lean_the_grammar_that_parses_wins():
    assert [a.value for a in best_reading("Budget : 3 Md€", "en", extract_amounts)] == [3e9]
    assert [a.value for a in best_reading("Total: €1.5 billion", "en", extract_amounts)] == [1.5e9]
    assert [a.value for a in best_reading("Total : 1 billion d'euros", "fr", extract_amounts)] == [1e12]


def test_clear_paragraphs_never_call_langdetect(monkeypatch):
    calls = []
    monkeypatch.setattr(language, "langdetect_probabilities", lambda sample: calls.append(sample) or {})
    assert [language.detect_language(t) for t in (FR, EN, "Mistral lève 600 M€", "Nvidia raises $2bn")] == \
        ["fr", "en", "fr", "en"]
    assert calls == []


def test_a_few_words_never_call_langdetect_and_names_stay_undetermined(monkeypatch):
    calls = []
    monkeypatch.setattr(language, "langdetect_probabilities", lambda sample: calls.append(sample) or {})
    assert [language.detect_language(t) for t in ("Quarterly revenue breakdown", "Résultats détaillés par région",
                                                  "Christopher Hamilton-Wright", "orders@example.org")] == \
        ["en", "fr", "und", "und"]
    assert calls == []


def test_ordinary_words_the_training_set_never_writes_are_read_by_the_models_dictionaries(monkeypatch):
    from corpus_tools.ingest import dictionary

    texts = ("Unpaid invoices", "Boulangeries artisanales", "Zapatos rojos", "Dagelijkse taken")
    assert [dictionary.languages_of(w) for w in ("invoices", "boulangeries", "zapatos")] == [("en",), ("fr",), ()]
    assert [language.detect_language(t) for t in texts] == ["en", "fr", "und", "und"]
    monkeypatch.setattr(dictionary, "languages_of", lambda word: ())  # without the dictionaries
    assert [language.detect_language(t) for t in texts] == ["und", "und", "und", "und"]


def test_the_short_text_models_counts_hold_words_never_sentences_and_are_current(tmp_path):
    for lang in language.LANGUAGES:
        rows = (REPO / "corpus_tools" / "lang" / lang / "language_counts.tsv").read_text(encoding="utf-8").splitlines()[2:]
        assert rows and all(len(row.split("\t")) == 3 and " " not in row for row in rows)
    if not (SHARED / "train" / "news").exists():
        pytest.skip(f"{SHARED / 'train'} is absent: the counts cannot be rebuilt here")
    import bench.language_words as builder

    for lang in language.LANGUAGES:
        (tmp_path / lang).mkdir()
    builder.write_model_counts(SHARED, tmp_path)
    for lang in language.LANGUAGES:
        shipped = REPO / "corpus_tools" / "lang" / lang / "language_counts.tsv"
        assert (tmp_path / lang / "language_counts.tsv").read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8"), \
            "rebuild with: make train"


def test_development_set_floors():
    """bench/language.py prints these figures; the floors only move up."""
    excerpts_path = SHARED / "dev" / "news" / "excerpts.jsonl"
    if not excerpts_path.exists():
        pytest.skip(f"{excerpts_path} is absent: this test needs ../shared beside the repository")
    import bench.language as bench

    excerpts = [json.loads(line) for line in excerpts_path.read_text(encoding="utf-8").splitlines()]
    documents = [language.document_language(language.paragraph_languages(e["text"]))[0] == e["lang"] for e in excerpts]
    assert sum(documents) / len(documents) >= 0.99
    short_right = short_wrong = short = worded = worded_right = 0
    for excerpt in excerpts:
        for sentence in (s for line in excerpt["text"].split("\n") for s in bench.sentences(line)):
            if len(sentence.split()) < bench.SHORT_WORDS:
                decided = language.detect_language(sentence)
                short += 1
                short_right += decided == excerpt["lang"]
                short_wrong += decided not in (excerpt["lang"], "und")
                if bench.has_a_word(sentence):
                    worded += 1
                    worded_right += decided == excerpt["lang"]
    assert short >= 150 and short_wrong / short <= 0.01 and short_right / short >= 0.92
    assert worded >= 150 and worded_right / worded >= 0.97  # names, bylines and numbers alone aside
    gold = json.loads((SHARED / "dev" / "news" / "gold.json").read_text(encoding="utf-8"))
    checked, slips, _ = bench._magnitude_slips(excerpts, gold)
    assert checked >= 500 and slips == 0
