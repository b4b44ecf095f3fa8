from corpus_tools.ingest.dedupe import Deduplicator
from corpus_tools.ingest.language import detect_language, document_language, paragraph_languages

EN = "Microsoft will invest four billion euros in France to expand its cloud infrastructure."
FR = "Microsoft va investir quatre milliards d'euros en France pour développer son infrastructure cloud."


def test_language_of_short_and_empty_text_is_und_without_exception():
    for text in ["", "   ", "12 345 678", "€€€ $$$", "OK"]:
        assert detect_language(text) == "und"


def test_language_per_paragraph_and_majority_by_characters():
    text = f"{FR}\n\n{EN}\n\n{FR} {FR}"
    paragraphs = paragraph_languages(text)
    assert [p.lang for p in paragraphs] == ["fr", "en", "fr"]
    assert document_language(paragraphs)[0] == "fr"


def test_language_is_deterministic():
    mixed = "Le cloud est là. The cloud is here. Data centres, centres de données."
    assert len({detect_language(mixed) for _ in range(20)}) == 1


def test_other_languages_are_und():
    assert detect_language("Der Konzern investiert Milliarden in künstliche Intelligenz und Rechenzentren.") == "und"


def test_exact_and_near_duplicates():
    body = (EN + " Brad Smith, the vice chair, said the investment was the largest the group had ever made in "
            "the country. The group also intends to train one million people in AI skills by 2027 and to "
            "support 2,500 start-ups through a new programme. The plan was announced on Monday at the summit.")
    dedupe = Deduplicator()
    assert dedupe.check("a", body) == ""
    assert dedupe.check("b", body.upper()) == "a"  # exact once normalised
    assert dedupe.check("c", body.replace("Monday", "Tuesday")) == "a"  # near duplicate
    assert dedupe.check("d", FR * 6) == ""
