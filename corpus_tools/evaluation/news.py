"""Scoring on sets of real news excerpts: the development set (``excerpts.jsonl`` + ``gold.json``,
events merged across pages and languages), the events training set (same format) and the news
training set (``excerpts_en.jsonl`` / ``excerpts_fr.jsonl``, amounts with kind and roles).

The excerpts go through ``ct.analyze`` as a user's JSON Lines file would (text, url, date; the
language is detected, not given), so the figures are those of the whole pipeline: cleaning,
language, money, kinds, roles, events, organisations, hardware. Predicted offsets point into the
cleaned body; they are carried back to the excerpt's text through the matching blocks of the two.

Every figure comes with the number of items behind it. Definitions:
- amounts: a prediction is right when it overlaps a gold amount and has its value (the lower end
  for a range) and currency; precision over predictions, recall over gold amounts with a number.
  ``wrong_x10`` counts overlapping predictions whose value is off by a factor of 10 or more.
- kind, investment-or-not: over gold amounts found (overlapped by a prediction).
- events (gold with events): recall over required events; precision over predicted events not
  made only of optional money; B-cubed over required mentions, with and without ``hard`` ones;
  investor / recipient right on matched events (lenient name match against the canonical name
  and the ``*_accept`` names; ``null`` in the gold is right when nothing is predicted).
- organisations: unique names per excerpt, lenient match; recall split into names the package's
  list holds (``listed``) and the others (``unlisted``), the figure that says whether
  recognition generalises.
- hardware: gold mentions overlapped by a prediction (recall) and predictions overlapping a gold
  mention (precision); power is not annotated in the gold and is left out.
"""
from __future__ import annotations

import bisect
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from hashlib import sha256
from pathlib import Path

import pandas as pd

from ..lang import LANGUAGES
from .names import listed, matches_any

SCORE_COLUMNS = ["task", "metric", "lang", "value", "n"]
INVESTING_KINDS = frozenset({"investment", "funding_round", "acquisition"})
ALL = "all"


@dataclass
class GoldAmount:
    excerpt: str
    start: int
    end: int
    value: float | None
    currency: str | None
    kind: str
    investor: str | None = None
    recipient: str | None = None
    event_id: str = ""
    optional: bool = False
    hard: bool = False


@dataclass
class Excerpt:
    id: str
    lang: str
    text: str
    url: str
    date: str | None
    orgs: list[str]
    hardware: list[dict]
    amounts: list[GoldAmount] = field(default_factory=list)


@dataclass
class NewsSet:
    excerpts: list[Excerpt]
    events: dict[str, dict]  # event_id -> gold event (empty for the news training set)
    digest: str


def is_news_set(path: str | Path) -> bool:
    folder = Path(path)
    return folder.is_dir() and ((folder / "gold.json").is_file() or any(folder.glob("excerpts_*.jsonl")))


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_news_set(path: str | Path) -> NewsSet:
    folder = Path(path)
    files = sorted(folder.glob("excerpts*.jsonl")) + ([folder / "gold.json"] if (folder / "gold.json").is_file() else [])
    digest = sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    records = [r for file in files if file.suffix == ".jsonl" for r in _read_jsonl(file)]
    excerpts = {r["id"]: Excerpt(r["id"], r["lang"], r["text"], r.get("url") or "", r.get("date"),
                                 list(r.get("orgs") or []), list(r.get("hardware") or [])) for r in records}
    events: dict[str, dict] = {}
    if (folder / "gold.json").is_file():
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        for event in gold.get("events", []):
            events[event["event_id"]] = event
            for m in event["mentions"]:
                excerpts[m["excerpt"]].amounts.append(GoldAmount(
                    m["excerpt"], m["start"], m["end"], m.get("value"), m.get("currency"), m["kind"],
                    event_id=event["event_id"], optional=bool(event.get("optional")), hard=bool(m.get("hard"))))
        for m in gold.get("non_events", []):
            excerpts[m["excerpt"]].amounts.append(GoldAmount(m["excerpt"], m["start"], m["end"], m.get("value"),
                                                             m.get("currency"), m["kind"]))
    else:
        for record in records:
            for a in record.get("amounts") or []:
                if a.get("start") is None:
                    continue
                excerpts[record["id"]].amounts.append(GoldAmount(
                    record["id"], a["start"], a["end"], a.get("value"), a.get("currency"), a["kind"],
                    investor=a.get("investor"), recipient=a.get("recipient")))
    for excerpt in excerpts.values():
        excerpt.amounts.sort(key=lambda a: (a.start, a.end))
    return NewsSet(list(excerpts.values()), events, digest.hexdigest())


class OffsetMap:
    """Offsets in the cleaned body -> offsets in the original excerpt text."""

    def __init__(self, text: str, body: str):
        self.identity = text == body
        if not self.identity:
            blocks = SequenceMatcher(None, text, body, autojunk=False).get_matching_blocks()
            self.blocks = [(b.b, b.a, b.size) for b in blocks if b.size]
            self.starts = [b for b, _, _ in self.blocks]

    def __call__(self, position: int) -> int:
        if self.identity:
            return position
        i = bisect.bisect_right(self.starts, position) - 1
        if i < 0:
            return self.blocks[0][1] if self.blocks else position
        b, a, size = self.blocks[i]
        return a + min(position - b, size)


@dataclass
class Prediction:
    start: int
    end: int
    row: dict


def analyse_excerpts(news: NewsSet, *, n_process: int = 1):
    """ct.analyze over the excerpts written as JSON Lines; the Corpus and the doc_id of each excerpt
    (empty for an excerpt found to duplicate an earlier one: its figures are the original's)."""
    from ..jobs import analyze

    with tempfile.TemporaryDirectory(prefix="corpus_tools-eval-") as folder:
        path = Path(folder) / "excerpts.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for e in news.excerpts:
                out.write(json.dumps({"text": e.text, "url": e.url, "date": e.date}, ensure_ascii=False) + "\n")
        corpus = analyze([path], n_process=n_process, progress=False)
        documents = corpus.read("documents", ["doc_id", "item", "duplicate_of", "body"])
    doc_of: dict[str, str] = {}
    bodies: dict[str, str] = {}
    for row in documents.itertuples():
        number = int(str(row.item).rsplit(" ", 1)[-1]) - 1
        excerpt = news.excerpts[number]
        doc_of[excerpt.id] = "" if row.duplicate_of else row.doc_id
        bodies[excerpt.id] = row.body
    return corpus, doc_of, bodies


def _by_doc(frame: pd.DataFrame) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in frame.to_dict("records"):
        grouped[row["doc_id"]].append(row)
    return grouped


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def _stated(row: dict) -> float | None:
    value = _number(row.get("value"))
    return value if value is not None else _number(row.get("low"))


def _currency(value) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) or value == "" else str(value)


def _value_right(row: dict, gold: GoldAmount) -> bool:
    return _currency(row.get("currency")) == gold.currency and _same(_stated(row), gold.value)


def _overlap(p: Prediction, g: GoldAmount | dict) -> bool:
    start, end = (g.start, g.end) if isinstance(g, GoldAmount) else (g["start"], g["end"])
    return p.start < end and start < p.end


class Scores:
    """Rates with the number of items behind them, per language and overall."""

    def __init__(self):
        self.counts: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0])
        self.values: dict[tuple[str, str, str], tuple[float, int]] = {}

    def rate(self, task: str, metric: str, lang: str, right: bool | float, n: int = 1) -> None:
        self.rate_in(task, metric, (lang,), right, n)

    def rate_in(self, task: str, metric: str, langs, right: bool | float, n: int = 1) -> None:
        """One item that belongs to each of ``langs`` (an event reported in French and English),
        counted once overall."""
        for key in {(task, metric, lang) for lang in (*langs, ALL)}:
            self.counts[key][0] += float(right)
            self.counts[key][1] += n

    def set(self, task: str, metric: str, lang: str, value: float, n: int) -> None:
        self.values[(task, metric, lang)] = (value, n)

    def frame(self) -> pd.DataFrame:
        rows = [(t, m, l, round(right / n, 3) if n else None, n) for (t, m, l), (right, n) in self.counts.items()]
        rows += [(t, m, l, round(v, 3) if isinstance(v, float) else v, n) for (t, m, l), (v, n) in self.values.items()]
        frame = pd.DataFrame(rows, columns=SCORE_COLUMNS)
        order = {lang: i for i, lang in enumerate((*LANGUAGES, ALL))}
        frame["_lang"] = frame["lang"].map(order)
        return frame.sort_values(["task", "metric", "_lang"]).drop(columns="_lang").reset_index(drop=True)


def _f1(scores: Scores, task: str, langs) -> None:
    for lang in langs:
        p = scores.counts.get((task, "precision", lang))
        r = scores.counts.get((task, "recall", lang))
        if p and r and p[1] and r[1]:
            precision, recall = p[0] / p[1], r[0] / r[1]
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            scores.set(task, "f1", lang, f1, int(p[1] + r[1]))


def _match_amounts(excerpt: Excerpt, predictions: list[Prediction]):
    """Pairs (prediction, gold) one to one: first those with the right value, then any overlap."""
    golds = [g for g in excerpt.amounts]
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for exact in (True, False):
        for i, p in enumerate(predictions):
            if i in taken_p:
                continue
            for j, g in enumerate(golds):
                if j in taken_g or not _overlap(p, g):
                    continue
                if exact and not _value_right(p.row, g):
                    continue
                pairs.append((i, j))
                taken_p.add(i)
                taken_g.add(j)
                break
    return pairs


def _score_amounts(scores: Scores, excerpt: Excerpt, predictions: list[Prediction], pairs) -> None:
    lang = excerpt.lang
    paired_p = {i: j for i, j in pairs}
    paired_g = {j: i for i, j in pairs}
    for i, p in enumerate(predictions):
        if i in paired_p:
            g = excerpt.amounts[paired_p[i]]
            if g.value is None:
                continue  # a vague amount with no number: neither right nor wrong
            scores.rate("amounts", "precision", lang, _value_right(p.row, g))
            stated = _stated(p.row)
            if stated and g.value and max(stated, g.value) / min(stated, g.value) >= 10:
                scores.rate("amounts", "wrong_x10", lang, True)
        else:
            scores.rate("amounts", "precision", lang, False)
    for j, g in enumerate(excerpt.amounts):
        if g.value is None:
            continue
        i = paired_g.get(j)
        scores.rate("amounts", "recall", lang, i is not None and _value_right(predictions[i].row, g))
        if i is not None:
            kind = predictions[i].row.get("kind") or ""
            scores.rate("kinds", "kind_right", lang, kind == g.kind)
            scores.rate("kinds", "investment_or_not", lang, (kind in INVESTING_KINDS) == (g.kind in INVESTING_KINDS))
            if g.kind in INVESTING_KINDS and g.event_id == "" and (g.investor is not None or g.recipient is not None):
                _score_roles(scores, "amount_roles", (lang,), predictions[i].row, g.investor, [], g.recipient, [])


def _party_right(predicted: str, gold: str | None, accept: list[str]) -> bool:
    if not predicted:
        return gold is None
    return matches_any(predicted, [gold or "", *accept])


def _score_roles(scores: Scores, task: str, langs, row: dict, investor, investor_accept, recipient,
                 recipient_accept) -> None:
    scores.rate_in(task, "investor_right", langs, _party_right(row.get("investor") or "", investor, investor_accept))
    scores.rate_in(task, "recipient_right", langs,
                   _party_right(row.get("recipient") or "", recipient, recipient_accept))


def _score_organisations(scores: Scores, excerpt: Excerpt, entities: list[dict]) -> None:
    lang = excerpt.lang
    predicted = sorted({e.get("canonical") or e["text"] for e in entities if e["label"] == "ORG"})
    for name in predicted:
        scores.rate("organisations", "precision", lang, matches_any(name, excerpt.orgs))
    for name in excerpt.orgs:
        found = matches_any(name, predicted)
        scores.rate("organisations", "recall", lang, found)
        scores.rate("organisations", "recall_listed" if listed(name) else "recall_unlisted", lang, found)


def _score_hardware(scores: Scores, excerpt: Excerpt, predictions: list[Prediction]) -> None:
    lang = excerpt.lang
    predictions = [p for p in predictions if p.row.get("kind") != "power"]
    surfaces = {g["surface"].lower() for g in excerpt.hardware}
    for p in predictions:
        # The gold lists each distinct surface once: a repeat of an annotated surface is right too.
        said = excerpt.text[p.start:p.end].lower()
        repeat = any(s in said or said in s for s in surfaces)
        scores.rate("hardware", "precision", lang, repeat or any(_overlap(p, g) for g in excerpt.hardware))
    for g in excerpt.hardware:
        scores.rate("hardware", "recall", lang, any(_overlap(p, g) for p in predictions))


def _bcubed(clusters_gold: dict[object, str], clusters_pred: dict[object, str]) -> tuple[float, float, float, int]:
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for m, g in clusters_gold.items():
        by_gold[g].add(m)
        by_pred[clusters_pred[m]].add(m)
    precision = recall = 0.0
    for m in clusters_gold:
        same = by_gold[clusters_gold[m]] & by_pred[clusters_pred[m]]
        precision += len(same) / len(by_pred[clusters_pred[m]])
        recall += len(same) / len(by_gold[clusters_gold[m]])
    n = len(clusters_gold)
    if not n:
        return 0.0, 0.0, 0.0, 0
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, n


def _score_events(scores: Scores, news: NewsSet, mention_event: dict[tuple, str], investments: pd.DataFrame,
                  excerpt_lang: dict[str, str], event_langs: dict[str, set[str]]) -> None:
    """mention_event: (excerpt, start, end) of each gold event mention scored -> predicted event id
    (empty when the mention was not found or not taken as an investment); event_langs: the
    languages of each predicted event's amounts."""
    gold_of = {(m["excerpt"], m["start"], m["end"]): (event_id, event, m)
               for event_id, event in news.events.items() for m in event["mentions"] if (m["excerpt"], m["start"], m["end"]) in mention_event}
    events_rows = {row["event_id"]: row for row in investments.to_dict("records")}
    held: dict[str, list[tuple]] = defaultdict(list)  # predicted event -> gold mentions it holds
    for key, predicted in mention_event.items():
        if predicted:
            held[predicted].append(key)
    # recall and roles, per required event
    for event_id, event in sorted(news.events.items()):
        if event.get("optional"):
            continue
        keys = [k for k, (e, _, _) in gold_of.items() if e == event_id]
        if not keys:
            continue
        langs = sorted({excerpt_lang[k[0]] for k in keys})
        predicted = Counter(mention_event[k] for k in keys if mention_event[k])
        scores.rate_in("events", "recall", langs, bool(predicted))
        if predicted:
            best = max(sorted(predicted), key=lambda e: predicted[e])
            row = events_rows.get(best, {})
            _score_roles(scores, "events", langs, row, event.get("investor"), event.get("investor_accept") or [],
                         event.get("recipient"), event.get("recipient_accept") or [])
        excerpts = {k[0] for k in keys}
        if len(excerpts) >= 2:
            one_row = len(predicted) == 1 and all(mention_event[k] for k in keys)
            scores.rate("events", "multi_source_one_row", ALL, one_row)
            if len(langs) >= 2:
                scores.rate("events", "fr_en_one_row", ALL, one_row)
                row_langs = defaultdict(set)
                for k in keys:
                    if mention_event[k]:
                        row_langs[mention_event[k]].add(excerpt_lang[k[0]])
                scores.rate("events", "fr_en_in_a_row", ALL, any(len(v) >= 2 for v in row_langs.values()))
    # precision, per predicted event
    for event_id in sorted(events_rows):
        keys = held.get(event_id, [])
        required = [k for k in keys if not gold_of[k][1].get("optional")]
        if keys and not required:
            continue  # only optional money: neither right nor wrong
        scores.rate_in("events", "precision", sorted(event_langs.get(event_id, ())), bool(required))
    # B-cubed over required mentions, with and without hard ones
    for metric_suffix, keep_hard in (("", True), ("_no_hard", False)):
        for lang in (*LANGUAGES, ALL):
            gold_clusters, predicted_clusters = {}, {}
            for key, (event_id, event, mention) in gold_of.items():
                if event.get("optional") or (mention.get("hard") and not keep_hard):
                    continue
                if lang != ALL and excerpt_lang[key[0]] != lang:
                    continue
                gold_clusters[key] = event_id
                predicted_clusters[key] = mention_event[key] or ("missing",) + key
            precision, recall, f1, n = _bcubed(gold_clusters, predicted_clusters)
            if n:
                scores.set("events", "bcubed_precision" + metric_suffix, lang, precision, n)
                scores.set("events", "bcubed_recall" + metric_suffix, lang, recall, n)
                scores.set("events", "bcubed_f1" + metric_suffix, lang, f1, n)


def outlet_parties(investments: pd.DataFrame) -> list[str]:
    """Investors and recipients that are news outlets or agencies (type ``media`` in the list)."""
    from ..extract.entities import gazetteer
    from .names import fold, gazetteer_index

    organisations, index = gazetteer(), gazetteer_index()
    found = []
    for row in investments.to_dict("records"):
        names = [row.get("investor") or "", row.get("recipient") or ""]
        extra = row.get("investors")
        if isinstance(extra, str):
            names += extra.split(";")
        elif extra is not None and not (isinstance(extra, float) and pd.isna(extra)):
            names += list(extra)
        for name in names:
            org_id = index.get(fold(name)) if name else None
            if org_id and organisations[org_id].type == "media":
                found.append(name)
    return found


def evaluate_news(path: str | Path, *, n_process: int = 1) -> pd.DataFrame:
    """Scores of the whole pipeline on a folder of annotated news excerpts (see the module doc)."""
    news = load_news_set(path)
    corpus, doc_of, bodies = analyse_excerpts(news, n_process=n_process)
    amounts = _by_doc(corpus.read("amounts"))
    entities = _by_doc(corpus.read("entities"))
    hardware = _by_doc(corpus.read("hardware"))
    investments = corpus.read("investments")
    scores = Scores()
    mention_event: dict[tuple, str] = {}
    excerpt_lang = {e.id: e.lang for e in news.excerpts}
    skipped = 0
    for excerpt in news.excerpts:
        doc_id = doc_of.get(excerpt.id, "")
        if not doc_id:
            skipped += 1  # a duplicate of an earlier excerpt: not analysed again, by design
            continue
        to_text = OffsetMap(excerpt.text, bodies[excerpt.id])

        def located(rows: list[dict]) -> list[Prediction]:
            return [Prediction(to_text(int(r["start"])), to_text(int(r["end"])), r) for r in rows]

        predictions = located(amounts.get(doc_id, []))
        pairs = _match_amounts(excerpt, predictions)
        _score_amounts(scores, excerpt, predictions, pairs)
        paired_g = {j: i for i, j in pairs}
        for j, g in enumerate(excerpt.amounts):
            if g.event_id:
                i = paired_g.get(j)
                event = (predictions[i].row.get("event_id") or "") if i is not None else ""
                mention_event[(excerpt.id, g.start, g.end)] = "" if pd.isna(event) else event
        _score_organisations(scores, excerpt, entities.get(doc_id, []))
        _score_hardware(scores, excerpt, located(hardware.get(doc_id, [])))
    _f1(scores, "amounts", (*LANGUAGES, ALL))
    _f1(scores, "organisations", (*LANGUAGES, ALL))
    _f1(scores, "hardware", (*LANGUAGES, ALL))
    for lang in (*LANGUAGES, ALL):
        wrong = scores.counts.pop(("amounts", "wrong_x10", lang), [0, 0])[0]
        scores.set("amounts", "wrong_x10", lang, int(wrong), scores.counts[("amounts", "precision", lang)][1])
    if news.events:
        event_langs: dict[str, set[str]] = defaultdict(set)
        lang_of_doc = {doc_id: excerpt_lang[e] for e, doc_id in doc_of.items() if doc_id}
        for doc_id, rows in amounts.items():
            for row in rows:
                if row.get("event_id") and not pd.isna(row["event_id"]):
                    event_langs[row["event_id"]].add(lang_of_doc.get(doc_id, ALL))
        _score_events(scores, news, mention_event, investments, excerpt_lang, event_langs)
        outlets = outlet_parties(investments)
        scores.set("events", "outlet_parties", ALL, len(outlets), len(investments))
    scores.set("excerpts", "scored", ALL, len(news.excerpts) - skipped, len(news.excerpts))
    return scores.frame()


def score_table(scores: pd.DataFrame) -> str:
    """The scores as a plain table: one line per task and metric, one column per language, each
    figure with the number of items behind it."""
    langs = [lang for lang in (*LANGUAGES, ALL) if lang in set(scores["lang"])]
    cells: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for r in scores.itertuples():
        if r.value is None or pd.isna(r.value):
            text = "-"
        elif r.metric in ("wrong_x10", "outlet_parties", "scored"):
            text = f"{int(r.value)} of {r.n}"
        else:
            text = f"{r.value:.3f} ({r.n})"
        cells[(r.task, r.metric)][r.lang] = text
    header = ["task", "metric", *langs]
    rows = [[task, metric, *(cells[(task, metric)].get(lang, "") for lang in langs)] for task, metric in cells]
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    lines = ["  ".join(str(x).ljust(w) for x, w in zip(row, widths)).rstrip() for row in [header, *rows]]
    return "\n".join(lines)
