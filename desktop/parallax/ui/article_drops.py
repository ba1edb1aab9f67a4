"""Dragging an article from the Library onto the reading desk.

Dropped on the middle of a pane, the article takes that pane's place; dropped near a
pane's left or right edge, it opens in a new pane there (while the desk has room). The
place is decided by a plain function of the panes' edges, so the rule can be tested
without a drag; the desk shows where the article would go while it hovers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QWidget

from parallax.ui.pane_drag import DropIndicator, Edges, gap_x, pane_edges

if TYPE_CHECKING:
    from parallax.ui.desk import ReadingDesk

ARTICLE_MIME_TYPE = "application/x-parallax-article"
EDGE_SHARE = 0.25  # the outer quarter of a pane on either side opens a new pane there

Place = tuple[str, int]  # ("into", pane index) or ("beside", gap: 0 = before the first)


def article_mime_data(article_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(ARTICLE_MIME_TYPE, QByteArray(str(article_id).encode()))
    return data


def dragged_article(data: QMimeData | None) -> int | None:
    """The id an article drag carries; None for anything else (files, panes, text)."""
    if data is None or not data.hasFormat(ARTICLE_MIME_TYPE):
        return None
    payload = bytes(data.data(ARTICLE_MIME_TYPE).data()).decode("ascii", errors="replace")
    return int(payload) if payload.isdigit() else None


def drop_place(edges: Sequence[Edges], x: float, room: bool) -> Place:
    """Where an article dropped at `x` goes: into the pane under it, or beside it in a
    new pane when `x` is in the pane's outer quarter and the desk has `room`. With no
    panes it opens in a new one."""
    if not edges:
        return ("beside", 0)
    index = next((i for i, (_left, right) in enumerate(edges) if x < right), len(edges) - 1)
    left, right = edges[index]
    margin = (right - left) * EDGE_SHARE
    if room and x < left + margin:
        return ("beside", index)
    if room and x > right - margin:
        return ("beside", index + 1)
    return ("into", index)


class PaneOutline(QWidget):
    """An accent frame over the pane an article would be shown in."""

    WIDTH = 3

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_over(self, area: QRect) -> None:
        self.setGeometry(area)
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        fill = QPalette().color(QPalette.ColorRole.Highlight)
        fill.setAlpha(28)
        painter.fillRect(self.rect(), fill)
        w = self.WIDTH
        for band in (
            QRect(0, 0, self.width(), w),
            QRect(0, self.height() - w, self.width(), w),
            QRect(0, 0, w, self.height()),
            QRect(self.width() - w, 0, w, self.height()),
        ):
            painter.fillRect(band, accent)
        painter.end()


class ArticleDrops:
    """The desk's side of dragging articles from the Library."""

    def __init__(self, desk: ReadingDesk, indicator: DropIndicator) -> None:
        self.desk = desk
        self.indicator = indicator  # the panes' gap marker: a new pane goes there
        self.outline = PaneOutline(desk)

    def hover(self, event: QDragMoveEvent) -> bool:
        """Take the drag if it carries an article, and show where it would go."""
        if dragged_article(event.mimeData()) is None:
            return False
        event.acceptProposedAction()  # a copy: the article stays in the Library
        self._show(self._place(event))
        return True

    def leave(self) -> None:
        self.indicator.hide()
        self.outline.hide()

    def drop(self, event: QDropEvent) -> bool:
        """Show the article where it was dropped; False if it is not an article."""
        article_id = dragged_article(event.mimeData())
        if article_id is None:
            return False
        self.leave()
        event.acceptProposedAction()
        kind, index = self._place(event)
        if kind == "into":
            self.desk.show_in_pane(article_id, self.desk.panes[index])
        else:
            self.desk.open_in_new_pane(article_id, index)
        return True

    def _place(self, event: QDropEvent) -> Place:
        room = len(self.desk.panes) < self.desk.max_panes
        return drop_place(pane_edges(self.desk), event.position().x(), room)

    def _show(self, place: Place) -> None:
        kind, index = place
        area: QRect = self.desk.splitter.geometry()
        if kind == "into":
            self.indicator.hide()
            pane = self.desk.panes[index]
            self.outline.show_over(QRect(pane.mapTo(self.desk, QPoint(0, 0)), pane.size()))
            return
        self.outline.hide()
        if self.desk.panes:
            self.indicator.show_at(gap_x(pane_edges(self.desk), index), area.top(), area.height())
        else:
            self.outline.show_over(area)
