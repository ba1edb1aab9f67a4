"""The Timeline tab: events on a time axis, a row per outlet (who reported what, when).

Ctrl+wheel or the +/− buttons zoom around the pointer (or the centre), the wheel and a
drag pan, "Fit" shows everything; clicking a mark opens the event's comparison. "Export…"
writes the whole timeline as PNG or SVG.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.dates import format_fuzzy
from parallax.domain.model import Changes
from parallax.services.comparison import Timeline, TimelineMark, timeline
from parallax.ui import timeline_export as draw
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

ZOOM_STEP = 1.25
DRAG_SLOP = 4


class TimelineCanvas(QWidget):
    """Paints a `Timeline` at a `Scale`; zooms, pans and reports clicked marks."""

    mark_clicked = Signal(int)  # event id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = Timeline((), (), ())
        self.scale = draw.Scale(draw.fit(self.timeline, 800).origin, 1.0)
        self._fitted = False
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragged = False
        self.setMouseTracking(True)
        self.setMinimumHeight(draw.height_for(self.timeline))
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def set_timeline(self, data: Timeline) -> None:
        first = not self.timeline.marks
        self.timeline = data
        self.setMinimumHeight(draw.height_for(data))
        if first or not self._fitted:
            self.fit()
        self.update()

    def fit(self) -> None:
        self.scale = draw.fit(self.timeline, max(self.width(), 400))
        self._fitted = True
        self.update()

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        x = anchor_x if anchor_x is not None else (draw.LABEL_WIDTH + self.width()) / 2
        self.scale = self.scale.zoomed(factor, x)
        self._fitted = False
        self.update()

    def pan(self, dx: float) -> None:
        self.scale = self.scale.panned(dx)
        self._fitted = False
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, draw.height_for(self.timeline))

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            draw.paint(
                painter, self.timeline, self.scale, self.size(), draw.Palette.of(self.palette())
            )
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.scale = draw.fit(self.timeline, max(self.width(), 400))

    # -------------------------------------------------------------------- input
    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = delta.y() / 120
            self.zoom(ZOOM_STEP**steps, event.position().x())
        else:
            self.pan((delta.y() or delta.x()) / 2)
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position()
            self._dragged = False
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and self._last is not None:
            if (pos - self._press).manhattanLength() > DRAG_SLOP:
                self._dragged = True
            if self._dragged:
                self.pan(pos.x() - self._last.x())
            self._last = pos
            return
        mark = draw.mark_at(self.timeline, self.scale, pos)
        self.setCursor(Qt.CursorShape.PointingHandCursor if mark else Qt.CursorShape.OpenHandCursor)
        if mark is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.describe(mark), self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        press, self._press, self._last = self._press, None, None
        if not self._dragged:
            self.click(press)

    def click(self, point: QPointF | QPoint) -> TimelineMark | None:
        """What a click at `point` does: open the comparison of the mark there."""
        mark = draw.mark_at(self.timeline, self.scale, QPointF(point))
        if mark is not None:
            self.mark_clicked.emit(mark.event_id)
        return mark

    def describe(self, mark: TimelineMark) -> str:
        when = format_fuzzy(mark.start, mark.precision, mark.end)
        outlet = self.timeline.rows[mark.row]
        passages = f"{mark.passages} passage{'' if mark.passages == 1 else 's'}"
        return f"{mark.title}\n{when} · {outlet}: {mark.stance} ({passages})\nClick to compare"

    def mark_centre(self, mark: TimelineMark) -> QPointF:
        return draw.mark_rect(mark, self.scale).center()


class TimelinePanel(QWidget):
    """Toolbar (zoom, fit, export) over the canvas; follows the project's events."""

    event_activated = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.canvas = TimelineCanvas()
        self.canvas.mark_clicked.connect(self.event_activated)
        self.status = QLabel()
        self.status.setObjectName("TimelineStatus")
        bar = QHBoxLayout()
        for text, tip, slot in (
            ("−", "Zoom out (Ctrl+wheel)", lambda: self.canvas.zoom(1 / ZOOM_STEP)),
            ("+", "Zoom in (Ctrl+wheel)", lambda: self.canvas.zoom(ZOOM_STEP)),
            ("Fit", "Show every event", self.canvas.fit),
            ("Export…", "Save the timeline as PNG or SVG", self.export_dialog),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            if len(text) == 1:
                button.setFixedWidth(32)
            bar.addWidget(button)
        bar.addWidget(self.status, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        session.bus.changes_applied.connect(self._apply_changes)
        # Read when first shown: the timeline sits behind a tab, and reading every report
        # of a large project at open or after each edit would slow both down.
        self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        data = timeline(self.session.project)
        self.canvas.set_timeline(data)
        events = len({m.event_id for m in data.marks})
        text = f"{events} events, {len(data.marks)} reports, {len(data.rows)} outlets"
        if data.undated:
            text += f" · not shown, no date: {', '.join(data.undated)}"
        self.status.setText(text)

    def _apply_changes(self, changes: Changes) -> None:
        if changes.events or changes.outlets or (changes.articles and not changes.annotations):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def export(self, path: Path) -> Path:
        """Write the whole timeline to `path` (.svg as SVG, anything else as PNG)."""
        if path.suffix.lower() == ".svg":
            return draw.export_svg(self.canvas.timeline, path)
        return draw.export_png(self.canvas.timeline, path.with_suffix(path.suffix or ".png"))

    def export_dialog(self) -> None:
        name, chosen = QFileDialog.getSaveFileName(
            self, "Export timeline", "timeline.png", "PNG image (*.png);;SVG drawing (*.svg)"
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".svg" if "svg" in chosen else ".png")
        try:
            written = self.export(path)
        except OSError as exc:
            self.session.failed.emit(f"Could not export the timeline: {exc}")
            return
        self.status.setText(f"Exported to {written}")
