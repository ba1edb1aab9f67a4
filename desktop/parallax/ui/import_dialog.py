"""The import review dialog: what was found in each file, corrected before anything is written.

An editable table (title, outlet, author, date, URL, language); the first column ticks a
file in or out (Space does it for the current row). Near-duplicates (of the project's
articles, or of files earlier in the batch) start unticked with what they resemble named,
so the user chooses.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parallax.services.importing import ImportPreview
from parallax.ui.models import import_preview_model as columns
from parallax.ui.models.import_preview_model import ImportPreviewModel

logger = logging.getLogger(__name__)

COLUMN_WIDTHS = {
    columns.INCLUDE: 28,
    columns.FILE: 170,
    columns.STATUS: 300,
    columns.TITLE: 280,
    columns.OUTLET: 120,
    columns.AUTHOR: 120,
    columns.DATE: 90,
    columns.URL: 170,
    columns.LANGUAGE: 70,
    columns.FORMAT: 60,
    columns.BOILERPLATE: 80,
}


class ImportDialog(QDialog):
    """Review and correct a batch; accepted means: import with `model.overrides()`."""

    def __init__(
        self,
        previews: Sequence[ImportPreview],
        titles: Mapping[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setWindowTitle("Import Articles")
        self.setSizeGripEnabled(True)
        self.model = ImportPreviewModel(previews, titles, self)
        self.model.refused.connect(self._say)
        self.model.inclusion_changed.connect(self._update_button)
        self.table = self._table()
        self.message = QLabel()
        self.message.setObjectName("ImportMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 12)
        layout.setSpacing(10)
        layout.addWidget(self._heading(len(previews)))
        layout.addWidget(self.table, 1)
        layout.addLayout(self._bottom_row())
        self._update_button()
        self.resize(1180, 520)

    def _heading(self, count: int) -> QLabel:
        label = QLabel(
            f"<b>{count} file{'s' if count != 1 else ''} read.</b> Correct what was found "
            "(double-click a cell), and untick files to leave them out. "
            "Near-duplicates, of articles in the project or of files earlier in this "
            "batch, start unticked."
        )
        label.setWordWrap(True)
        return label

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("ImportTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(columns.INCLUDE, QHeaderView.ResizeMode.Fixed)
        table.installEventFilter(self)
        return table

    def _bottom_row(self) -> QHBoxLayout:
        tick_all = QPushButton("Tick All")
        tick_all.clicked.connect(lambda: self.model.set_all(True))
        untick_all = QPushButton("Untick All")
        untick_all.clicked.connect(lambda: self.model.set_all(False))
        for button in (tick_all, untick_all):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(tick_all)
        row.addWidget(untick_all)
        row.addWidget(self.message, 1)
        row.addWidget(self.buttons)
        return row

    def _update_button(self) -> None:
        count = self.model.included_count()
        self.import_button.setText(f"Import {count} File{'s' if count != 1 else ''}")
        self.import_button.setEnabled(count > 0)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def toggle_current(self) -> None:
        """Tick or untick the file in the current row (Space)."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        check = self.model.index(index.row(), columns.INCLUDE)
        if not self.model.flags(check) & Qt.ItemFlag.ItemIsUserCheckable:
            return
        state = self.model.data(check, Qt.ItemDataRole.CheckStateRole)
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.model.setData(check, new, Qt.ItemDataRole.CheckStateRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            self.toggle_current()
            return True
        return super().eventFilter(watched, event)
