"""Organisations found in real news: precision, recall, recall on listed and unlisted names.

    .venv/bin/python bench/organisations.py [--sets dev train] [--ablation]

The organisation figures of ``corpus-tools evaluate`` (``corpus_tools.evaluation.news``: the whole
pipeline, unique names per excerpt, the evaluation's lenient name match, "listed" when the gold name
folds to a form of the package's list) on ../shared/dev/news and ../shared/train/news, per language.

``--ablation`` removes from the gazetteer every organisation one of whose names occurs in the text
of a dev or training excerpt, rebuilds the pipeline and evaluates the dev set again, nothing else
changed: the same scorer weights, the same match, and "listed" still read from the shipped list.
The figures must fall by less than 0.05, or the recogniser leans on the list (exit status 1).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
SETS = {"dev": SHARED / "dev" / "news", "train": SHARED / "train" / "news"}
MAX_DROP = 0.05
METRICS = {"precision": "P", "recall": "R", "f1": "F1", "recall_listed": "listed", "recall_unlisted": "unlisted"}


def score(name: str) -> dict[str, dict[str, tuple[float, int]]]:
    """{lang: {P, R, F1, listed, unlisted: (value, items)}} as ``corpus-tools evaluate`` prints them."""
    from corpus_tools.evaluation.news import evaluate_news
    from corpus_tools.lang import LANGUAGES

    scores = evaluate_news(SETS[name])
    rows = scores[(scores["task"] == "organisations") & scores["lang"].isin(LANGUAGES)]
    figures: dict[str, dict[str, tuple[float, int]]] = {}
    for row in rows.itertuples():
        if row.metric in METRICS:
            figures.setdefault(row.lang, {})[METRICS[row.metric]] = (float(row.value), int(row.n))
    return {lang: {k: figures[lang][k] for k in METRICS.values()} for lang in sorted(figures)}


def print_figures(title: str, figures: dict) -> None:
    for lang, f in figures.items():
        print(f"{title:<16}{lang:<4}" + "  ".join(f"{k} {v:.3f} ({n})" for k, (v, n) in f.items()))


class Ablated(dict):
    """The entries the recogniser may use; an id looked up by the scoring (which folds names with
    the shipped list, e.g. to tell outlets) still reads its shipped entry."""

    def __init__(self, kept: dict, shipped: dict):
        super().__init__(kept)
        self.shipped = shipped

    def __missing__(self, org_id: str):
        return self.shipped[org_id]


def ablated_gazetteer(texts: list[str]) -> Ablated:
    """The gazetteer without every organisation one of whose names occurs in ``texts``."""
    from corpus_tools.extract.entities import gazetteer

    corpus = "\n".join(texts).casefold()
    kept = {}
    for org_id, organisation in gazetteer().items():
        if not any(re.search(rf"(?<!\w){re.escape(form.casefold())}(?!\w)", corpus) for form in organisation.forms):
            kept[org_id] = organisation
    return Ablated(kept, gazetteer())


def use_gazetteer(organisations: dict) -> None:
    """Every later pipeline and lookup of the recogniser reads ``organisations`` instead of the
    shipped list; the scoring keeps the shipped list (its index is built first)."""
    import corpus_tools.extract.entities as entities
    from corpus_tools.evaluation.names import gazetteer_index
    from corpus_tools.extract.organisations import _unambiguous_aliases
    from corpus_tools.pipeline.models import entity_pipeline

    gazetteer_index()
    entities.gazetteer = lambda: organisations
    entities.alias_index.cache_clear()
    _unambiguous_aliases.cache_clear()
    entity_pipeline.cache_clear()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dev", "train"], choices=sorted(SETS))
    parser.add_argument("--ablation", action="store_true")
    args = parser.parse_args(argv)
    if not all(path.exists() for path in SETS.values()):
        print(f"the dev and training sets are not in {SHARED}", file=sys.stderr)
        return 2
    results = {name: score(name) for name in dict.fromkeys(args.sets + (["dev"] if args.ablation else []))}
    for name in args.sets:
        print_figures(name, results[name])
    if not args.ablation:
        return 0
    from corpus_tools.evaluation.news import load_news_set
    from corpus_tools.extract.entities import gazetteer

    texts = [e.text for name in SETS for e in load_news_set(SETS[name]).excerpts]
    kept = ablated_gazetteer(texts)
    removed = len(gazetteer()) - len(kept)
    use_gazetteer(kept)
    full, ablated = results["dev"], score("dev")
    print(f"\nablation: {removed} of {removed + len(kept)} gazetteer entries named in dev or train removed")
    print_figures("dev, ablated", ablated)
    worst = 0.0
    for lang in full:
        drops = {k: full[lang][k][0] - ablated[lang][k][0] for k in ("P", "R", "F1")}
        worst = max(worst, *drops.values())
        print(f"drop {lang}: " + "  ".join(f"{k} {v:+.3f}" for k, v in drops.items()))
    print(f"largest drop {worst:.3f} ({'under' if worst < MAX_DROP else 'NOT under'} {MAX_DROP})")
    return 0 if worst < MAX_DROP else 1


if __name__ == "__main__":
    raise SystemExit(main())
