"""A titled list with an entry row: the Actors, Dates and Events parts of the Inspector.

Enter in the entry submits it (with the combo's choice); Delete on a row, or its
context menu, removes it. The Inspector says what both mean through callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from parallax.ui.models.detail_list_model import DetailListModel

R = TypeVar("R")


class DetailSection(QWidget, Generic[R]):
    """List + entry (+ optional choice combo and live preview line)."""

    submitted = Signal(str, str)  # entry text, combo choice ("" without a combo)
    remove_requested = Signal(object)  # the record

    def __init__(
        self,
        title: str,
        label: Callable[[R], str],
        placeholder: str,
        choices: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model: DetailListModel[R] = DetailListModel(label, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.installEventFilter(self)
        self.model.modelReset.connect(self._fit_height)
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        self.entry.setClearButtonEnabled(True)
        self.entry.returnPressed.connect(self._submit)
        self.choice = QComboBox()
        self.choice.addItems(list(choices))
        self.preview = QLabel()
        self.preview.setObjectName("InspectorPreview")
        self._fit_height()
        heading = QLabel(title)
        heading.setObjectName("InspectorHeading")
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.entry, 1)
        row.addWidget(self.choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.preview)
        # Only once they have a parent: shown before, the combo would flash up as a
        # window of its own and take the focus from the main window.
        self.choice.setVisible(bool(choices))
        self.preview.setVisible(False)

    def _fit_height(self) -> None:
        """As tall as its rows (one to five), so short lists leave room for the rest."""
        rows = min(max(self.model.rowCount(), 1), 5)
        row_height = self.list.sizeHintForRow(0) if self.model.rowCount() else 0
        row_height = max(row_height, self.list.fontMetrics().height() + 4)
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth() + 4)

    def set_completions(self, words: Sequence[str]) -> None:
        """Offer these words while typing (matched anywhere, case-insensitive)."""
        completer = self.entry.completer()
        if completer is None:
            completer = QCompleter(QStringListModel(self), self.entry)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.entry.setCompleter(completer)
        model = completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(sorted(set(words), key=str.casefold))

    def set_preview(self, text: str) -> None:
        self.preview.setText(text)
        self.preview.setVisible(bool(text))

    def _submit(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        choice = self.choice.currentText() if self.choice.count() else ""
        self.submitted.emit(text, choice)

    def clear_entry(self) -> None:
        self.entry.clear()
        self.set_preview("")

    def _current_record(self) -> R | None:
        index = self.list.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def _menu(self, point: object) -> None:
        record = self._current_record()
        if record is None:
            return
        menu = QMenu(self)
        menu.addAction("Remove", lambda: self.remove_requested.emit(record))
        menu.exec(self.list.viewport().mapToGlobal(point))  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            record = self._current_record()
            if record is not None:
                self.remove_requested.emit(record)
            return True
        return super().eventFilter(watched, event)
