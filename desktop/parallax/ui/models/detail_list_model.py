"""A short list of records hung on one annotation (its actors, dates or events)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

RecordRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument
R = TypeVar("R")


class DetailListModel(QAbstractListModel, Generic[R]):
    """Rows of records shown through a label function; `RecordRole` gives the record."""

    def __init__(self, label: Callable[[R], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._records: list[R] = []

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._label(record)
        if role == RecordRole:
            return record
        return None

    def set_records(self, records: Sequence[R]) -> None:
        """Replace the rows (an annotation's detail is a handful of rows)."""
        if list(records) == self._records:
            return
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record_at(self, row: int) -> R | None:
        return self._records[row] if 0 <= row < len(self._records) else None
