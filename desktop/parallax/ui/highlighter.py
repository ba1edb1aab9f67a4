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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from PySide6.QtCore import SIGNAL, SLOT, QObject
from PySide6.QtGui import (
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from parallax.domain.model import ExcludedSpan
from parallax.ui import style
from parallax.ui.highlight_spans import (
    EXCLUDED,
    AnySpan,
    Mark,
    SpanIndex,
    as_span,
    assign_layers,
    segments,
)
from parallax.ui.offsets import OffsetMap

logger = logging.getLogger(__name__)

__all__ = [
    "BY_KIND",
    "BY_TAG",
    "EXCLUDED",
    "AnnotationHighlighter",
    "Mark",
    "assign_layers",
    "segments",
]

BY_KIND, BY_TAG = "kind", "tag"
# How QSyntaxHighlighter.setDocument connects the document to its reformatting pass.
_CONTENTS_CHANGE = SIGNAL("contentsChange(int,int,int)")
_REFORMAT = SLOT("_q_reformatBlocks(int,int,int)")


class AnnotationHighlighter(QSyntaxHighlighter):
    """Colours annotations by kind (or tag), the selected one stronger, boilerplate grey."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._palette = QPalette(palette)
        self._index = SpanIndex()
        self._selected: int | None = None
        self._tag_colours: dict[int, str] | None = None  # None: colour by kind
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}
        self._deferring = False
        self._pending: set[int] = set()  # blocks with marks not yet given their formats

    # ------------------------------------------------------------------ content
    def set_content(
        self,
        offsets: OffsetMap,
        annotations: Iterable[AnySpan],
        excluded: Iterable[ExcludedSpan] = (),
        *,
        rehighlight: bool = True,
    ) -> None:
        """Index every span of an article (`AnnotationSpan`s, or full annotations) and
        highlight the whole document.

        Pass `rehighlight=False` when the text is set right after: `setPlainText` then
        highlights every block once, with this index.
        """
        self._pending.clear()
        self._index.reset(offsets, annotations, excluded)
        if rehighlight:
            self.rehighlight()

    def clear(self) -> None:
        """Forget every span (a closed pane lets go of its index at once)."""
        self._pending.clear()
        self._index = SpanIndex()

    def set_excluded(self, excluded: Iterable[ExcludedSpan]) -> set[int]:
        """Replace the boilerplate spans; re-highlight only the blocks whose grey changed."""
        touched = self._index.clear_excluded() | self._index.place_excluded(excluded)
        self._rehighlight_blocks(touched)
        return touched

    def update_annotations(self, annotations: Iterable[AnySpan]) -> set[int]:
        """Bring the index up to date with an article's annotations; re-highlight only the
        blocks whose marks changed. Returns those block numbers."""
        wanted = {span.id: span for span in map(as_span, annotations)}
        removed = [i for i in self._index.ids() if i not in wanted]
        return self.apply_updates(wanted.values(), removed)

    def apply_updates(self, changed: Iterable[AnySpan], removed: Iterable[int]) -> set[int]:
        """Re-place changed or new annotations and drop removed ones; re-highlight only the
        blocks touched. Returns those block numbers."""
        index = self._index
        touched: set[int] = set()
        for annotation_id in removed:
            touched |= index.remove(annotation_id)
        for span in map(as_span, changed):
            if index.span(span.id) == span:
                continue
            touched |= index.remove(span.id)
            touched |= index.add(span)
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
        self._reformat_all()

    def set_tag_colours(self, colours: Mapping[int, str] | None) -> None:
        """Colour by tag (annotation id → #rrggbb; untagged ones grey), or by kind (None)."""
        new = dict(colours) if colours is not None else None
        if new == self._tag_colours:
            return
        old, self._tag_colours = self._tag_colours, new
        if (old is None) != (new is None):
            self._formats.clear()
            self._reformat_all()
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
        """The ids shown (a copy: prefer `shows` for one id)."""
        return self._index.ids()

    def shows(self, annotation_id: int | None) -> bool:
        """Whether this annotation is highlighted here (O(1))."""
        return annotation_id in self._index

    def blocks_of(self, annotation_id: int | None) -> set[int]:
        return self._index.blocks_of(annotation_id)

    def marks_of_block(self, number: int) -> Sequence[Mark]:
        return self._index.marks_of_block(number)

    def layer_of(self, annotation_id: int) -> int:
        return self._index.layer_of(annotation_id)

    def span_of(self, annotation_id: int) -> tuple[int, int] | None:
        """The stored [start, end) of a shown annotation, or None."""
        span = self._index.span(annotation_id)
        return (span.start, span.end) if span else None

    def signature_of(self, annotation_id: int) -> tuple[int, int, str] | None:
        """(start, end, kind) of a shown annotation, or None."""
        span = self._index.span(annotation_id)
        return (span.start, span.end, span.kind) if span else None

    def touches_excluded(self, start: int, end: int) -> bool:
        """Whether stored [start, end) overlaps any boilerplate."""
        return self._index.touches_excluded(start, end)

    def colour_of(self, annotation_id: int) -> QColor:
        """The hue an annotation is drawn in (by kind or by tag)."""
        span = self._index.span(annotation_id)
        return self._hue(self._hue_key(annotation_id, span.kind if span else "claim"))

    def annotations_at(self, position: int) -> list[int]:
        """Ids of the annotations covering a Qt position, shortest span first."""
        block = self.document().findBlock(position)
        if not block.isValid():
            return []
        offset = position - block.position()
        hits = {
            m.annotation_id
            for m in self._index.marks_of_block(block.blockNumber())
            if m.annotation_id >= 0 and m.start <= offset < m.end
        }
        spans = {i: self._index.span(i) for i in hits}
        return sorted(hits, key=lambda i: (spans[i].end - spans[i].start, -spans[i].start, i))

    # ----------------------------------------------------------------- formats
    def _reformat_all(self) -> None:
        """New formats for every block with marks: at once for those formatted already,
        as they come into view for the others (a whole 1,000,000-character article is
        not reformatted for a change of colours)."""
        self._rehighlight_blocks(self._index.block_numbers())

    def _rehighlight_blocks(self, numbers: Iterable[int]) -> None:
        doc = self.document()
        for number in sorted(numbers):
            if number in self._pending:
                continue  # it gets its formats, with the index as it is then, when shown
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    # -------------------------------------------------------------- lazy formats
    @contextmanager
    def loading(self) -> Iterator[None]:
        """Around `setPlainText` of an article: no block gets its formats meanwhile; they
        are remembered as pending, and `format_pending` gives them as blocks come into
        view, so opening costs the same for 2 or 20,000 highlights.

        Qt's own pass over the changed blocks (which would only find them pending) is
        disconnected for the while when it can be: for 1,000,000 characters it fills and
        compares a million character formats."""
        document = self.document()
        detached = QObject.disconnect(document, _CONTENTS_CHANGE, self, _REFORMAT)
        self._deferring = True
        self._pending = self._index.block_numbers()
        try:
            yield
        finally:
            self._deferring = False
            if detached:
                QObject.connect(document, _CONTENTS_CHANGE, self, _REFORMAT)

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def highlight_range(self, first: int, last: int) -> int:
        """Give pending blocks first..last their formats; returns how many were done."""
        doc = self.document()
        todo = [n for n in range(first, last + 1) if n in self._pending]
        return sum(self.format_pending(doc.findBlockByNumber(n)) for n in todo)

    def format_pending(self, block: QTextBlock) -> bool:
        """Give a block its formats if it is still waiting for them; whether it was."""
        number = block.blockNumber()
        if number not in self._pending or not block.isValid():
            return False
        self._pending.discard(number)
        self.rehighlightBlock(block)
        return True

    # ---------------------------------------------------------------- drawing
    def highlightBlock(self, text: str) -> None:
        if self._deferring:
            return
        number = self.currentBlock().blockNumber()
        marks = self._index.marks_of_block(number)
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
