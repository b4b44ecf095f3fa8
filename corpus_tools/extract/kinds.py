"""What kind of money an amount is: investment, funding round, price, market cap...

Cue lexicons per language (``lang/<lang>/investment.py``) are features of a scikit-learn
logistic regression over the words and characters around the amount. The model is trained on
first use from the annotated sentences shipped in ``lang/<lang>/amount_kinds.tsv`` (about a second),
so no pickled model ties the package to one scikit-learn version.
"""
from __future__ import annotations

import csv
import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KINDS = ("investment", "funding_round", "acquisition", "valuation", "revenue", "cost", "price", "market_cap",
         "salary", "other")
INVESTING_KINDS = frozenset({"investment", "funding_round"})
LEFT_CHARS, RIGHT_CHARS = 90, 60
_MARKED = re.compile(r"\[\[(.+?)\]\]")
PLACEHOLDER = " MONTANT "


@dataclass(frozen=True)
class LabelledContext:
    lang: str
    kind: str
    left: str
    right: str


def context(sentence: str, start: int, end: int) -> tuple[str, str]:
    """Words before and after the amount, within its sentence."""
    return sentence[max(0, start - LEFT_CHARS):start], sentence[end:end + RIGHT_CHARS]


def training_set() -> list[LabelledContext]:
    examples = []
    for lang in ("en", "fr"):
        text = resources.files(f"corpus_tools.lang.{lang}").joinpath("amount_kinds.tsv").read_text(encoding="utf-8")
        for row in csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"):
            marked = _MARKED.search(row["sentence"])
            sentence = row["sentence"][:marked.start()] + marked.group(1) + row["sentence"][marked.end():]
            left, right = context(sentence, marked.start(), marked.start() + len(marked.group(1)))
            examples.append(LabelledContext(lang, row["kind"], left, right))
    return examples


@lru_cache(maxsize=None)
def _cues(lang: str) -> dict[str, re.Pattern]:
    rules = importlib.import_module(f"corpus_tools.lang.{lang}.investment")
    return {kind: re.compile("|".join(patterns), re.IGNORECASE) for kind, patterns in rules.KIND_CUES.items()}


def _text(example: LabelledContext) -> str:
    """One string per amount: language, cue flags, then the context with the amount masked."""
    cues = _cues(example.lang)
    flags = [f"CUE_{kind}_L" for kind, pattern in cues.items() if pattern.search(example.left)]
    flags += [f"CUE_{kind}_R" for kind, pattern in cues.items() if pattern.search(example.right)]
    return f"LANG_{example.lang} {' '.join(flags)} {example.left.lower()}{PLACEHOLDER}{example.right.lower()}"


def build_model():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"[\w']+", sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2),
    )
    return make_pipeline(features, LogisticRegression(C=10.0, max_iter=2000))


@lru_cache(maxsize=1)
def trained_model():
    examples = training_set()
    model = build_model()
    model.fit([_text(e) for e in examples], [e.kind for e in examples])
    return model


def classify(contexts: list[tuple[str, str, str]]) -> list[str]:
    """Kinds for (lang, left, right) contexts, in order."""
    if not contexts:
        return []
    model = trained_model()
    texts = [_text(LabelledContext(lang, "", left, right)) for lang, left, right in contexts]
    return [str(kind) for kind in model.predict(texts)]


def cross_validated_report(folds: int = 5, seed: int = 0) -> dict:
    """Accuracy per kind (recall of each class), overall, and of investing-or-not, out of fold."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    examples = training_set()
    texts, kinds = [_text(e) for e in examples], [e.kind for e in examples]
    predicted = cross_val_predict(build_model(), texts, kinds,
                                  cv=StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed))
    per_kind = {}
    for kind in KINDS:
        rows = [p for p, k in zip(predicted, kinds) if k == kind]
        per_kind[kind] = {"n": len(rows), "accuracy": sum(p == kind for p in rows) / len(rows)}
    investing = [(p in INVESTING_KINDS) == (k in INVESTING_KINDS) for p, k in zip(predicted, kinds)]
    return {
        "n": len(kinds),
        "per_kind": per_kind,
        "accuracy": sum(p == k for p, k in zip(predicted, kinds)) / len(kinds),
        "investing_vs_rest_accuracy": sum(investing) / len(investing),
    }
