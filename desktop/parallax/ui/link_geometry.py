"""Where linked passages are on screen: the geometry connectors and synced scrolling share.

Positions are Qt positions (converted from stored offsets in `offsets.py` once, when the
passages are loaded), so emoji before a passage do not shift it. A passage's vertical
extent comes from its block's bounding geometry and the text lines holding its first and
last character, which is what `cursorRect` reports, without moving any cursor. Passages
outside the viewport are classified by block number alone, so scrolling a long article
with many links only measures the few that are visible.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit


class Where(IntEnum):
    ABOVE = -1
    VISIBLE = 0
    BELOW = 1


@dataclass(frozen=True, slots=True)
class LinkedPassage:
    """A passage of one pane linked to an event, in Qt positions of that pane's document."""

    annotation_id: int
    event_id: int
    stance: str
    qt_start: int
    qt_end: int
    first_block: int
    last_block: int


@dataclass(frozen=True, slots=True)
class Extent:
    """A passage's vertical extent in its view's viewport (clamped to it) and where it is."""

    top: float
    bottom: float
    where: Where


def linked_passage(
    annotation_id: int,
    event_id: int,
    stance: str,
    qt_span: tuple[int, int],
    block_starts: list[int],
) -> LinkedPassage:
    """A LinkedPassage with the numbers of the blocks its span starts and ends in."""
    qt_start, qt_end = qt_span
    first = bisect_right(block_starts, qt_start) - 1
    last = bisect_right(block_starts, max(qt_start, qt_end - 1)) - 1
    return LinkedPassage(annotation_id, event_id, stance, qt_start, qt_end, first, last)


class VisibleBlocks:
    """The first and last block numbers a view shows right now (measured once per paint)."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        self.height = float(view.viewport().height())
        block = view.firstVisibleBlock()
        self.first = block.blockNumber()
        top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
        last = self.first
        while block.isValid() and top <= self.height:
            last = block.blockNumber()
            top += view.blockBoundingRect(block).height()
            block = block.next()
        self.last = last

    def extent(self, passage: LinkedPassage) -> Extent:
        """The passage's y-range in the viewport; off-screen ones sit on the nearer edge."""
        if passage.last_block < self.first:
            return Extent(0.0, 0.0, Where.ABOVE)
        if passage.first_block > self.last:
            return Extent(self.height, self.height, Where.BELOW)
        top = self._line_y(passage.qt_start, bottom=False)
        bottom = self._line_y(max(passage.qt_start, passage.qt_end - 1), bottom=True)
        if bottom <= 0:
            return Extent(0.0, 0.0, Where.ABOVE)
        if top >= self.height:
            return Extent(self.height, self.height, Where.BELOW)
        return Extent(max(0.0, top), min(self.height, bottom), Where.VISIBLE)

    def line_top(self, position: int) -> float:
        """Top of the text line holding a Qt position, in viewport pixels (unclamped)."""
        return self._line_y(position, bottom=False)

    def _line_y(self, position: int, *, bottom: bool) -> float:
        """Top (or bottom) of the text line holding a Qt position, in viewport pixels."""
        block: QTextBlock = self.view.document().findBlock(position)
        top = self.view.blockBoundingGeometry(block).translated(self.view.contentOffset()).top()
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return top
        return top + line.y() + (line.height() if bottom else 0.0)
