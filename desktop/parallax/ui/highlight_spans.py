"""The pure part of the highlight overlay: the index of marks per block, cutting
overlapping marks into segments for `setFormat`, and stacking overlapping spans into
underline layers. Nothing here draws; `highlighter.py` and `underlines.py` do.
"""

from __future__ import annotations

import heapq
import logging
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple

from parallax.domain.model import Annotation, AnnotationSpan, ExcludedSpan
from parallax.ui.offsets import OffsetMap

logger = logging.getLogger(__name__)

EXCLUDED = "excluded"


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
    span that contains them and a layer is reused as soon as its span has ended. A span
    that starts after every span so far has ended (most do) skips the heaps."""
    layers: dict[int, int] = {}
    active: list[tuple[int, int]] = []  # (end, layer) of spans still open
    free: list[int] = []  # with active: always the layers 0..len(active)+len(free)-1
    reach = -1  # the furthest end so far
    for start, end, key in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        if start >= reach:
            layers[key], active, free, reach = 0, [(end, 0)], [], end
            continue
        while active and active[0][0] <= start:
            heapq.heappush(free, heapq.heappop(active)[1])
        layer = heapq.heappop(free) if free else len(active)
        layers[key] = layer
        heapq.heappush(active, (end, layer))
        reach = max(reach, end)
    return layers


class Placed(NamedTuple):
    """Where one annotation sits: its stored span and kind, and the first and last block
    holding its marks."""

    start: int
    end: int
    kind: str
    first: int
    last: int


AnySpan = AnnotationSpan | Annotation


def as_span(annotation: AnySpan) -> AnnotationSpan:
    """The span of a full annotation (spans pass through unchanged)."""
    if isinstance(annotation, tuple):
        return annotation
    return AnnotationSpan(annotation.id, annotation.start, annotation.end, str(annotation.kind))


class SpanIndex:
    """An article's annotation and boilerplate spans as marks per block, each block's
    marks sorted by start: what formatting, underlining and hit-testing a block reads.

    Building it for thousands of annotations must take a few milliseconds (opening an
    article waits for it), so the common span, inside one block, is placed inline.
    """

    def __init__(self) -> None:
        self.offsets = OffsetMap("")
        self.excluded: list[ExcludedSpan] = []
        self._blocks: dict[int, list[Mark]] = {}
        self._placed: dict[int, Placed] = {}
        self._layers: dict[int, int] = {}  # absent: layer 0

    # ------------------------------------------------------------------ building
    def reset(
        self, offsets: OffsetMap, spans: Iterable[AnySpan], excluded: Iterable[ExcludedSpan]
    ) -> None:
        """Index a whole article (spans in any order; by start is fastest)."""
        self.offsets = offsets
        self._blocks = {}
        self._placed = {}
        self.place_excluded(excluded)
        shown = self._index_all([as_span(s) for s in spans])
        for marks in self._blocks.values():
            marks.sort()
        self._layers = assign_layers(shown)

    def _index_all(self, spans: list[AnnotationSpan]) -> list[tuple[int, int, int]]:
        """`add` for every span, inlined (opening 2,000 highlights waits for this); returns
        (start, end, id) of the spans placed, for `assign_layers`."""
        offsets = self.offsets
        starts = offsets.block_starts()
        # A block's text ends one position before the next block starts (its separator).
        ends = [start - 1 for start in starts[1:]]
        ends.append(offsets.qt_length)
        astral, length = offsets.astral_offsets, offsets.length
        blocks, placed = self._blocks, self._placed
        shown: list[tuple[int, int, int]] = []
        for key, start, end, kind in spans:
            if not 0 <= start < end <= length:
                self.add(AnnotationSpan(key, start, end, kind), 0)  # logs why it is left out
                continue
            qt_start = start + bisect_left(astral, start) if astral else start
            qt_end = end + bisect_left(astral, end) if astral else end
            number = bisect_right(starts, qt_start) - 1
            first = last = -1
            while True:  # once for a span inside one block, as most are
                base = starts[number]
                mark_start = qt_start - base if qt_start > base else 0
                mark_end = (qt_end if qt_end < ends[number] else ends[number]) - base
                if mark_end > mark_start:  # not on a separator or an empty line alone
                    mark = Mark(mark_start, mark_end, key, kind)
                    if number in blocks:
                        blocks[number].append(mark)
                    else:
                        blocks[number] = [mark]
                    first, last = (number if first < 0 else first), number
                if qt_end <= ends[number] + 1 or number + 1 == len(starts):
                    break
                number += 1
            if last >= 0:
                placed[key] = Placed(start, end, kind, first, last)
                shown.append((start, end, key))
        return shown

    def add(self, span: AnySpan, layer: int | None = None, *, sort: bool = True) -> set[int]:
        """Place one annotation (in a free layer unless given); the blocks it touches.
        With `sort=False` the caller sorts the block lists after."""
        key, start, end, kind = as_span(span)
        marks = self._place(start, end, key, kind)
        if not marks:
            return set()
        self._placed[key] = Placed(start, end, kind, min(marks), max(marks))
        layer = self._free_layer(marks) if layer is None else layer
        if layer:
            self._layers[key] = layer
        for number, mark in marks.items():
            if sort:
                insort(self._blocks.setdefault(number, []), mark)
            else:
                self._blocks.setdefault(number, []).append(mark)
        return set(marks)

    def remove(self, annotation_id: int) -> set[int]:
        """Take an annotation out; the blocks it was in ({} if it was not shown)."""
        placed = self._placed.pop(annotation_id, None)
        if placed is None:
            return set()
        self._layers.pop(annotation_id, None)
        touched = set(range(placed.first, placed.last + 1))
        for number in touched:
            marks = self._blocks.get(number)
            if marks:
                marks[:] = [m for m in marks if m.annotation_id != annotation_id]
        return touched

    def place_excluded(self, excluded: Iterable[ExcludedSpan]) -> set[int]:
        """Add boilerplate spans (marks with id -1); the blocks they touch."""
        self.excluded = list(excluded)
        touched: set[int] = set()
        for span in self.excluded:
            for number, mark in self._place(span.start, span.end, -1, EXCLUDED).items():
                insort(self._blocks.setdefault(number, []), mark)
                touched.add(number)
        return touched

    def clear_excluded(self) -> set[int]:
        """Take every boilerplate mark out; the blocks that had one."""
        touched = {
            n for n, marks in self._blocks.items() if any(m.annotation_id < 0 for m in marks)
        }
        for number in touched:
            self._blocks[number] = [m for m in self._blocks[number] if m.annotation_id >= 0]
        return touched

    def _place(self, start: int, end: int, key: int, kind: str) -> dict[int, Mark]:
        """Marks per block for a stored [start, end) span ({} if it lies outside the text)."""
        try:
            qt_start, qt_end = self.offsets.span_to_qt(start, end)
        except ValueError:
            logger.warning("span %s–%s of %s lies outside the article text", start, end, key)
            return {}
        starts = self.offsets.block_starts()
        number = bisect_right(starts, qt_start) - 1
        marks: dict[int, Mark] = {}
        while number < len(starts) and starts[number] < qt_end:
            position = starts[number]
            # A block's text ends one position before the next block (its separator).
            text_end = (
                starts[number + 1] - 1 if number + 1 < len(starts) else self.offsets.qt_length
            )
            mark_start = max(qt_start, position) - position
            mark_end = min(qt_end, text_end) - position
            if mark_end > mark_start:
                marks[number] = Mark(mark_start, mark_end, key, kind)
            number += 1
        return marks

    def _free_layer(self, marks: dict[int, Mark]) -> int:
        """The lowest layer no annotation overlapping these marks holds."""
        taken = {
            self._layers.get(m.annotation_id, 0)
            for number, mine in marks.items()
            for m in self._blocks.get(number, ())
            if m.annotation_id >= 0 and m.start < mine.end and mine.start < m.end
        }
        return next(n for n in range(len(taken) + 1) if n not in taken)

    # ------------------------------------------------------------------- queries
    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._placed

    def ids(self) -> set[int]:
        return set(self._placed)

    def placed(self, annotation_id: int) -> Placed | None:
        return self._placed.get(annotation_id)

    def blocks_of(self, annotation_id: int | None) -> set[int]:
        """The blocks an annotation's marks are in (none for an unknown id)."""
        placed = self._placed.get(annotation_id) if annotation_id is not None else None
        return set(range(placed.first, placed.last + 1)) if placed else set()

    def marks_of_block(self, number: int) -> Sequence[Mark]:
        return self._blocks.get(number, ())

    def block_numbers(self) -> set[int]:
        """The blocks holding any mark."""
        return {n for n, marks in self._blocks.items() if marks}

    def layer_of(self, annotation_id: int) -> int:
        return self._layers.get(annotation_id, 0)

    def touches_excluded(self, start: int, end: int) -> bool:
        """Whether stored [start, end) overlaps any boilerplate."""
        return any(x.start < end and start < x.end for x in self.excluded)
