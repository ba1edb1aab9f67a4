"""Annotation highlights drawn as an overlay on a read-only article document.

Spans are kept in a sorted index per block, in Qt positions relative to the block, so
`highlightBlock` only looks at its own marks, and a change re-highlights only the blocks
it touches. `setFormat` overwrites, so overlapping spans are cut into segments here and
each segment gets one format that blends every annotation covering it.
"""

from __future__ import annotations

import logging
from bisect import bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtGui import (
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from parallax.domain.model import Annotation, ExcludedSpan
from parallax.ui import style
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
    cuts = sorted({0, length, *(m.start for m in marks), *(m.end for m in marks)})
    cuts = [c for c in cuts if 0 <= c <= length]
    for start, end in pairwise(cuts):
        covering = tuple(m for m in marks if m.start <= start and m.end >= end)
        if covering:
            yield start, end, covering


class _Placed(NamedTuple):
    """Where one annotation sits: its kind and the marks per block number."""

    signature: tuple[int, int, str]
    marks: dict[int, Mark]


class AnnotationHighlighter(QSyntaxHighlighter):
    """Colours annotations by kind, the selected one stronger, boilerplate greyed."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._palette = QPalette(palette)
        self._offsets = OffsetMap("")
        self._blocks: dict[int, list[Mark]] = {}
        self._placed: dict[int, _Placed] = {}
        self._selected: int | None = None
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}

    # ------------------------------------------------------------------ content
    def set_content(
        self,
        offsets: OffsetMap,
        annotations: Iterable[Annotation],
        excluded: Iterable[ExcludedSpan] = (),
        *,
        rehighlight: bool = True,
    ) -> None:
        """Index every span of an article and highlight the whole document.

        Pass `rehighlight=False` when the text is set right after: `setPlainText` then
        highlights every block once, with this index.
        """
        self._offsets = offsets
        self._blocks.clear()
        self._placed.clear()
        for span in excluded:
            for number, mark in self._place(span.start, span.end, -1, EXCLUDED).items():
                insort(self._blocks.setdefault(number, []), mark)
        for ann in annotations:
            self._add(ann)
        if rehighlight:
            self.rehighlight()

    def update_annotations(self, annotations: Iterable[Annotation]) -> set[int]:
        """Bring the index up to date with an article's annotations; re-highlight only the
        blocks whose marks changed. Returns those block numbers."""
        wanted = {a.id: a for a in annotations}
        touched: set[int] = set()
        for annotation_id, placed in list(self._placed.items()):
            ann = wanted.get(annotation_id)
            if ann is None or (ann.start, ann.end, str(ann.kind)) != placed.signature:
                touched |= self._remove(annotation_id)
        for annotation_id, ann in wanted.items():
            if annotation_id not in self._placed:
                touched |= self._add(ann)
        self._rehighlight_blocks(touched)
        return touched

    def apply_updates(self, changed: Iterable[Annotation], removed: Iterable[int]) -> set[int]:
        """Re-place changed or new annotations and drop removed ones; re-highlight only the
        blocks touched. Returns those block numbers."""
        touched: set[int] = set()
        for annotation_id in removed:
            if annotation_id in self._placed:
                touched |= self._remove(annotation_id)
        for ann in changed:
            placed = self._placed.get(ann.id)
            if placed is not None and placed.signature == (ann.start, ann.end, str(ann.kind)):
                continue
            if placed is not None:
                touched |= self._remove(ann.id)
            touched |= self._add(ann)
        self._rehighlight_blocks(touched)
        return touched

    def set_selected(self, annotation_id: int | None) -> None:
        """Draw `annotation_id` stronger (None: no annotation is selected here)."""
        if annotation_id == self._selected:
            return
        touched = self.blocks_of(self._selected) | self.blocks_of(annotation_id)
        self._selected = annotation_id
        self._rehighlight_blocks(touched)

    def set_palette(self, palette: QPalette) -> None:
        """Recompute colours for a new palette (light/dark switch)."""
        self._palette = QPalette(palette)
        self._formats.clear()
        self.rehighlight()

    # ------------------------------------------------------------------ queries
    @property
    def selected(self) -> int | None:
        return self._selected

    def annotation_ids(self) -> set[int]:
        return set(self._placed)

    def blocks_of(self, annotation_id: int | None) -> set[int]:
        placed = self._placed.get(annotation_id) if annotation_id is not None else None
        return set(placed.marks) if placed else set()

    def annotations_at(self, position: int) -> list[int]:
        """Ids of the annotations covering a Qt position, shortest span first."""
        block = self.document().findBlock(position)
        if not block.isValid():
            return []
        offset = position - block.position()
        hits = [
            m
            for m in self._blocks.get(block.blockNumber(), ())
            if m.annotation_id >= 0 and m.start <= offset < m.end
        ]
        placed = self._placed
        hits.sort(key=lambda m: placed[m.annotation_id].signature[1] - m.start)
        return [m.annotation_id for m in hits]

    # ----------------------------------------------------------------- indexing
    def _add(self, ann: Annotation) -> set[int]:
        marks = self._place(ann.start, ann.end, ann.id, str(ann.kind))
        if not marks:
            return set()
        self._placed[ann.id] = _Placed((ann.start, ann.end, str(ann.kind)), marks)
        for number, mark in marks.items():
            insort(self._blocks.setdefault(number, []), mark)
        return set(marks)

    def _remove(self, annotation_id: int) -> set[int]:
        placed = self._placed.pop(annotation_id)
        for number, mark in placed.marks.items():
            marks = self._blocks.get(number, [])
            if mark in marks:
                marks.remove(mark)
        return set(placed.marks)

    def _place(self, start: int, end: int, key: int, kind: str) -> dict[int, Mark]:
        """Marks per block for a stored [start, end) span ({} if it lies outside the text)."""
        try:
            qt_start, qt_end = self._offsets.span_to_qt(start, end)
        except ValueError:
            logger.warning("span %s–%s of %s lies outside the article text", start, end, key)
            return {}
        starts = self._offsets.block_starts()
        number = bisect_right(starts, qt_start) - 1
        marks: dict[int, Mark] = {}
        while number < len(starts) and starts[number] < qt_end:
            position = starts[number]
            # A block's text ends one position before the next block (its separator).
            text_end = (
                starts[number + 1] - 1 if number + 1 < len(starts) else self._offsets.qt_length
            )
            mark_start = max(qt_start, position) - position
            mark_end = min(qt_end, text_end) - position
            if mark_end > mark_start:
                marks[number] = Mark(mark_start, mark_end, key, kind)
            number += 1
        return marks

    def _rehighlight_blocks(self, numbers: Iterable[int]) -> None:
        doc = self.document()
        for number in sorted(numbers):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    # ---------------------------------------------------------------- drawing
    def highlightBlock(self, text: str) -> None:
        marks = self._blocks.get(self.currentBlock().blockNumber())
        if not marks:
            return
        for start, end, covering in segments(marks, len(text)):
            self.setFormat(start, end - start, self._format_for(covering))

    def _format_for(self, covering: tuple[Mark, ...]) -> QTextCharFormat:
        kinds: set[str] = set()
        count, selected, excluded = 0, False, False
        for mark in covering:
            if mark.annotation_id < 0:
                excluded = True
                continue
            kinds.add(mark.kind)
            count += 1
            selected = selected or mark.annotation_id == self._selected
        key = (tuple(sorted(kinds)), min(count, 4), selected, excluded)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._make_format(key[0], count, selected, excluded)
            self._formats[key] = fmt
        return fmt

    def _make_format(
        self, kinds: tuple[str, ...], count: int, selected: bool, excluded: bool
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if excluded:
            grey = self._palette.color(QPalette.ColorRole.PlaceholderText)
            fmt.setForeground(grey)
        if not kinds:
            return fmt
        hue = style.average([style.kind_colour(k) for k in kinds])
        base = self._palette.color(QPalette.ColorRole.Base)
        dark = style.is_dark(self._palette)
        strength = (0.4 if dark else 0.32) + 0.16 * (min(count, 4) - 1)
        if selected:
            strength += 0.2 if dark else 0.3
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(_deepen(hue, self._palette))
        fmt.setBackground(style.mix(base, hue, min(strength, 0.9)))
        return fmt


def _deepen(colour: QColor, palette: QPalette) -> QColor:
    return colour.lighter(140) if style.is_dark(palette) else colour.darker(150)
