"""The read-only text view of an article pane: selection keys, clicks on highlights, menu.

It only reports what the analyst asked for (signals); the pane turns that into edits.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from parallax.ui import style

KEY_KINDS: dict[int, str] = {
    Qt.Key.Key_C: "claim",
    Qt.Key.Key_Q: "quote",
    Qt.Key.Key_F: "fact",
    Qt.Key.Key_O: "opinion",
}
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class ArticleTextView(QPlainTextEdit):
    """Shows an article's text; never edited, never read back for storage."""

    make_requested = Signal(str)  # annotation kind, for the current selection
    delete_requested = Signal()
    position_clicked = Signal(int)  # Qt position of a plain click (no selection made)
    focused = Signal()

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
        self._press: QPoint | None = None

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
            self.position_clicked.emit(self.cursorForPosition(point).position())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        has_selection = self.textCursor().hasSelection()
        menu.addSeparator()
        for kind, key in style.KIND_KEYS.items():
            action = menu.addAction(f"Make {kind}")
            action.setShortcut(key)
            action.setEnabled(has_selection)
            action.triggered.connect(lambda _=False, k=kind: self.make_requested.emit(k))
        if not has_selection:
            self.position_clicked.emit(self.cursorForPosition(event.pos()).position())
        delete = menu.addAction("Delete annotation")
        delete.setShortcut(Qt.Key.Key_Delete)
        delete.triggered.connect(self.delete_requested.emit)
        menu.exec(event.globalPos())
        menu.deleteLater()

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
