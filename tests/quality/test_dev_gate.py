"""The evaluation gate: the development set's figures never fall under the floors pinned in
dev_floors.json (raise them with `corpus-tools evaluate ../shared/dev/news --update-floors
tests/quality/dev_floors.json`, which refuses to lower any)."""
from pathlib import Path

import pytest

from corpus_tools.evaluation import evaluate_news, gate
from corpus_tools.evaluation.news import load_news_set
from tests.conftest import SHARED, _require

FLOORS = Path(__file__).with_name("dev_floors.json")


@pytest.fixture(scope="module")
def dev_set() -> Path:
    return _require(SHARED / "dev" / "news")


@pytest.fixture(scope="module")
def dev_scores(dev_set):
    return evaluate_news(dev_set)


def test_dev_set_figures_stay_at_or_above_their_floors(dev_set, dev_scores):
    problems = gate.check(dev_scores, gate.read_floors(FLOORS), load_news_set(dev_set).digest)
    assert not problems, "\n".join(problems)


def test_every_dev_figure_rests_on_items_and_every_task_is_scored_per_language(dev_scores):
    rates = dev_scores[~dev_scores["metric"].isin(["wrong_x10", "outlet_parties", "scored"])]
    assert (rates["n"] > 0).all()
    for task in ("amounts", "kinds", "organisations", "hardware"):
        assert set(dev_scores.loc[dev_scores["task"] == task, "lang"]) == {"en", "fr", "all"}
    events = dev_scores[dev_scores["task"] == "events"].set_index(["metric", "lang"])
    assert events.loc[("recall", "all"), "n"] == 49  # the set's required events
    assert events.loc[("bcubed_f1", "all"), "n"] == 221  # their mentions
