"""Drawing the timeline on any paint device: the widget, a PNG image or an SVG file.

One layout serves all three, so an export looks like the view: a row per outlet, the time
axis on top with year, month (and, zoomed in, day) ticks, each event's title over a faint
guide line, and a mark per outlet that reported the event, coloured by its stance.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette, QPen
from PySide6.QtSvg import QSvgGenerator

from parallax.domain.model import Precision
from parallax.services.comparison import STANCE_ORDER, Timeline, TimelineMark
from parallax.ui import style

LABEL_WIDTH = 150
AXIS_HEIGHT = 22
TITLE_HEIGHT = 22
HEADER = AXIS_HEIGHT + TITLE_HEIGHT
ROW_HEIGHT = 34
LEGEND_HEIGHT = 26
MARK_RADIUS = 6
MIN_PPD, MAX_PPD = 0.01, 80.0  # pixels per day
EXPORT_WIDTH = 1600
_MONTHS = tuple(calendar.month_abbr)[1:]


@dataclass(frozen=True, slots=True)
class Palette:
    background: QColor
    band: QColor
    text: QColor
    muted: QColor
    grid: QColor

    @classmethod
    def of(cls, palette: QPalette) -> Palette:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        return cls(
            base,
            style.mix(base, text, 0.04),
            text,
            palette.color(QPalette.ColorRole.PlaceholderText),
            style.mix(base, text, 0.14),
        )

    @classmethod
    def light(cls) -> Palette:
        """Exports are always dark on white, whatever the screen's theme."""
        return cls(
            QColor("white"),
            QColor("#f4f6f8"),
            QColor("#1d2329"),
            QColor("#6b7480"),
            QColor("#d9dee3"),
        )


@dataclass(frozen=True, slots=True)
class Scale:
    """Where a day is: x = left + (day - origin) * ppd - offset."""

    origin: dt.date
    ppd: float
    offset: float = 0.0
    left: float = LABEL_WIDTH

    def x(self, day: dt.date) -> float:
        return self.left + (day - self.origin).days * self.ppd - self.offset

    def day_at(self, x: float) -> dt.date:
        days = (x - self.left + self.offset) / self.ppd
        return self.origin + dt.timedelta(days=math.floor(max(-3e5, min(3e5, days))))

    def zoomed(self, factor: float, anchor_x: float) -> Scale:
        """Zoom by `factor` keeping the day under `anchor_x` where it is."""
        ppd = max(MIN_PPD, min(MAX_PPD, self.ppd * factor))
        days = (anchor_x - self.left + self.offset) / self.ppd
        return Scale(self.origin, ppd, days * ppd - (anchor_x - self.left), self.left)

    def panned(self, dx: float) -> Scale:
        return Scale(self.origin, self.ppd, self.offset - dx, self.left)


def fit(timeline: Timeline, width: float) -> Scale:
    """A scale showing every mark, with a margin either side."""
    span = timeline.span or (dt.date.today(), dt.date.today())
    first, last = span
    days = max((last - first).days, 30)
    pad = max(days * 0.08, 5)
    origin = first - dt.timedelta(days=math.ceil(pad))
    usable = max(width - LABEL_WIDTH - 16, 50)
    ppd = max(MIN_PPD, min(MAX_PPD, usable / (days + 2 * pad)))
    return Scale(origin, ppd)


def height_for(timeline: Timeline) -> int:
    return HEADER + max(len(timeline.rows), 1) * ROW_HEIGHT + LEGEND_HEIGHT


@dataclass(frozen=True, slots=True)
class Tick:
    day: dt.date
    label: str
    level: int  # 0 year, 1 month, 2 day


def ticks(first: dt.date, last: dt.date, ppd: float) -> list[Tick]:
    """Year ticks always (every k-th labelled when crowded), months and days when room."""
    found: list[Tick] = []
    year_step = max(1, math.ceil(44 / max(ppd * 365, 1e-6)))
    for year in range(first.year, last.year + 1):
        label = str(year) if year % year_step == 0 else ""
        found.append(Tick(dt.date(year, 1, 1), label, 0))
    if ppd * 30 >= 12:
        label_months = ppd * 30 >= 30
        for year in range(first.year, last.year + 1):
            for month in range(2, 13):
                found.append(
                    Tick(dt.date(year, month, 1), _MONTHS[month - 1] if label_months else "", 1)
                )
    if ppd * 7 >= 42:
        day, step = first, 1 if ppd >= 22 else 7
        while day <= last:
            if day.day != 1 and (step == 1 or day.day in (8, 15, 22)):
                found.append(Tick(day, str(day.day), 2))
            day += dt.timedelta(days=1)
    return [t for t in found if first <= t.day <= last]


def mark_rect(mark: TimelineMark, scale: Scale) -> QRectF:
    """Where a mark is drawn: a dot for a day, a bar for a month or longer."""
    centre_y = HEADER + mark.row * ROW_HEIGHT + ROW_HEIGHT / 2
    x0 = scale.x(mark.start)
    if mark.precision == Precision.DAY and mark.end == mark.start:
        return QRectF(x0 - MARK_RADIUS, centre_y - MARK_RADIUS, 2 * MARK_RADIUS, 2 * MARK_RADIUS)
    x1 = max(scale.x(mark.end + dt.timedelta(days=1)), x0 + 2 * MARK_RADIUS)
    return QRectF(x0, centre_y - MARK_RADIUS + 1, x1 - x0, 2 * MARK_RADIUS - 2)


def mark_at(timeline: Timeline, scale: Scale, point: QPointF) -> TimelineMark | None:
    for mark in reversed(timeline.marks):
        if mark_rect(mark, scale).adjusted(-3, -3, 3, 3).contains(point):
            return mark
    return None


# --- painting ------------------------------------------------------------------------


def paint(
    painter: QPainter, timeline: Timeline, scale: Scale, size: QSize, colours: Palette
) -> None:
    """Draw the whole timeline into a `size` area at the painter's origin."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), colours.background)
    rows_bottom = HEADER + max(len(timeline.rows), 1) * ROW_HEIGHT
    _rows(painter, timeline, size, colours)
    painter.save()
    painter.setClipRect(QRectF(LABEL_WIDTH, 0, size.width() - LABEL_WIDTH, rows_bottom))
    _axis(painter, scale, size, rows_bottom, colours)
    _events(painter, timeline, scale, size, rows_bottom, colours)
    for mark in timeline.marks:
        _mark(painter, mark, scale)
    painter.restore()
    _row_labels(painter, timeline, colours)
    _legend(painter, rows_bottom, colours)


def _rows(painter: QPainter, timeline: Timeline, size: QSize, colours: Palette) -> None:
    for row in range(len(timeline.rows)):
        if row % 2 == 0:
            top = HEADER + row * ROW_HEIGHT
            painter.fillRect(QRectF(0, top, size.width(), ROW_HEIGHT), colours.band)
    painter.setPen(QPen(colours.grid, 1))
    painter.drawLine(QPointF(LABEL_WIDTH, HEADER), QPointF(size.width(), HEADER))


def _row_labels(painter: QPainter, timeline: Timeline, colours: Palette) -> None:
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetrics(font)
    painter.setPen(colours.text)
    if not timeline.rows:
        painter.setPen(colours.muted)
        painter.drawText(
            QRectF(10, HEADER, 600, ROW_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter,
            "No outlets yet: import articles and link passages to events.",
        )
    for row, name in enumerate(timeline.rows):
        rect = QRectF(10, HEADER + row * ROW_HEIGHT, LABEL_WIDTH - 16, ROW_HEIGHT)
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    font.setBold(False)
    painter.setFont(font)


def _axis(painter: QPainter, scale: Scale, size: QSize, bottom: float, colours: Palette) -> None:
    first, last = scale.day_at(LABEL_WIDTH), scale.day_at(size.width())
    _first_year(painter, first, colours)
    for tick in ticks(first, last, scale.ppd):
        x = scale.x(tick.day)
        weight = (1.4, 1.0, 0.6)[tick.level]
        colour = colours.grid if tick.level else colours.muted
        painter.setPen(QPen(colour, weight))
        top = 4 if tick.level == 0 else AXIS_HEIGHT - 6 if tick.level == 1 else AXIS_HEIGHT - 3
        painter.drawLine(QPointF(x, top), QPointF(x, AXIS_HEIGHT))
        if tick.level < 2 or scale.ppd >= 22:
            painter.setPen(QPen(colours.grid, 0.6 if tick.level else 1.0))
            painter.drawLine(QPointF(x, HEADER), QPointF(x, bottom))
        if tick.label:
            painter.setPen(colours.text if tick.level == 0 else colours.muted)
            font = QFont(painter.font())
            font.setBold(tick.level == 0)
            painter.setFont(font)
            painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 7), tick.label)
            font.setBold(False)
            painter.setFont(font)


def _first_year(painter: QPainter, first: dt.date, colours: Palette) -> None:
    """The year at the left edge, in the gutter, so it is known before the first tick."""
    painter.save()
    painter.setClipping(False)
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(colours.text)
    painter.drawText(QPointF(10, AXIS_HEIGHT - 7), f"{first.year} →")
    painter.restore()


def _events(
    painter: QPainter,
    timeline: Timeline,
    scale: Scale,
    size: QSize,
    bottom: float,
    colours: Palette,
) -> None:
    """A dashed guide per event and its title: right of the guide where there is room,
    else left of it when more room is there, cut short if it must be."""
    events: dict[int, tuple[float, str]] = {}
    for mark in timeline.marks:
        events.setdefault(mark.event_id, (scale.x(mark.start), mark.title))
    placed = sorted(events.values())
    metrics = painter.fontMetrics()
    taken = float(LABEL_WIDTH)  # where the previous title ends
    for index, (x, title) in enumerate(placed):
        painter.setPen(QPen(colours.muted, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, AXIS_HEIGHT + 4), QPointF(x, bottom))
        right = (placed[index + 1][0] if index + 1 < len(placed) else size.width()) - x - 8
        left = x - 4 - (taken + 8)
        needed = metrics.horizontalAdvance(title)
        painter.setPen(colours.text)
        if needed > right and left > right and left >= 24:
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(left))
            painter.drawText(QPointF(x - 4 - metrics.horizontalAdvance(text), HEADER - 6), text)
            taken = x
        elif right >= 24:
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(right))
            painter.drawText(QPointF(x + 4, HEADER - 6), text)
            taken = x + 4 + metrics.horizontalAdvance(text)


def _mark(painter: QPainter, mark: TimelineMark, scale: Scale) -> None:
    colour = style.stance_colour(str(mark.stance))
    rect = mark_rect(mark, scale)
    painter.setPen(QPen(colour.darker(140), 1.2))
    painter.setBrush(colour)
    if rect.width() <= 2 * MARK_RADIUS + 0.5:
        painter.drawEllipse(rect)
    else:
        painter.drawRoundedRect(rect, 4, 4)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def _legend(painter: QPainter, top: float, colours: Palette) -> None:
    x = 10.0
    metrics = painter.fontMetrics()
    painter.setPen(colours.muted)
    painter.drawText(QPointF(x, top + 17), "Stance:")
    x += metrics.horizontalAdvance("Stance:") + 10
    for stance in STANCE_ORDER:
        colour = style.stance_colour(str(stance))
        painter.setPen(QPen(colour.darker(140), 1))
        painter.setBrush(colour)
        painter.drawEllipse(QRectF(x, top + 8, 10, 10))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(colours.text)
        painter.drawText(QPointF(x + 14, top + 17), str(stance))
        x += 14 + metrics.horizontalAdvance(str(stance)) + 16


# --- export --------------------------------------------------------------------------


def export_size(timeline: Timeline, width: int = EXPORT_WIDTH) -> QSize:
    return QSize(width, height_for(timeline))


def export_png(timeline: Timeline, path: Path, width: int = EXPORT_WIDTH) -> Path:
    """The whole timeline, fitted to `width` pixels, as a PNG."""
    size = export_size(timeline, width)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint(painter, timeline, fit(timeline, width), size, Palette.light())
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"Could not write {path}")
    return path


def export_svg(timeline: Timeline, path: Path, width: int = EXPORT_WIDTH) -> Path:
    """The whole timeline, fitted to `width`, as an SVG drawing (vector, text kept)."""
    size = export_size(timeline, width)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle("Parallax timeline")
    generator.setDescription("Events by outlet, coloured by stance")
    painter = QPainter(generator)
    try:
        paint(painter, timeline, fit(timeline, width), size, Palette.light())
    finally:
        painter.end()
    if not path.is_file():
        raise OSError(f"Could not write {path}")
    return path


__all__ = ["export_png", "export_svg", "fit", "mark_at", "paint"]
