"""Search results as a table: the match in context, then the article's title, outlet, date.

One `Project.search` per query, plus one summaries query for the articles it names.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from parallax.domain.dates import format_fuzzy
from parallax.domain.model import ArticleSummary, SearchHit
from parallax.services.project import Project
from parallax.ui.text_match import find_matches

logger = logging.getLogger(__name__)

HitRole = Qt.ItemDataRole.UserRole + 1
MatchRole = Qt.ItemDataRole.UserRole + 2  # (start, end) of the match in the shown snippet
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
NOTE_PREFIX = "Note: "
LEAD = 12  # characters of context shown before a match


class SearchResultsModel(QAbstractTableModel):
    """The hits of the last query, best first."""

    HEADERS = ("Match", "Title", "Outlet", "Date")
    LIMIT = 200

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._hits: list[SearchHit] = []
        self._articles: dict[int, ArticleSummary] = {}
        self.query = ""

    def run(self, query: str) -> int:
        """Search the project; returns the number of hits shown."""
        self.query = query.strip()
        hits = self._project.search(self.query, limit=self.LIMIT) if self.query else []
        ids = sorted({h.article_id for h in hits})
        summaries = self._project.article_summaries(article_ids=ids) if ids else []
        self.beginResetModel()
        self._hits = hits
        self._articles = {s.id: s for s in summaries}
        self.endResetModel()
        return len(hits)

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def article_count(self) -> int:
        return len({h.article_id for h in self._hits})

    # ------------------------------------------------------------------ model
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == HitRole:
            return hit
        if role == MatchRole and index.column() == 0:
            return self._shown_snippet(hit)[1]
        summary = self._articles.get(hit.article_id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(hit, summary, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            title = summary.title if summary else ""
            return f"{hit.snippet}\n\n{title}" if title else hit.snippet
        if role == Qt.ItemDataRole.FontRole and index.column() == 0 and hit.annotation_id:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _shown_snippet(self, hit: SearchHit) -> tuple[str, tuple[int, int] | None]:
        """The snippet cut to start shortly before the match, so a narrow column shows
        it, and where the match is in it."""
        prefix = NOTE_PREFIX if hit.snippet.startswith(NOTE_PREFIX) else ""
        body = hit.snippet[len(prefix) :]
        found = find_matches(body, self.query)
        if not found:
            return hit.snippet, None
        start, end = found[0]
        cut = max(0, start - LEAD)
        if cut:
            cut = body.find(" ", cut, start) + 1 or cut  # at a word boundary
            body = "…" + body[cut:]
            start, end = start - cut + 1, end - cut + 1
        return prefix + body, (len(prefix) + start, len(prefix) + end)

    def _display(self, hit: SearchHit, summary: ArticleSummary | None, column: int) -> str:
        if column == 0:
            return self._shown_snippet(hit)[0]
        if summary is None:
            return ""
        if column == 1:
            return summary.title or "(untitled)"
        if column == 2:
            return summary.outlet or "—"
        if summary.published is None:
            return ""
        return format_fuzzy(summary.published, summary.published_precision)
