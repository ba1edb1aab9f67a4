"""Stacked underlines under overlapping highlights, one row per layer, each in its
annotation's colour.

Blended fills show that passages overlap but not where each one ends; an underline per
annotation does. A highlight that overlaps nothing needs none (its fill says it all, and
the page stays calm); the selected one always gets a thicker line. Lines are drawn over
the visible blocks only, at the x-extent of each glyph run of the span, so a span inside
a right-to-left line or a line mixing both directions gets its line under exactly its own
characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QLineF, QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QPen, QTextBlock, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from parallax.ui import style
from parallax.ui.highlighter import AnnotationHighlighter, Mark

_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
MAX_LAYERS = 4  # deeper nesting shares the last row
GAP = 3.0  # pixels between rows
WIDTH = 1.6
SELECTED_WIDTH = 2.6


def paint_underlines(
    view: QPlainTextEdit, highlighter: AnnotationHighlighter, painter: QPainter, clip: QRect
) -> None:
    """Draw every visible annotation's underline in its layer's row."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    offset = view.contentOffset()
    block = view.firstVisibleBlock()
    while block.isValid():
        geometry = view.blockBoundingGeometry(block).translated(offset)
        if geometry.top() > clip.bottom():
            break
        if block.isVisible() and geometry.bottom() >= clip.top():
            number = block.blockNumber()
            marks = underlined(highlighter.marks_of_block(number), highlighter.selected)
            if marks:  # most blocks have none: their text is not even looked at
                shown = _shown_text(
                    block, clip.top() - geometry.top(), clip.bottom() - geometry.top()
                )
                _paint_block(view, highlighter, painter, block, geometry.topLeft(), marks, shown)
        block = block.next()


def underlined(marks: Sequence[Mark], selected: int | None) -> list[Mark]:
    """The marks of a block (sorted by start) that get an underline: those overlapping
    another annotation's, and the selected annotation's."""
    overlapping = overlapping_ids(marks)
    return [
        m
        for m in marks
        if m.annotation_id >= 0 and (m.annotation_id in overlapping or m.annotation_id == selected)
    ]


def _shown_text(block: QTextBlock, top: float, bottom: float) -> tuple[int, int]:
    """The [start, end) of a block's text on lines between y = top and bottom (block
    coordinates): a paragraph longer than the screen has most of its marks off it."""
    layout = block.layout()
    count = layout.lineCount()
    if count == 0:
        return 0, len(block.text())
    first = next((i for i in range(count) if layout.lineAt(i).rect().bottom() >= top), count - 1)
    last = first
    while last + 1 < count and layout.lineAt(last + 1).y() <= bottom:
        last += 1
    end_line = layout.lineAt(last)
    return layout.lineAt(first).textStart(), end_line.textStart() + end_line.textLength()


def _paint_block(
    view: QPlainTextEdit,
    highlighter: AnnotationHighlighter,
    painter: QPainter,
    block: QTextBlock,
    origin: QPointF,
    marks: Sequence[Mark],
    shown: tuple[int, int],
) -> None:
    """Underline `marks` (those `underlined` chose) where they lie in the `shown` text."""
    layout = block.layout()
    palette = view.palette()
    bidi = has_right_to_left(block.text())
    for mark in marks:
        if mark.start >= shown[1] or mark.end <= shown[0]:
            continue
        colour = style.underline_colour(highlighter.colour_of(mark.annotation_id), palette)
        selected = mark.annotation_id == highlighter.selected
        pen = QPen(colour, SELECTED_WIDTH if selected else WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        row = min(highlighter.layer_of(mark.annotation_id), MAX_LAYERS - 1)
        for line in underline_segments(layout, mark.start, mark.end, row, bidi=bidi):
            painter.drawLine(line.translated(origin))


def overlapping_ids(marks: Sequence[Mark]) -> set[int]:
    """Ids of the annotation marks (sorted by start) that overlap another in the block."""
    found: set[int] = set()
    reach, reacher = -1, -1  # the furthest end so far, and whose it is
    for mark in marks:
        if mark.annotation_id < 0:
            continue
        if mark.start < reach:
            found.update((mark.annotation_id, reacher))
        if mark.end > reach:
            reach, reacher = mark.end, mark.annotation_id
    return found


def has_right_to_left(text: str) -> bool:
    """Whether a block has right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko…)."""
    return _RTL.search(text) is not None


def underline_segments(
    layout: QTextLayout, start: int, end: int, row: int, *, bidi: bool = True
) -> list[QLineF]:
    """Lines (in layout coordinates) under the characters [start, end) of a block, in
    underline row `row`: one per visual run of each text line the span touches.

    Without right-to-left text (`bidi=False`) a line's span is one run, measured with
    `cursorToX`; otherwise the glyph runs give each visual piece its own extent."""
    lines: list[QLineF] = []
    begin = layout.lineForTextPosition(start)
    for index in range(begin.lineNumber() if begin.isValid() else 0, layout.lineCount()):
        line = layout.lineAt(index)
        if line.textStart() >= end:
            break
        first = max(start, line.textStart())
        last = min(end, line.textStart() + line.textLength())
        if first >= last:
            continue
        y = line.y() + line.ascent() + 2.0 + row * GAP
        if not bidi:
            lines.append(QLineF(line.cursorToX(first)[0], y, line.cursorToX(last)[0], y))
            continue
        for run in layout.glyphRuns(first, last - first):
            rect = run.boundingRect()
            if rect.width() > 0:
                lines.append(QLineF(rect.left(), y, rect.right(), y))
    return lines
