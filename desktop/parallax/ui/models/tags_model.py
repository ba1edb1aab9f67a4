"""The codebook as a tree model: tags under their parents, with colour swatches and counts.

Rows are keyed by tag id (an index's internal id is its tag's id). The model never edits
the project itself: renames and drops are asked for through signals, which the panel turns
into undoable commands; the change bus then brings the new state, re-read on the next turn
of the event loop (never inside a drop or an editor commit).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from parallax.domain.model import Changes, Tag, TagId
from parallax.services.codebook import tag_paths
from parallax.services.project import Project

logger = logging.getLogger(__name__)

IdRole = Qt.ItemDataRole.UserRole + 1
PathRole = Qt.ItemDataRole.UserRole + 2
ColourRole = Qt.ItemDataRole.UserRole + 3
TAG_MIME = "application/x-parallax-tag-ids"

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_SWATCH = 12


def swatch(colour: str, size: int = _SWATCH) -> QIcon:
    """A round colour swatch; a hollow ring for a tag without a colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if colour:
        painter.setPen(QColor(colour).darker(130))
        painter.setBrush(QColor(colour))
    else:
        painter.setPen(QApplication.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class TagsModel(QAbstractItemModel):
    """Tags → sub-tags; columns: name, number of annotations carrying the tag."""

    HEADERS = ("Tag", "#")
    rename_requested = Signal(int, str)  # tag id, new name
    move_requested = Signal(int, object)  # tag id, new parent id (None: top level)
    reloaded = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._tags: dict[int, Tag] = {}
        self._children: dict[int | None, list[int]] = {None: []}
        self._paths: dict[TagId, str] = {}
        self._counts: dict[TagId, int] = {}
        self._icons: dict[str, QIcon] = {}
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.flush)
        self._stale_tags = False
        self._read()

    # --------------------------------------------------------------- reading
    def _read(self) -> None:
        tags = self._project.tags()
        self._tags = {t.id: t for t in tags}
        self._children = {None: []}
        for tag in tags:  # already sorted by name
            parent = tag.parent_id if tag.parent_id in self._tags else None
            self._children.setdefault(parent, []).append(tag.id)
        self._paths = tag_paths(tags)
        self._counts = self._project.tag_usage()

    def apply_changes(self, changes: Changes) -> None:
        """Re-read on the next turn of the event loop: the whole codebook when tags
        changed (it is small), else just the counts."""
        if changes.tags:
            self._stale_tags = True
        if changes.tags or changes.annotations:
            self._timer.start()

    def flush(self) -> None:
        """Apply pending changes now."""
        self._timer.stop()
        if self._stale_tags:
            self._stale_tags = False
            self.beginResetModel()
            self._read()
            self.endResetModel()
        else:
            self._counts = self._project.tag_usage()
            self._emit_counts(QModelIndex())
        self.reloaded.emit()

    def _emit_counts(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(self.index(0, 1, parent), self.index(rows - 1, 1, parent))
            for row in range(rows):
                self._emit_counts(self.index(row, 0, parent))

    # ------------------------------------------------------------- structure
    def _tag_id(self, index: Index) -> int | None:
        return index.internalId() if index.isValid() else None

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        ids = self._children.get(self._tag_id(parent), [])
        return self.createIndex(row, column, ids[row])

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        tag = self._tags.get(child.internalId())
        if tag is None or tag.parent_id not in self._tags:
            return QModelIndex()
        return self.index_of(tag.parent_id)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self._tag_id(parent), []))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.HEADERS)

    def index_of(self, tag_id: int | None, column: int = 0) -> QModelIndex:
        """The index of a tag (invalid for None or an unknown id)."""
        tag = self._tags.get(tag_id) if tag_id is not None else None
        if tag is None:
            return QModelIndex()
        parent = tag.parent_id if tag.parent_id in self._tags else None
        row = self._children[parent].index(tag.id)
        return self.createIndex(row, column, tag.id)

    def tag(self, tag_id: int) -> Tag | None:
        return self._tags.get(tag_id)

    def path(self, tag_id: int) -> str:
        return self._paths.get(TagId(tag_id), "")

    def paths(self) -> dict[TagId, str]:
        return dict(self._paths)

    def subtree_ids(self, tag_id: int) -> set[int]:
        found, todo = set(), [tag_id]
        while todo:
            current = todo.pop()
            found.add(current)
            todo.extend(self._children.get(current, []))
        return found

    # ------------------------------------------------------------------ data
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return "Annotations carrying the tag" if section == 1 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        tag = self._tags.get(index.internalId()) if index.isValid() else None
        if tag is None:
            return None
        if role == IdRole:
            return tag.id
        if role == PathRole:
            return self._paths.get(tag.id, tag.name)
        if role == ColourRole:
            return tag.colour
        if index.column() == 1:
            return self._count_data(tag, role)
        return self._name_data(tag, role)

    def _name_data(self, tag: Tag, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return tag.name
        if role == Qt.ItemDataRole.DecorationRole:
            if tag.colour not in self._icons:
                self._icons[tag.colour] = swatch(tag.colour)
            return self._icons[tag.colour]
        if role == Qt.ItemDataRole.ToolTipRole:
            count = self._counts.get(tag.id, 0)
            return f"{self._paths.get(tag.id, tag.name)} — {count} annotation(s)"
        return None

    def _count_data(self, tag: Tag, role: int) -> object:
        count = self._counts.get(tag.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        tag = self._tags.get(index.internalId()) if index.isValid() else None
        if tag is None or role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        name = str(value).strip()
        if name and name != tag.name:
            self.rename_requested.emit(tag.id, name)
        return False  # the change bus brings the renamed tag back

    # ---------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TAG_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = sorted({i.internalId() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(TAG_MIME, QByteArray(",".join(map(str, ids)).encode()))
        return data

    @staticmethod
    def dragged_ids(data: QMimeData) -> list[int]:
        raw = bytes(data.data(TAG_MIME).data()).decode(errors="ignore")
        return [int(part) for part in raw.split(",") if part.strip().isdigit()]

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(TAG_MIME):
            return False
        target = self._tag_id(parent)
        ids = self.dragged_ids(data)
        return bool(ids) and all(target not in self.subtree_ids(i) for i in ids)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Nest the dragged tags under the tag dropped on (or the top level)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._tag_id(parent)
        for tag_id in self.dragged_ids(data):
            tag = self._tags.get(tag_id)
            if tag is not None and tag.parent_id != target:
                self.move_requested.emit(tag_id, target)
        return True
