"""A table of records by id: the shared part of the Events and Actors models.

The model holds the ids in display order and a cache of records and per-id extras
(counts). A `Changes` record names ids; only those rows are re-read, inserted or removed.
A model with a BLOCK size reads only the ids at load, and the records (with their
extras) a block of rows at a time when a view first asks for one of them, like Anki's
browser table: a project of 5,000 events then opens by reading the twenty on screen.
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
    """Subclasses name HEADERS and implement the `_read…`/`_cell` hooks: `_read_all`, or
    with a BLOCK `_read_ids` and `_read_many`."""

    HEADERS: tuple[str, ...] = ()
    BLOCK = 0  # 0: read every record at load; else rows read together on first use
    # Roles no record table answers: a view's delegate asks for each of them for every
    # cell it measures or paints, so they are turned away before any lookup.
    UNUSED_ROLES = frozenset(
        {
            Qt.ItemDataRole.DecorationRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.CheckStateRole,
            Qt.ItemDataRole.SizeHintRole,
        }
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._cache: dict[int, R] = {}
        self._unread: set[int] = set()  # ids whose record no view has asked for yet

    # -------------------------------------------------------------- hooks
    def _read_all(self) -> list[R]:
        raise NotImplementedError

    def _read_one(self, record_id: int) -> R:
        """The record, or NotFoundError when it is gone."""
        raise NotImplementedError

    def _read_ids(self) -> list[int]:
        """Every id in display order (models with a BLOCK)."""
        raise NotImplementedError

    def _read_many(self, ids: list[int]) -> list[R]:
        """The records with these ids that still exist (models with a BLOCK)."""
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
        if role in self.UNUSED_ROLES:
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        record_id = self._ids[index.row()]
        if role == IdRole:
            return record_id
        if record_id in self._unread:
            self._read_block(index.row())
        record = self._cache.get(record_id)
        if record is None:
            return None
        return self._cell(record, index.column(), role)

    # ----------------------------------------------------------- loading
    def load(self) -> None:
        """Read every row again (on open); with a BLOCK, only their ids."""
        self.beginResetModel()
        if self.BLOCK:
            self._ids = self._read_ids()
            self._cache = {}
            self._unread = set(self._ids)
        else:
            records = self._read_all()
            self._ids = [self._id_of(r) for r in records]
            self._cache = {self._id_of(r): r for r in records}
            self._refresh_extras(set(self._ids))
        self.endResetModel()

    def _read_block(self, row: int) -> None:
        """Read the unread records (and extras) of the block of rows holding `row`."""
        first = row - row % self.BLOCK
        ids = [i for i in self._ids[first : first + self.BLOCK] if i in self._unread]
        self._unread.difference_update(ids)
        for record in self._read_many(ids):
            self._cache[self._id_of(record)] = record
        self._refresh_extras(set(ids))

    def row_of(self, record_id: int) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def record(self, record_id: int) -> R | None:
        if record_id in self._unread:
            self._read_block(self.row_of(record_id))
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
        self._unread.discard(record_id)
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
        self._unread.discard(record_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self.endRemoveRows()
