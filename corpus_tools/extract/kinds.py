"""What kind of money an amount is: investment, funding round, price, market cap...

Cue lexicons per language (``lang/<lang>/investment.py``) are features of a scikit-learn
logistic regression over the words and characters around the amount. ``make train`` fits it on
our own annotated sentences (``lang/<lang>/amount_kinds.tsv``) and on the amounts of real news in
``../shared/train/news``, and writes only what it derived (n-gram vocabularies, idf, weights) as
JSON in ``lang/common/kind_model.json``: no sentence of the news, and no pickle that ties the package
to one scikit-learn version. Without that file the model is fitted on first use from our sentences.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..lang import LANGUAGES, resource

KINDS = ("investment", "funding_round", "acquisition", "valuation", "revenue", "cost", "price", "market_cap",
         "salary", "other")
INVESTING_KINDS = frozenset({"investment", "funding_round"})
ALL_INVESTING_KINDS = frozenset({"investment", "funding_round", "acquisition"})
SMALLEST_COMMITMENT = 250_000  # in the amount's own units: below, money is a wage, a price or a ticket
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


def news_training_set(folder) -> list[LabelledContext]:
    """The amounts of the real news training set (``../shared/train/news``), in their sentences."""
    from pathlib import Path

    examples = []
    for path in sorted(Path(folder).glob("excerpts_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = record["text"]
            for amount in record["amounts"]:
                start, end = amount["start"], amount["end"]
                kind = _news_kind(amount)
                if kind not in KINDS or text[start:end] != amount["surface"]:
                    continue
                s_start = max(text.rfind("\n", 0, start), max(text.rfind(m, 0, start) for m in (". ", "! ", "? "))) + 1
                s_end = min([i for i in (text.find("\n", end), text.find(". ", end)) if i != -1] or [len(text)])
                left, right = context(text[s_start:s_end], start - s_start, end - s_start)
                examples.append(LabelledContext(record["lang"], kind, left, right))
    return examples


_ACQUISITION_NOTE = re.compile(r"\bacquisition price\b")
_NOT_A_DEAL_NOTE = re.compile(r"rejected|blocked|termination|break-up|component|part of|per share", re.IGNORECASE)


def _news_kind(amount: dict) -> str:
    """The training set files an acquisition's price under ``other`` (with buyer and company bought);
    our kinds call it ``acquisition``, as the events do."""
    note = amount.get("notes") or ""
    if amount["kind"] == "other" and amount.get("investor") and amount.get("recipient") and \
            _ACQUISITION_NOTE.search(note) and not _NOT_A_DEAL_NOTE.search(note):
        return "acquisition"
    return amount["kind"]


def training_set() -> list[LabelledContext]:
    """Our own annotated sentences (``lang/<lang>/amount_kinds.tsv``)."""
    examples = []
    for lang in LANGUAGES:
        text = resources.files(f"corpus_tools.lang.{lang}").joinpath("amount_kinds.tsv").read_text(encoding="utf-8")
        for row in csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"):
            marked = _MARKED.search(row["sentence"])
            sentence = row["sentence"][:marked.start()] + marked.group(1) + row["sentence"][marked.end():]
            left, right = context(sentence, marked.start(), marked.start() + len(marked.group(1)))
            examples.append(LabelledContext(lang, row["kind"], left, right))
    return examples


@lru_cache(maxsize=None)
def _cues(lang: str) -> dict[str, re.Pattern]:
    rules = resource(lang, "investment")
    return {kind: re.compile("|".join(patterns), re.IGNORECASE) for kind, patterns in rules.KIND_CUES.items()}


RULE_LEFT_CHARS, RULE_RIGHT_CHARS = 90, 50
_RESTATEMENT = re.compile(r"^\s*\([^()]{1,40}\)")


@lru_cache(maxsize=None)
def _rules(lang: str) -> list[tuple[str, str, re.Pattern | None, re.Pattern | None]]:
    compiled = []
    for kind, name, left, right in resource(lang, "kind_rules").RULES:
        compiled.append((kind, name, re.compile(left, re.IGNORECASE) if left else None,
                         re.compile(right, re.IGNORECASE) if right else None))
    return compiled


def rule_kind(lang: str, left: str, right: str) -> tuple[str, str] | None:
    """(kind, rule name) of the first construction rule that matches around the amount, if any."""
    left = left[-RULE_LEFT_CHARS:]
    right = _RESTATEMENT.sub("", right[:RULE_RIGHT_CHARS], count=1)  # "€10bn ($11bn) plant": read past "($11bn)"
    for kind, name, left_pattern, right_pattern in _rules(lang):
        if (left_pattern is not None and left_pattern.search(left)) or (
                right_pattern is not None and right_pattern.search(right)):
            return kind, name
    return None


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


MODEL_FILE = "kind_model.json"


def _vectorizers(model):
    union = model.steps[0][1]
    return [transformer for _, transformer in union.transformer_list]


def export_model(model) -> dict:
    """What a fitted model derived: vocabularies, idf and weights (JSON-ready)."""
    classifier = model.steps[-1][1]
    return {
        "vectorizers": [{"vocabulary": {term: int(i) for term, i in sorted(v.vocabulary_.items())},
                         "idf": [round(float(x), 6) for x in v.idf_]} for v in _vectorizers(model)],
        "classes": [str(c) for c in classifier.classes_],
        "coef": [[round(float(x), 6) for x in row] for row in classifier.coef_],
        "intercept": [round(float(x), 6) for x in classifier.intercept_],
    }


def import_model(data: dict):
    """A model ready to predict from ``export_model``'s output, without refitting."""
    import numpy as np

    model = build_model()
    for vectorizer, saved in zip(_vectorizers(model), data["vectorizers"]):
        vectorizer.vocabulary_ = saved["vocabulary"]
        vectorizer.idf_ = np.asarray(saved["idf"])
    classifier = model.steps[-1][1]
    classifier.classes_ = np.asarray(data["classes"])
    classifier.coef_ = np.asarray(data["coef"])
    classifier.intercept_ = np.asarray(data["intercept"])
    return model


def fit(examples: list[LabelledContext]):
    model = build_model()
    model.fit([_text(e) for e in examples], [e.kind for e in examples])
    return model


def train(news_folder, out=None) -> dict:
    """``make train``: fit on our sentences and the real news of ``news_folder``, write the JSON."""
    from pathlib import Path

    examples = training_set() + news_training_set(news_folder)
    data = export_model(fit(examples))
    out = Path(out) if out else Path(__file__).resolve().parents[1] / "lang" / "common" / MODEL_FILE
    out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    return {"examples": len(examples), "path": str(out)}


@lru_cache(maxsize=1)
def trained_model():
    shipped = resources.files("corpus_tools.lang.common").joinpath(MODEL_FILE)
    if shipped.is_file():
        return import_model(json.loads(shipped.read_text(encoding="utf-8")))
    return fit(training_set())


def classify(contexts: list[tuple[str, str, str]]) -> list[str]:
    """Kinds for (lang, left, right) contexts, in order."""
    return [kind for kind, _ in classify_with_cues(contexts)]


def classify_with_cues(contexts: list[tuple]) -> list[tuple[str, str]]:
    """(kind, what decided it) for (lang, left, right[, size]) contexts: the rule, or the cue of that
    kind found around the amount and the model's confidence, so a reader can see why. ``size``
    (the stated figure) keeps wages and prices out of the investing kinds."""
    if not contexts:
        return []
    model = trained_model()
    texts = [_text(LabelledContext(context[0], "", context[1], context[2])) for context in contexts]
    probabilities = model.predict_proba(texts)
    classes = [str(c) for c in model.classes_]
    out = []
    for context, row in zip(contexts, probabilities):
        lang, left, right = context[:3]
        size = context[3] if len(context) > 3 else None
        ruled = rule_kind(lang, left, right)
        if ruled is not None:
            out.append((ruled[0], f"rule '{ruled[1]}'"))
            continue
        allowed = range(len(classes))
        if size is not None and size < SMALLEST_COMMITMENT:  # "£60K", "€1,200": a wage or a price, not a deal
            allowed = [i for i in allowed if classes[i] not in ALL_INVESTING_KINDS]
        best = max(allowed, key=lambda i: (row[i], -i))
        kind = classes[best]
        pattern = _cues(lang).get(kind)
        cue = (pattern.search(left) or pattern.search(right)) if pattern is not None else None
        words = f"cue '{cue.group(0).lower()}', " if cue else ""
        small = ", too small for a deal" if size is not None and size < SMALLEST_COMMITMENT else ""
        out.append((kind, f"{words}model p={row[best]:.2f}{small}"))
    return out


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


if __name__ == "__main__":
    import sys

    print(train(sys.argv[1] if len(sys.argv) > 1 else "../shared/train/news"))
