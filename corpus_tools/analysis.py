"""The jobs a notebook or the command line runs: ingest, then analyse.

Everything streams. Ingestion writes the documents and errors tables as it reads; the originals
go out in batches, analysed one at a time (or by worker processes, or Dask workers, that each
load the models once): one spaCy pipeline per language (sentencizer, organisation gazetteer,
NER) inside a memory zone, and the rule-based extractors on plain strings. Each finished batch
is written to disk (see ``batches``); the cross-document steps (event merge) run at the end, on
the tables. The Corpus returned reads its tables from disk when they are used.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import AbstractSet, Iterable, Iterator

from .batches import done_doc_ids, finish_tables, write_batch
from .corpus import Corpus
from .ingest import FieldMap, Limits, iter_documents
from .lang import LANGUAGES, UNDETERMINED
from .progress import Progress, count_files
from .storage import TableWriter
from .types import ErrorRecord

BATCH_SIZE = 32
ENGINES = ("local", "dask")


def _progress(progress: "bool | None | Progress") -> tuple[Progress, bool]:
    """The Progress to report to, and whether this call owns it (and closes it)."""
    if isinstance(progress, Progress):
        return progress, False
    return Progress(progress), True


class _Ingestion:
    """One pass over the inputs: documents and errors go to their tables as they come; the
    originals not analysed yet go out in batches, each record with its row in the documents table."""

    def __init__(self, inputs: Iterable[str | os.PathLike], tables_dir: Path, limits: Limits, fields: FieldMap,
                 progress: Progress, description: str = "read"):
        self.inputs, self.limits, self.fields = [str(p) for p in inputs], limits, fields
        self.progress, self.description = progress, description
        self.documents = TableWriter(tables_dir / "documents.parquet", "documents")
        self.errors = TableWriter(tables_dir / "errors.parquet", "errors")
        self.positions: dict[str, int] = {}  # originals: doc_id -> row in the documents table

    def records(self, skip: AbstractSet[str] = frozenset()) -> Iterator[dict]:
        row = 0
        self.progress.start(self.description, count_files(self.inputs))
        source = None
        for record in iter_documents(self.inputs, limits=self.limits, fields=self.fields):
            if record.source != source:  # records come file by file
                if source is not None:
                    self.progress.file_done()
                source = record.source
            if isinstance(record, ErrorRecord):
                self.errors.write([record.as_dict()])
                continue
            self.documents.write([record.as_dict()])
            if not record.duplicate_of:
                self.positions[record.doc_id] = row
                if record.doc_id not in skip:
                    yield {"doc_id": record.doc_id, "body": record.body, "lang": record.lang, "date": record.date,
                           "lang_spans": record.lang_spans, "position": row}
            row += 1
        if source is not None:
            self.progress.file_done()

    def batches(self, size: int, skip: AbstractSet[str]) -> Iterator[list[dict]]:
        batch: list[dict] = []
        for record in self.records(skip):
            batch.append(record)
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def close(self) -> dict[str, list[Path]]:
        return {"documents": [self.documents.close()], "errors": [self.errors.close()]}


@contextmanager
def _removed_on_error(folder: Path | None):
    """A temporary work folder does not outlive a failed run (a chosen one stays, for resuming)."""
    try:
        yield
    except BaseException:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _work_folder(folder: str | os.PathLike | None) -> tuple[Path, Path | None]:
    """The folder an analysis writes to, and the same again when it is a temporary one to remove."""
    if folder is not None:
        return Path(folder), None
    temporary = Path(tempfile.mkdtemp(prefix="corpus_tools-"))
    return temporary, temporary


def ingest(inputs: Iterable[str | os.PathLike], *, limits: Limits = Limits(),
           fields: FieldMap = FieldMap(), progress: "bool | None | Progress" = None) -> Corpus:
    """Read, clean, tag and de-duplicate: a Corpus with its documents and errors tables.

    ``progress``: None shows a bar on a terminal (a line per stage elsewhere), False nothing."""
    folder, owned = _work_folder(None)
    reporter, owns_reporter = _progress(progress)
    with _removed_on_error(owned):
        ingestion = _Ingestion(inputs, folder / "tables", limits, fields, reporter)
        for _ in ingestion.records():
            reporter.documents_done(1)
        if owns_reporter:
            reporter.close()
        return Corpus.from_files(ingestion.close(), owned_folder=owned)


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
    from .pipeline.models import entity_pipeline

    segments = [_segments(r) for r in records]
    langs = [lang if lang != "und" else _lean(s) for s, r in zip(segments, records)]
    hardware = [extract_hardware(r["body"], lang=l) for r, l in zip(records, langs)]
    if lang == "und":  # too little text to know its language: no statistical NER, the rules still run
        analysed = [([], [])] * len(records)
    else:
        nlp = entity_pipeline(lang)
        # Docs are turned into plain records inside the zone, so spaCy can free their strings.
        with nlp.memory_zone():
            analysed = list(_entities_and_sentences(nlp, lang, [r["body"] for r in records], hardware))
    return [_Analysed(r, l, h, entities, sentences, _amounts(r["body"], s))
            for r, l, s, h, (entities, sentences) in zip(records, langs, segments, hardware, analysed)]


def _segments(record: dict) -> list:
    """Where the document's paragraphs change language, as found at ingestion (no detection here)."""
    from .ingest.language import parse_segments

    return parse_segments(record.get("lang_spans", ""), len(record["body"]), record["lang"])


def _amounts(body: str, segments: list) -> list:
    """Each paragraph's amounts read with its own language's grammar (both where unsure)."""
    from .extract.amount_language import amounts_in_segments
    from .extract.money import extract_amounts

    return amounts_in_segments(body, segments, extract_amounts)


def _lean(segments: list) -> str:
    """The language to try first for a document of undetermined language: its longest lean."""
    leaning = [s for s in segments if s.lang in LANGUAGES]
    return max(leaning, key=lambda s: s.end - s.start).lang if leaning else LANGUAGES[0]


def analyze_batch(records: list[dict]) -> dict[str, list[dict]]:
    """Entities, amounts and hardware of a batch of documents (dicts with doc_id, body, lang, date)."""
    from .extract.investments import annotate_amounts, kind_contexts
    from .extract.kinds import classify_with_cues

    documents = []
    for lang in (*LANGUAGES, UNDETERMINED):
        group = [r for r in records if (r["lang"] if r["lang"] in LANGUAGES else UNDETERMINED) == lang]
        if group:
            documents += _analyse_group(group, lang)
    # One classifier call for the whole batch: scikit-learn's per-call overhead dwarfs one document.
    contexts = [kind_contexts(d.record["body"], d.lang, d.amounts, d.sentences) for d in documents]
    kinds = iter(classify_with_cues([c for document in contexts for c in document]))
    out: dict[str, list[dict]] = {"entities": [], "amounts": [], "hardware": []}
    for document, document_contexts in zip(documents, contexts):
        record, doc_id = document.record, document.record["doc_id"]
        rows = annotate_amounts(record["body"], document.lang, record["date"], document.amounts, document.entities,
                                document.sentences, [next(kinds) for _ in document_contexts], document.hardware)
        for index, row in enumerate(rows):
            row.update(doc_id=doc_id, amount_id=f"{doc_id}-{index}", lang=row.get("lang") or document.lang)
        out["amounts"] += rows
        out["entities"] += [{"doc_id": doc_id, **e.as_dict()} for e in document.entities]
        out["hardware"] += [{"doc_id": doc_id, **h.as_dict()} for h in document.hardware]
    order = {r["doc_id"]: n for n, r in enumerate(records)}
    for name in out:
        out[name].sort(key=lambda row: (order[row["doc_id"]], row["start"], row["end"]))
    return out


def _one_blas_thread() -> None:
    """Worker processes share the cores: a BLAS thread pool each would oversubscribe them."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def _run_local(batches: Iterable[list[dict]], batches_dir: Path, n_process: int, progress: Progress) -> None:
    """Analyse batches as ingestion yields them. With workers, a few batches wait in line per
    worker, so ingestion overlaps analysis and memory holds only those."""
    executor = ProcessPoolExecutor(max_workers=n_process, initializer=_one_blas_thread) if n_process > 1 else None
    in_flight: deque = deque()
    try:
        for batch in batches:
            if executor is None:
                done = write_batch(batch, batches_dir)
            else:
                in_flight.append(executor.submit(write_batch, batch, batches_dir))
                if len(in_flight) < 2 * n_process:
                    continue
                done = in_flight.popleft().result()
            progress.documents_done(done)
        while in_flight:
            progress.documents_done(in_flight.popleft().result())
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)


def analyze(inputs: Iterable[str | os.PathLike], *, n_process: int = 1, engine: str = "local",
            scheduler: str | None = None, limits: Limits = Limits(), fields: FieldMap = FieldMap(),
            progress: "bool | None | Progress" = None, batch_size: int = BATCH_SIZE,
            checkpoint: str | os.PathLike | None = None, resume: bool = False,
            parts_dir: str | os.PathLike | None = None) -> Corpus:
    """Ingest ``inputs`` and extract everything: a Corpus with all six tables.

    Tables and finished batches are written to ``checkpoint`` (a folder; a temporary one, removed
    with the Corpus, when None); ``resume=True`` continues an interrupted run from its finished
    batches instead of starting over. ``engine="dask"`` runs the batches on the Dask cluster at
    ``scheduler`` (a local cluster when None), its workers writing their parts to ``parts_dir``,
    a folder they can all reach (default: inside ``checkpoint``). ``progress``: None shows a bar
    with the time left on a terminal (a line per stage elsewhere), False nothing.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    folder, owned = _work_folder(checkpoint)
    batches_dir = Path(parts_dir) if parts_dir is not None else folder / "batches"
    if not resume:
        shutil.rmtree(batches_dir, ignore_errors=True)
    shutil.rmtree(folder / "tables", ignore_errors=True)
    reporter, owns_reporter = _progress(progress)
    with _removed_on_error(owned):
        ingestion = _Ingestion(inputs, folder / "tables", limits, fields, reporter, "read and analyse")
        batches = ingestion.batches(batch_size, done_doc_ids(batches_dir) if resume else set())
        if engine == "dask":
            from .distributed import run_dask

            run_dask(batches, batches_dir, scheduler=scheduler)
        else:
            _run_local(batches, batches_dir, n_process, reporter)
        files = ingestion.close()
        reporter.stage("merging investment events across articles")
        files.update(finish_tables(batches_dir, folder / "tables", ingestion.positions))
        if owns_reporter:
            reporter.close()
        return Corpus.from_files(files, owned_folder=owned)
