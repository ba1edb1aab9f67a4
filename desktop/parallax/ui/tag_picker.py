"""The quick tag picker (T): type to filter the codebook's paths, Enter to apply.

Enter takes the highlighted tag; when nothing in the list matches, it takes what was
typed, which creates the tag (and any missing parent levels: "Military/Border").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

_NAVIGATION = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class PickerEntry(QLineEdit):
    """The picker's line edit: Enter submits (Shift: exactly what was typed); the arrow
    and page keys move through the list while the cursor stays here."""

    submitted = Signal(bool)  # Shift held
    navigated = Signal(object)  # the key event, for the list

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.key() in _NAVIGATION:
            self.navigated.emit(event)
            return
        super().keyPressEvent(event)


class TagPicker(QDialog):
    """A small frameless chooser; `chosen(path)` when the analyst presses Enter."""

    chosen = Signal(str)

    def __init__(self, paths: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("TagPicker")
        self.setWindowTitle("Apply Tag")
        self.source = QStringListModel(sorted(set(paths), key=str.casefold), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.entry = PickerEntry()
        self.entry.setPlaceholderText("Tag, or Parent/New tag")
        self.entry.textChanged.connect(self._filter)
        self.entry.submitted.connect(lambda shift: self.accept_choice(typed=shift))
        self.entry.navigated.connect(self._navigate)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(lambda _i: self.accept_choice())
        self.hint = QLabel()
        self.hint.setObjectName("TagPickerHint")
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.entry)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(340, 280)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self._update_hint()

    def _update_hint(self) -> None:
        typed = self.entry.text().strip()
        exact = typed.casefold() in (p.casefold() for p in self.source.stringList())
        if self.proxy.rowCount() and typed and not exact:
            self.hint.setText(f"Enter applies the highlighted tag · Shift+Enter creates “{typed}”")
        elif self.proxy.rowCount():
            self.hint.setText("Enter applies the highlighted tag · Esc cancels")
        elif typed:
            self.hint.setText(f"Enter creates the tag “{typed}”")
        else:
            self.hint.setText("The codebook is empty: type a name to create a tag")

    def choice(self) -> str:
        """What Enter would apply: the highlighted path, else the typed text."""
        index = self.list.currentIndex()
        if index.isValid():
            return str(index.data())
        return self.entry.text().strip()

    def accept_choice(self, *, typed: bool = False) -> None:
        """Apply the highlighted tag, or with `typed` exactly what was typed."""
        path = self.entry.text().strip() if typed else self.choice()
        if path:
            self.accept()
            self.chosen.emit(path)

    def _navigate(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Up: QAbstractItemView.CursorAction.MoveUp,
            Qt.Key.Key_Down: QAbstractItemView.CursorAction.MoveDown,
            Qt.Key.Key_PageUp: QAbstractItemView.CursorAction.MovePageUp,
            Qt.Key.Key_PageDown: QAbstractItemView.CursorAction.MovePageDown,
        }
        index = self.list.moveCursor(moves[Qt.Key(event.key())], Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.list.setCurrentIndex(index)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        self.entry.setFocus()
