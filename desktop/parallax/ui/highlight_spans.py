"""The pure part of the highlight overlay: marks within a block, cutting overlapping marks
into segments for `setFormat`, and stacking overlapping spans into underline layers.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple


class Mark(NamedTuple):
    """Part of a span inside one block: [start, end) in Qt positions from the block start."""

    start: int
    end: int
    annotation_id: int  # -1 for an excluded (boilerplate) span
    kind: str


def segments(marks: Sequence[Mark], length: int) -> Iterator[tuple[int, int, tuple[Mark, ...]]]:
    """Cut a block's overlapping marks into (start, end, covering marks) pieces."""
    if _disjoint(marks):  # the common case, and a block is highlighted on every repaint
        for mark in marks:
            start, end = max(0, mark.start), min(length, mark.end)
            if end > start:
                yield start, end, (mark,)
        return
    cuts = sorted({0, length, *(m.start for m in marks), *(m.end for m in marks)})
    cuts = [c for c in cuts if 0 <= c <= length]
    for start, end in pairwise(cuts):
        covering = tuple(m for m in marks if m.start <= start and m.end >= end)
        if covering:
            yield start, end, covering


def _disjoint(marks: Sequence[Mark]) -> bool:
    """Whether marks sorted by start never overlap."""
    end = -1
    for mark in marks:
        if mark.start < end:
            return False
        end = mark.end
    return True


def assign_layers(spans: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Give each (start, end, id) span the lowest layer no overlapping span holds.

    A sweep over spans sorted by start (longest first), so nested spans sit above the
    span that contains them and a layer is reused as soon as its span has ended."""
    layers: dict[int, int] = {}
    active: list[tuple[int, int]] = []  # (end, layer) of spans still open
    free: list[int] = []
    for start, end, key in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        while active and active[0][0] <= start:
            heapq.heappush(free, heapq.heappop(active)[1])
        layer = heapq.heappop(free) if free else len(active)
        layers[key] = layer
        heapq.heappush(active, (end, layer))
    return layers
