"""Scoring against a gold file in the format of shared/gold/seeds.json.

Precision, recall and F1 per task and language, for corpus_tools and, beside it, for what the
raw spaCy small model gives on the same text (the baseline a user would otherwise have).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

RESULT_COLUMNS = ["task", "lang", "system", "tp", "fp", "fn", "precision", "recall", "f1", "note"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def row(self) -> dict:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(precision, 3),
                "recall": round(recall, 3), "f1": round(f1, 3)}


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _amount_correct(predicted, gold: dict) -> bool:
    if predicted.currency != gold["currency"]:
        return False
    if gold.get("value") is not None and not _same_number(predicted.value, gold["value"]):
        return False
    return _same_number(predicted.low, gold.get("min")) and _same_number(predicted.high, gold.get("max"))


def _overlaps(start: int, end: int, gold: dict) -> bool:
    return start < gold["end"] and gold["start"] < end


def score_amounts(text: str, gold_amounts: list[dict]) -> tuple[int, int, int]:
    from ..extract.money import extract_amounts

    predicted = extract_amounts(text)
    matched = set()
    tp = 0
    for amount in predicted:
        hit = next((i for i, g in enumerate(gold_amounts)
                    if i not in matched and _overlaps(amount.start, amount.end, g) and _amount_correct(amount, g)), None)
        if hit is not None:
            matched.add(hit)
            tp += 1
    return tp, len(predicted) - tp, len(gold_amounts) - tp


def score_spacy_money(doc, gold_amounts: list[dict]) -> tuple[int, int, int]:
    """spaCy's MONEY entities carry no value: a span overlap is all it can be credited for."""
    predicted = [e for e in doc.ents if e.label_ == "MONEY"]
    matched = set()
    for ent in predicted:
        hit = next((i for i, g in enumerate(gold_amounts)
                    if i not in matched and _overlaps(ent.start_char, ent.end_char, g)), None)
        if hit is not None:
            matched.add(hit)
    return len(matched), len(predicted) - len(matched), len(gold_amounts) - len(matched)


def _name_key(name: str) -> str:
    from ..extract.entities import _key

    return _key(name)


def score_names(predicted: set[str], required: list[str], optional: list[str]) -> tuple[int, int, int]:
    """Unique names per document: a prediction is right when it is a required or optional
    organisation (or its canonical form); recall counts the required ones."""
    from ..extract.entities import alias_index, gazetteer

    index, organisations = alias_index(), gazetteer()

    def keys(name: str) -> set[str]:
        found = {_name_key(name)}
        org_id = index.get(_name_key(name))
        if org_id:
            found |= {_name_key(f) for f in organisations[org_id].forms}
        return found

    allowed = set().union(*(keys(n) for n in required + optional)) if required + optional else set()
    predicted_keys = {_name_key(p) for p in predicted}
    false_positives = sum(1 for p in predicted_keys if p not in allowed)
    found_required = sum(1 for r in required if keys(r) & predicted_keys)
    return found_required, false_positives, len(required) - found_required


def score_hardware(predicted: list[tuple[str, str]], gold: list[dict]) -> tuple[int, int, int]:
    """Unique (surface, kind) pairs: a gold mention is found when a prediction of its kind contains it."""
    predicted_set = {(text.lower(), kind) for text, kind in predicted}
    gold_set = {(g["surface"].lower(), g["kind"]) for g in gold}
    found = sum(1 for surface, kind in gold_set if any(surface in t and kind == k for t, k in predicted_set))
    correct = sum(1 for t, k in predicted_set if any(s in t or t in s for s, _ in gold_set))
    return found, len(predicted_set) - correct, len(gold_set) - found


def default_corpus_dir(gold_path: Path) -> Path:
    """shared/gold/seeds.json -> shared/corpus/seeds"""
    return gold_path.resolve().parent.parent / "corpus" / gold_path.stem


def evaluate_seeds(gold: str | os.PathLike, corpus: str | os.PathLike | None = None, *, baseline: bool = True
             ) -> pd.DataFrame:
    """Scores per task (amounts, organisations, hardware), language and system."""
    from ..extract.entities import extract_entities
    from ..extract.hardware import extract_hardware

    gold_path = Path(gold)
    annotations = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    corpus_dir = Path(corpus) if corpus else default_corpus_dir(gold_path)
    scores: dict[tuple[str, str, str], Score] = {}

    def add(task: str, lang: str, system: str, result: tuple[int, int, int]) -> None:
        scores.setdefault((task, lang, system), Score()).add(*result)

    for name, annotation in sorted(annotations.items()):
        text = (corpus_dir / name).read_text(encoding="utf-8")
        lang = annotation["lang"]
        add("amounts", lang, "corpus_tools", score_amounts(text, annotation.get("amounts", [])))
        entities = extract_entities(text, lang=lang)
        orgs = {e.canonical for e in entities if e.label == "ORG"}
        required, optional = annotation.get("orgs_required", []), annotation.get("orgs_optional", [])
        add("organisations", lang, "corpus_tools", score_names(orgs, required, optional))
        hardware = [(h.text, h.kind) for h in extract_hardware(text, lang=lang)]
        add("hardware", lang, "corpus_tools", score_hardware(hardware, annotation.get("hardware", [])))
        if baseline:
            from ..pipeline.models import full_pipeline

            doc = full_pipeline(lang)(text)
            add("amounts", lang, "spacy_raw", score_spacy_money(doc, annotation.get("amounts", [])))
            model_orgs = {e.text for e in doc.ents if e.label_ == "ORG"}
            add("organisations", lang, "spacy_raw", score_names(model_orgs, required, optional))
            products = [(e.text, "gpu") for e in doc.ents if e.label_ in ("PRODUCT", "MISC")]
            add("hardware", lang, "spacy_raw", score_hardware(products, [
                {**g, "kind": "gpu"} for g in annotation.get("hardware", [])]))
    notes = {
        ("amounts", "spacy_raw"): "MONEY span overlap only (no value)",
        ("hardware", "spacy_raw"): "PRODUCT/MISC entities, kind not checked",
        ("organisations", "corpus_tools"): "unique names per document",
    }
    rows = [{"task": task, "lang": lang, "system": system, **score.row(), "note": notes.get((task, system), "")}
            for (task, lang, system), score in sorted(scores.items())]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)
