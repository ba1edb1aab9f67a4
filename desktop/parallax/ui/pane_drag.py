"""Dragging a pane by its header to another place on the reading desk.

The desk hands its drag events to `PaneDrops`; where a drop lands is decided by plain
functions of the panes' positions, so the rule can be tested without a drag.
"""

from __future__ import annotations

import bisect
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QDrag, QDragMoveEvent, QDropEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane
    from parallax.ui.desk import ReadingDesk

MIME_TYPE = "application/x-parallax-pane"
BAR_WIDTH = 4  # pixels: the indicator's upright
CAP_WIDTH = 14  # and the bars across its ends, which tell it from a current pane's accent

Edges = tuple[int, int]  # a pane's left and right x on the desk


def drop_slot(centres: Sequence[float], x: float) -> int:
    """The gap a drop at `x` falls in: 0 before the first pane, len(centres) after the
    last. Over a pane's left half the drop goes before it, over its right half after it."""
    return bisect.bisect_right(centres, x)


def slot_target(slot: int, source: int) -> int:
    """The index the pane now at `source` takes when dropped in gap `slot`: the gaps on
    either side of it give `source` itself, so dropping a pane on its own place is a no-op."""
    return slot - 1 if slot > source else slot


def gap_x(edges: Sequence[Edges], slot: int) -> int:
    """Where the indicator of gap `slot` goes: in the gutter between two panes, or just
    inside the desk's left or right edge for the first and last gaps."""
    if slot <= 0:
        return edges[0][0] + CAP_WIDTH // 2
    if slot >= len(edges):
        return edges[-1][1] - CAP_WIDTH // 2
    return (edges[slot - 1][1] + edges[slot][0]) // 2


def pane_edges(desk: ReadingDesk) -> list[Edges]:
    """Each pane's left and right x on the desk, left to right."""
    return [
        (pane.mapTo(desk, QPoint(0, 0)).x(), pane.mapTo(desk, QPoint(pane.width(), 0)).x())
        for pane in desk.panes
    ]


def pane_mime_data(desk_key: str, index: int) -> QMimeData:
    """The data of a pane's drag: which desk it comes from and the pane's place there."""
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray(f"{desk_key}:{index}".encode()))
    return data


def dragged_index(data: QMimeData | None, desk_key: str) -> int | None:
    """The place of the pane a drag carries; None unless it is a pane of this very desk
    (files, text, or a pane of another window or another running Parallax)."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return None
    payload = bytes(data.data(MIME_TYPE).data()).decode("utf-8", errors="replace")
    key, _, index = payload.rpartition(":")
    return int(index) if key == desk_key and index.isdigit() else None


class DropIndicator(QWidget):
    """A thin upright in the accent colour, capped at both ends like an I-beam, at the
    gap where a dragged pane would land.

    A child widget rather than paint on the desk itself: the panes cover the desk, and
    only a widget raised above them is seen. It lets the mouse and drags through."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_at(self, x: int, top: int, height: int) -> None:
        self.setGeometry(x - CAP_WIDTH // 2, top, CAP_WIDTH, height)
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        # the same accent as the current pane's line along the top of its header
        painter = QPainter(self)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        painter.fillRect((CAP_WIDTH - BAR_WIDTH) // 2, 0, BAR_WIDTH, self.height(), accent)
        painter.fillRect(0, 0, CAP_WIDTH, BAR_WIDTH, accent)
        painter.fillRect(0, self.height() - BAR_WIDTH, CAP_WIDTH, BAR_WIDTH, accent)
        painter.end()


class PaneDrops:
    """The desk's side of dragging panes: starts the drag, accepts only this desk's panes
    (files go on to the window, which imports them), shows where a pane would land and
    moves it there with the desk's own `move_pane`."""

    def __init__(self, desk: ReadingDesk) -> None:
        self.desk = desk
        self.key = uuid.uuid4().hex  # a pane of another window must not move one here
        self.indicator = DropIndicator(desk)

    def drag(self, pane: ArticlePane, hot_spot: QPoint) -> QDrag | None:
        """The drag that carries a pane by its header; None with fewer than two panes."""
        panes = self.desk.panes
        if len(panes) < 2 or pane not in panes:
            return None
        drag = QDrag(pane.header)
        drag.setMimeData(pane_mime_data(self.key, panes.index(pane)))
        drag.setPixmap(pane.header.grab())
        drag.setHotSpot(hot_spot)
        return drag

    def start(self, pane: ArticlePane, hot_spot: QPoint) -> None:
        """Run the drag (a nested event loop until the mouse is let go); the drop itself
        arrives through the desk's `dropEvent`."""
        drag = self.drag(pane, hot_spot)
        if drag is not None:
            drag.exec(Qt.DropAction.MoveAction)
        self.indicator.hide()

    def hover(self, event: QDragMoveEvent) -> None:
        """A drag entered or moved over the desk: take it if it is a pane, and show the gap
        it would land in (none when it would stay where it is)."""
        found = self._source_and_slot(event)
        if found is None:
            self.indicator.hide()
            event.ignore()  # Qt offers an ignored DragEnter to the parents: the window
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        source, slot = found
        if slot_target(slot, source) == source:
            self.indicator.hide()
            return
        area: QRect = self.desk.splitter.geometry()
        self.indicator.show_at(gap_x(pane_edges(self.desk), slot), area.top(), area.height())

    def leave(self) -> None:
        self.indicator.hide()

    def drop(self, event: QDropEvent) -> None:
        """Move the dropped pane to its gap; anything but a pane of this desk is ignored."""
        self.indicator.hide()
        found = self._source_and_slot(event)
        if found is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        source, slot = found
        target = slot_target(slot, source)
        if target != source:
            self.desk.move_pane(self.desk.panes[source], target - source)

    def _source_and_slot(self, event: QDropEvent) -> tuple[int, int] | None:
        source = dragged_index(event.mimeData(), self.key)
        edges = pane_edges(self.desk)
        if source is None or source >= len(edges):
            return None
        centres = [(left + right) / 2 for left, right in edges]
        return source, drop_slot(centres, event.position().x())
