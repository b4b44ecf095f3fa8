"""Organisations found in real news: precision, recall, recall on listed and unlisted names.

    .venv/bin/python bench/organisations.py [--sets dev train] [--ablation]

Scores ``extract_entities`` against the ``orgs`` of each excerpt of ../shared/dev/news and
../shared/train/news, per language: unique organisation names per excerpt, a lenient name match
(case, accents and punctuation ignored; a predicted name equal to the gold name, or containing it or
contained in it as whole words). A gold name is "listed" when it resolves to an entry of the
package's gazetteer (``corpus_tools.extract.entities.listed_organisation``).

``--ablation`` removes from the gazetteer every organisation one of whose names occurs in the text
of a dev or training excerpt, rebuilds the pipeline and scores the dev set again: the figures must
fall by less than 0.05, or the recogniser leans on the list (exit status 1).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
SETS = {"dev": [SHARED / "dev" / "news" / "excerpts.jsonl"],
        "train": [SHARED / "train" / "news" / "excerpts_fr.jsonl", SHARED / "train" / "news" / "excerpts_en.jsonl"]}
MAX_DROP = 0.05


def name_key(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def same_organisation(predicted: str, gold: str) -> bool:
    p, g = name_key(predicted), name_key(gold)
    return bool(p and g) and (p == g or f" {p} " in f" {g} " or f" {g} " in f" {p} ")


def excerpts(name: str) -> list[dict]:
    return [json.loads(line) for path in SETS[name] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def score(rows: list[dict], listed_names: set[str]) -> dict[str, dict[str, float]]:
    """Per language: P, R, F1, recall on listed and on unlisted gold names, and their counts."""
    from corpus_tools.extract.entities import extract_entities

    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        entities = [e for e in extract_entities(row["text"], lang=row["lang"]) if e.label == "ORG"]
        predicted = {e.canonical: e.text for e in entities}
        gold = row["orgs"]
        n = counts.setdefault(row["lang"], dict.fromkeys(
            ("predicted", "correct", "listed", "listed_found", "unlisted", "unlisted_found"), 0))
        for canonical, surface in predicted.items():
            n["predicted"] += 1
            n["correct"] += any(same_organisation(canonical, g) or same_organisation(surface, g) for g in gold)
        for g in gold:
            kind = "listed" if g in listed_names else "unlisted"
            n[kind] += 1
            n[kind + "_found"] += any(same_organisation(c, g) or same_organisation(s, g) for c, s in predicted.items())
    figures = {}
    for lang, n in sorted(counts.items()):
        precision = n["correct"] / max(1, n["predicted"])
        recall = (n["listed_found"] + n["unlisted_found"]) / max(1, n["listed"] + n["unlisted"])
        figures[lang] = {"P": precision, "R": recall, "F1": 2 * precision * recall / max(1e-9, precision + recall),
                         "listed": n["listed_found"] / max(1, n["listed"]), "n_listed": n["listed"],
                         "unlisted": n["unlisted_found"] / max(1, n["unlisted"]), "n_unlisted": n["unlisted"],
                         "n_predicted": n["predicted"]}
    return figures


def print_figures(title: str, figures: dict) -> None:
    for lang, f in figures.items():
        print(f"{title:<16}{lang:<4}P {f['P']:.3f} ({f['n_predicted']})  R {f['R']:.3f}  F1 {f['F1']:.3f}  "
              f"listed {f['listed']:.3f} ({f['n_listed']})  unlisted {f['unlisted']:.3f} ({f['n_unlisted']})")


def ablated_gazetteer(texts: list[str]) -> dict:
    """The gazetteer without every organisation one of whose names occurs in ``texts``."""
    from corpus_tools.extract.entities import gazetteer

    corpus = "\n".join(texts).casefold()
    kept = {}
    for org_id, organisation in gazetteer().items():
        if not any(re.search(rf"(?<!\w){re.escape(form.casefold())}(?!\w)", corpus) for form in organisation.forms):
            kept[org_id] = organisation
    return kept


def use_gazetteer(organisations: dict) -> None:
    """Every later pipeline and lookup reads ``organisations`` instead of the shipped list."""
    import corpus_tools.extract.entities as entities
    from corpus_tools.extract.organisations import _unambiguous_aliases
    from corpus_tools.pipeline.models import entity_pipeline

    entities.gazetteer = lambda: organisations
    entities.alias_index.cache_clear()
    _unambiguous_aliases.cache_clear()
    entity_pipeline.cache_clear()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dev", "train"], choices=sorted(SETS))
    parser.add_argument("--ablation", action="store_true")
    args = parser.parse_args(argv)
    if not all(path.exists() for name in args.sets for path in SETS[name]):
        print(f"the dev and training sets are not in {SHARED}", file=sys.stderr)
        return 2
    from corpus_tools.extract.entities import listed_organisation

    data = {name: excerpts(name) for name in set(args.sets) | ({"dev", "train"} if args.ablation else set())}
    listed = {g for rows in data.values() for row in rows for g in row["orgs"] if listed_organisation(g)}
    results = {name: score(data[name], listed) for name in args.sets}
    for name in args.sets:
        print_figures(name, results[name])
    if not args.ablation:
        return 0
    full = results["dev"] if "dev" in results else score(data["dev"], listed)
    kept = ablated_gazetteer([row["text"] for rows in data.values() for row in rows])
    from corpus_tools.extract.entities import gazetteer

    removed = len(gazetteer()) - len(kept)
    use_gazetteer(kept)
    ablated = score(data["dev"], listed)
    print(f"\nablation: {removed} of {removed + len(kept)} gazetteer entries named in dev or train removed")
    print_figures("dev, ablated", ablated)
    worst = 0.0
    for lang in full:
        drops = {k: full[lang][k] - ablated[lang][k] for k in ("P", "R", "F1")}
        worst = max(worst, *drops.values())
        print(f"drop {lang}: " + "  ".join(f"{k} {v:+.3f}" for k, v in drops.items()))
    print(f"largest drop {worst:.3f} ({'under' if worst < MAX_DROP else 'NOT under'} {MAX_DROP})")
    return 0 if worst < MAX_DROP else 1


if __name__ == "__main__":
    raise SystemExit(main())
