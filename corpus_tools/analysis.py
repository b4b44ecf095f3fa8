"""The jobs a notebook or the command line runs: ingest, then analyse.

Analysis goes document by document in batches: one spaCy pipeline per language (sentencizer,
organisation gazetteer, NER) streamed with ``nlp.pipe`` inside a memory zone, and the rule-based
extractors on plain strings. With ``n_process > 1`` batches go to worker processes that each load
the models once. Cross-document steps (duplicates, event merge) run afterwards, on the tables.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Iterable, Iterator

from .corpus import Corpus, records_table
from .ingest import FieldMap, Limits, iter_documents
from .types import ErrorRecord

BATCH_SIZE = 32
ENGINES = ("local", "dask")


def _progress(iterable, enabled: bool | None, desc: str, total: int | None = None):
    if enabled is False:
        return iterable
    from tqdm.auto import tqdm

    # disable=None: a bar only when stderr is a terminal, so logs and CI stay clean.
    return tqdm(iterable, desc=desc, unit=" docs", total=total, disable=None if enabled is None else False,
                leave=False)


def ingest(inputs: Iterable[str | os.PathLike], *, limits: Limits = Limits(),
           fields: FieldMap = FieldMap(), progress: bool | None = None) -> Corpus:
    """Read, clean, tag and de-duplicate: a Corpus with its documents and errors tables."""
    documents, errors = [], []
    for record in _progress(iter_documents([str(p) for p in inputs], limits=limits, fields=fields),
                            progress, "ingest"):
        (errors if isinstance(record, ErrorRecord) else documents).append(record.as_dict())
    return Corpus(documents=records_table("documents", documents), errors=records_table("errors", errors))


def analyze_batch(records: list[dict]) -> dict[str, list[dict]]:
    """Entities, amounts and hardware of a batch of documents (dicts with doc_id, body, lang, date)."""
    from .extract.entities import entities_from_doc
    from .extract.hardware import extract_hardware
    from .extract.investments import annotate_amounts
    from .extract.money import extract_amounts
    from .pipeline.models import entity_pipeline

    out: dict[str, list[dict]] = {"entities": [], "amounts": [], "hardware": []}
    for lang in ("en", "fr", "und"):
        group = [r for r in records if (r["lang"] if r["lang"] in ("en", "fr") else "und") == lang]
        if not group:
            continue
        text_lang = lang if lang != "und" else None
        docs: Iterator = iter([None] * len(group))
        nlp = entity_pipeline(lang) if lang != "und" else None
        with (nlp.memory_zone() if nlp is not None else _nothing()):
            if nlp is not None:
                docs = nlp.pipe((r["body"] for r in group), batch_size=BATCH_SIZE)
            for record, doc in zip(group, docs):
                body = record["body"]
                effective = text_lang or _guess(body)
                hardware = extract_hardware(body, lang=effective)
                entities = entities_from_doc(doc, effective, hardware) if doc is not None else []
                sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc is not None else []
                amounts = extract_amounts(body, lang=effective)
                rows = annotate_amounts(body, effective, record["date"], amounts, entities, sentences)
                doc_id = record["doc_id"]
                for index, row in enumerate(rows):
                    row.update(doc_id=doc_id, amount_id=f"{doc_id}-{index}", index=index, lang=effective)
                out["amounts"] += rows
                out["entities"] += [{"doc_id": doc_id, **e.as_dict()} for e in entities]
                out["hardware"] += [{"doc_id": doc_id, **h.as_dict()} for h in hardware]
    order = {r["doc_id"]: n for n, r in enumerate(records)}
    for name in out:
        out[name].sort(key=lambda row: (order[row["doc_id"]], row["start"], row["end"]))
    return out


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _guess(body: str) -> str:
    from .extract.money import _guess_language

    return _guess_language(body)


def _batches(records: list[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def _records_to_analyze(documents) -> list[dict]:
    if documents.empty:
        return []
    originals = documents[documents["duplicate_of"].fillna("") == ""]
    return [{"doc_id": r.doc_id, "body": r.body, "lang": r.lang, "date": r.date or ""}
            for r in originals.itertuples(index=False)]


def _run_local(records: list[dict], n_process: int, progress: bool | None) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {"entities": [], "amounts": [], "hardware": []}
    batches = list(_batches(records, BATCH_SIZE))
    bar = _progress(None, progress, "analyse", total=len(records)) if progress is not False else None
    if n_process <= 1:
        results = map(analyze_batch, batches)
        executor = None
    else:
        executor = ProcessPoolExecutor(max_workers=n_process)
        results = executor.map(analyze_batch, batches)
    try:
        for batch, result in zip(batches, results):
            for name, rows in result.items():
                tables[name] += rows
            if bar is not None:
                bar.update(len(batch))
    finally:
        if executor is not None:
            executor.shutdown()
        if bar is not None:
            bar.close()
    return tables


def analyze(inputs: Iterable[str | os.PathLike], *, n_process: int = 1, engine: str = "local",
            scheduler: str | None = None, limits: Limits = Limits(), fields: FieldMap = FieldMap(),
            progress: bool | None = None) -> Corpus:
    """Ingest ``inputs`` and extract everything: a Corpus with all six tables."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    corpus = ingest(inputs, limits=limits, fields=fields, progress=progress)
    records = _records_to_analyze(corpus.documents)
    if engine == "dask":
        from .distributed import run_dask

        tables = run_dask(records, scheduler=scheduler)
    else:
        tables = _run_local(records, n_process, progress)
    return build_corpus(corpus.documents, corpus.errors, tables)


def build_corpus(documents, errors, tables: dict[str, list[dict]]) -> Corpus:
    """The final tables: events merged across documents, amounts linked to their event."""
    from .extract.events import merge_events

    investments, event_of = merge_events(tables["amounts"])
    for row in tables["amounts"]:
        row["event_id"] = event_of.get(row["amount_id"], "")
        row.pop("index", None)
    return Corpus(documents=documents, errors=errors,
                  entities=records_table("entities", tables["entities"]),
                  amounts=records_table("amounts", tables["amounts"]),
                  hardware=records_table("hardware", tables["hardware"]),
                  investments=records_table("investments", investments))
