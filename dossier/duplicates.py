"""Find articles collected twice: the same text, or nearly (one outlet republishing another).

Each article's body becomes a set of hashed five-word shingles; an inverted index from shingle to
articles counts shared shingles only for pairs that share any, so the cost grows with the text, not
with articles². Two articles are copies when most of the shorter one's shingles are in the other.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict

from .model import Article

SHINGLE = 5
THRESHOLD = 0.8  # share of the shorter article's shingles found in the other
COMMON = 50  # a shingle in more articles than this is a stock phrase, not evidence


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode()) for i in range(max(len(words) - SHINGLE + 1, 0))}


def find_duplicates(articles: tuple[Article, ...]) -> dict[str, tuple[str, float]]:
    """For each article that copies another: its slug → (the canonical article's slug, similarity).

    `articles` must be in canonical order (the first of a group is kept): time order, then path.
    """
    sets = [shingles(a.body) for a in articles]
    index: dict[int, list[int]] = defaultdict(list)
    for number, found in enumerate(sets):
        for shingle in found:
            index[shingle].append(number)
    shared: Counter = Counter()
    for postings in index.values():
        if 1 < len(postings) <= COMMON:
            for i, a in enumerate(postings):
                for b in postings[i + 1:]:
                    shared[a, b] += 1
    copies: dict[str, tuple[str, float]] = {}
    for (a, b), count in sorted(shared.items()):
        similarity = count / max(min(len(sets[a]), len(sets[b])), 1)
        if similarity >= THRESHOLD and articles[b].slug not in copies:
            canonical = copies.get(articles[a].slug, (articles[a].slug, 1.0))[0]
            copies[articles[b].slug] = (canonical, round(similarity, 2))
    return copies
