"""A read-only table of plain records computed by a service (suggestions, mentions, dates).

Unlike `RecordTableModel` the rows are not kept by id: the whole list is the answer to
one question (the mentions of an actor, the dates of an article) and is replaced when
the question is asked again. Columns are described once per subclass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, NamedTuple, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument

RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 3


class Column(NamedTuple):
    header: str
    display: Callable[[object], object]
    tooltip: Callable[[object], object] | None = None
    align_right: bool = False


class RecordListModel(QAbstractTableModel, Generic[R]):
    """Subclasses set COLUMNS and may override `_style` for colours and fonts."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[R] = []

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section].header if 0 <= section < len(self.COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return column.display(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else column.display(record)
        if role == RecordRole:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self._style(record, index.column(), role)

    def _style(self, record: R, column: int, role: int) -> object:
        return None

    # ---------------------------------------------------------------- records
    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record_at(self, row: int) -> R | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def remove_record(self, record: R) -> None:
        if record not in self._records:
            return
        row = self._records.index(record)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self.endRemoveRows()
