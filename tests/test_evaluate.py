from corpus_tools import evaluate
from corpus_tools.cli import main


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
