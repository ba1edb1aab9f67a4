"""Annotation highlights drawn as an overlay on a read-only article document.

Spans are kept in a sorted index per block, in Qt positions relative to the block, so
`highlightBlock` only looks at its own marks, and a change re-highlights only the blocks
it touches. `setFormat` overwrites, so overlapping spans are cut into segments here and
each segment gets one format that blends every annotation covering it. Blending alone
can hide a nested span, so each annotation also gets a layer (overlapping annotations
never share one) and `underlines.py` draws one underline per layer in its own colour.
"""

from __future__ import annotations

import logging
from bisect import bisect_right, insort
from collections.abc import Iterable, Mapping, Sequence
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
from parallax.ui.highlight_spans import Mark, assign_layers, segments
from parallax.ui.offsets import OffsetMap

logger = logging.getLogger(__name__)

EXCLUDED = "excluded"
BY_KIND, BY_TAG = "kind", "tag"


class _Placed(NamedTuple):
    """Where one annotation sits: its kind and the marks per block number."""

    signature: tuple[int, int, str]
    marks: dict[int, Mark]


class AnnotationHighlighter(QSyntaxHighlighter):
    """Colours annotations by kind (or tag), the selected one stronger, boilerplate grey."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._palette = QPalette(palette)
        self._offsets = OffsetMap("")
        self._blocks: dict[int, list[Mark]] = {}
        self._placed: dict[int, _Placed] = {}
        self._layers: dict[int, int] = {}
        self._excluded: list[ExcludedSpan] = []
        self._selected: int | None = None
        self._tag_colours: dict[int, str] | None = None  # None: colour by kind
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}
        self._deferring = False
        self._pending: set[int] = set()  # blocks with marks not yet given their formats

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
        self._pending.clear()
        self._place_excluded(excluded)
        annotations = list(annotations)
        self._index_all(annotations)
        for marks in self._blocks.values():
            marks.sort()
        self._layers = assign_layers(
            (a.start, a.end, a.id) for a in annotations if a.id in self._placed
        )
        if rehighlight:
            self.rehighlight()

    def set_excluded(self, excluded: Iterable[ExcludedSpan]) -> set[int]:
        """Replace the boilerplate spans; re-highlight only the blocks whose grey changed."""
        touched = {n for n, marks in self._blocks.items() for m in marks if m.annotation_id < 0}
        for number in touched:
            self._blocks[number] = [m for m in self._blocks[number] if m.annotation_id >= 0]
        touched |= self._place_excluded(excluded)
        self._rehighlight_blocks(touched)
        return touched

    def _place_excluded(self, excluded: Iterable[ExcludedSpan]) -> set[int]:
        self._excluded = list(excluded)
        touched: set[int] = set()
        for span in self._excluded:
            for number, mark in self._place(span.start, span.end, -1, EXCLUDED).items():
                insort(self._blocks.setdefault(number, []), mark)
                touched.add(number)
        return touched

    def update_annotations(self, annotations: Iterable[Annotation]) -> set[int]:
        """Bring the index up to date with an article's annotations; re-highlight only the
        blocks whose marks changed. Returns those block numbers."""
        wanted = {a.id: a for a in annotations}
        removed = [
            annotation_id
            for annotation_id, placed in self._placed.items()
            if annotation_id not in wanted
        ]
        return self.apply_updates(wanted.values(), removed)

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

    def set_tag_colours(self, colours: Mapping[int, str] | None) -> None:
        """Colour by tag (annotation id → #rrggbb; untagged ones grey), or by kind (None)."""
        new = dict(colours) if colours is not None else None
        if new == self._tag_colours:
            return
        old, self._tag_colours = self._tag_colours, new
        if (old is None) != (new is None):
            self._formats.clear()
            self.rehighlight()
            return
        differ = {i for i in set(old or {}) | set(new or {}) if (old or {}).get(i) != new.get(i)}
        self._rehighlight_blocks(set().union(*(self.blocks_of(i) for i in differ)))

    # ------------------------------------------------------------------ queries
    @property
    def selected(self) -> int | None:
        return self._selected

    @property
    def colour_mode(self) -> str:
        return BY_KIND if self._tag_colours is None else BY_TAG

    def annotation_ids(self) -> set[int]:
        return set(self._placed)

    def blocks_of(self, annotation_id: int | None) -> set[int]:
        placed = self._placed.get(annotation_id) if annotation_id is not None else None
        return set(placed.marks) if placed else set()

    def marks_of_block(self, number: int) -> Sequence[Mark]:
        return self._blocks.get(number, ())

    def layer_of(self, annotation_id: int) -> int:
        return self._layers.get(annotation_id, 0)

    def span_of(self, annotation_id: int) -> tuple[int, int] | None:
        """The stored [start, end) of a shown annotation, or None."""
        placed = self._placed.get(annotation_id)
        return (placed.signature[0], placed.signature[1]) if placed else None

    def signature_of(self, annotation_id: int) -> tuple[int, int, str] | None:
        """(start, end, kind) of a shown annotation, or None."""
        placed = self._placed.get(annotation_id)
        return placed.signature if placed else None

    def touches_excluded(self, start: int, end: int) -> bool:
        """Whether stored [start, end) overlaps any boilerplate."""
        return any(x.start < end and start < x.end for x in self._excluded)

    def colour_of(self, annotation_id: int) -> QColor:
        """The hue an annotation is drawn in (by kind or by tag)."""
        placed = self._placed.get(annotation_id)
        kind = placed.signature[2] if placed else "claim"
        return self._hue(self._hue_key(annotation_id, kind))

    def annotations_at(self, position: int) -> list[int]:
        """Ids of the annotations covering a Qt position, shortest span first."""
        block = self.document().findBlock(position)
        if not block.isValid():
            return []
        offset = position - block.position()
        hits = {
            m.annotation_id
            for m in self._blocks.get(block.blockNumber(), ())
            if m.annotation_id >= 0 and m.start <= offset < m.end
        }
        sig = {i: self._placed[i].signature for i in hits}
        return sorted(hits, key=lambda i: (sig[i][1] - sig[i][0], -sig[i][0], i))

    # ----------------------------------------------------------------- indexing
    def _add(self, ann: Annotation, layer: int | None = None, *, sort: bool = True) -> set[int]:
        """Index an annotation; with `sort=False` the caller sorts the block lists after."""
        kind = str(ann.kind)
        marks = self._place(ann.start, ann.end, ann.id, kind)
        if not marks:
            return set()
        self._placed[ann.id] = _Placed((ann.start, ann.end, kind), marks)
        self._layers[ann.id] = layer if layer is not None else self._free_layer(marks)
        blocks = self._blocks
        for number, mark in marks.items():
            if sort:
                insort(blocks.setdefault(number, []), mark)
            else:
                blocks.setdefault(number, []).append(mark)
        return set(marks)

    def _index_all(self, annotations: list[Annotation]) -> None:
        """`_add` for a whole article, unsorted: the same, with the common case of a span
        inside one block inlined (opening 2,000 highlights must stay well under 100 ms)."""
        to_qt, starts = self._offsets.to_qt, self._offsets.block_starts()
        count, qt_length = len(starts), self._offsets.qt_length
        blocks, placed = self._blocks, self._placed
        for ann in annotations:
            kind = str(ann.kind)
            try:
                qt_start, qt_end = to_qt(ann.start), to_qt(ann.end)
            except ValueError:
                self._add(ann, 0, sort=False)  # logs why it is left out
                continue
            number = bisect_right(starts, qt_start) - 1
            block_end = starts[number + 1] - 1 if number + 1 < count else qt_length
            if qt_end > block_end or qt_end <= qt_start:
                self._add(ann, 0, sort=False)
                continue
            mark = Mark(qt_start - starts[number], qt_end - starts[number], ann.id, kind)
            placed[ann.id] = _Placed((ann.start, ann.end, kind), {number: mark})
            blocks.setdefault(number, []).append(mark)

    def _free_layer(self, marks: dict[int, Mark]) -> int:
        """The lowest layer no annotation overlapping these marks holds."""
        taken = {
            self._layers.get(m.annotation_id, 0)
            for number, mine in marks.items()
            for m in self._blocks.get(number, ())
            if m.annotation_id >= 0 and m.start < mine.end and mine.start < m.end
        }
        return next(n for n in range(len(taken) + 1) if n not in taken)

    def _remove(self, annotation_id: int) -> set[int]:
        placed = self._placed.pop(annotation_id)
        self._layers.pop(annotation_id, None)
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
            if number in self._pending:
                continue  # it gets its formats, with the index as it is then, when shown
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    # -------------------------------------------------------------- lazy formats
    def defer(self, deferring: bool) -> None:
        """While deferring, blocks are not given formats but remembered as pending.

        Set it around `setPlainText` of a long article: `highlight_range` then formats only
        the blocks coming into view, so opening costs the same for 2 or 20,000 highlights.
        """
        self._deferring = deferring
        if deferring:  # every block with marks waits; `highlightBlock` then returns at once
            self._pending = set(self._blocks)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def highlight_range(self, first: int, last: int) -> int:
        """Give pending blocks first..last their formats; returns how many were done."""
        todo = [n for n in range(first, last + 1) if n in self._pending]
        self._pending.difference_update(todo)
        doc = self.document()
        for number in todo:
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)
        return len(todo)

    # ---------------------------------------------------------------- drawing
    def highlightBlock(self, text: str) -> None:
        if self._deferring:
            return
        number = self.currentBlock().blockNumber()
        marks = self._blocks.get(number)
        if not marks:
            return
        self._pending.discard(number)
        for start, end, covering in segments(marks, len(text)):
            self.setFormat(start, end - start, self._format_for(covering))

    def _hue_key(self, annotation_id: int, kind: str) -> str:
        if self._tag_colours is None:
            return kind
        return self._tag_colours.get(annotation_id, "")

    def _hue(self, key: str) -> QColor:
        if self._tag_colours is None:
            return style.kind_colour(key)
        return QColor(key) if key else style.untagged_colour(self._palette)

    def _format_for(self, covering: tuple[Mark, ...]) -> QTextCharFormat:
        if len(covering) == 1 and covering[0].annotation_id >= 0:  # the common case, fast
            mark = covering[0]
            key: tuple[object, ...] = (
                self._hue_key(mark.annotation_id, mark.kind),
                mark.annotation_id == self._selected,
            )
            fmt = self._formats.get(key)
            if fmt is None:
                fmt = self._make_format((str(key[0]),), 1, bool(key[1]), False)
                self._formats[key] = fmt
            return fmt
        hues: set[str] = set()
        count, selected, excluded = 0, False, False
        for mark in covering:
            if mark.annotation_id < 0:
                excluded = True
                continue
            hues.add(self._hue_key(mark.annotation_id, mark.kind))
            count += 1
            selected = selected or mark.annotation_id == self._selected
        key = (tuple(sorted(hues)), min(count, 4), selected, excluded)  # never a 2-tuple
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._make_format(key[0], count, selected, excluded)
            self._formats[key] = fmt
        return fmt

    def _make_format(
        self, hues: tuple[str, ...], count: int, selected: bool, excluded: bool
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if excluded:
            fmt.setForeground(style.excluded_text(self._palette))
        if not hues:
            return fmt
        hue = style.average([self._hue(h) for h in hues])
        base = self._palette.color(QPalette.ColorRole.Base)
        dark = style.is_dark(self._palette)
        strength = (0.34 if dark else 0.26) + 0.14 * (min(count, 4) - 1)
        if selected:
            strength += 0.22 if dark else 0.26
        fmt.setBackground(style.mix(base, hue, min(strength, 0.85)))
        return fmt
