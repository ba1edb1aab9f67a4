"""Connectors between neighbouring panes, drawn the way a side-by-side diff viewer joins
changed blocks: a band from a passage in the left pane to the passage in the right pane
that is linked to the same event, coloured by each side's stance.

The gutter is the splitter handle itself (`DeskSplitter.createHandle`), so it still
resizes the panes by dragging, sits exactly between them and moves with them when they
are reordered. Bands are recomputed on every paint from the panes' linked passages, but
only passages on screen are measured (see `link_geometry`), so scrolling stays cheap.
Off-screen passages are drawn to the top or bottom edge; bands with both ends off the
same edge are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSplitter, QSplitterHandle, QToolTip, QWidget

from parallax.ui import style
from parallax.ui.link_geometry import Extent, LinkedPassage, VisibleBlocks, Where

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane

GUTTER_WIDTH = 52
MIN_END = 2.0  # an off-screen end is still a visible sliver
CAP = 3.0


@dataclass(frozen=True, slots=True)
class Band:
    """One connector, in the gutter's coordinates."""

    event_id: int
    left: LinkedPassage
    right: LinkedPassage
    left_extent: Extent
    right_extent: Extent
    width: float

    def path(self) -> QPainterPath:
        lt, lb = _ends(self.left_extent)
        rt, rb = _ends(self.right_extent)
        w, mid = self.width, self.width / 2
        path = QPainterPath(QPointF(0, lt))
        path.cubicTo(QPointF(mid, lt), QPointF(mid, rt), QPointF(w, rt))
        path.lineTo(w, rb)
        path.cubicTo(QPointF(mid, rb), QPointF(mid, lb), QPointF(0, lb))
        path.closeSubpath()
        return path


def _ends(extent: Extent) -> tuple[float, float]:
    top, bottom = extent.top, extent.bottom
    if bottom - top < MIN_END:
        top = top - MIN_END if extent.where == Where.BELOW else top
        bottom = top + MIN_END
    return top, bottom


def legend_html() -> str:
    """What the connector colours mean, as rich text with colour swatches."""
    swatches = " ".join(
        f"<span style='color:{colour}'>■</span>&nbsp;{stance}"
        for stance, colour in style.STANCE_COLOURS.items()
    )
    return f"Connectors join passages linked to the same event: {swatches}"


class ConnectorHandle(QSplitterHandle):
    """The gutter between two panes: drag to resize, click a band to select its event."""

    event_clicked = Signal(int)

    def __init__(self, orientation: Qt.Orientation, splitter: DeskSplitter) -> None:
        super().__init__(orientation, splitter)
        self.desk_splitter = splitter
        self.setMouseTracking(True)
        self._hover: int | None = None

    # ----------------------------------------------------------------- geometry
    def neighbours(self) -> tuple[ArticlePane, ArticlePane] | None:
        """The panes left and right of this gutter (None for the hidden first handle)."""
        splitter = self.desk_splitter
        index = splitter.indexOf(self)
        if index < 1 or index >= splitter.count():
            return None
        left, right = splitter.widget(index - 1), splitter.widget(index)
        if not (hasattr(left, "linked") and hasattr(right, "linked")):
            return None
        return left, right  # type: ignore[return-value]

    def bands(self) -> list[Band]:
        """The connectors to draw now, in this gutter's coordinates."""
        panes = self.neighbours()
        if panes is None or not panes[0].linked or not panes[1].linked:
            return []
        left, right = panes
        by_event: dict[int, list[LinkedPassage]] = {}
        for passage in right.linked:
            by_event.setdefault(passage.event_id, []).append(passage)
        left_measure, right_measure = _Measure(self, left), _Measure(self, right)
        bands = []
        for passage in left.linked:
            partners = by_event.get(passage.event_id)
            if not partners:
                continue
            left_extent = left_measure.extent(passage)
            for partner in partners:
                right_extent = right_measure.extent(partner)
                if left_extent.where == right_extent.where != Where.VISIBLE:
                    continue
                bands.append(
                    Band(
                        passage.event_id,
                        passage,
                        partner,
                        left_extent,
                        right_extent,
                        float(self.width()),
                    )
                )
        return bands

    def band_at(self, point: QPoint) -> Band | None:
        hits = [b for b in self.bands() if b.path().contains(QPointF(point))]
        # the thinnest band under the mouse is the one the analyst is aiming at
        return min(hits, key=lambda b: b.path().boundingRect().height(), default=None)

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _gutter_colour(self.palette()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        current = self.desk_splitter.current_events
        for band in self.bands():
            strong = band.event_id in current or band.event_id == self._hover
            self._paint_band(painter, band, strong)
        painter.end()

    def _paint_band(self, painter: QPainter, band: Band, strong: bool) -> None:
        left_colour = style.stance_colour(band.left.stance)
        right_colour = style.stance_colour(band.right.stance)
        gradient = QLinearGradient(0, 0, band.width, 0)
        gradient.setColorAt(0, _alpha(left_colour, 0.6 if strong else 0.32))
        gradient.setColorAt(1, _alpha(right_colour, 0.6 if strong else 0.32))
        path = band.path()
        painter.fillPath(path, QBrush(gradient))
        edge = QLinearGradient(0, 0, band.width, 0)
        edge.setColorAt(0, _alpha(left_colour, 0.95))
        edge.setColorAt(1, _alpha(right_colour, 0.95))
        painter.strokePath(path, QPen(QBrush(edge), 1.6 if strong else 1.0))
        # end caps: a solid bar on each side shows exactly which lines the passage spans
        lt, lb = _ends(band.left_extent)
        rt, rb = _ends(band.right_extent)
        painter.fillRect(QRectF(0, lt, CAP, lb - lt), left_colour)
        painter.fillRect(QRectF(band.width - CAP, rt, CAP, rb - rt), right_colour)

    # -------------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        band = self.band_at(event.position().toPoint())
        if band is not None and event.button() == Qt.MouseButton.LeftButton:
            self.event_clicked.emit(band.event_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons():
            band = self.band_at(event.position().toPoint())
            hover = band.event_id if band is not None else None
            if hover != self._hover:
                self._hover = hover
                self.setCursor(
                    Qt.CursorShape.PointingHandCursor if band else Qt.CursorShape.SplitHCursor
                )
                self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self._hover is not None:
            self._hover = None
            self.update()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.tooltip_at(event.pos()), self)
            return True
        return super().event(event)

    def tooltip_at(self, point: QPoint) -> str:
        band = self.band_at(point)
        if band is None:
            return legend_html() + "<br>Drag to resize the panes."
        title = self.desk_splitter.event_title(band.event_id)
        return (
            f"<b>{title}</b><br>left: {band.left.stance} · right: {band.right.stance}"
            "<br>Click to select the event."
        )


class _Measure:
    """Extents of one pane's passages, mapped into a gutter's coordinates."""

    def __init__(self, handle: QWidget, pane: ArticlePane) -> None:
        viewport = pane.view.viewport()
        self.visible = VisibleBlocks(pane.view)
        self.shift = float(viewport.mapTo(handle.parentWidget(), QPoint(0, 0)).y() - handle.y())

    def extent(self, passage: LinkedPassage) -> Extent:
        extent = self.visible.extent(passage)
        return Extent(extent.top + self.shift, extent.bottom + self.shift, extent.where)


def _alpha(colour: QColor, alpha: float) -> QColor:
    result = QColor(colour)
    result.setAlphaF(alpha)
    return result


def _gutter_colour(palette: QPalette) -> QColor:
    return style.mix(
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window), 0.6
    )


class DeskSplitter(QSplitter):
    """The desk's splitter: its handles are connector gutters."""

    event_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.current_events: set[int] = set()
        self.event_title: Callable[[int], str] = lambda event_id: f"Event {event_id}"
        self.setHandleWidth(GUTTER_WIDTH)
        self.setChildrenCollapsible(False)

    def createHandle(self) -> QSplitterHandle:
        handle = ConnectorHandle(self.orientation(), self)
        handle.event_clicked.connect(self.event_clicked)
        return handle

    def gutters(self) -> list[ConnectorHandle]:
        """The visible gutters, left to right."""
        return [self.handle(i) for i in range(1, self.count())]  # type: ignore[misc]

    def update_connectors(self) -> None:
        for gutter in self.gutters():
            gutter.update()

    def set_current_events(self, events: set[int]) -> None:
        if events != self.current_events:
            self.current_events = set(events)
            self.update_connectors()
