"""The look: application style, reading font and the colours of annotation kinds.

Colours are mixed into the palette's base colour, so highlights read well on light and
dark system palettes alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# Hues chosen to stay apart for the common colour-vision deficiencies.
KIND_COLOURS: dict[str, str] = {
    "claim": "#f2b233",  # amber
    "quote": "#3d8fd6",  # blue
    "fact": "#3aa57a",  # green
    "opinion": "#c260c8",  # magenta
}
KIND_KEYS: dict[str, str] = {"claim": "C", "quote": "Q", "fact": "F", "opinion": "O"}
# Connector colours, one per stance: neutral grey-blue for the plain "reports", green
# for agreement, red for contradiction, violet for extra detail.
STANCE_COLOURS: dict[str, str] = {
    "reports": "#6f8fb0",
    "corroborates": "#3aa57a",
    "contradicts": "#d9534f",
    "adds detail": "#9a6fd0",
}
GRADE_COLOURS: dict[str, str] = {
    "A": "#2e8b57",
    "B": "#5b9a3c",
    "C": "#b59a1a",
    "D": "#d07a1c",
    "E": "#c0392b",
    "F": "#7f8c8d",
}

READING_FAMILIES = [
    "Noto Serif",
    "Source Serif 4",
    "Georgia",
    "Cambria",
    "Charter",
    "DejaVu Serif",
    "Liberation Serif",
    "Noto Naskh Arabic",
    "serif",
]
_UGLY_STYLES = {"windows", "motif", "cde", "cleanlooks", "plastique", ""}


def apply_app_style(app: QApplication) -> None:
    """Use Fusion only when the platform's own style is a dated one; keep the palette."""
    current = app.style().name().lower() if app.style() is not None else ""
    if current in _UGLY_STYLES:
        app.setStyle("Fusion")


def reading_font(point_size: float = 11.0) -> QFont:
    """The article font: a serif with generous line gap, falling back per script."""
    font = QFont()
    font.setFamilies(READING_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def mix(base: QColor, colour: QColor, amount: float) -> QColor:
    """`amount` of `colour` over `base` (0 gives base, 1 gives colour), opaque."""
    amount = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        base.redF() + (colour.redF() - base.redF()) * amount,
        base.greenF() + (colour.greenF() - base.greenF()) * amount,
        base.blueF() + (colour.blueF() - base.blueF()) * amount,
    )


def average(colours: list[QColor]) -> QColor:
    """The mean of several colours (for passages two kinds of annotation share)."""
    n = max(1, len(colours))
    return QColor.fromRgbF(
        sum(c.redF() for c in colours) / n,
        sum(c.greenF() for c in colours) / n,
        sum(c.blueF() for c in colours) / n,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(str(kind), KIND_COLOURS["claim"]))


def stance_colour(stance: str) -> QColor:
    return QColor(STANCE_COLOURS.get(str(stance), STANCE_COLOURS["reports"]))


def untagged_colour(palette: QPalette) -> QColor:
    """Highlights without a tag, when colouring by tag: a quiet grey that still shows."""
    return QColor("#9aa3ad") if not is_dark(palette) else QColor("#7d8590")


def excluded_text(palette: QPalette) -> QColor:
    """Boilerplate text: readable, but clearly not part of the article."""
    return palette.color(QPalette.ColorRole.PlaceholderText)


def underline_colour(colour: QColor, palette: QPalette) -> QColor:
    """A highlight's underline: its hue, deepened so it shows on its own fill."""
    return colour.lighter(135) if is_dark(palette) else colour.darker(135)
