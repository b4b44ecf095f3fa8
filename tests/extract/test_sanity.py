"""The sanity layer flags what a person must check before a figure is published, and nothing else."""
import pandas as pd

from corpus_tools.extract.sanity import REASONS, flag_amounts, flag_investments


def _amounts(rows):
    return pd.DataFrame(rows, columns=["doc_id", "text", "lang", "kind", "value_eur", "event_id"])


def test_each_reason_on_its_case_and_plain_amounts_untouched():
    rows = [
        ("d1", "1,5 billion d'euros", "fr", "investment", 1.5e12, "e1"),  # French billion: 10^12
        ("d2", "€1.5 billion", "en", "investment", 1.5e9, "e1"),
        ("d3", "€1.6bn", "en", "investment", 1.6e9, "e1"),
        ("d4", "€200bn", "en", "funding_round", 2e11, "e2"),  # no start-up ever raised that
        ("d5", "€12m", "en", "funding_round", 12e6, "e3"),
        ("d6", "12 milliards d'euros", "fr", "funding_round", 12e9, "e3"),  # 1,000 times its event
        ("d7", "€12m", "en", "funding_round", 12e6, "e3"),
        ("d8", "2 millions d'euros", "fr", "salary", 2e6, ""),
        ("d9", "€3 trillion", "en", "market_cap", 3e12, ""),  # market caps do reach trillions
    ]
    flags = flag_amounts(_amounts(rows))
    assert list(flags["suspect_reason"]) == ["other_language_magnitude", "", "", "beyond_any_deal", "",
                                             "off_event_scale", "", "", ""]
    assert flags["suspect"].tolist() == [bool(r) for r in flags["suspect_reason"]]
    assert set(flags["suspect_reason"]) - {""} <= set(REASONS)


def test_out_of_corpus_scale_needs_enough_documents_to_compare():
    rows = [(f"d{i}", f"€{i + 2}m", "en", "funding_round", (i + 2) * 1e6, f"e{i}") for i in range(6)]
    rows.append(("d9", "€90bn", "en", "investment", 9e10, "e9"))
    flags = flag_amounts(_amounts(rows))
    assert flags["suspect_reason"].tolist()[-1] == "out_of_corpus_scale" and flags["suspect"].sum() == 1
    few = flag_amounts(_amounts(rows[:3] + rows[-1:]))
    assert not few["suspect"].any()


def test_an_event_takes_the_reason_of_the_amount_its_value_comes_from():
    amounts = _amounts([("d1", "1,5 billion d'euros", "fr", "investment", 1.5e12, "e1"),
                        ("d2", "€30m", "en", "investment", 3e7, "e2")])
    investments = pd.DataFrame({"event_id": ["e1", "e2"], "kind": ["investment", "investment"],
                                "value_eur": [1.5e12, 3e7]})
    flags = flag_investments(investments, amounts, flag_amounts(amounts))
    assert flags["suspect_reason"].tolist() == ["other_language_magnitude", ""]
