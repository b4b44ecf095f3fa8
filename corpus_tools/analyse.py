"""The analysis of one batch of documents: records in, typed rows out. No I/O.

One spaCy pipeline per language (sentencizer, organisation gazetteer, NER) runs inside a memory
zone, and the rule-based extractors run on plain strings; the rows come back checked against the
table registry (``tables``), in document order. Workers of either engine call ``analyze_batch``;
storing its rows is ``store``'s business.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .lang import LANGUAGES, UNDETERMINED
from .tables import PART_TABLES, REGISTRY

NLP_BATCH_SIZE = 32  # texts handed to spaCy's pipe at a time

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
    docs = nlp.pipe((text for _, _, text in parts), batch_size=NLP_BATCH_SIZE)
    for (n, offset, text), doc in zip(parts, docs):
        local_hardware = [replace(h, start=h.start - offset, end=h.end - offset) for h in hardware[n]
                          if offset <= h.start and h.end <= offset + len(text)]
        entities = entities_from_doc(doc, lang, local_hardware)
        results[n][0].extend(replace(e, start=e.start + offset, end=e.end + offset) for e in entities)
        results[n][1].extend((start + offset, end + offset) for start, end in sentence_spans(doc))
    return iter(results)


def sentence_spans(doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence, as ``doc.sents`` gives them, read from the token
    arrays: ``doc.sents`` makes a Python object of every token twice over (a tenth of the time
    of an analysis, profiled on bench/throughput.py's corpus)."""
    import numpy as np
    from spacy.attrs import IDX, LENGTH, SENT_START

    if not len(doc):
        return []
    idx, length, sent_start = doc.to_array([IDX, LENGTH, SENT_START]).T.astype(np.int64)
    starts = np.flatnonzero(sent_start == 1)
    if not starts.size or starts[0] != 0:
        starts = np.concatenate([[0], starts])
    last_tokens = np.concatenate([starts[1:], [len(doc)]]) - 1
    return list(zip(idx[starts].tolist(), (idx[last_tokens] + length[last_tokens]).tolist()))


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
    from .pipeline.models import entity_pipeline, memory_zone

    segments = [_segments(r) for r in records]
    langs = [lang if lang != "und" else _lean(s) for s, r in zip(segments, records)]
    hardware = [extract_hardware(r["body"], lang=l) for r, l in zip(records, langs)]
    if lang == "und":  # too little text to know its language: no statistical NER, the rules still run
        analysed = [([], [])] * len(records)
    else:
        nlp = entity_pipeline(lang)
        # Docs are turned into plain records inside the zone, so spaCy can free their strings.
        with memory_zone(nlp, len(records)):
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
    for name in PART_TABLES:
        out[name].sort(key=lambda row: (order[row["doc_id"]], row["start"], row["end"]))
        REGISTRY[name].check(out[name])
    return out
