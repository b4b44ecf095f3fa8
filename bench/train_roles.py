"""Fit the role ranker (``corpus_tools/extract/roles.py``) on the real news of ``../shared/train/news``.

    .venv/bin/python bench/train_roles.py [../shared/train/news] [--check]

Each investing amount of the training set (investment, funding round, acquisition price) is found
by our money extractor, its candidate parties are built as at run time, and a candidate is a
positive when the annotator's investors name it. One logistic regression; the threshold under
which nobody is named is the one that makes most amounts right. Prints the
out-of-fold accuracy (5 folds by excerpt) and writes ``lang/common/role_model.json`` (weights only,
rebuilt byte for byte by ``make train``). ``--check`` prints without writing.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus_tools.evaluation.names import matches_any  # noqa: E402
from corpus_tools.extract import roles  # noqa: E402
from corpus_tools.extract.investments import INVESTING_KINDS, _salient, amount_roles, candidate_parties, role_setting  # noqa: E402
from corpus_tools.extract.kinds import _news_kind  # noqa: E402

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 14))
OUT = ROOT / "corpus_tools" / "lang" / "common" / roles.MODEL_FILE


def amounts_with_candidates(folder: Path) -> list[dict]:
    """One item per investing gold amount our extractor finds: its excerpt, its candidates and
    which of them the annotator names as investors."""
    from corpus_tools.extract.entities import entities_from_doc
    from corpus_tools.extract.hardware import extract_hardware
    from corpus_tools.extract.money import extract_amounts
    from corpus_tools.pipeline.models import entity_pipeline

    items = []
    for path in sorted(folder.glob("excerpts_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text, lang = record["text"], record["lang"]
            doc = entity_pipeline(lang)(text)
            entities = entities_from_doc(doc, lang, extract_hardware(text, lang))
            sentences = [(s.start_char, s.end_char) for s in doc.sents]
            amounts = extract_amounts(text, lang=lang)
            settings = role_setting(text, lang, amounts, entities, sentences)
            salient = _salient(candidate_parties(text, lang, (0, len(text)), entities))
            for gold in record["amounts"]:
                kind = _news_kind(gold)
                if gold.get("start") is None or kind not in INVESTING_KINDS:
                    continue
                found = next((n for n, a in enumerate(amounts) if a.start < gold["end"] and gold["start"] < a.end), None)
                if found is None:
                    continue
                _, cands = amount_roles(text, lang, amounts[found], kind, settings[found], entities, salient, sentences)
                investors = [n.strip() for n in (gold.get("investor") or "").split(",") if n.strip()]
                items.append({"doc": record["id"], "candidates": cands,
                              "investor": [bool(investors) and _names(c, investors) for c in cands],
                              "investor_named": bool(investors)})
    return items


def _names(candidate: roles.Candidate, names: list[str]) -> bool:
    from corpus_tools.extract.investments import _party

    return matches_any(candidate.entity.canonical, names) or matches_any(_party(candidate.entity).name, names)


def fit_role(items: list[dict], role: str) -> dict:
    from sklearn.linear_model import LogisticRegression

    x = [c.features for item in items for c in item["candidates"]]
    y = [label for item in items for label in item[role]]
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    weights = {"coef": [round(float(w), 6) for w in model.coef_[0]], "intercept": round(float(model.intercept_[0]), 6)}
    weights["threshold"] = max(THRESHOLDS, key=lambda t: (_accuracy(items, role, {**weights, "threshold": t}), -t))
    return weights


def _accuracy(items: list[dict], role: str, weights: dict) -> float:
    import math

    right = 0
    for item in items:
        scored = [(1 / (1 + math.exp(-(weights["intercept"] + sum(w * x for w, x in zip(weights["coef"], c.features))))),
                   -n, n) for n, c in enumerate(item["candidates"])]
        best = max(scored, default=None)
        chosen = best[2] if best and best[0] >= weights["threshold"] else None
        right += item[role][chosen] if chosen is not None else not item[role + "_named"]
    return right / len(items)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = Path(args[0]) if args else ROOT.parent / "shared" / "train" / "news"
    if not folder.is_dir():
        sys.exit(f"{folder}: the news training set is not here (../shared/train/news)")
    items = amounts_with_candidates(folder)
    docs = sorted({item["doc"] for item in items})
    model = {"features": list(roles.FEATURES)}
    for role in roles.ROLES:
        out_of_fold = []
        for fold in range(5):
            held = {d for n, d in enumerate(docs) if n % 5 == fold}
            weights = fit_role([i for i in items if i["doc"] not in held], role)
            out_of_fold.append((_accuracy([i for i in items if i["doc"] in held], role, weights),
                                sum(i["doc"] in held for i in items)))
        model[role] = fit_role(items, role)
        cv = sum(a * n for a, n in out_of_fold) / sum(n for _, n in out_of_fold)
        print(f"{role}: {len(items)} amounts, in sample {_accuracy(items, role, model[role]):.3f}, "
              f"5 folds by excerpt {cv:.3f}, threshold {model[role]['threshold']}")
    if "--check" not in sys.argv:
        OUT.write_text(json.dumps(model, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
