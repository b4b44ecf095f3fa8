"""Small frozen records that flow between the rooms of corpus_tools.

Every record that points into text carries character offsets into the
document's cleaned ``body`` (or into the text given to an extractor), so any
figure can be traced back to its sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, fields


class Record:
    """Mixin: dict conversion used by the tables."""

    def as_dict(self) -> dict:
        # Every field is a scalar: ``dataclasses.asdict`` would deep-copy each value, ten times slower.
        return {field.name: getattr(self, field.name) for field in fields(self)}


@dataclass(frozen=True)
class Document(Record):
    doc_id: str
    source: str
    item: str
    title: str
    date: str
    lang: str
    body: str
    n_chars: int
    n_words: int
    duplicate_of: str
    dropped_chars: int
    url: str = ""
    author: str = ""
    site: str = ""
    lang_chars: str = ""  # per-language character counts, e.g. "en:3120 fr:40"
    truncated: bool = False
    date_raw: str = ""  # the date as given, when it was not understood (date is then empty)
    lang_spans: str = ""  # where paragraphs change language, see ingest.language.format_segments


@dataclass(frozen=True)
class ErrorRecord(Record):
    source: str
    item: str
    reason: str
    message: str


@dataclass(frozen=True)
class Amount(Record):
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    currency: str
    approx: bool
    qualifier: str  # exact | approx | at_least | at_most | range
    lang: str
    equivalent_of: int | None = None  # index, in the same result list, of the amount restated
    currency_inferred: bool = False  # no currency written with it: borrowed from a neighbour or the document
    relation: str = ""  # alternative ("3 or 4 million") | change_from / change_to ("from 17 to 30 billion")
    other_value: float | None = None  # the other value of an alternative or a change


@dataclass(frozen=True)
class Entity(Record):
    start: int
    end: int
    text: str
    label: str  # ORG | PERSON | LOC
    canonical: str
    entity_id: str
    origin: str  # model | gazetteer
    parent: str = ""


@dataclass(frozen=True)
class HardwareMention(Record):
    start: int
    end: int
    text: str
    kind: str  # gpu | chip | accelerator | system | supercomputer | datacenter | compute_metric | power | other
    product: str
    vendor: str
    quantity: float | None  # units counted, or the compute or power figure as written
    unit: str  # units (chips, GPUs) | nodes, racks, cores, qubits... | PFLOPS, EFLOPS, FLOP/s | MW, GW, kW
    approx: bool
    flop_s: float | None = None  # compute normalised to FLOP/s
    precision: str = ""  # of a compute figure when stated: FP64, FP8, AI...
    watts: float | None = None  # power normalised to watts


@dataclass(frozen=True)
class Investment(Record):
    event_id: str
    investor: str
    investor_id: str
    recipient: str
    target: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    currency: str
    value_eur: float | None
    value_usd: float | None
    approx: bool
    qualifier: str
    date: str
    n_sources: int
    doc_ids: str
    langs: str
    evidence: str
    investors: str = ""  # every named investor, the lead first, ";"-separated
    fx_rate: float | None = None  # units of the event's currency per euro
    report_dates: str = ""  # dates of the articles that report it, ";"-separated
    part_of: str = ""  # event_id of the commitment this one is a named part of
    mentions: str = ""  # doc_id:start-end of every mention, ";"-separated
