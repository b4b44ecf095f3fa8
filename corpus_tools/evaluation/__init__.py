"""Scoring against hand annotations: the seed articles' gold file, and sets of real news excerpts
(the development set, the training sets). ``evaluate`` picks the scorer from what it is given."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from .news import evaluate_news, is_news_set
from .seeds import default_corpus_dir, evaluate_seeds

__all__ = ["evaluate", "evaluate_news", "evaluate_seeds", "default_corpus_dir", "is_news_set"]


def evaluate(gold: str | os.PathLike, corpus: str | os.PathLike | None = None, *, baseline: bool = True,
             n_process: int = 1) -> pd.DataFrame:
    """Scores against ``gold``: a folder of annotated news excerpts (``excerpts.jsonl`` + ``gold.json``,
    or ``excerpts_<lang>.jsonl``) gives one row per task, metric and language with the number of items
    behind it; a gold JSON file of whole articles (``seeds.json``, texts in ``corpus``) gives
    precision and recall per task, language and system, beside the raw spaCy model."""
    if is_news_set(gold):
        return evaluate_news(gold, n_process=n_process)
    return evaluate_seeds(Path(gold), corpus, baseline=baseline)
