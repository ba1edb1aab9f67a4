"""The pure part of the highlight overlay: the index of marks per block, cutting
overlapping marks into segments for `setFormat`, and stacking overlapping spans into
underline layers. Nothing here draws; `highlighter.py` and `underlines.py` do.
"""

from __future__ import annotations

import heapq
import logging
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple

from parallax.domain.model import Annotation, AnnotationId, AnnotationSpan, ExcludedSpan
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

    Sorted by start (longest first), so nested spans sit above the span that contains
    them and a layer is reused as soon as its span has ended."""
    spans = list(spans)
    layers = dict.fromkeys((key for _start, _end, key in spans), 0)
    layers.update(stacked_layers(sorted((start, -end, key) for start, end, key in spans)))
    return layers


def stacked_layers(ordered: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """`assign_layers` for (start, -end, id) spans already in that order; only the spans
    not on layer 0 are returned. A span that starts after every span so far has ended
    (most do) skips the heaps."""
    layers: dict[int, int] = {}
    active: list[tuple[int, int]] = []  # (end, layer) of spans still open
    free: list[int] = []  # with active: always the layers 0..len(active)+len(free)-1
    reach = -1  # the furthest end so far
    for start, minus_end, key in ordered:
        end = -minus_end
        if start >= reach:
            active, free, reach = [(end, 0)], [], end
            continue
        while active and active[0][0] <= start:
            heapq.heappush(free, heapq.heappop(active)[1])
        layer = heapq.heappop(free) if free else len(active)
        if layer:
            layers[key] = layer
        heapq.heappush(active, (end, layer))
        reach = max(reach, end)
    return layers


AnySpan = AnnotationSpan | Annotation


def as_span(annotation: AnySpan) -> AnnotationSpan:
    """The span of a full annotation (spans pass through unchanged)."""
    if isinstance(annotation, tuple):
        return annotation
    return AnnotationSpan(annotation.id, annotation.start, annotation.end, str(annotation.kind))


class SpanIndex:
    """An article's annotation and boilerplate spans by block: what formatting,
    underlining and hit-testing a block reads, as `Mark`s relative to the block.

    Opening an article waits for this index, so building it must take a few
    milliseconds for thousands of spans: a block keeps references to the spans that
    show in it (their code point offsets, as read), and turns them into marks only when
    it is formatted or painted, which happens to the few blocks on screen.
    """

    def __init__(self) -> None:
        self.offsets = OffsetMap("")
        self.excluded: list[ExcludedSpan] = []
        self._spans: dict[int, AnnotationSpan] = {}
        self._blocks: dict[int, list[AnnotationSpan]] = {}  # boilerplate has id -1
        self._layers: dict[int, int] = {}  # absent: layer 0

    # ------------------------------------------------------------------ building
    def reset(
        self, offsets: OffsetMap, spans: Iterable[AnySpan], excluded: Iterable[ExcludedSpan]
    ) -> None:
        """Index a whole article (spans in any order; by start is fastest)."""
        self.offsets = offsets
        self._spans, self._blocks = {}, {}
        self.place_excluded(excluded)
        shown = self._index_all([as_span(s) for s in spans])
        shown.sort()
        self._layers = stacked_layers(shown)

    def _index_all(self, spans: list[AnnotationSpan]) -> list[tuple[int, int, int]]:
        """`add` for every span, inlined; returns (start, -end, id) of the spans shown,
        for `stacked_layers`."""
        starts = self.offsets.block_starts()
        ends = [start - 1 for start in starts[1:]]  # a block's text ends at its separator
        ends.append(self.offsets.qt_length)
        astral, length = self.offsets.astral_offsets, self.offsets.length
        blocks, by_id = self._blocks, self._spans
        shown: list[tuple[int, int, int]] = []
        for span in spans:
            key, start, end, _kind = span
            if not 0 <= start < end <= length:
                self.add(span)  # logs why it is left out
                continue
            qt_start = start + bisect_left(astral, start) if astral else start
            qt_end = end + bisect_left(astral, end) if astral else end
            number = bisect_right(starts, qt_start) - 1
            if qt_end <= ends[number]:  # inside one block, as most are
                if number in blocks:
                    blocks[number].append(span)
                else:
                    blocks[number] = [span]
            elif not self._append(span, self._blocks_shown(qt_start, qt_end)):
                continue
            by_id[key] = span
            shown.append((start, -end, key))
        return shown

    def _blocks_shown(self, qt_start: int, qt_end: int) -> list[int]:
        """The blocks where Qt span [qt_start, qt_end) covers some text (not just a line
        break or an empty line)."""
        starts, qt_length = self.offsets.block_starts(), self.offsets.qt_length
        first = bisect_right(starts, qt_start) - 1
        last = bisect_right(starts, qt_end - 1, lo=first) - 1
        return [
            number
            for number in range(first, last + 1)
            if min(qt_end, _block_end(starts, number, qt_length)) > max(qt_start, starts[number])
        ]

    def _append(self, span: AnnotationSpan, numbers: list[int]) -> bool:
        """Add a span to these blocks; whether there were any."""
        for number in numbers:
            self._blocks.setdefault(number, []).append(span)
        return bool(numbers)

    def add(self, span: AnySpan) -> set[int]:
        """Place one annotation, in the lowest layer free where it overlaps others; the
        blocks it shows in ({} if none: outside the text, or only line breaks)."""
        span = as_span(span)
        qt_span = self._qt_span(span)
        numbers = self._blocks_shown(*qt_span) if qt_span else []
        if not self._append(span, numbers):
            return set()
        self._spans[span.id] = span
        layer = self._free_layer(span, numbers)
        if layer:
            self._layers[span.id] = layer
        return set(numbers)

    def remove(self, annotation_id: int) -> set[int]:
        """Take an annotation out; the blocks it was in ({} if it was not shown)."""
        if annotation_id not in self._spans:
            return set()
        touched = self.blocks_of(annotation_id)
        del self._spans[annotation_id]
        self._layers.pop(annotation_id, None)
        for number in touched:
            spans = self._blocks.get(number)
            if spans:
                spans[:] = [s for s in spans if s.id != annotation_id]
        return touched

    def place_excluded(self, excluded: Iterable[ExcludedSpan]) -> set[int]:
        """Add boilerplate spans (id -1); the blocks they touch."""
        self.excluded = list(excluded)
        touched: set[int] = set()
        for boilerplate in self.excluded:
            span = AnnotationSpan(AnnotationId(-1), boilerplate.start, boilerplate.end, EXCLUDED)
            qt_span = self._qt_span(span)
            numbers = self._blocks_shown(*qt_span) if qt_span else []
            self._append(span, numbers)
            touched.update(numbers)
        return touched

    def clear_excluded(self) -> set[int]:
        """Take every boilerplate span out; the blocks that had one."""
        touched = set()
        for number, spans in self._blocks.items():
            if any(s.id < 0 for s in spans):
                spans[:] = [s for s in spans if s.id >= 0]
                touched.add(number)
        return touched

    def _qt_span(self, span: AnnotationSpan) -> tuple[int, int] | None:
        """Qt positions of a stored span (None, logged, if it lies outside the text)."""
        try:
            qt_start, qt_end = self.offsets.span_to_qt(span.start, span.end)
        except ValueError:
            logger.warning("span %s–%s of %s lies outside the article text", *span[1:3], span.id)
            return None
        return (qt_start, qt_end) if qt_end > qt_start else None

    def _free_layer(self, span: AnnotationSpan, numbers: Iterable[int]) -> int:
        """The lowest layer no other annotation overlapping `span` holds."""
        taken = set()
        for number in numbers:
            marks = self.marks_of_block(number)
            mine = [m for m in marks if m.annotation_id == span.id]
            taken |= {
                self._layers.get(m.annotation_id, 0)
                for m in marks
                for own in mine
                if 0 <= m.annotation_id != span.id and m.start < own.end and own.start < m.end
            }
        return next(n for n in range(len(taken) + 1) if n not in taken)

    # ------------------------------------------------------------------- queries
    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._spans

    def ids(self) -> set[int]:
        return set(self._spans)

    def span(self, annotation_id: int) -> AnnotationSpan | None:
        """The stored span of an annotation shown here, or None."""
        return self._spans.get(annotation_id)

    def blocks_of(self, annotation_id: int | None) -> set[int]:
        """The blocks from the one holding an annotation's first character to the one
        holding its last (none for an annotation not shown)."""
        span = self._spans.get(annotation_id) if annotation_id is not None else None
        if span is None:
            return set()
        qt_start, qt_end = self.offsets.span_to_qt(span.start, span.end)
        starts = self.offsets.block_starts()
        first = bisect_right(starts, qt_start) - 1
        return set(range(first, bisect_right(starts, qt_end - 1, lo=first)))

    def marks_of_block(self, number: int) -> list[Mark]:
        """The marks of a block, in Qt positions from its start, sorted by start."""
        spans = self._blocks.get(number)
        if not spans:
            return []
        starts, to_qt = self.offsets.block_starts(), self.offsets.to_qt
        base, end = starts[number], _block_end(starts, number, self.offsets.qt_length)
        marks = []
        for key, start, stop, kind in spans:
            mark_start, mark_end = max(to_qt(start), base), min(to_qt(stop), end)
            if mark_end > mark_start:
                marks.append(Mark(mark_start - base, mark_end - base, key, kind))
        marks.sort()
        return marks

    def block_numbers(self) -> set[int]:
        """The blocks holding any span."""
        return {n for n, spans in self._blocks.items() if spans}

    def layer_of(self, annotation_id: int) -> int:
        return self._layers.get(annotation_id, 0)

    def touches_excluded(self, start: int, end: int) -> bool:
        """Whether stored [start, end) overlaps any boilerplate."""
        return any(x.start < end and start < x.end for x in self.excluded)


def _block_end(starts: Sequence[int], number: int, qt_length: int) -> int:
    """Where a block's text ends: one position before the next block (its separator)."""
    return starts[number + 1] - 1 if number + 1 < len(starts) else qt_length
