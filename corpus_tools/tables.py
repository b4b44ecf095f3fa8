"""The registry of tables: each table's columns and their types.

The Arrow schemas, the Corpus attributes and the analysis parts all derive from it, and every
row written is checked against it: a misspelt key is an error, never a silent null column. A new
column is one edit: a field on the record type (``types``) or a line here.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from .types import Amount, Document, Entity, ErrorRecord, HardwareMention, Investment


def _typed_fields(record_type) -> tuple[tuple[str, str], ...]:
    """(column, type) of a record's fields: "float | None" is a float column with nulls."""
    return tuple((f.name, str(f.type).split(" | ")[0]) for f in fields(record_type))


class UnknownColumn(KeyError):
    """A row names a column its table does not have."""


@dataclass(frozen=True)
class Table:
    name: str
    fields: tuple[tuple[str, str], ...]
    filled_later: frozenset[str] = frozenset()  # set when the tables are assembled, absent from analysis rows

    @property
    def columns(self) -> list[str]:
        return [column for column, _ in self.fields]

    def check(self, rows) -> None:
        """Every row has exactly the table's columns (less those filled later)."""
        known = _column_set(self.name)
        required = known - self.filled_later
        for row in rows:
            keys = row.keys()
            if keys - known:
                raise UnknownColumn(f"{self.name}: unknown columns {sorted(keys - known)}")
            if required - keys:
                raise UnknownColumn(f"{self.name}: row without {sorted(required - keys)}")


_AMOUNT_FIELDS = dict(_typed_fields(Amount))
_REGISTRY = (
    Table("documents", _typed_fields(Document)),
    Table("errors", _typed_fields(ErrorRecord)),
    Table("entities", (("doc_id", "str"),) + _typed_fields(Entity)),
    Table("amounts", (("doc_id", "str"), ("amount_id", "str"))
          + tuple((c, t) for c, t in _AMOUNT_FIELDS.items() if c != "equivalent_of")
          + (("kind", "str"), ("value_eur", "float"), ("value_usd", "float"), ("fx_rate", "float"),
             ("fx_date", "str"), ("investor", "str"), ("recipient", "str"), ("sentence", "str"),
             ("sentence_start", "int"), ("equivalent_of", "int"), ("investor_id", "str"),
             ("recipient_id", "str"), ("target", "str"), ("date", "str"), ("event_id", "str"),
             ("investors", "str"), ("event_date", "str"), ("kind_cue", "str"), ("role_cue", "str"), ("suspect", "bool"),
             ("suspect_reason", "str")),
          filled_later=frozenset({"event_id", "suspect", "suspect_reason"})),
    Table("hardware", (("doc_id", "str"),) + _typed_fields(HardwareMention)),
    Table("investments", _typed_fields(Investment)
          + (("amount_ids", "str"), ("suspect", "bool"), ("suspect_reason", "str")),
          filled_later=frozenset({"suspect", "suspect_reason"})),
)
REGISTRY: dict[str, Table] = {table.name: table for table in _REGISTRY}
TABLES = tuple(REGISTRY)
TABLE_COLUMNS: dict[str, list[str]] = {name: table.columns for name, table in REGISTRY.items()}
PART_TABLES = ("entities", "amounts", "hardware")  # what the analysis of a batch produces
INGEST_TABLES = ("documents", "errors")  # what ingestion produces


@lru_cache(maxsize=None)
def _column_set(name: str) -> frozenset[str]:
    return frozenset(REGISTRY[name].columns)


@lru_cache(maxsize=None)
def schema(name: str):
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(column, types[kind]) for column, kind in REGISTRY[name].fields])


def to_arrow(name: str, rows: list[dict]):
    """Checked rows as an Arrow table in the table's schema."""
    import pyarrow as pa

    REGISTRY[name].check(rows)
    return pa.Table.from_pylist(rows, schema=schema(name))


def empty_table(name: str):
    return schema(name).empty_table().to_pandas()
