"""Near-duplicates: the same article saved twice, with different chrome around it.

Bodies (text outside the excluded spans) are compared as sets of five-word shingles of
folded words. Each article keeps only a bottom-k sketch (the k smallest shingle hashes),
so an index of 10,000 articles stays small; articles sharing enough sketch hashes are
candidates, and a candidate is confirmed on the exact shingle sets of both bodies, loaded
lazily through `load_body`. Similarity is the overlap coefficient |A∩B| / min(|A|, |B|):
a body with a leftover comment thread still matches its clean twin.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

SHINGLE = 5
SKETCH = 64
THRESHOLD = 0.8
_COMMON = 50  # a sketch hash in more articles than this is a stock phrase, not evidence
_WORD = re.compile(r"\w+")


def shingles(body: str) -> set[int]:
    """Hashes of the five-word shingles of a body (case and spacing folded)."""
    words = _WORD.findall(body.casefold())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE]).encode())
        for i in range(len(words) - SHINGLE + 1)
    }


def sketch(hashes: set[int]) -> tuple[int, ...]:
    return tuple(heapq.nsmallest(SKETCH, hashes))


@dataclass(frozen=True, slots=True)
class Match:
    article_id: int
    similarity: float


class NearDuplicateIndex:
    """Sketches of known bodies; `find` says which one a new body nearly duplicates."""

    def __init__(self, load_body: Callable[[int], str], *, threshold: float = THRESHOLD) -> None:
        self._load_body = load_body
        self._threshold = threshold
        self._postings: dict[int, list[int]] = defaultdict(list)
        self._sizes: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._sizes)

    def add(self, article_id: int, body: str) -> None:
        self.add_shingles(article_id, shingles(body))

    def add_shingles(self, article_id: int, hashes: set[int]) -> None:
        if not hashes:
            return
        self._sizes[article_id] = len(hashes)
        for value in sketch(hashes):
            self._postings[value].append(article_id)

    def extend(self, bodies: Iterable[tuple[int, str]]) -> None:
        for article_id, body in bodies:
            self.add(article_id, body)

    def find(self, body: str, hashes: set[int] | None = None) -> Match | None:
        """The most similar known body at or above the threshold, or None."""
        hashes = shingles(body) if hashes is None else hashes
        if not hashes:
            return None
        best: Match | None = None
        for article_id in self._candidates(hashes):
            other = shingles(self._load_body(article_id))
            if not other:
                continue
            similarity = len(hashes & other) / min(len(hashes), len(other))
            if similarity >= self._threshold and (best is None or similarity > best.similarity):
                best = Match(article_id, round(similarity, 3))
        return best

    def _candidates(self, hashes: set[int]) -> list[int]:
        """Articles sharing at least a quarter of the sketch, of comparable size."""
        mine = sketch(hashes)
        shared: dict[int, int] = defaultdict(int)
        for value in mine:
            posting = self._postings.get(value, ())
            if len(posting) > _COMMON:
                continue
            for article_id in posting:
                shared[article_id] += 1
        need = max(1, len(mine) // 4)
        size = len(hashes)
        return [
            article_id
            for article_id, count in shared.items()
            if count >= need and 0.5 <= self._sizes[article_id] / size <= 2.0
        ]
