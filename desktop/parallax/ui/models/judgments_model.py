"""Key judgments in the analyst's order: statement, likelihood, confidence, cited claims.

Judgments are few (a brief has a handful), so a change to any of them re-reads the list;
the order itself is data (the brief prints them in it), which a per-row refresh would miss.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from parallax.domain import yardsticks
from parallax.domain.errors import KnownError
from parallax.domain.model import Changes, Judgment
from parallax.services.project import Project

IdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
QUOTE_CHARS = 60


class JudgmentsModel(QAbstractTableModel):
    """One row per judgment; the tooltip of the Cites column quotes the cited claims."""

    HEADERS = ("Judgment", "Likelihood", "Confidence", "Cites")

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._rows: list[Judgment] = []
        self._yardstick = yardsticks.DEFAULT_YARDSTICK
        self.load()

    def load(self) -> None:
        self.beginResetModel()
        self._rows = self._project.judgments()
        self._yardstick = self._project.yardstick()
        self.endResetModel()

    def apply_changes(self, changes: Changes) -> None:
        """Re-read when judgments changed, or claims they may cite were deleted."""
        cited = {a for j in self._rows for a in j.annotation_ids}
        if changes.judgments or (cited & set(changes.annotations)):
            self.load()

    def judgment(self, row: int) -> Judgment | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, judgment_id: int) -> int:
        return next((i for i, j in enumerate(self._rows) if j.id == judgment_id), -1)

    def ids(self) -> list[int]:
        return [j.id for j in self._rows]

    # -------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        judgment = self.judgment(index.row()) if index.isValid() else None
        if judgment is None:
            return None
        if role == IdRole:
            return judgment.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(judgment, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(judgment, index.column())
        return None

    def _text(self, judgment: Judgment, column: int) -> str:
        if column == 0:
            return judgment.statement
        if column == 1:
            term = yardsticks.find_term(self._yardstick, judgment.likelihood)
            return f"{judgment.likelihood} ({term.range_label})" if term else judgment.likelihood
        if column == 2:
            return str(judgment.confidence)
        count = len(judgment.annotation_ids)
        return f"{count} claim{'' if count == 1 else 's'}" if count else "—"

    def _tooltip(self, judgment: Judgment, column: int) -> str:
        if column != 3 or not judgment.annotation_ids:
            return judgment.statement
        lines = []
        for annotation_id in judgment.annotation_ids:
            try:
                quote = self._project.annotation(annotation_id).quote
            except KnownError:
                continue
            short = quote if len(quote) <= QUOTE_CHARS else quote[:QUOTE_CHARS] + "…"
            lines.append(f"“{' '.join(short.split())}”")
        return "\n".join(lines)
