"""A quality gate with floors that only move up (as trafilatura's evaluation gate).

The floors of one annotated set live in a JSON file beside the tests, with a digest of the gold
data they were measured on: a figure under its floor fails the gate, and ``raise_floors`` refuses
to lower any floor. Counts of errors (``wrong_x10``, ``outlet_parties``) are ceilings instead.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

CEILING_METRICS = frozenset({"wrong_x10", "outlet_parties"})
NOT_GATED = frozenset({("excerpts", "scored")})


class FloorError(ValueError):
    """A figure under its floor, or an attempt to lower a floor."""


def figures(scores: pd.DataFrame) -> dict[str, float]:
    """'task/metric/lang' -> value, for every gated figure."""
    return {f"{r.task}/{r.metric}/{r.lang}": float(r.value) for r in scores.itertuples()
            if r.value is not None and not pd.isna(r.value) and (r.task, r.metric) not in NOT_GATED}


def _is_ceiling(key: str) -> bool:
    return key.split("/")[1] in CEILING_METRICS


def _floor_of(value: float, ceiling: bool) -> float:
    """Two decimals, rounded towards the safe side so that the same run passes its own gate."""
    return math.ceil(value * 100 - 1e-9) / 100 if ceiling else math.floor(value * 100 + 1e-9) / 100


def read_floors(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check(scores: pd.DataFrame, floors: dict, digest: str) -> list[str]:
    """What falls under its floor (or over its ceiling); empty when the gate passes."""
    if floors.get("gold_digest") != digest:
        return [f"the gold data changed (digest {digest[:12]} ≠ {str(floors.get('gold_digest'))[:12]}): "
                "measure again and write new floors with --update-floors --new-gold"]
    measured = figures(scores)
    problems = []
    for key, floor in sorted(floors["floors"].items()):
        value = measured.get(key)
        if value is None:
            problems.append(f"{key}: not measured (floor {floor})")
        elif _is_ceiling(key) and value > floor + 1e-9:
            problems.append(f"{key}: {value:g} > ceiling {floor:g}")
        elif not _is_ceiling(key) and value < floor - 1e-9:
            problems.append(f"{key}: {value:.3f} < floor {floor:.2f}")
    return problems


def raise_floors(scores: pd.DataFrame, path: str | Path, digest: str, *, new_gold: bool = False) -> dict:
    """Write floors at today's figures; refuses (FloorError) if any figure is under its floor."""
    path = Path(path)
    current = read_floors(path) if path.is_file() else {"gold_digest": digest, "floors": {}}
    if current.get("gold_digest") != digest and not new_gold:
        raise FloorError("the gold data changed since these floors were set: pass --new-gold to start anew")
    old = current["floors"] if current.get("gold_digest") == digest else {}
    measured = figures(scores)
    lowered = [key for key, floor in old.items() if key not in measured
               or (measured[key] > floor + 1e-9 if _is_ceiling(key) else measured[key] < floor - 1e-9)]
    if lowered:
        raise FloorError("refusing to lower floors: " + ", ".join(
            f"{k} {measured.get(k, 'missing')} vs {old[k]}" for k in sorted(lowered)))
    floors = {}
    for key, value in sorted(measured.items()):
        new = _floor_of(value, _is_ceiling(key))
        floors[key] = min(new, old[key]) if key in old and _is_ceiling(key) else max(new, old.get(key, new))
    result = {"about": "Floors of corpus-tools evaluate on this set; they only move up "
                       "(corpus-tools evaluate SET --update-floors FILE).",
              "gold_digest": digest, "floors": floors}
    path.write_text(json.dumps(result, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return result
