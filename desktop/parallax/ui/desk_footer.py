"""The strip under the panes: what the connector colours mean, and the desk's toggles
(colour highlights by tag, synchronised scrolling) next to where their effect shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from parallax.ui.connectors import legend_html
from parallax.ui.icons import icon


def _toggle(name: str, text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setCheckable(True)
    button.setAutoRaise(True)
    button.setIcon(icon(name))
    button.setText(text)
    button.setToolTip(tip)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the View menu has them for the keyboard
    return button


class DeskFooter(QFrame):
    """Legend and toggles; says what it was asked to change, the desk decides."""

    sync_toggled = Signal(bool)
    by_tag_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DeskFooter")
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("ConnectorLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        # Wraps rather than widen the desk: on a laptop screen its one line left the
        # Library a hundred pixels.
        self.legend.setWordWrap(True)
        self.by_tag = _toggle(
            "colour-tag", "Colour by tag", "Colour highlights by their first tag instead of kind"
        )
        self.sync = _toggle(
            "sync-scroll",
            "Sync scrolling",
            "Scroll the other panes along with the one you scroll, so linked passages stay level",
        )
        self.by_tag.toggled.connect(self.by_tag_toggled)
        self.sync.toggled.connect(self.sync_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 6, 2)
        layout.setSpacing(6)
        layout.addWidget(self.legend, 1)
        layout.addWidget(self.by_tag)
        layout.addWidget(self.sync)
        self.setStyleSheet(
            "#DeskFooter { border-top: 1px solid palette(mid); }"
            " #ConnectorLegend { color: palette(placeholder-text); }"
        )

    def set_pane_count(self, count: int) -> None:
        self.setVisible(count > 0)
        self.legend.setVisible(count > 1)
        self.sync.setVisible(count > 1)

    def set_sync(self, enabled: bool) -> None:
        self.sync.setChecked(enabled)

    def set_by_tag(self, enabled: bool) -> None:
        self.by_tag.setChecked(enabled)
