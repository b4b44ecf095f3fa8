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
    # the won, the rupee and the Singapore dollar of Asian plant and round news convert too
    won = convert(1e12, "KRW", "2023-04")
    assert won.fx_date == "2023" and won.value_eur == pytest.approx(1e12 / 1412.88)
    assert convert(1e9, "INR", "2009").fx_date == "2009" and convert(1e9, "INR", "2001").fx_date == "2009"
    assert all(table[y]["SGD"] > 1 for y in table)


def _row(**fields):
    base = dict(doc_id="d1", amount_id="d1-0", start=0, end=5, kind="investment", investor="Iliad", investors="Iliad",
                investor_id="iliad", recipient="", recipient_id="", target="", value=1e8, low=None, high=None,
                currency="EUR", value_eur=1e8, value_usd=1.08e8, fx_rate=1.0, approx=False, qualifier="exact",
                date="2023-09", event_date="", lang="en", sentence="Iliad invests €100m.", sentence_start=0,
                equivalent_of=None, role_cue="subject of invests")
    return {**base, **fields}


def test_merge_needs_no_investor_and_keeps_parties_apart():
    rows = [
        _row(event_date="2023-09"),
        _row(doc_id="d2", amount_id="d2-0", value_eur=1.03e8, qualifier="at_least", low=1e8, lang="fr",
             recipient="Kyutai", event_date="2023-09-26"),
        _row(doc_id="d2", amount_id="d2-1", recipient="Kyutai", investor="", investors="", investor_id=""),
        _row(doc_id="d8", amount_id="d8-0", recipient="Other lab", investor="", investors="", investor_id=""),
        _row(doc_id="d3", amount_id="d3-0", value_eur=1.2e8, value=1.2e8),  # 20% apart: another investment
        _row(doc_id="d4", amount_id="d4-0", investor="Free", investors="Free", investor_id="free"),  # Iliad's group
        _row(doc_id="d5", amount_id="d5-0", event_date="2021-01-10"),  # a commitment of another year
        _row(doc_id="d6", amount_id="d6-0", investor="Microsoft", investors="Microsoft", investor_id="microsoft"),
        _row(doc_id="d7", amount_id="d7-0", kind="price"),  # never an event
    ]
    events, event_of = merge_events(rows)
    assert event_of["d1-0"] == event_of["d4-0"] == event_of["d2-1"]
    assert len({event_of[k] for k in ("d1-0", "d3-0", "d5-0", "d6-0", "d8-0")}) == 5
    assert "d7-0" not in event_of
    merged = next(e for e in events if e["event_id"] == event_of["d1-0"])
    assert merged["investor"] == "Free"  # the most specific of parent and subsidiary
    assert merged["recipient"] == "Kyutai" and merged["investors"] == "Free;Iliad"
    assert merged["report_dates"] == "2023-09" and merged["n_sources"] == 3 and merged["date"] == "2023-09-26"
    assert set(merged["mentions"].split(";")) == {"d1:0-5", "d2:0-5", "d4:0-5"}


def test_merge_does_not_chain_and_one_recipient_per_event():
    """Ten rounds by one fund into ten companies, each within 5% of the next: ten events."""
    rows = [_row(doc_id=f"d{n}", amount_id=f"d{n}-0", kind="funding_round", investor="Fund", investors="Fund",
                 investor_id="", recipient=f"Startup {n}", value=1e8 * 1.04 ** n, value_eur=1e8 * 1.04 ** n)
            for n in range(10)]
    rows += [_row(doc_id="x1", amount_id="x1-0", kind="funding_round", investor="Fund", investors="Fund",
                  investor_id="", recipient="", value=1e8, value_eur=1e8)]  # same fund, no recipient: the first
    events, event_of = merge_events(rows)
    assert len(events) == 10
    assert event_of["x1-0"] == event_of["d0-0"]


def test_a_figure_without_currency_joins_the_event_it_states_and_makes_none():
    """"Berlin will give Voltara 10bn" (no currency written) is the €10bn grant of the other
    pages; a currency-less figure that states no event's figure stays out of the events."""
    grant = dict(investor="Germany", investors="Germany", investor_id="country:DE", recipient="Voltara")
    rows = [_row(doc_id="a", amount_id="a-0", value=1e10, value_eur=1e10, qualifier="approx", **grant),
            _row(doc_id="a", amount_id="a-1", value=1.1e10, currency="USD", value_eur=1e10, qualifier="approx",
                 equivalent_of=0, **grant),
            _row(doc_id="b", amount_id="b-0", value=1e10, currency=None, value_eur=None, value_usd=None, fx_rate=None,
                 **grant),
            _row(doc_id="c", amount_id="c-0", value=3e10, currency=None, value_eur=None, value_usd=None, fx_rate=None,
                 **grant)]
    events, event_of = merge_events(rows)
    assert event_of["b-0"] == event_of["a-0"] == event_of["a-1"] and "c-0" not in event_of
    assert len(events) == 1 and events[0]["currency"] == "EUR" and events[0]["value_eur"] == 1e10
    assert events[0]["n_sources"] == 2


def test_a_country_hosting_one_commitment_and_granting_another_links_neither():
    """A chip plant's €10bn in Germany and Germany's €10bn grant to another maker: the country stands
    on each side in another role, which is no party the two share."""
    rows = [_row(doc_id="a", amount_id="a-0", value=1e10, value_eur=1e10, investor="Nordchip", investors="Nordchip",
                 investor_id="", recipient="Germany", recipient_id="country:DE"),
            _row(doc_id="b", amount_id="b-0", value=1e10, value_eur=1e10, investor="Germany", investors="Germany",
                 investor_id="country:DE", recipient="Voltara", recipient_id=""),
            _row(doc_id="c", amount_id="c-0", value=1e10, value_eur=1e10, investor="German government",
                 investors="German government", investor_id="german_government", recipient="Voltara", recipient_id="")]
    _, event_of = merge_events(rows)
    assert event_of["a-0"] != event_of["b-0"] == event_of["c-0"]


def test_two_commitments_of_one_amount_by_different_parties_stay_apart():
    rows = [_row(doc_id="a", amount_id="a-0", value=5e9, value_eur=5e9, investor="Qatar", investors="Qatar",
                 investor_id="", recipient="France", recipient_id="country:FR"),
            _row(doc_id="b", amount_id="b-0", value=5e9, value_eur=5e9, investor="Orange", investors="Orange",
                 investor_id="", recipient="Orange Business", recipient_id="")]
    _, event_of = merge_events(rows)
    assert event_of["a-0"] != event_of["b-0"]


def test_one_party_written_differently_is_one_party():
    """"Nordavia" / "the start-up Nordavia" / "Nordavia SAS" receive one round; Germany and the
    German government give one subsidy; two start-ups sharing no name stay apart."""
    rows = [_row(doc_id="a", amount_id="a-0", kind="funding_round", investor="", investors="", investor_id="",
                 recipient="Nordavia", value=4e7, value_eur=4e7),
            _row(doc_id="b", amount_id="b-0", kind="funding_round", investor="Fund One", investors="Fund One",
                 investor_id="", recipient="start-up Nordavia", value=4e7, value_eur=4e7, lang="fr"),
            _row(doc_id="c", amount_id="c-0", kind="funding_round", investor="Fund Two", investors="Fund Two",
                 investor_id="", recipient="Nordavia SAS", value=4.1e7, value_eur=4.1e7),
            _row(doc_id="d", amount_id="d-0", kind="funding_round", investor="Fund Two", investors="Fund Two",
                 investor_id="", recipient="Vestmark", value=4e7, value_eur=4e7),
            _row(doc_id="e", amount_id="e-0", investor="Germany", investors="Germany", investor_id="country:DE",
                 recipient="", value=5e9, value_eur=5e9),
            _row(doc_id="f", amount_id="f-0", investor="German government", investors="German government",
                 investor_id="german_government", recipient="", value=5e9, value_eur=5e9, lang="fr")]
    _, event_of = merge_events(rows)
    assert event_of["a-0"] == event_of["b-0"] == event_of["c-0"] != event_of["d-0"]
    assert event_of["e-0"] == event_of["f-0"]


def test_the_investor_is_the_party_most_mentions_name_a_state_with_its_ministries():
    """Germany (twice), its government and a German ministry outvote the French government named
    twice by mistake; within the state, the name most mentions use."""
    def subsidy(doc, investor, investor_id):
        return _row(doc_id=doc, amount_id=f"{doc}-0", investor=investor, investors=investor, investor_id=investor_id,
                    recipient="Intel", recipient_id="intel", value=1e10, value_eur=1e10)
    rows = [subsidy("a", "French government", "french_government"), subsidy("b", "French government", "french_government"),
            subsidy("c", "Germany", "country:DE"), subsidy("d", "Germany", "country:DE"),
            subsidy("e", "German government", "german_government"), subsidy("f", "BMBF", "bmbf")]
    events, event_of = merge_events(rows)
    assert len(events) == 1 and events[0]["investor"] == "Germany"


def test_restatements_bounds_and_ranges_across_languages_and_currencies():
    rows = [
        _row(doc_id="en", amount_id="en-0", investor="", investors="", investor_id="", recipient="Intel",
             value=10e9, value_eur=10e9, currency="EUR", lang="en"),
        _row(doc_id="en", amount_id="en-1", investor="", investors="", investor_id="", recipient="Intel",
             value=11e9, value_eur=10.2e9, currency="USD", lang="en", equivalent_of=0),
        _row(doc_id="fr", amount_id="fr-0", investor="German government", investors="German government",
             investor_id="german_government", recipient="Intel", value=9.9e9, value_eur=9.9e9, lang="fr"),
        _row(doc_id="us", amount_id="us-0", investor="", investors="", investor_id="", recipient="Intel",
             value=11e9, value_eur=10.1e9, currency="USD"),
        _row(doc_id="r1", amount_id="r1-0", recipient="Acme", investor="", investors="", investor_id="",
             value=8e9, high=8e9, qualifier="at_most", value_eur=8e9),
        _row(doc_id="r2", amount_id="r2-0", recipient="Acme", investor="", investors="", investor_id="",
             value=None, low=6e9, high=8e9, qualifier="range", value_eur=6e9),
    ]
    events, event_of = merge_events(rows)
    assert event_of["en-0"] == event_of["en-1"] == event_of["fr-0"] == event_of["us-0"]
    assert event_of["r1-0"] == event_of["r2-0"] != event_of["en-0"]
    intel = next(e for e in events if e["event_id"] == event_of["en-0"])
    assert intel["langs"] == "en;fr" and intel["n_sources"] == 3 and intel["investor"] == "German government"


def test_a_named_part_links_to_its_whole():
    sentence = "Intel will build a €30bn plant, with €10bn of German subsidies."
    rows = [_row(doc_id="p", amount_id="p-0", investor="Intel", investors="Intel", investor_id="intel",
                 recipient="Magdeburg", recipient_id="place:magdeburg", value=30e9, value_eur=30e9, sentence=sentence),
            _row(doc_id="p", amount_id="p-1", start=40, end=45, investor="German government",
                 investors="German government", investor_id="german_government", recipient="Intel",
                 recipient_id="intel", value=10e9, value_eur=10e9, sentence=sentence)]
    events, event_of = merge_events(rows)
    whole, part = (next(e for e in events if e["event_id"] == event_of[k]) for k in ("p-0", "p-1"))
    assert part["part_of"] == whole["event_id"] and whole["part_of"] == ""


def test_one_figure_in_one_currency_merges_whatever_the_rate_of_each_page():
    """"$680m" on a page dated 2021 and on an undated page (converted at another year's rate, 9% off
    in euros) is one round; "$740m" stays another."""
    round_of = dict(kind="funding_round", investor="", investors="", investor_id="", recipient="Nordavia",
                    currency="USD", value=6.8e8)
    rows = [_row(doc_id="a", amount_id="a-0", value_eur=5.75e8, date="2021-09", **round_of),
            _row(doc_id="b", amount_id="b-0", value_eur=6.28e8, date="", **round_of),
            _row(doc_id="c", amount_id="c-0", value_eur=6.28e8, date="", **{**round_of, "value": 7.4e8})]
    _, event_of = merge_events(rows)
    assert event_of["a-0"] == event_of["b-0"] != event_of["c-0"]


def test_a_mention_that_read_the_roles_backwards_joins_its_event():
    """One page reads "Nordavia, backed by Orbis, raised $40m" backwards (Nordavia investing in
    Orbis): it is still Nordavia's round, and the other pages make Nordavia its recipient.
    Kestrel's $40m in Halvard names neither: another investment."""
    round_of = dict(kind="funding_round", currency="USD", value=4e7, value_eur=3.7e7, investor_id="")
    rows = [_row(doc_id="a", amount_id="a-0", investor="Orbis", investors="Orbis", recipient="Nordavia", **round_of),
            _row(doc_id="d", amount_id="d-0", investor="", investors="", recipient="Nordavia", **round_of),
            _row(doc_id="b", amount_id="b-0", investor="Nordavia", investors="Nordavia", recipient="Orbis",
                 **round_of),
            _row(doc_id="c", amount_id="c-0", investor="Kestrel", investors="Kestrel", recipient="Halvard",
                 **round_of)]
    events, event_of = merge_events(rows)
    assert event_of["a-0"] == event_of["b-0"] == event_of["d-0"] != event_of["c-0"]
    merged = next(e for e in events if e["event_id"] == event_of["a-0"])
    assert merged["recipient"] == "Nordavia" and merged["investor"] == "Orbis"


def test_one_article_keeps_two_figures_apart_when_their_investors_differ():
    """An article on a €5bn state grant to one chipmaker that also names another maker's own €5bn
    plant: one article, one figure, two commitments."""
    rows = [_row(doc_id="a", amount_id="a-0", value=5e9, value_eur=5e9, investor="German government",
                 investors="German government", investor_id="german_government", recipient="Nordchip"),
            _row(doc_id="a", amount_id="a-1", value=5e9, value_eur=5e9, investor="Voltara", investors="Voltara",
                 investor_id="", recipient="Dresden", recipient_id="place:dresden"),
            _row(doc_id="a", amount_id="a-2", value=5e9, value_eur=5e9, investor="", investors="", investor_id="",
                 recipient="Nordchip")]
    _, event_of = merge_events(rows)
    assert event_of["a-0"] == event_of["a-2"] != event_of["a-1"]


def test_an_investor_read_from_the_sentence_outweighs_two_guessed_from_the_article():
    """Two pages name no investor and the rules fall back on their most named organisation (a host
    lab); one page says who co-funds the machine: that one decides."""
    def mention(doc, investor, cue):
        return _row(doc_id=doc, amount_id=f"{doc}-0", investor=investor, investors=investor, investor_id="",
                    recipient="Nordmachine", recipient_id="machine:nordmachine", value=2e8, value_eur=2e8,
                    role_cue=cue)
    rows = [mention("a", "Host Lab", "salient, machine as recipient"), mention("b", "Host Lab", "salient"),
            mention("c", "Joint Fund", ", machine as recipient")]
    events, _ = merge_events(rows)
    assert len(events) == 1 and events[0]["investor"] == "Joint Fund"


def test_a_party_most_mentions_name_as_investor_is_not_the_recipient():
    """A maker's plant, read backwards once (a subsidy on the same figure naming the maker as
    receiving): the maker invests, the plant's country receives."""
    rows = [_row(doc_id=d, amount_id=f"{d}-0", investor="Nordchip", investors="Nordchip", investor_id="",
                 recipient="Germany", recipient_id="country:DE", value=3e10, value_eur=3e10, role_cue="subject of invest")
            for d in ("a", "b", "c")]
    rows.append(_row(doc_id="d", amount_id="d-0", investor="Germany", investors="Germany", investor_id="country:DE",
                     recipient="Nordchip", value=3e10, value_eur=3e10))
    events, event_of = merge_events(rows)
    assert len(set(event_of.values())) == 1
    assert events[0]["investor"] == "Nordchip" and events[0]["recipient"] == "Germany"


def test_a_field_recipient_links_nothing_and_a_named_recipient_beats_it():
    """"€2bn in quantum research" and "€2bn for Nordavia" by two funders are two commitments; a
    field does not part mentions that name a company."""
    rows = [_row(doc_id="a", amount_id="a-0", value=2e9, value_eur=2e9, investor="Fund One", investors="Fund One",
                 investor_id="", recipient="quantum research", recipient_id="field:quantum research"),
            _row(doc_id="b", amount_id="b-0", value=2e9, value_eur=2e9, investor="Fund Two", investors="Fund Two",
                 investor_id="", recipient="quantum research", recipient_id="field:quantum research"),
            _row(doc_id="c", amount_id="c-0", value=2e9, value_eur=2e9, investor="Fund One", investors="Fund One",
                 investor_id="", recipient="Nordavia")]
    events, event_of = merge_events(rows)
    assert event_of["a-0"] == event_of["c-0"] != event_of["b-0"]
    assert next(e for e in events if e["event_id"] == event_of["a-0"])["recipient"] == "Nordavia"


def test_a_legal_form_ending_a_sentence_ends_it_for_the_roles():
    """The small models read on after "GmbH." or "Inc.": the amount's sentence starts after it,
    and a comma after the legal form ("Voltaro Inc., the maker") does not end anything."""
    from corpus_tools.extract.investments import _sentence_spans
    from corpus_tools.extract.money import extract_amounts

    body = "Norvik founded Voltaro Energy GmbH. The plant will cost €50m. Voltaro Inc., the maker, spent €9m."
    amounts = extract_amounts(body, lang="en")
    whole = [(0, len(body))]
    spans = _sentence_spans(body, amounts, whole)
    assert [body[s:e] for s, e in spans] == ["The plant will cost €50m. Voltaro Inc., the maker, spent €9m.",
                                             "The plant will cost €50m. Voltaro Inc., the maker, spent €9m."]


def _random_link(rng, names=("",), docs=("a",)):
    from corpus_tools.extract.events import _Link

    low = rng.choice([9e7, 1e8, 1.04e8, 1.1e8, 1.2e8, float("nan")] if rng.random() < 0.02 else
                     [9e7, 1e8, 1.04e8, 1.1e8, 1.2e8])
    high = low * rng.choice([1.0, 1.0, 1.1, 1.5])
    per_unit = rng.choice([1.0, 0.9, 0.95])  # each page's own exchange rate
    recipient = rng.choice(names)
    named = [n for n in names if n]
    investors = frozenset(rng.sample(named, k=rng.randint(0, min(2, len(named)))))
    return _Link(rng.choice(["investment", "funding_round", "grant"]), low * per_unit, high * per_unit, low, high,
                 rng.choice(["EUR", "USD"]), rng.choice(["", "2023-09", "2023-11-28", "2024-01"]), recipient,
                 investors, investors | {recipient} - {""}, rng.choice(docs))


def test_an_event_agrees_with_a_unit_exactly_when_every_pair_of_their_mentions_does():
    """The merge compares an amount with an event from the extremes of each currency, never pair
    by pair: the same answer as the pair rules on every pair, on random figures near each other
    (ranges, two currencies at several rates, kinds, dates, a NaN now and then)."""
    import random

    from corpus_tools.extract.events import _dates_agree, _kinds_agree, _parties_of, _values_agree

    def same_commitment(a, b):
        return _kinds_agree(a.kind, b.kind) and _dates_agree(a.event_date, b.event_date) and _values_agree(a, b)

    rng = random.Random(5)
    answers = []
    for _ in range(4000):
        event = [_random_link(rng) for _ in range(rng.randint(1, 4))]
        unit = [_random_link(rng) for _ in range(rng.randint(1, 2))]
        expected = all(same_commitment(a, b) for a in unit for b in event)
        assert _parties_of(event).agrees(_parties_of(unit)) == expected, (event, unit)
        answers.append(expected)
    assert 400 < sum(answers) < 3600  # both answers are tested


def test_the_quick_party_test_never_rejects_an_event_that_would_accept():
    """``may_accept`` skips most events near an amount's value with set tests alone; every event
    that ``accepts`` the amount passes it (names written differently, places, one article)."""
    import random

    from corpus_tools.extract.events import _parties_of

    names = ("", "nordavia", "nordavia sas", "the start-up nordavia", "nordavia capital", "alice&bob",
             "alice & bob", "alicebob", "country:FR", "place:lyon", "field:robotics", "quorvex")
    rng = random.Random(11)
    accepted = skipped = 0
    for _ in range(6000):
        event_links = [_random_link(rng, names, "abcdefghij") for _ in range(rng.randint(1, 3))]
        unit_links = [_random_link(rng, names, "abcdefghij") for _ in range(rng.randint(1, 2))]
        event, unit = _parties_of(event_links), _parties_of(unit_links)
        quick = event.may_accept(unit)
        if event.accepts(unit, unit_links, event_links):
            accepted += 1
            assert quick, (event_links, unit_links)
        skipped += not quick
    assert accepted > 1000 and skipped > 300
