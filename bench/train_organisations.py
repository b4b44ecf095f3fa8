"""Fit the organisation scorer on the training set and write its weights (``make train``).

    python bench/train_organisations.py [../shared/train/news]

Every candidate span of every excerpt (``corpus_tools.extract.organisations.candidates``) is
labelled by the excerpt's ``orgs``: 1 when its name is one of them, 0 when it matches none; a
candidate that only overlaps a gold name (a part of it, or a run around it) is left out. Names the
gazetteer finds never enter the fit, so the weights do not lean on the list. One logistic regression
per language; its threshold is the lowest within 0.005 of the best F1 on out-of-fold predictions (5
folds, by excerpt; the F1 curve smoothed over neighbouring thresholds). Writes
``corpus_tools/data/organisation_scorer.json``: only weights, counts and thresholds.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus_tools.extract.hardware import extract_hardware  # noqa: E402
from corpus_tools.extract.organisations import WEIGHTS_FILE, candidates, vendor_spans  # noqa: E402
from corpus_tools.lang import LANGUAGES  # noqa: E402
from corpus_tools.pipeline.models import entity_pipeline  # noqa: E402

MIN_DOCUMENTS = 3  # a feature seen in fewer excerpts gets no weight
C = 0.5
PLATEAU = 0.005  # F1 within this of the best counts as the top


def name_key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def overlaps(a: str, b: str) -> bool:
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def labelled_candidates(excerpts: list[dict], lang: str):
    nlp = entity_pipeline(lang)
    rows = []
    for n, (excerpt, doc) in enumerate(zip(excerpts, nlp.pipe(e["text"] for e in excerpts))):
        gold = {name_key(g) for g in excerpt["orgs"]}
        mentions = extract_hardware(excerpt["text"], lang)
        hardware = tuple((h.start + len(h.text) - len(h.text.lstrip()), h.end) for h in mentions)
        for candidate in candidates(doc, lang, hardware, vendors=vendor_spans(mentions)):
            if candidate.listed:
                continue
            key = name_key(candidate.text)
            if key in gold:
                rows.append((n, key, candidate.features, 1))
            elif not any(overlaps(key, g) for g in gold):
                rows.append((n, key, candidate.features, 0))
    return rows


def fit(rows):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    # Words of the name itself ("first=", "last=") count by distinct names, so that no single
    # organisation of the training set is learnt by heart; context features count by excerpt.
    seen_in = {}
    for n, name, features, _ in rows:
        for f in features:
            seen_in.setdefault(f, set()).add(name if f.startswith(("first=", "last=")) else n)
    vocabulary = {f for f, where in seen_in.items() if len(where) >= MIN_DOCUMENTS}
    X_dicts = [{f: 1 for f in features if f in vocabulary} for _, _, features, _ in rows]
    y = np.array([label for *_, label in rows])
    groups = np.array([n for n, *_ in rows])
    vectorizer = DictVectorizer()
    X = vectorizer.fit_transform(X_dicts)
    model = LogisticRegression(C=C, max_iter=2000, class_weight=None)
    probabilities = cross_val_predict(model, X, y, groups=groups, cv=GroupKFold(5), method="predict_proba")[:, 1]
    thresholds = np.arange(0.2, 0.8, 0.02)
    raw = [f1(y, probabilities >= t) for t in thresholds]
    # Each point of the out-of-fold curve is noisy (one candidate more or less moves it by 0.005), so
    # it is read smoothed over its neighbours. The curve is flat near its top: take the lowest
    # threshold on that plateau, since names no list holds are found only above it.
    smoothed = [float(np.mean(raw[max(0, i - 1):i + 2])) for i in range(len(raw))]
    top = max(smoothed)
    best = next((raw[i], t) for i, t in enumerate(thresholds) if smoothed[i] >= top - PLATEAU)
    model.fit(X, y)
    weights = {f: round(float(w), 4) for f, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-4}
    return {"bias": round(float(model.intercept_[0]), 4), "threshold": round(float(best[1]), 2),
            "out_of_fold_f1": round(best[0], 4), "candidates": len(rows), "positives": int(y.sum()),
            "weights": dict(sorted(weights.items()))}


def f1(y, predicted) -> float:
    tp = float((predicted & (y == 1)).sum())
    return 2 * tp / max(1.0, predicted.sum() + y.sum())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="?", default=str(ROOT.parent / "shared" / "train" / "news"))
    args = parser.parse_args(argv)
    folder = Path(args.train)
    if not folder.is_dir():
        print(f"no training set at {folder}", file=sys.stderr)
        return 2
    excerpts = [json.loads(line) for path in sorted(folder.glob("excerpts*.jsonl"))
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for lang in LANGUAGES:
        rows = labelled_candidates([e for e in excerpts if e["lang"] == lang], lang)
        out[lang] = fit(rows)
        print(f"{lang}: {out[lang]['candidates']} candidates, {out[lang]['positives']} organisations, "
              f"threshold {out[lang]['threshold']}, out-of-fold F1 {out[lang]['out_of_fold_f1']}, "
              f"{len(out[lang]['weights'])} weights")
    target = ROOT / "corpus_tools" / "data" / WEIGHTS_FILE
    target.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
