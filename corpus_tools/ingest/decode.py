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
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    if not _looks_binary(data):
        text = data.decode("utf-8", errors="replace")
        replaced = text.count("\ufffd")
        valid_multibyte = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
        if valid_multibyte >= replaced:
            return Decoded(text, "utf-8", replaced)
    if _plausible_cp1252(data):
        return Decoded(_cp1252(data), "cp1252", 0)
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise DecodeError("binary or undecodable content")
    best = matches[0]
    # Legacy French text is cp1252 far more often than the look-alike code pages that
    # charset-normalizer may rank first on a short sample.
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + _CP1252_TOLERANCE:
            return Decoded(_cp1252(data), "cp1252", 0)
    encoding = best.encoding
    if _looks_binary(data) and not encoding.startswith(("utf_16", "utf_32")):
        raise DecodeError(f"binary content (best guess {encoding})")
    return Decoded(data.decode(encoding, errors="replace"), encoding, 0)
