"""Exact and near-duplicate detection over a stream of documents.

Exact: same body once case and whitespace are normalised. Near: MinHash signatures of word
5-shingles with locality-sensitive hashing, so memory holds a few hundred bytes per document,
never the bodies.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict
from hashlib import sha256

import numpy as np

SHINGLE_WORDS = 5
N_PERMUTATIONS = 64
BANDS = 16
NEAR_DUPLICATE_JACCARD = 0.8
_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_WORD = re.compile(r"\w+", re.UNICODE)


def normalised_key(body: str) -> str:
    return sha256(" ".join(body.lower().split()).encode("utf-8")).hexdigest()


class Deduplicator:
    """Remembers what it has seen; ``check`` says which earlier document a body duplicates."""

    def __init__(self, threshold: float = NEAR_DUPLICATE_JACCARD, seed: int = 20240513):
        self.threshold = threshold
        rng = np.random.default_rng(seed)
        self._a = rng.integers(1, 2**31 - 1, size=N_PERMUTATIONS, dtype=np.uint64)
        self._b = rng.integers(0, 2**31 - 1, size=N_PERMUTATIONS, dtype=np.uint64)
        self._exact: dict[str, str] = {}
        self._signatures: dict[str, np.ndarray] = {}
        self._buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)

    def signature(self, body: str) -> np.ndarray:
        words = _WORD.findall(body.lower())
        if len(words) <= SHINGLE_WORDS:
            shingles = {" ".join(words)}
        else:
            shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
        hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64,
                             count=len(shingles))
        permuted = (np.outer(hashes, self._a) + self._b) % _PRIME
        return permuted.min(axis=0)

    def check(self, doc_id: str, body: str) -> str:
        """The doc_id this body duplicates, or "" (and then it is remembered)."""
        key = normalised_key(body)
        if key in self._exact:
            return self._exact[key]
        self._exact[key] = doc_id
        signature = self.signature(body)
        rows = N_PERMUTATIONS // BANDS
        bands = [(band, signature[band * rows:(band + 1) * rows].tobytes()) for band in range(BANDS)]
        candidates: list[str] = []
        for band in bands:
            for other in self._buckets.get(band, ()):
                if other not in candidates:
                    candidates.append(other)
        for other in candidates:
            if float(np.mean(self._signatures[other] == signature)) >= self.threshold:
                return other
        self._signatures[doc_id] = signature
        for band in bands:
            self._buckets[band].append(doc_id)
        return ""
