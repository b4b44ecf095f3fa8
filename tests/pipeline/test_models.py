"""Memory zones: the first documents' words stay (the tokenizer caches them), later ones are freed."""
import spacy

from corpus_tools.pipeline.models import WARM_DOCUMENTS, memory_zone


def test_first_documents_run_outside_a_zone_then_every_batch_inside_one():
    nlp = spacy.blank("en")
    with memory_zone(nlp, WARM_DOCUMENTS - 1):
        assert not nlp.vocab.in_memory_zone
        nlp("Quorvex Labs raised money in Leeds.")
    with memory_zone(nlp, 32):  # still short of WARM_DOCUMENTS before this batch
        assert not nlp.vocab.in_memory_zone
    with memory_zone(nlp, 32):
        assert nlp.vocab.in_memory_zone
        nlp("Zentrimo Capital led the round.")
    assert "Quorvex" in nlp.vocab.strings
    assert "Zentrimo" not in nlp.vocab.strings
