"""Long id lists cut into IN (...) lists that every database accepts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

CHUNK = 500  # ids per IN (...) list, well under every backend's parameter limit


def id_chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    """The distinct ids in their first order, at most CHUNK at a time."""
    listed = list(dict.fromkeys(ids))
    for i in range(0, len(listed), CHUNK):
        yield listed[i : i + CHUNK]
