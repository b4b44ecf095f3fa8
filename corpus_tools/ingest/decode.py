"""Bytes to text: BOMs, UTF-8, and the legacy Windows/Latin encodings French text still comes in."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Characters that legacy French and English news text actually contains beyond ASCII.
_WESTERN = set("àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ€«»‘’‚“”„…–—•°²³½¼¾£¥©®™§¶·×÷µß¡¿ªº\xa0")
_CP1252_TOLERANCE = 0.1  # how much more "chaos" we accept to prefer cp1252 over the best guess


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept (binary data)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int  # number of undecodable bytes replaced by U+FFFD


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return b"\x00" in sample or controls / len(sample) > 0.05


def _latin1_fallback(error: UnicodeDecodeError):
    return error.object[error.start:error.end].decode("latin-1"), error.end


def _cp1252(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; map them as latin-1 does instead of failing.
    codecs.register_error("corpus_tools_latin1", _latin1_fallback)
    return data.decode("cp1252", errors="corpus_tools_latin1")


def _plausible_cp1252(data: bytes) -> bool:
    """True when cp1252 turns every non-ASCII byte into a character Western text uses."""
    sample = data[:200_000]
    non_ascii = [ch for ch in sample.decode("cp1252", errors="replace") if ord(ch) > 127]
    if not non_ascii:
        return True
    return sum(ch in _WESTERN for ch in non_ascii) / len(non_ascii) >= 0.95


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``; raise DecodeError for binary content. Never raises anything else."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom):].decode(encoding, errors="replace"), encoding + "-bom",
                           0)
    try:
        text = data.decode("utf-8")
        if "\x00" not in text[:8192]:
            return Decoded(text, "utf-8", 0)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    if _looks_binary(data):
        # NUL bytes and control characters: only UTF-16/32 without a BOM is text like that.
        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding.startswith(("utf_16", "utf_32")):
            return Decoded(data.decode(best.encoding, errors="replace"), best.encoding, 0)
        raise DecodeError("binary content")
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    valid_multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if valid_multibyte >= replaced:
        return Decoded(text, "utf-8", replaced)
    if _plausible_cp1252(data):
        return Decoded(_cp1252(data), "cp1252", 0)
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise DecodeError("undecodable content")
    best = matches[0]
    # Legacy French text is cp1252 far more often than the look-alike code pages that
    # charset-normalizer may rank first on a short sample.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _CP1252_TOLERANCE:
            return Decoded(_cp1252(data), "cp1252", 0)
    return Decoded(data.decode(best.encoding, errors="replace"), best.encoding, 0)
