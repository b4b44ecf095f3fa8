import pytest

from corpus_tools import extract_entities
from corpus_tools.extract.entities import _key, alias_index, gazetteer


def test_gazetteer_size_and_columns():
    organisations = gazetteer()
    assert len(organisations) >= 300
    assert {o.type for o in organisations.values()} == {"company", "investor", "public_body", "research", "media"}
    for organisation in organisations.values():
        assert organisation.parent == "" or organisation.parent in organisations
        assert organisation.ambiguous <= set(organisation.forms)


def test_every_alias_resolves_to_its_canonical_id():
    index = alias_index()
    clashes = []
    for organisation in gazetteer().values():
        for form in organisation.forms:
            if index[_key(form)] != organisation.id:
                clashes.append((form, organisation.id, index[_key(form)]))
    assert clashes == []


@pytest.mark.parametrize("text,lang,expected", [
    ("La Commission européenne finance le projet.", "fr", [("Commission européenne", "European Commission", "european_commission")]),
    ("The European Commission funds the project.", "en", [("European Commission", "European Commission", "european_commission")]),
    ("It was Facebook’s only lab outside the country.", "en", [("Facebook", "Facebook", "facebook")]),
    ("Nvidia and NVIDIA are one company.", "en", [("Nvidia", "NVIDIA", "nvidia"), ("NVIDIA", "NVIDIA", "nvidia")]),
])
def test_canonical_names(text, lang, expected):
    orgs = [(e.text, e.canonical, e.entity_id) for e in extract_entities(text, lang=lang) if e.label == "ORG"]
    assert orgs == expected


def test_acronym_defined_in_text_and_parent_links():
    entities = extract_entities("Amazon Web Services (AWS) will invest. AWS said Scaleway was a rival.", lang="en")
    orgs = [(e.text, e.canonical, e.parent) for e in entities if e.label == "ORG"]
    assert orgs == [("Amazon Web Services", "Amazon Web Services", "Amazon"), ("AWS", "Amazon Web Services", "Amazon"),
                    ("AWS", "Amazon Web Services", "Amazon"), ("Scaleway", "Scaleway", "Iliad")]


def test_acronym_of_an_unknown_organisation():
    entities = extract_entities("The Jülich Quantum Computing Lab (JQCL) opened. JQCL will hire.", lang="en")
    assert [e.canonical for e in entities if e.text == "JQCL"] == ["Jülich Quantum Computing Lab"] * 2


def test_hardware_is_not_an_organisation_or_a_person():
    text = "Le système DGX SuperPOD de NVIDIA comprend des serveurs NVIDIA DGX H100."
    entities = extract_entities(text, lang="fr")
    assert [(e.text, e.label) for e in entities] == [("NVIDIA", "ORG"), ("NVIDIA", "ORG")]


def test_ambiguous_names_need_context():
    orgs = lambda text: [e.text for e in extract_entities(text, lang="fr") if e.entity_id == "free"]
    assert orgs("Selon l'opérateur Free, rien ne change.") == ["Free"]
    # The gazetteer itself leaves a sentence-initial ambiguous name to the model.
    from corpus_tools.pipeline.models import entity_pipeline

    nlp = entity_pipeline("fr")
    text = "Free le dit. Selon l'opérateur Free, rien ne change."
    doc = nlp.get_pipe("corpus_tools_orgs")(nlp.get_pipe("sentencizer")(nlp.make_doc(text)))
    assert [(e.text, e.kb_id_, e.start_char) for e in doc.ents] == [("Free", "free", text.rindex("Free"))]
    assert [e for e in extract_entities("The service is free for everyone.", lang="en") if e.entity_id == "free"] == []


def test_seed_organisations_people_and_hardware(seeds_dir, gold):
    for name, annotation in gold["documents"].items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        entities = extract_entities(text, lang=annotation["lang"])
        orgs = [e for e in entities if e.label == "ORG"]
        names = {e.text for e in orgs} | {e.canonical for e in orgs}
        for required in annotation["orgs_required"]:
            assert required in names, (name, required)
        products = {h["product"] for h in annotation["hardware"] if h.get("product")}
        not_orgs = set(annotation["persons"]) | products | {w for p in products for w in p.split()
                                                             if w not in ("NVIDIA", "Nvidia")}
        assert not [e.text for e in orgs if e.text in not_orgs], name


def test_listed_organisation_resolves_aliases_and_case():
    from corpus_tools.extract.entities import listed_organisation

    assert listed_organisation("amazon web services").id == "aws"
    assert listed_organisation("AWS").name == "Amazon Web Services"
    assert listed_organisation("Brivana Robotics") is None


def test_organisation_scorer_weights_are_shipped_for_every_language():
    from corpus_tools.extract.organisations import scorer_weights
    from corpus_tools.lang import LANGUAGES

    weights = scorer_weights()
    for lang in LANGUAGES:
        assert 0.1 < weights[lang]["threshold"] < 0.9
        assert weights[lang]["weights"]["descriptor"] > 0 > weights[lang]["weights"]["place_cue"]


def test_unlisted_names_found_from_their_constructions_without_the_gazetteer():
    organisations = [e.text for e in extract_entities(
        "Le tour de table a été mené par Pellorin Capital, avec la participation de la banque Crédit Morvan.",
        lang="fr") if e.label == "ORG"]
    assert organisations == ["Pellorin Capital", "Crédit Morvan"]



@pytest.fixture
def without_the_list(monkeypatch):
    """The recogniser alone: an empty organisation list (as ``bench/organisations.py --ablation``)."""
    import corpus_tools.extract.entities as entities
    from corpus_tools.extract.organisations import _unambiguous_aliases

    def clear():
        entities.alias_index.cache_clear()
        _unambiguous_aliases.cache_clear()

    monkeypatch.setattr(entities, "gazetteer", lambda: {})
    clear()
    yield
    monkeypatch.undo()
    clear()


def test_the_maker_named_inside_a_product_is_an_organisation_without_the_list(without_the_list):
    """The hardware table names the vendor of "AMD MI250X GPUs": an organisation for a recogniser
    without the organisation list; the product itself is none."""
    from corpus_tools.extract.entities import entities_from_doc
    from corpus_tools.extract.hardware import extract_hardware
    from corpus_tools.pipeline.models import load_model

    text = "Each node of the new partition holds four AMD MI250X GPUs."
    nlp = load_model("en", exclude=("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"))
    nlp.add_pipe("sentencizer", first=True)
    entities = entities_from_doc(nlp(text), "en", extract_hardware(text, "en"))
    assert [e.text for e in entities if e.label == "ORG"] == ["AMD"]
