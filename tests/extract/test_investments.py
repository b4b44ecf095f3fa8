"""Investment events on the real seeds and on the sample corpus; kinds, dates, exchange rates."""
import pytest

import corpus_tools as ct
from corpus_tools.extract.events import merge_events
from corpus_tools.extract.investments import explicit_date
from corpus_tools.extract.kinds import KINDS, classify, cross_validated_report, training_set
from corpus_tools.fx import convert, rates


@pytest.fixture(scope="module")
def seeds_corpus(seeds_dir):
    return ct.analyze([seeds_dir], progress=False)


def _source_names(corpus, doc_ids):
    by_id = dict(zip(corpus.documents["doc_id"], corpus.documents["source"]))
    return sorted(by_id[d].rsplit("/", 1)[-1] for d in doc_ids.split(";"))


def test_seed_events_are_the_gold_events(seeds_corpus, gold):
    investments = seeds_corpus.investments
    matched = set()
    for event in gold["investment_events"]:
        euros = event.get("amount_eur") or event.get("amount_eur_min")
        rows = investments[(investments["value_eur"] - euros).abs() < 1e-6 * euros]
        if event["investor"]:
            rows = rows[rows["investor"] == event["investor"]]
        if event["id"] == "E4":
            assert len(rows) <= 1  # a purchase cost with no investor: may be absent
            matched |= set(rows["event_id"])
            continue
        assert len(rows) == 1, event["id"]
        row = rows.iloc[0]
        assert _source_names(seeds_corpus, row["doc_ids"]) == sorted(event["sources"]), event["id"]
        matched.add(row["event_id"])
    assert set(investments["event_id"]) == matched  # and no other event


def test_e1_is_one_event_in_two_languages_and_e8_mentions_merge(seeds_corpus):
    investments = seeds_corpus.investments
    e1 = investments[(investments["investor"] == "Iliad") & (investments["value_eur"] == 1e8)].iloc[0]
    assert e1["langs"] == "en;fr" and e1["n_sources"] == 2 and e1["date"].startswith("2023-09")
    e8 = investments[investments["investor"] == "Amazon Web Services"].iloc[0]
    amounts = seeds_corpus.amounts
    assert (amounts["event_id"] == e8["event_id"]).sum() == 2
    assert "€1.2bn" in e8["evidence"] and " || " in e8["evidence"]


def test_nothing_from_the_crypto_sidebar(seeds_corpus):
    amounts = seeds_corpus.amounts
    assert not amounts["text"].isin(["$60,500", "$62,500", "$60,200", "$0.10", "$341 million"]).any()
    assert not seeds_corpus.investments["evidence"].str.contains("Bitcoin|Dogecoin|meme coin", case=False).any()


def test_article_restatement_wins_over_the_rate_table(seeds_corpus):
    amounts = seeds_corpus.amounts.set_index("text")
    assert amounts.loc["€100 million", "value_usd"] == 106e6
    assert amounts.loc["$106 million USD", "value_eur"] == 100e6
    assert amounts.loc["€100 million", "fx_date"] == "article"


def test_sample_corpus_events(sample_dir):
    corpus = ct.analyze([sample_dir], progress=False)
    events = {row.investor: row for row in corpus.investments.itertuples()}
    assert events["Microsoft"].langs == "en;fr" and events["Microsoft"].value_eur == 4e9
    assert events["Amazon Web Services"].n_sources == 3
    mistral = events["General Catalyst"]
    assert (mistral.kind, mistral.recipient, mistral.langs) == ("funding_round", "Mistral AI", "en;fr")
    kinds = dict(zip(corpus.amounts["text"], corpus.amounts["kind"]))
    assert kinds["$3 trillion"] == "market_cap" and kinds["$1,224.40"] == "price"
    assert kinds["$574.8 billion"] == "revenue" and kinds["2 100 euros"] == "salary"
    assert not corpus.investments["kind"].isin(["price", "market_cap", "revenue"]).any()


def test_annotated_sentences_and_cross_validated_accuracy():
    examples = training_set()
    assert len(examples) >= 400
    for lang in ("en", "fr"):
        assert {e.kind for e in examples if e.lang == lang} == set(KINDS)
    report = cross_validated_report()
    assert report["investing_vs_rest_accuracy"] >= 0.9
    assert report["accuracy"] >= 0.8


def test_classifier_on_unseen_sentences():
    contexts = [("en", "Shares of the chipmaker closed at ", " on Friday."),
                ("fr", "La start-up a levé ", " auprès de fonds américains."),
                ("en", "The company reported annual revenue of ", "."),
                ("fr", "Le conglomérat va investir ", " dans des centres de données en Bretagne.")]
    assert classify(contexts) == ["price", "funding_round", "revenue", "investment"]


@pytest.mark.parametrize("text,lang,article_date,expected", [
    ("The group said on Sept. 26 that it would spend more.", "en", "2023-09", "2023-09-26"),
    ("The deal was signed on 13 May 2024.", "en", "", "2024-05-13"),
    ("Le dirigeant a présenté mardi 26 septembre son plan.", "fr", "2023-09", "2023-09-26"),
    ("L'équipe sera annoncée le 17 novembre.", "fr", "2023", "2023-11-17"),
    ("Le 1er mars 2024, le groupe a signé.", "fr", "", "2024-03-01"),
    ("It will invest €4bn by the end of 2025.", "en", "2024-05-13", ""),
    ("Announced on Sept. 26.", "en", "", ""),
])
def test_explicit_dates(text, lang, article_date, expected):
    assert explicit_date(text, lang, article_date) == expected


def test_exchange_rates_table_and_conversion():
    table = rates()
    assert min(table) == 1999 and all(set(table[y]) >= {"USD", "GBP", "CHF", "JPY", "CAD", "AUD"} for y in table)
    assert all("CNY" in table[y] for y in table if y >= 2005)
    pounds = convert(225e6, "GBP", "2023-11-01")
    assert pounds.fx_date == "2023" and pounds.value_eur == pytest.approx(225e6 / table[2023]["GBP"])
    assert pounds.value_usd == pytest.approx(pounds.value_eur * table[2023]["USD"])
    assert convert(1e6, "EUR", "1990").fx_date == "1999"
    assert convert(1e6, "BTC", "2024").value_eur is None


def _row(**fields):
    base = dict(doc_id="d1", index=0, amount_id="d1-0", kind="investment", investor="Iliad", investor_id="iliad",
                recipient="", recipient_id="", target="", value=1e8, low=None, high=None, currency="EUR",
                value_eur=1e8, value_usd=1.08e8, approx=False, qualifier="exact", date="2023-09", lang="en",
                sentence="Iliad invests €100m.", equivalent_of=None)
    return {**base, **fields}


def test_merge_rules():
    rows = [
        _row(),
        _row(doc_id="d2", amount_id="d2-0", value_eur=1.03e8, qualifier="at_least", low=1e8, lang="fr",
             date="2023-09-26"),
        _row(doc_id="d3", amount_id="d3-0", value_eur=1.2e8),  # 20% apart: another investment
        _row(doc_id="d4", amount_id="d4-0", investor="Free", investor_id="free"),  # Free's parent is Iliad
        _row(doc_id="d5", amount_id="d5-0", date="2021-01"),  # incompatible date
        _row(doc_id="d6", amount_id="d6-0", investor="Microsoft", investor_id="microsoft"),
        _row(doc_id="d7", amount_id="d7-0", kind="price"),  # never an event
    ]
    events, event_of = merge_events(rows)
    assert event_of["d1-0"] == event_of["d2-0"] == event_of["d4-0"]
    assert len({event_of[k] for k in ("d1-0", "d3-0", "d5-0", "d6-0")}) == 4
    assert "d7-0" not in event_of
    merged = next(e for e in events if e["event_id"] == event_of["d1-0"])
    assert merged["investor"] == "Free"  # the most specific of parent and subsidiary
    assert (merged["qualifier"], merged["date"], merged["langs"], merged["n_sources"]) == ("exact", "2023-09-26", "en;fr", 3)
