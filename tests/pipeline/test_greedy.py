"""The NER's decoding loop run from Python finds exactly what spaCy's compiled loop finds."""
import pytest
from spacy.pipeline import EntityRecognizer

from corpus_tools.pipeline.greedy import GreedyEntityRecognizer
from corpus_tools.pipeline.models import entity_pipeline

TEXTS = {
    "en": ["Harbourline Robotics, a Bristol start-up, raised $14 million from Kestrel Ventures and the "
           "Wellcome Trust on Tuesday, its chief executive Priya Nandakumar told Reuters.",
           "The European Commission approved a €2.1 billion subsidy for a chip plant near Dresden. Intel "
           "and TSMC declined to comment; shares of ASML rose 3% in Amsterdam.",
           "Short one.", ""],
    "fr": ["La société toulousaine Aérolithe a bouclé une levée de 8 millions d'euros auprès de Bpifrance "
           "et du fonds Galaxie Partners, a indiqué jeudi son fondateur, Jean-Marc Duverger.",
           "Le groupe Capgemini va ouvrir à Rennes un centre de calcul, selon Les Echos. La Région Bretagne "
           "apportera 30 millions d'euros, a précisé Loïg Chesnais-Girard.",
           "Brève.", ""],
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_python_loop_finds_the_compiled_loops_entities(lang):
    nlp = entity_pipeline(lang)
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, GreedyEntityRecognizer)
    found = {}
    for decode in (EntityRecognizer.greedy_parse, GreedyEntityRecognizer.greedy_parse):
        docs = [nlp.get_pipe("corpus_tools_orgs")(nlp.get_pipe("sentencizer")(nlp.make_doc(t))) for t in TEXTS[lang]]
        ner.set_annotations(docs, decode(ner, docs))
        found[decode] = [[(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents] for doc in docs]
    assert found[GreedyEntityRecognizer.greedy_parse] == found[EntityRecognizer.greedy_parse]
    assert sum(map(len, found[EntityRecognizer.greedy_parse])) >= 6
