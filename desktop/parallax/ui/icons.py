"""Monochrome SVG icons from `parallax.resources/icons`, drawn in the palette's text colour.

The SVGs are drawn in black; each is re-coloured when painted, so one file serves light
and dark palettes, and rendered at the size and device pixel ratio asked for, so icons
stay crisp on high-DPI screens.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

logger = logging.getLogger(__name__)

_INK = "#000000"


@cache
def _svg(name: str) -> str:
    try:
        return (resources.files("parallax.resources") / "icons" / f"{name}.svg").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        logger.warning("icon %s is missing", name)
        return ""


class _TintedSvgEngine(QIconEngine):
    """Paints an SVG with its black ink replaced by the palette colour of the mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._name)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        svg = _svg(self._name).replace(_INK, _ink(mode).name())
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        if renderer.isValid():
            renderer.render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap


def _ink(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`, tinted for the current palette."""
    return QIcon(_TintedSvgEngine(name))
