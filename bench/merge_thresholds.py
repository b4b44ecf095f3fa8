"""Fit the event merge's value tolerances on the training set of events (never on dev).

    .venv/bin/python bench/merge_thresholds.py [../shared/train/events]

Analyses the excerpts once, then re-runs only the merge for each set of tolerances (same
currency, across currencies, one side naming nobody) and prints the B-cubed F1 over the required event mentions; the best
pair is what ``corpus_tools/extract/events.py`` ships.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_tools.evaluation.news import (OffsetMap, Prediction, _bcubed, _by_doc, _match_amounts,  # noqa: E402
                                          analyse_excerpts, load_news_set)
from corpus_tools.extract import events  # noqa: E402

SAME = (0.04, 0.06, 0.08, 0.10)
CROSS = (0.09, 0.12, 0.15)
EXACT = (0.01, 0.03, 0.06)


def gold_and_rows(folder: str):
    news = load_news_set(folder)
    corpus, doc_of, bodies = analyse_excerpts(news)
    amounts = _by_doc(corpus.read("amounts"))
    gold, linked = {}, {}
    for excerpt in news.excerpts:
        doc_id = doc_of.get(excerpt.id, "")
        if not doc_id:
            continue
        to_text = OffsetMap(excerpt.text, bodies[excerpt.id])
        predictions = [Prediction(to_text(int(r["start"])), to_text(int(r["end"])), r) for r in amounts.get(doc_id, [])]
        for i, j in _match_amounts(excerpt, predictions):
            g = excerpt.amounts[j]
            if g.event_id and not g.optional:
                key = (excerpt.id, g.start, g.end)
                gold[key], linked[key] = g.event_id, predictions[i].row["amount_id"]
        for g in excerpt.amounts:
            if g.event_id and not g.optional:
                gold.setdefault((excerpt.id, g.start, g.end), g.event_id)
    rows = [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            for rows in amounts.values() for row in rows]  # the table's nulls, as the merge reads them
    return gold, linked, rows


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared/train/events")
    gold, linked, rows = gold_and_rows(folder)
    print(f"{len(gold)} required mentions, {len(linked)} found as amounts")
    results = []
    for same, cross, exact in ((s, c, e) for s in SAME for c in CROSS for e in EXACT):
            events.SAME_CURRENCY_TOLERANCE, events.CROSS_CURRENCY_TOLERANCE, events.EXACT_TOLERANCE = same, cross, exact
            _, event_of = events.merge_events(rows)
            predicted = {key: event_of.get(linked.get(key, ""), "") or ("missing",) + key for key in gold}
            precision, recall, f1, n = _bcubed(gold, predicted)
            results.append((f1, precision, recall, same, cross, exact))
            print(f"same {same:.2f} cross {cross:.2f} unnamed {exact:.2f}: B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({n})")
    best = max(results)
    print(f"best: same-currency {best[3]:.2f}, cross-currency {best[4]:.2f}, one side unnamed {best[5]:.2f}"
          f" (F1 {best[0]:.3f})")


if __name__ == "__main__":
    main()
