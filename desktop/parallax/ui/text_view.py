"""The read-only text view of an article pane: selection keys, clicks on highlights, menu.

It only reports what the analyst asked for (signals, or a callback for tooltip text and
the overlay painter); the pane turns that into edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QMenu, QPlainTextEdit, QToolTip, QWidget

from parallax.ui import style

KEY_KINDS: dict[int, str] = {
    Qt.Key.Key_C: "claim",
    Qt.Key.Key_Q: "quote",
    Qt.Key.Key_F: "fact",
    Qt.Key.Key_O: "opinion",
}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)

Overlay = Callable[[QPainter, QRect], None]
TooltipText = Callable[[int], str]


class ArticleTextView(QPlainTextEdit):
    """Shows an article's text; never edited, never read back for storage."""

    make_requested = Signal(str)  # annotation kind, for the current selection
    delete_requested = Signal()
    position_clicked = Signal(int)  # Qt position under a plain click, -1 off the text
    menu_requested = Signal(QMenu, int)  # the menu to fill, Qt position under the mouse
    focused = Signal()
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFont(style.reading_font())
        self.document().setDocumentMargin(18)
        self.setUndoRedoEnabled(False)
        self.setCursorWidth(2)
        self.setTabChangesFocus(True)  # Tab walks on to the next pane or the Inspector
        self._press: QPoint | None = None
        self.overlay: Overlay | None = None
        self.tooltip_text: TooltipText | None = None

    # ---------------------------------------------------------------- keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        kind = KEY_KINDS.get(event.key())
        if kind and event.modifiers() in _PLAIN and self.textCursor().hasSelection():
            self.make_requested.emit(kind)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and event.modifiers() in _PLAIN:
            self.delete_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------- mouse
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        moved = self._press is not None and (point - self._press).manhattanLength() > 3
        self._press = None
        plain_click = event.button() == Qt.MouseButton.LeftButton and not moved
        if plain_click and not self.textCursor().hasSelection():
            position = self.position_at(point)
            self.position_clicked.emit(-1 if position is None else position)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        position = self.position_at(event.pos())
        self.menu_requested.emit(menu, -1 if position is None else position)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            position = self.position_at(event.pos())
            text = self.tooltip_text(position) if position is not None and self.tooltip_text else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def position_at(self, point: QPoint) -> int | None:
        """The Qt position of the character under a viewport point, or None off the text.

        `cursorForPosition` snaps to the nearest gap between characters, even past the end
        of a line; this checks that the point lies on the character itself (either side
        of the gap, so it works in right-to-left lines too)."""
        gap = self.cursorForPosition(point).position()
        for position in (gap, gap - 1):
            if 0 <= position < self.document().characterCount() - 1 and self._covers(
                position, point
            ):
                return position
        return None

    def _covers(self, position: int, point: QPoint) -> bool:
        block = self.document().findBlock(position)
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position())
        if not line.isValid():
            return False
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top() + line.y()
        if not top <= point.y() < top + line.height():
            return False
        relative = position - block.position()
        x1, _ = line.cursorToX(relative)
        x2, _ = line.cursorToX(relative + 1)
        return min(x1, x2) <= point.x() <= max(x1, x2)

    # ---------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.overlay is not None:
            painter = QPainter(self.viewport())
            try:
                self.overlay(painter, event.rect())
            finally:
                painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    # --------------------------------------------------------------- scrolling
    def first_visible_position(self) -> int:
        """The Qt position of the first character shown at the top of the view."""
        return self.cursorForPosition(QPoint(0, 0)).position()

    def scroll_to_position(self, position: int) -> None:
        """Scroll so that the line holding `position` is the top line (when possible)."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        cursor = QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, self.document().characterCount() - 1)))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
