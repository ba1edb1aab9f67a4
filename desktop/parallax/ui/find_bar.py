"""Find in the article (Ctrl+F): a bar under the current pane; Enter / Shift+Enter step.

Matching folds case, diacritics and separators the way project search does, so
"Faleh al-Fayad" typed with ordinary spaces finds "Faleh\u00a0al-Fayad". It runs on
`Article.text` (code points), never on what the widget shows, and the current match is
selected in the view through the pane's `OffsetMap`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QWidget,
)

from parallax.ui.reveal import select_span
from parallax.ui.text_match import find_matches

__all__ = ["FindBar", "find_matches"]

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane

logger = logging.getLogger(__name__)


class FindBar(QFrame):
    """The find bar; `attach(pane)` puts it under a pane, `open()` shows it."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = parent
        self.setObjectName("FindBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.pane: ArticlePane | None = None
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self._searched: tuple[int | None, str] = (None, "")
        self.entry = QLineEdit()
        self.entry.setObjectName("FindEntry")
        self.entry.setPlaceholderText("Find in article")
        self.entry.setClearButtonEnabled(True)
        self.entry.textChanged.connect(self._typed)
        self.entry.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("FindCount")
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("999 of 999") + 8)
        self.previous = self._button(QStyle.StandardPixmap.SP_ArrowUp, "Previous (Shift+Enter)")
        self.previous.clicked.connect(self.find_previous)
        self.next = self._button(QStyle.StandardPixmap.SP_ArrowDown, "Next (Enter)")
        self.next.clicked.connect(self.find_next)
        close = self._button(QStyle.StandardPixmap.SP_TitleBarCloseButton, "Close (Esc)")
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.entry, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(close)
        self.setStyleSheet("#FindBar { border-top: 1px solid palette(mid); }")
        self.hide()

    def _button(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # --------------------------------------------------------------- placing
    def attach(self, pane: ArticlePane | None) -> None:
        """Sit under `pane` (the current one); None hides the bar."""
        if pane is self.pane:
            return
        if self.pane is not None:
            self.pane.article_changed.disconnect(self._article_changed)
            self.pane.removeEventFilter(self)
        self.pane = pane
        self._searched = (None, "")
        if pane is None:
            self.hide()
            self.setParent(self._home)  # not deleted with a closed pane
            return
        pane.article_changed.connect(self._article_changed)
        pane.installEventFilter(self)  # to leave a pane taken off the desk
        layout = pane.layout()
        if isinstance(layout, QBoxLayout):
            layout.addWidget(self)
        if self.isVisible() or self.entry.text():
            self.refresh()

    def detach(self) -> None:
        """Leave the pane (before the desk goes away)."""
        self.attach(None)

    def open(self, text: str = "") -> None:
        """Show the bar with the cursor in it (with `text`: search for that)."""
        if self.pane is None:
            return
        self.show()
        if text:
            self.entry.setText(text)
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        if self.pane is not None:
            self.pane.view.setFocus()
        self.closed.emit()

    # --------------------------------------------------------------- finding
    def _article_changed(self, _pane: object) -> None:
        self._searched = (None, "")
        if self.isVisible():
            self.refresh()

    def _typed(self, _text: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Find the query in the pane's article and select the first match."""
        article = self.pane.article if self.pane is not None else None
        query = self.entry.text()
        key = (article.id if article else None, query)
        if key == self._searched:
            return
        self._searched = key
        self.matches = find_matches(article.text, query) if article else []
        self.current = -1
        if self.matches:
            self._go(0)
        else:
            self._show_count()

    def find_next(self) -> None:
        self.refresh()
        if self.matches:
            self._go((self.current + 1) % len(self.matches))

    def find_previous(self) -> None:
        self.refresh()
        if self.matches:
            self._go((self.current - 1) % len(self.matches))

    def _go(self, n: int) -> None:
        self.current = n
        if self.pane is not None:
            start, end = self.matches[n]
            select_span(self.pane, start, end)
        self._show_count()

    def _show_count(self) -> None:
        query = self.entry.text().strip()
        if not query:
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        failed = bool(query) and not self.matches
        self.entry.setProperty("failed", failed)
        self.entry.setStyleSheet("QLineEdit { color: #c0392b; }" if failed else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.pane
            and event.type() == QEvent.Type.ParentChange
            and self.pane.parent() is None
        ):
            self.attach(None)  # the pane was closed
            return False
        if watched is self.entry and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.find_previous() if shift else self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
