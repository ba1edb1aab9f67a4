"""A table of records by id: the shared part of the Events and Actors models.

The model holds the ids in display order and a cache of records and per-id extras
(counts). A `Changes` record names ids; only those rows are re-read, inserted or removed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from parallax.domain.errors import NotFoundError

logger = logging.getLogger(__name__)

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument
R = TypeVar("R")


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses name HEADERS and implement the four `_read…`/`_cell` hooks."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._cache: dict[int, R] = {}

    # -------------------------------------------------------------- hooks
    def _read_all(self) -> list[R]:
        raise NotImplementedError

    def _read_one(self, record_id: int) -> R:
        """The record, or NotFoundError when it is gone."""
        raise NotImplementedError

    def _refresh_extras(self, ids: set[int]) -> None:
        """Re-read per-row extras (counts) for these ids."""

    def _cell(self, record: R, column: int, role: int) -> object:
        raise NotImplementedError

    @staticmethod
    def _id_of(record: R) -> int:
        return record.id  # type: ignore[attr-defined,no-any-return]

    # -------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        record_id = self._ids[index.row()]
        if role == IdRole:
            return record_id
        record = self._cache.get(record_id)
        if record is None:
            return None
        return self._cell(record, index.column(), role)

    # ----------------------------------------------------------- loading
    def load(self) -> None:
        """Read every row again (on open)."""
        self.beginResetModel()
        records = self._read_all()
        self._ids = [self._id_of(r) for r in records]
        self._cache = {self._id_of(r): r for r in records}
        self._refresh_extras(set(self._ids))
        self.endResetModel()

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def record(self, record_id: int) -> R | None:
        return self._cache.get(record_id)

    def refresh(self, ids: Iterable[int]) -> None:
        """Re-read the named rows: changed ones update, new ones append, gone ones leave."""
        ids = set(ids)
        if not ids:
            return
        self._refresh_extras(ids)
        for record_id in sorted(ids):
            try:
                record = self._read_one(record_id)
            except NotFoundError:
                self._remove(record_id)
                continue
            self._put(record_id, record)

    def _put(self, record_id: int, record: R) -> None:
        row = self.row_of(record_id)
        self._cache[record_id] = record
        if row < 0:
            row = len(self._ids)
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.append(record_id)
            self.endInsertRows()
            return
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _remove(self, record_id: int) -> None:
        row = self.row_of(record_id)
        self._cache.pop(record_id, None)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self.endRemoveRows()
