"""The import review table: one row per file, what was found, what the user corrected.

Metadata cells are editable; the first column ticks a file in or out. Files that cannot be
imported (errors, exact duplicates) cannot be ticked; near-duplicates, and files that
repeat an earlier file of the batch, start unticked and say what they resemble, so the
user chooses. `overrides()` is what
`Project.import_files(..., overrides=)` needs: the corrected fields, and "skip" for the
unticked files.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from parallax.services.importing import ImportPreview

logger = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
PathRole = Qt.ItemDataRole.UserRole + 1

# The status comes right after the file name: it says why a row is greyed or unticked.
(INCLUDE, FILE, STATUS, TITLE, OUTLET, AUTHOR, DATE, URL, LANGUAGE, FORMAT, BOILERPLATE) = range(11)
HEADERS = (
    "",
    "File",
    "Status",
    "Title",
    "Outlet",
    "Author",
    "Date",
    "URL",
    "Language",
    "Format",
    "Boilerplate",
)
FIELDS = {
    TITLE: "title",
    OUTLET: "outlet",
    AUTHOR: "author",
    DATE: "published",
    URL: "url",
    LANGUAGE: "language",
}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ERROR_COLOUR = QColor("#c0392b")
WARNING_COLOUR = QColor("#b9770e")


def date_text(preview: ImportPreview) -> str:
    """The found date as the user would type it: 2017, 2017-05 or 2017-05-18."""
    if preview.published is None:
        return ""
    if preview.published_precision == "year":
        return f"{preview.published.year:04d}"
    if preview.published_precision == "month":
        return preview.published.strftime("%Y-%m")
    return preview.published.isoformat()


def valid_date(text: str) -> bool:
    """Empty, or an ISO date of year, month or day precision that exists."""
    text = text.strip()
    if not text:
        return True
    if not _DATE.fullmatch(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


@dataclass(slots=True)
class ReviewRow:
    preview: ImportPreview
    include: bool
    edits: dict[str, str] = field(default_factory=dict)
    existing_title: str = ""

    @property
    def importable(self) -> bool:
        return not self.preview.error and self.preview.duplicate_of is None

    def value(self, name: str) -> str:
        if name in self.edits:
            return self.edits[name]
        if name == "published":
            return date_text(self.preview)
        return str(getattr(self.preview, name) or "")

    def status(self) -> str:
        p = self.preview
        if p.error:
            return f"Cannot import: {p.error}"
        if p.duplicate_of is not None:
            return f"Already in the project as “{self.existing_title or p.duplicate_of}”"
        if p.near_duplicate is not None:
            similar = p.near_duplicate.similarity
            return f"Near-duplicate ({similar:.0%} alike) of “{self.existing_title}”"
        if p.repeats is not None:
            earlier = Path(p.repeats.earlier_path).name
            if p.repeats.exact:
                return f"Same text as {earlier}, earlier in this batch"
            return f"Near-duplicate ({p.repeats.similarity:.0%} alike) of {earlier} in this batch"
        return "New"


class ImportPreviewModel(QAbstractTableModel):
    """Rows of `ImportPreview`s with the user's ticks and corrections."""

    refused = Signal(str)  # why an edit was not taken
    inclusion_changed = Signal()

    def __init__(
        self,
        previews: Sequence[ImportPreview],
        titles: Mapping[int, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        titles = titles or {}
        self.rows: list[ReviewRow] = []
        for preview in previews:
            near = preview.near_duplicate
            existing = preview.duplicate_of or (near.existing_article_id if near else None)
            row = ReviewRow(
                preview,
                include=not (preview.error or preview.duplicate_of or near or preview.repeats),
                existing_title=titles.get(existing, "") if existing is not None else "",
            )
            self.rows.append(row)

    # ------------------------------------------------------------- results
    def included_count(self) -> int:
        return sum(1 for r in self.rows if r.include)

    def overrides(self) -> dict[str, dict[str, object]]:
        """Per file path: the corrected fields, and "skip" for files left out."""
        found: dict[str, dict[str, object]] = {}
        for row in self.rows:
            fields: dict[str, object] = dict(row.edits)
            if not row.include:
                fields = {"skip": True}
            if fields:
                found[row.preview.path] = fields
        return found

    def errors(self) -> list[str]:
        """ "path: reason" of each file that cannot be imported."""
        return [f"{r.preview.path}: {r.preview.error}" for r in self.rows if r.preview.error]

    def set_all(self, include: bool) -> None:
        for n, row in enumerate(self.rows):
            if row.importable:
                row.include = include
                index = self.index(n, INCLUDE)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.inclusion_changed.emit()

    # --------------------------------------------------------------- model
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == INCLUDE:
                return "Import this file"
            if section == DATE:
                return "Publication date: 2017-05-18, 2017-05 or 2017"
            if section == BOILERPLATE:
                return "Passages marked as boilerplate (navigation, comments)"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self.rows[index.row()]
        flags = Qt.ItemFlag.ItemIsSelectable
        if row.importable:
            flags |= Qt.ItemFlag.ItemIsEnabled
        if index.column() == INCLUDE and row.importable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in FIELDS and row.importable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == PathRole:
            return row.preview.path
        if role == Qt.ItemDataRole.CheckStateRole and column == INCLUDE:
            return Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return self._status_colour(row)
        if role == Qt.ItemDataRole.FontRole and FIELDS.get(column) in row.edits:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == BOILERPLATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: ReviewRow, column: int) -> str:
        preview = row.preview
        if column in FIELDS:
            return row.value(FIELDS[column])
        if column == FILE:
            return Path(preview.path).name
        if column == FORMAT:
            return preview.format
        if column == BOILERPLATE:
            return str(preview.boilerplate_spans) if not preview.error else ""
        if column == STATUS:
            return row.status()
        return ""

    @staticmethod
    def _tooltip(row: ReviewRow, column: int) -> str | None:
        if column == FILE:
            return row.preview.path
        if column == STATUS:
            return row.status()
        if column in FIELDS and FIELDS[column] in row.edits:
            return f"Corrected; the file said: {_found(row, column)}"
        if column in (TITLE, URL):
            return row.value(FIELDS[column]) or None
        return None

    @staticmethod
    def _status_colour(row: ReviewRow) -> QColor | None:
        if row.preview.error:
            return ERROR_COLOUR
        p = row.preview
        if p.duplicate_of is not None or p.near_duplicate is not None or p.repeats is not None:
            return WARNING_COLOUR
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.rows[index.row()].importable:
            return False
        row, column = self.rows[index.row()], index.column()
        if column == INCLUDE and role == Qt.ItemDataRole.CheckStateRole:
            row.include = _checked(value)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self.inclusion_changed.emit()
            return True
        if column not in FIELDS or role != Qt.ItemDataRole.EditRole:
            return False
        return self._edit(index, row, FIELDS[column], " ".join(str(value or "").split()))

    def _edit(self, index: Index, row: ReviewRow, name: str, text: str) -> bool:
        if name == "published" and not valid_date(text):
            self.refused.emit(f"“{text}” is not a date: write 2017-05-18, 2017-05 or 2017.")
            return False
        original = ReviewRow(row.preview, row.include).value(name)
        if text == original:
            row.edits.pop(name, None)
        else:
            row.edits[name] = text
        self.dataChanged.emit(index, index)
        return True


def _found(row: ReviewRow, column: int) -> str:
    return ReviewRow(row.preview, row.include).value(FIELDS[column]) or "nothing"


def _checked(value: object) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return value in (2, True) or value == Qt.CheckState.Checked.value
