"""The extractors as spaCy components, found through the package's entry points."""
import spacy


def test_money_and_hardware_components_by_name():
    nlp = spacy.blank("fr")
    nlp.add_pipe("corpus_tools_money")
    nlp.add_pipe("corpus_tools_hardware")
    doc = nlp("Le groupe investit 1,2 milliard d'euros dans 10 000 puces H100.")
    [money] = doc.spans["ct_money"]
    assert money.text == "1,2 milliard d'euros" and money._.ct_amount.value == 1.2e9
    [hardware] = doc.spans["ct_hardware"]
    assert hardware.text == "10 000 puces H100" and hardware._.ct_hardware.quantity == 10000


def test_orgs_component_runs_before_the_statistical_ner():
    from corpus_tools.pipeline.models import load_model

    nlp = load_model("en", exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"))
    nlp.add_pipe("corpus_tools_orgs", before="ner")
    doc = nlp("The French telecom group Iliad said Scaleway would sell the service.")
    labels = {ent.text: (ent.label_, ent.kb_id_) for ent in doc.ents}
    assert labels["Iliad"] == ("ORG", "iliad") and labels["Scaleway"] == ("ORG", "scaleway")
