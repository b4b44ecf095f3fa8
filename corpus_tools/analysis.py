"""The jobs a notebook or the command line runs: ingest, then analyse.

Analysis goes document by document in batches: one spaCy pipeline per language (sentencizer,
organisation gazetteer, NER) streamed with ``nlp.pipe`` inside a memory zone, and the rule-based
extractors on plain strings. With ``n_process > 1`` batches go to worker processes that each load
the models once. Cross-document steps (duplicates, event merge) run afterwards, on the tables.
"""
from __future__ import annotations

import json
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from hashlib import sha1
from pathlib import Path
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


SPACY_CHUNK_CHARS = 100_000  # longer texts go to spaCy in parts, split at paragraph or space boundaries


def spacy_chunks(body: str, size: int = SPACY_CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, text) parts of at most ``size`` characters, cut at a blank line, else at a space."""
    chunks, start = [], 0
    while len(body) - start > size:
        window_end = start + size
        cut = body.rfind("\n\n", start + size // 2, window_end)
        if cut == -1:
            cut = body.rfind(" ", start + size // 2, window_end)
        cut = window_end if cut == -1 else cut + 1
        chunks.append((start, body[start:cut]))
        start = cut
    chunks.append((start, body[start:]))
    return chunks


def _entities_and_sentences(nlp, lang: str, bodies: list[str], hardware: list[list]) -> Iterator[tuple[list, list]]:
    """Entities and sentence spans of each body, whatever its length, in body offsets."""
    from dataclasses import replace

    from .extract.entities import entities_from_doc

    parts = [(n, offset, text) for n, body in enumerate(bodies) for offset, text in spacy_chunks(body)]
    results: list[tuple[list, list]] = [([], []) for _ in bodies]
    docs = nlp.pipe((text for _, _, text in parts), batch_size=BATCH_SIZE)
    for (n, offset, text), doc in zip(parts, docs):
        local_hardware = [replace(h, start=h.start - offset, end=h.end - offset) for h in hardware[n]
                          if offset <= h.start and h.end <= offset + len(text)]
        entities = entities_from_doc(doc, lang, local_hardware)
        results[n][0].extend(replace(e, start=e.start + offset, end=e.end + offset) for e in entities)
        results[n][1].extend((s.start_char + offset, s.end_char + offset) for s in doc.sents)
    return iter(results)


@dataclass
class _Analysed:
    """One document between the NLP pass and the classification of its amounts."""

    record: dict
    lang: str
    hardware: list
    entities: list
    sentences: list
    amounts: list


def _analyse_group(records: list[dict], lang: str) -> list[_Analysed]:
    from .extract.hardware import extract_hardware
    from .extract.money import extract_amounts
    from .pipeline.models import entity_pipeline

    langs = [lang if lang != "und" else _guess(r["body"]) for r in records]
    hardware = [extract_hardware(r["body"], lang=l) for r, l in zip(records, langs)]
    if lang == "und":  # too little text to know its language: no statistical NER, the rules still run
        analysed = [([], [])] * len(records)
    else:
        nlp = entity_pipeline(lang)
        # Docs are turned into plain records inside the zone, so spaCy can free their strings.
        with nlp.memory_zone():
            analysed = list(_entities_and_sentences(nlp, lang, [r["body"] for r in records], hardware))
    return [_Analysed(r, l, h, entities, sentences, extract_amounts(r["body"], lang=l))
            for r, l, h, (entities, sentences) in zip(records, langs, hardware, analysed)]


def analyze_batch(records: list[dict]) -> dict[str, list[dict]]:
    """Entities, amounts and hardware of a batch of documents (dicts with doc_id, body, lang, date)."""
    from .extract.investments import annotate_amounts, kind_contexts
    from .extract.kinds import classify

    documents = []
    for lang in ("en", "fr", "und"):
        group = [r for r in records if (r["lang"] if r["lang"] in ("en", "fr") else "und") == lang]
        if group:
            documents += _analyse_group(group, lang)
    # One classifier call for the whole batch: scikit-learn's per-call overhead dwarfs one document.
    contexts = [kind_contexts(d.record["body"], d.lang, d.amounts, d.sentences) for d in documents]
    kinds = iter(classify([c for document in contexts for c in document]))
    out: dict[str, list[dict]] = {"entities": [], "amounts": [], "hardware": []}
    for document, document_contexts in zip(documents, contexts):
        record, doc_id = document.record, document.record["doc_id"]
        rows = annotate_amounts(record["body"], document.lang, record["date"], document.amounts, document.entities,
                                document.sentences, [next(kinds) for _ in document_contexts])
        for index, row in enumerate(rows):
            row.update(doc_id=doc_id, amount_id=f"{doc_id}-{index}", index=index, lang=document.lang)
        out["amounts"] += rows
        out["entities"] += [{"doc_id": doc_id, **e.as_dict()} for e in document.entities]
        out["hardware"] += [{"doc_id": doc_id, **h.as_dict()} for h in document.hardware]
    order = {r["doc_id"]: n for n, r in enumerate(records)}
    for name in out:
        out[name].sort(key=lambda row: (order[row["doc_id"]], row["start"], row["end"]))
    return out


def _guess(body: str) -> str:
    from .extract.money import resolve_language

    return resolve_language(body, None)


class Checkpoint:
    """Finished batches of an analysis, one JSON file each, written atomically; a resumed run
    skips their documents, so nothing is analysed or counted twice."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)

    def clear(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)

    def load(self) -> tuple[set[str], dict[str, list[dict]]]:
        done: set[str] = set()
        tables: dict[str, list[dict]] = {"entities": [], "amounts": [], "hardware": []}
        for path in sorted(self.directory.glob("batch-*.json")):
            try:
                batch = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # a file cut short cannot exist (atomic rename), but never trust a disk
            done.update(batch["doc_ids"])
            for name in tables:
                tables[name] += batch["tables"][name]
        return done, tables

    def save(self, doc_ids: list[str], tables: dict[str, list[dict]]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        name = "batch-" + sha1("\x1f".join(doc_ids).encode("utf-8")).hexdigest()[:16] + ".json"
        temporary = self.directory / f".{name}.tmp"
        temporary.write_text(json.dumps({"doc_ids": doc_ids, "tables": tables}, default=str), encoding="utf-8")
        os.replace(temporary, self.directory / name)


def _one_blas_thread() -> None:
    """Worker processes share the cores: a BLAS thread pool each would oversubscribe them."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _run_local(batches: Iterable[list[dict]], n_process: int, progress: bool | None,
               checkpoint: Checkpoint | None = None) -> dict[str, list[dict]]:
    """Analyse batches as they arrive: with workers, ingestion of the next batches overlaps the
    analysis of the first ones."""
    tables: dict[str, list[dict]] = {"entities": [], "amounts": [], "hardware": []}
    bar = _progress(None, progress, "analyse") if progress is not False else None
    executor = ProcessPoolExecutor(max_workers=n_process, initializer=_one_blas_thread) if n_process > 1 else None
    try:
        if executor is None:
            pairs = ((batch, analyze_batch(batch)) for batch in batches)
        else:
            futures = [(batch, executor.submit(analyze_batch, batch)) for batch in batches]
            pairs = ((batch, future.result()) for batch, future in futures)
        for batch, result in pairs:
            for name, rows in result.items():
                tables[name] += rows
            if checkpoint is not None:
                checkpoint.save([r["doc_id"] for r in batch], result)
            if bar is not None:
                bar.update(len(batch))
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
        if bar is not None:
            bar.close()
    return tables


def analyze(inputs: Iterable[str | os.PathLike], *, n_process: int = 1, engine: str = "local",
            scheduler: str | None = None, limits: Limits = Limits(), fields: FieldMap = FieldMap(),
            progress: bool | None = None, batch_size: int = BATCH_SIZE,
            checkpoint: str | os.PathLike | None = None, resume: bool = False,
            parts_dir: str | os.PathLike | None = None) -> Corpus:
    """Ingest ``inputs`` and extract everything: a Corpus with all six tables.

    With ``checkpoint`` (a folder), finished batches are kept there; ``resume=True`` continues
    from them instead of starting over. ``engine="dask"`` runs the batches on the Dask cluster at
    ``scheduler`` (a local cluster when None), its workers writing Parquet parts to ``parts_dir``.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    saved = Checkpoint(checkpoint) if checkpoint is not None else None
    done: set[str] = set()
    tables: dict[str, list[dict]] = {"entities": [], "amounts": [], "hardware": []}
    if saved is not None:
        if resume:
            done, tables = saved.load()
        else:
            saved.clear()
    documents: list[dict] = []
    errors: list[dict] = []

    def batches_to_analyse() -> Iterator[list[dict]]:
        """Ingest lazily; originals not already analysed go out in batches."""
        batch: list[dict] = []
        for record in iter_documents([str(p) for p in inputs], limits=limits, fields=fields):
            if isinstance(record, ErrorRecord):
                errors.append(record.as_dict())
                continue
            documents.append(record.as_dict())
            if record.duplicate_of or record.doc_id in done:
                continue
            batch.append({"doc_id": record.doc_id, "body": record.body, "lang": record.lang, "date": record.date})
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    if engine == "dask":
        from .distributed import run_dask

        todo = [r for batch in batches_to_analyse() for r in batch]
        fresh = run_dask(todo, scheduler=scheduler, batch_size=batch_size, parts_dir=parts_dir)
    else:
        fresh = _run_local(batches_to_analyse(), n_process, progress, saved)
    for name in tables:
        tables[name] += fresh[name]
    order = {d["doc_id"]: n for n, d in enumerate(documents)}
    for name in tables:
        tables[name] = [row for row in tables[name] if row["doc_id"] in order]
        tables[name].sort(key=lambda row: (order[row["doc_id"]], row["start"], row["end"]))
    return build_corpus(records_table("documents", documents), records_table("errors", errors), tables)


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
