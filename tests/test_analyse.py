"""The analysis of a batch: sentence spans read from token arrays, rows in document order."""
import pytest

from corpus_tools.analyse import analyze_batch, sentence_spans
from corpus_tools.lang import LANGUAGES
from corpus_tools.pipeline.models import entity_pipeline

TEXTS = {
    "en": "Helios Grid raised $40m on Monday.  Its chief executive said the money would fund two plants.\n\n"
          "A third site, near Leeds, is planned for 2027 . Nothing else was disclosed. ",
    "fr": "La société Ondine a levé 12 millions d'euros. Elle ouvrira un site à Nantes !\n\n"
          "« Nous recrutons », a précisé sa fondatrice ; le reste suivra en 2026.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sentence_spans_are_those_of_doc_sents(lang):
    nlp = entity_pipeline(lang)
    for text in (TEXTS[lang], TEXTS[lang].split("\n\n")[1], "", "   ", "Un."):
        doc = nlp(text)
        assert sentence_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert len(sentence_spans(nlp(TEXTS[lang]))) >= 3


def test_batch_rows_follow_the_documents_order():
    records = [{"doc_id": f"d{n}", "body": TEXTS[lang], "lang": lang, "date": "2025-02-03", "lang_spans": ""}
               for n, lang in enumerate(["fr", "en", "fr"])]
    rows = analyze_batch(records)
    assert [r["doc_id"] for r in rows["amounts"]][:1] == ["d0"]
    assert sorted({r["doc_id"] for r in rows["amounts"]}) == ["d0", "d1", "d2"]
    order = [int(r["doc_id"][1:]) for r in rows["amounts"]]
    assert order == sorted(order)
    assert {r["amount_id"] for r in rows["amounts"]} >= {"d0-0", "d1-0", "d2-0"}
