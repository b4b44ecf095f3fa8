"""Readers: turn input paths into a stream of raw articles or error records.

Nothing is held for the whole corpus: folders are walked lazily, records of JSON Lines
and CSV files are yielded one at a time, zip members are read one at a time in memory.
Every item that cannot be read becomes an ErrorRecord with a reason code.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..types import ErrorRecord
from .decode import DecodeError, decode_bytes

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
ZIP_SUFFIXES = {".zip"}


@dataclass(frozen=True)
class Limits:
    """Caps that keep one bad input from taking the run down. Sizes in bytes."""

    max_file_bytes: int = 50_000_000
    max_doc_chars: int = 1_000_000
    max_zip_member_bytes: int = 50_000_000
    max_zip_ratio: float = 200.0
    max_zip_total_bytes: int = 1_000_000_000


@dataclass(frozen=True)
class FieldMap:
    """Which record fields (JSON Lines, CSV) hold the text and the metadata, first found wins."""

    text: tuple[str, ...] = ("text", "body", "content", "article", "texte", "contenu")
    title: tuple[str, ...] = ("title", "headline", "titre")
    date: tuple[str, ...] = ("date", "published", "published_at", "pub_date", "datetime")
    url: tuple[str, ...] = ("url", "link", "source_url")
    lang: tuple[str, ...] = ("lang", "language", "langue")
    delimiter: str | None = None  # of CSV files; None: sniffed (comma, semicolon or tab)

    @classmethod
    def with_text_fields(cls, names: str | None, delimiter: str | None = None) -> "FieldMap":
        if not names:
            return cls(delimiter=delimiter)
        return cls(text=tuple(n.strip() for n in names.split(",") if n.strip()), delimiter=delimiter)


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before cleaning. ``fmt`` tells how its text must be cleaned."""

    source: str
    item: str
    text: str
    fmt: str  # "text" (plain text, may have a date header and headline) | "html" | "record"
    title: str = ""
    date: object = None
    url: str = ""
    author: str = ""
    site: str = ""
    lang: str = ""


class InputError(ValueError):
    """An argument that cannot be used at all (a path that does not exist)."""


def _error(source: str, item: str, reason: str, message: str) -> ErrorRecord:
    return ErrorRecord(source=source, item=item, reason=reason, message=message[:500])


def iter_files(inputs: list[str | os.PathLike]) -> Iterator[Path | ErrorRecord]:
    """Files under the inputs, recursively and in sorted order; loops and unreadable
    folders become errors."""
    for raw in inputs:
        path = Path(raw)
        if not os.path.lexists(path):
            raise InputError(f"input not found: {raw}")
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, set())
        else:
            yield path


def _our_output(folder: Path, name: str) -> bool:
    """corpus_tools' own work folders, and the outputs of a run written into an input folder
    (``--out`` the input folder): what the tool wrote is not an article."""
    from ..outputs import MANIFEST, OWN_NAMES, is_our_manifest, is_work_folder

    return is_work_folder(name) or (name in OWN_NAMES and is_our_manifest(folder / MANIFEST))


def _walk(folder: Path, ancestors: set[tuple[int, int]]) -> Iterator[Path | ErrorRecord]:
    try:
        info = folder.stat()
    except OSError as exc:
        yield _error(str(folder), "", "io", f"cannot stat folder: {exc.strerror or exc}")
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield _error(str(folder), "", "loop", "symbolic link loop: folder already being read")
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield _error(str(folder), "", "io", f"cannot list folder: {exc.strerror or exc}")
        return
    entries = [entry for entry in entries if not _our_output(folder, entry.name)]
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError as exc:
            yield _error(str(path), "", "io", f"cannot stat: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(path, ancestors | {key})
        else:
            yield path


def read_inputs(inputs: list[str | os.PathLike], *, limits: Limits = Limits(),
                fields: FieldMap = FieldMap()) -> Iterator[RawArticle | ErrorRecord]:
    """Every article found under ``inputs``, or an error record for what could not be read."""
    for entry in iter_files(inputs):
        if isinstance(entry, ErrorRecord):
            yield entry
        else:
            yield from read_file(entry, limits=limits, fields=fields)


def read_file(entry: Path, *, limits: Limits = Limits(),
              fields: FieldMap = FieldMap()) -> Iterator[RawArticle | ErrorRecord]:
    """The articles of one file that ``iter_files`` listed (in whichever process reads it)."""
    source = str(entry)
    try:
        info = entry.stat()
        if not stat.S_ISREG(info.st_mode):
            yield _error(source, "", "unsupported", "not a regular file")
            return
        if info.st_size > limits.max_file_bytes:
            yield _error(source, "", "too_large", f"{info.st_size} bytes > max_file_bytes {limits.max_file_bytes}")
            return
        data = entry.read_bytes()
    except OSError as exc:
        reason = "loop" if exc.errno == 40 else "io"
        yield _error(source, "", reason, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, entry.name, source, "", limits=limits, fields=fields)


def read_bytes(data: bytes, name: str, source: str, item: str, *, limits: Limits = Limits(),
               fields: FieldMap = FieldMap(), in_zip: bool = False
               ) -> Iterator[RawArticle | ErrorRecord]:
    """Dispatch on the file name's suffix."""
    suffix = Path(name).suffix.lower()
    if suffix in ZIP_SUFFIXES:
        if in_zip:
            yield _error(source, item, "unsupported", "zip inside a zip is not read")
        else:
            yield from _read_zip(data, source, limits=limits, fields=fields)
        return
    known = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | CSV_SUFFIXES
    if suffix not in known:
        yield _error(source, item, "unsupported", f"unsupported file type {suffix!r}")
        return
    if not data.strip():
        yield _error(source, item, "empty", "empty file")
        return
    try:
        text = decode_bytes(data).text
    except DecodeError as exc:
        yield _error(source, item, "decode", str(exc))
        return
    if suffix in HTML_SUFFIXES:
        yield RawArticle(source, item, text, "html")
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(text, source, item, fields)
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(text, source, item, fields)
    elif suffix in CSV_SUFFIXES:
        delimiter = fields.delimiter or ("\t" if suffix == ".tsv" else sniff_delimiter(text))
        yield from _read_csv(text, source, item, fields, limits, delimiter)
    else:
        yield RawArticle(source, item, text, "text")


def _sub_item(item: str, part: str) -> str:
    return f"{item}:{part}" if item else part


def _first(record: dict, names: tuple[str, ...]) -> object:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name.lower())
        if value not in (None, ""):
            return value
    return None


def _record_article(record: object, source: str, item: str, fields: FieldMap
                    ) -> RawArticle | ErrorRecord:
    if not isinstance(record, dict):
        return _error(source, item, "parse", f"expected an object, got {type(record).__name__}")
    text = _first(record, fields.text)
    if text is None:
        present = [str(k) for k in record if str(k).lower() in {name.lower() for name in fields.text}]
        if present:
            return _error(source, item, "empty", f"the text field {present[0]!r} is empty")
        return _error(source, item, "missing_text",
                      f"no text field (looked for {', '.join(fields.text)}; found {', '.join(map(str, record))[:200]})")
    if not isinstance(text, str):
        return _error(source, item, "parse", f"text field is a {type(text).__name__}, not a string")
    def meta(names: tuple[str, ...]) -> str:
        value = _first(record, names)
        return "" if value is None else str(value)
    return RawArticle(source, item, text, "record", title=meta(fields.title),
                      date=_first(record, fields.date), url=meta(fields.url),
                      lang=meta(fields.lang).lower()[:2])


def _read_jsonl(text: str, source: str, item: str, fields: FieldMap
                ) -> Iterator[RawArticle | ErrorRecord]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_item = _sub_item(item, f"line {number}")
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield _error(source, line_item, "parse", f"invalid JSON: {exc}")
            continue
        if isinstance(record, list):
            yield _error(source, line_item, "parse", "a JSON array where one article object was expected")
            continue
        yield _record_article(record, source, line_item, fields)


def _read_json(text: str, source: str, item: str, fields: FieldMap
               ) -> Iterator[RawArticle | ErrorRecord]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # Many ".json" exports are JSON Lines in disguise.
        yield from _read_jsonl(text, source, item, fields)
        return
    except RecursionError:
        yield _error(source, item, "parse", "JSON nested too deeply")
        return
    if isinstance(data, dict):
        for key in ("articles", "documents", "items", "data", "results"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        for index, record in enumerate(data, start=1):
            yield _record_article(record, source, _sub_item(item, f"record {index}"), fields)
    else:
        yield _record_article(data, source, item, fields)


CSV_DELIMITERS = (",", ";", "\t")
SNIFF_RECORDS = 20


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (what French Excel writes) or tab: the one that splits the header into
    the most columns with the first records agreeing on that number of cells; comma on a tie."""
    sample = text[:64_000]

    def score(delimiter: str) -> tuple[int, int]:
        try:
            rows = list(itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter),
                                         SNIFF_RECORDS + 1))
        except csv.Error:
            return (0, 0)
        if not rows or len(rows[0]) < 2:
            return (0, 0)
        body = rows[1:-1] if len(rows) > 2 else rows[1:]  # the last may be cut by the sample
        agreeing = sum(len(row) == len(rows[0]) for row in body)
        return (agreeing + 1 if not body or agreeing * 2 >= len(body) else 0, len(rows[0]))

    return max(CSV_DELIMITERS, key=lambda d: (score(d), -CSV_DELIMITERS.index(d)))


def _read_csv(text: str, source: str, item: str, fields: FieldMap, limits: Limits,
              delimiter: str) -> Iterator[RawArticle | ErrorRecord]:
    csv.field_size_limit(max(limits.max_doc_chars * 4, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    row_number = 0
    try:
        for row_number, row in enumerate(reader, start=1):
            row_item = _sub_item(item, f"row {row_number}")
            if None in row:
                yield _error(source, row_item, "parse", "more cells than header columns")
                continue
            yield _record_article(row, source, row_item, fields)
    except csv.Error as exc:
        yield _error(source, _sub_item(item, f"row {row_number + 1}"), "parse",
                     f"invalid CSV from here on: {exc}")


def _read_zip(data: bytes, source: str, *, limits: Limits, fields: FieldMap
              ) -> Iterator[RawArticle | ErrorRecord]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = sorted(archive.infolist(), key=lambda m: m.filename)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        yield _error(source, "", "parse", f"not a readable zip archive: {exc}")
        return
    total = 0
    for member in members:
        name = member.filename
        if member.is_dir():
            continue
        unsafe = name.startswith(("/", "\\")) or ".." in Path(name.replace("\\", "/")).parts
        if unsafe:
            yield _error(source, name, "unsafe_path", "member path escapes the archive; not read")
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > limits.max_zip_ratio:
            yield _error(source, name, "zip_bomb",
                         f"compression ratio {ratio:.0f} > max_zip_ratio {limits.max_zip_ratio:.0f}")
            continue
        if member.file_size > limits.max_zip_member_bytes:
            yield _error(source, name, "too_large",
                         f"member of {member.file_size} bytes > max_zip_member_bytes")
            continue
        total += member.file_size
        if total > limits.max_zip_total_bytes:
            yield _error(source, name, "too_large", "archive expands past max_zip_total_bytes")
            continue
        try:
            with archive.open(member) as handle:
                # Never trust the declared size: read at most one byte past the cap.
                content = handle.read(limits.max_zip_member_bytes + 1)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as exc:
            yield _error(source, name, "io", f"cannot read member: {exc}")
            continue
        if len(content) > limits.max_zip_member_bytes:
            yield _error(source, name, "zip_bomb", "member expands past max_zip_member_bytes")
            continue
        yield from read_bytes(content, name, source, name, limits=limits, fields=fields, in_zip=True)
