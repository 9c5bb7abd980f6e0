"""Find articles collected twice: the same text, or nearly (one outlet republishing another).

Each article gets a MinHash fingerprint of its five-word shingles (computed with the other
per-article stages, in the workers). Locality-sensitive hashing over bands of the fingerprint
proposes candidate pairs in time linear in the number of articles; each candidate is then checked
exactly. Two articles are copies when their shingle sets have a Jaccard similarity of at least 0.8.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict

import numpy as np

from . import store
from .model import Article

SHINGLE = 5
THRESHOLD = 0.8
PERMUTATIONS, BANDS = 32, 8  # 8 bands of 4 rows: a pair at 0.8 similarity is proposed 98.5% of the time
_WORDS = re.compile(r"\w+")
_random = np.random.default_rng(20231009)
_MULTIPLY = _random.integers(1, 2**63, size=(PERMUTATIONS, 1), dtype=np.uint64) | np.uint64(1)
_ADD = _random.integers(0, 2**63, size=(PERMUTATIONS, 1), dtype=np.uint64)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                 0xFF51AFD7ED558CCD], dtype=np.uint64)


def _shingle_hashes(text: str) -> np.ndarray:
    words = np.fromiter((zlib.crc32(w.encode()) for w in _WORDS.findall(text.lower())), dtype=np.uint64)
    if len(words) < SHINGLE:
        words = np.concatenate([words, np.zeros(SHINGLE - len(words), dtype=np.uint64)])
    count = len(words) - SHINGLE + 1
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(SHINGLE):  # each shingle: its words mixed in order (uint64 arithmetic wraps)
        combined += words[position:position + count] * _MIX[position]
    return np.unique(combined)


def fingerprint(text: str) -> bytes:
    """The MinHash signature of a text's shingles (multiply-shift hashing, one row per permutation)."""
    hashes = _shingle_hashes(text)
    with np.errstate(over="ignore"):
        return ((_MULTIPLY * hashes + _ADD) >> np.uint64(32)).min(axis=1).astype(np.uint32).tobytes()


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' shingle sets, exactly."""
    first, second = set(_shingle_hashes(a).tolist()), set(_shingle_hashes(b).tolist())
    return len(first & second) / max(len(first | second), 1)


def find_duplicates(articles: tuple[Article, ...], fingerprints: list[bytes]) -> dict[str, tuple[str, float]]:
    """For each article that copies another: its slug → (the canonical article's slug, similarity).

    `articles` must be in canonical order (the first of a group is kept): time order, then path.
    """
    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for number, signature in enumerate(fingerprints):
        for band in range(BANDS):
            buckets[band, signature[band * rows * 4:(band + 1) * rows * 4]].append(number)
    candidates = sorted({(a, b) for members in buckets.values() if len(members) > 1
                         for i, a in enumerate(members) for b in members[i + 1:]})
    copies: dict[str, tuple[str, float]] = {}
    for a, b in candidates:
        if articles[b].slug in copies:
            continue
        first, second = store.body(articles[a]), store.body(articles[b])
        if min(_word_count(first), _word_count(second)) < SHINGLE:
            continue  # a text shorter than a shingle has no fingerprint to compare: empty bodies are not copies
        score = similarity(first, second)
        if score >= THRESHOLD:
            canonical = copies.get(articles[a].slug, (articles[a].slug, 1.0))[0]
            copies[articles[b].slug] = (canonical, round(score, 2))
    return copies
