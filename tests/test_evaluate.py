import json

import pandas as pd
import pytest

from corpus_tools import evaluate
from corpus_tools.cli import main
from corpus_tools.evaluation import evaluate_news, gate
from corpus_tools.evaluation.names import listed, same_organisation
from corpus_tools.evaluation.news import OffsetMap, _bcubed, load_news_set


def test_evaluate_on_seeds_reports_each_task_and_language_beside_spacy(gold, seeds_dir, capsys):
    gold_path = seeds_dir.parent.parent / "gold" / "seeds.json"
    scores = evaluate(gold_path)
    rows = {(r.task, r.lang, r.system): r for r in scores.itertuples()}
    for task in ("amounts", "organisations", "hardware"):
        for lang in ("en", "fr"):
            assert (task, lang, "corpus_tools") in rows and (task, lang, "spacy_raw") in rows
    for lang in ("en", "fr"):
        assert rows[("amounts", lang, "corpus_tools")].f1 == 1.0
        assert rows[("organisations", lang, "corpus_tools")].recall == 1.0
        assert rows[("hardware", lang, "corpus_tools")].recall == 1.0
        assert rows[("organisations", lang, "corpus_tools")].f1 > rows[("organisations", lang, "spacy_raw")].f1
    assert rows[("amounts", "fr", "spacy_raw")].recall == 0.0  # the French model has no MONEY label
    assert main(["evaluate", str(gold_path), "--no-baseline"]) == 0
    assert "organisations" in capsys.readouterr().out


def test_evaluate_missing_gold_exits_2(tmp_path):
    assert main(["evaluate", str(tmp_path / "nope.json")]) == 2


def test_lenient_names_fold_case_accents_legal_forms_and_gazetteer_aliases():
    assert same_organisation("SoftBank", "SoftBank Group Corp.")
    assert same_organisation("Aglae Ventures", "Aglaé Ventures")
    assert same_organisation("AWS", "Amazon Web Services")  # one gazetteer entry
    assert not same_organisation("AI", "Mistral AI")  # too short to be found inside a name
    assert not same_organisation("Blue Capital", "Red Capital")
    assert listed("Nvidia") and not listed("Zorblax Dynamics")


def test_offsets_in_a_cleaned_body_map_back_to_the_original_text():
    text = "Share this\nNova raised €5m.\n"
    body = "Nova raised €5m."
    to_text = OffsetMap(text, body)
    start = body.index("€5m")
    assert text[to_text(start):to_text(start + 3)] == "€5m"


def test_bcubed_counts_a_split_event_against_recall_and_a_chained_one_against_precision():
    gold = {1: "a", 2: "a", 3: "b"}
    assert _bcubed(gold, {1: "x", 2: "x", 3: "y"})[2] == 1.0
    precision, recall, _, n = _bcubed(gold, {1: "x", 2: "y", 3: "z"})
    assert (precision, round(recall, 3), n) == (1.0, 0.667, 3)
    precision, recall, _, _ = _bcubed(gold, {1: "x", 2: "x", 3: "x"})
    assert (round(precision, 3), recall) == (0.556, 1.0)


def _scores(**figures) -> pd.DataFrame:
    rows = [(*key.split("/"), value, 10) for key, value in figures.items()]
    return pd.DataFrame(rows, columns=["task", "metric", "lang", "value", "n"])


def test_floors_only_move_up_and_error_counts_are_ceilings(tmp_path):
    path = tmp_path / "floors.json"
    gate.raise_floors(_scores(**{"events/recall/all": 0.906, "amounts/wrong_x10/all": 3}), path, "d1")
    assert gate.read_floors(path)["floors"] == {"events/recall/all": 0.9, "amounts/wrong_x10/all": 3.0}
    with pytest.raises(gate.FloorError, match="refusing to lower"):
        gate.raise_floors(_scores(**{"events/recall/all": 0.85, "amounts/wrong_x10/all": 3}), path, "d1")
    with pytest.raises(gate.FloorError, match="refusing to lower"):
        gate.raise_floors(_scores(**{"events/recall/all": 0.95, "amounts/wrong_x10/all": 4}), path, "d1")
    gate.raise_floors(_scores(**{"events/recall/all": 0.951, "amounts/wrong_x10/all": 1}), path, "d1")
    floors = gate.read_floors(path)
    assert floors["floors"] == {"events/recall/all": 0.95, "amounts/wrong_x10/all": 1.0}
    assert gate.check(_scores(**{"events/recall/all": 0.94, "amounts/wrong_x10/all": 1}), floors, "d1") == [
        "events/recall/all: 0.940 < floor 0.95"]
    assert "gold data changed" in gate.check(_scores(**{"events/recall/all": 0.99}), floors, "d2")[0]
    with pytest.raises(gate.FloorError, match="new-gold"):
        gate.raise_floors(_scores(**{"events/recall/all": 0.5}), path, "d2")


@pytest.fixture(scope="module")
def tiny_set(tmp_path_factory):
    """Three excerpts written for this test: one round reported in French and in English, a salary."""
    folder = tmp_path_factory.mktemp("news")
    texts = [("fr", "La start-up Nordavia a levé 12 millions d'euros auprès du fonds Boreal Capital. "
                    "Elle compte recruter quarante ingénieurs à Lyon d'ici la fin de l'année prochaine."),
             ("en", "The start-up Nordavia has raised €12 million from the fund Boreal Capital. "
                    "It plans to hire forty engineers in Lyon by the end of next year, the company said."),
             ("en", "A senior data engineer in the city earns about £80,000 a year, according to the survey "
                    "published this week by the recruitment firm, which polled two thousand workers.")]
    excerpts = []
    for n, (lang, text) in enumerate(texts, start=1):
        excerpts.append({"id": f"t{n}", "lang": lang, "url": "", "date": "2024-03", "text": text,
                         "orgs": ["Nordavia", "Boreal Capital"] if n < 3 else [], "hardware": []})
    (folder / "excerpts.jsonl").write_text("".join(json.dumps(e) + "\n" for e in excerpts), encoding="utf-8")

    def span(n, surface):
        start = texts[n - 1][1].index(surface)
        return {"excerpt": f"t{n}", "surface": surface, "start": start, "end": start + len(surface)}

    mentions = [{**span(1, "12 millions d'euros"), "kind": "funding_round", "value": 12e6, "currency": "EUR",
                 "approx": False, "min": None, "max": None},
                {**span(2, "€12 million"), "kind": "funding_round", "value": 12e6, "currency": "EUR",
                 "approx": False, "min": None, "max": None}]
    gold = {"events": [{"event_id": "nordavia_round", "optional": False, "investor": "Boreal Capital",
                        "investor_accept": [], "recipient": "Nordavia", "recipient_accept": [], "mentions": mentions}],
            "non_events": [{**span(3, "£80,000"), "kind": "salary", "value": 80000.0, "currency": "GBP",
                            "approx": True, "min": None, "max": None}]}
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def test_news_set_scores_amounts_events_and_organisations_of_our_own_sentences(tiny_set):
    scores = evaluate_news(tiny_set).set_index(["task", "metric", "lang"])
    value = lambda *key: scores.loc[key, "value"]  # noqa: E731
    assert value("amounts", "recall", "all") == 1.0 and scores.loc[("amounts", "recall", "all"), "n"] == 3
    assert value("amounts", "precision", "all") == 1.0
    assert value("kinds", "investment_or_not", "all") == 1.0
    assert value("events", "recall", "all") == 1.0
    assert scores.loc[("events", "fr_en_one_row", "all"), "n"] == 1  # the one event reported in both languages
    assert value("events", "fr_en_one_row", "all") == 1.0  # ... merged into one row
    assert scores.loc[("organisations", "recall_unlisted", "all"), "n"] == 4  # names no list holds
    assert value("organisations", "recall", "all") == 1.0 and value("organisations", "precision", "all") == 1.0
    assert load_news_set(tiny_set).digest == load_news_set(tiny_set).digest


def test_cli_gate_fails_under_a_floor_and_refuses_to_lower_it(tiny_set, tmp_path, capsys):
    floors = tmp_path / "floors.json"
    assert main(["evaluate", str(tiny_set), "--update-floors", str(floors)]) == 0
    assert main(["evaluate", str(tiny_set), "--floors", str(floors)]) == 0
    data = json.loads(floors.read_text())
    data["floors"]["amounts/recall/all"] = 1.01  # a floor no run can reach
    floors.write_text(json.dumps(data))
    assert main(["evaluate", str(tiny_set), "--floors", str(floors)]) == 1
    assert "amounts/recall/all" in capsys.readouterr().err
    assert main(["evaluate", str(tiny_set), "--update-floors", str(floors)]) == 2
