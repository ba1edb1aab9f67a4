"""The Library: outlets, each with its articles (date, annotation count), paged in.

Every outlet is a row from the start (one grouped count query); an outlet's articles
(summaries, no text) are read a page at a time through `fetchMore` on that outlet, so
opening a 10,000-article project reads no article rows at all until one is wanted.
Edits refresh only the counts of the articles they name.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from parallax.domain.dates import format_fuzzy
from parallax.domain.model import ArticleSummary, Changes, Outlet
from parallax.services.project import Project
from parallax.ui.article_drops import ARTICLE_MIME_TYPE, article_mime_data

logger = logging.getLogger(__name__)

IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2  # "outlet" or "article"
SortRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root, as a default argument
_NO_PARENT = 0  # internal id of top-level (outlet) rows; article rows hold group row + 1


@dataclass(slots=True)
class _Group:
    outlet_id: int | None
    name: str
    grade: str
    articles: list[ArticleSummary] = field(default_factory=list)
    total: int = 0  # articles in the outlet (with the filters), loaded or not
    annotations: int = 0

    @property
    def complete(self) -> bool:
        return len(self.articles) >= self.total


COUNT_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class LibraryModel(QAbstractItemModel):
    """Outlets → articles; columns: title, date, highlights."""

    HEADERS = ("Article", "Date", "#")
    PAGE_SIZE = 500

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._groups: list[_Group] = []
        self._rows: dict[int, tuple[int, int]] = {}  # article id -> (group row, row)
        self._outlets: dict[int, Outlet] = {}
        self._pending_counts: set[int] = set()
        self._filters: dict[str, object] = {}
        self._count_timer = QTimer(self, singleShot=True, interval=0)
        self._count_timer.timeout.connect(self.flush_counts)
        self._read_groups()

    # -------------------------------------------------------------- structure
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        group_row = child.internalId() - 1
        if group_row < 0:
            return QModelIndex()
        return self.createIndex(group_row, 0, _NO_PARENT)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()].articles)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(self.HEADERS)

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        if not parent.isValid():
            return bool(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return self._groups[parent.row()].total > 0
        return False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 2:
            return "Annotations (highlights) in the article"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _NO_PARENT:  # an article: drag it onto the reading desk
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [ARTICLE_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        """The dragged article's id (the first article among `indexes`)."""
        for index in indexes:
            if index.isValid() and index.data(KindRole) == "article":
                return article_mime_data(int(index.data(IdRole)))
        return None

    # ------------------------------------------------------------------- data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._group_data(self._groups[index.row()], index.column(), role)
        group = self._groups[index.internalId() - 1]
        return self._article_data(group.articles[index.row()], index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int) -> object:
        if role == KindRole:
            return "outlet"
        if role == IdRole:
            return group.outlet_id
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if column == 0:
                grade = f"  ·  {group.grade}" if group.grade else ""
                return f"{group.name}{grade}" if role == Qt.ItemDataRole.DisplayRole else group.name
            if column == 2:
                total = group.annotations
                return total if total or role == SortRole else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            grade = group.grade or "not graded"
            return f"{group.name}: {group.total} articles, reliability {grade}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return COUNT_ALIGNMENT
        return None

    def _article_data(self, article: ArticleSummary, column: int, role: int) -> object:
        if role == KindRole:
            return "article"
        if role == IdRole:
            return article.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return article.title or "(untitled)"
            if column == 1:
                if article.published is None:
                    return ""
                return format_fuzzy(article.published, article.published_precision)
            return article.annotation_count or ""
        if role == SortRole:
            if column == 0:
                return article.title.casefold()
            if column == 1:
                return article.published.isoformat() if article.published else ""
            return article.annotation_count
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return article.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return COUNT_ALIGNMENT
        return None

    # ----------------------------------------------------------------- paging
    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        if not parent.isValid() or parent.internalId() != _NO_PARENT:
            return False
        return not self._groups[parent.row()].complete

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._fetch_group(parent.row())

    def _fetch_group(self, group_row: int) -> None:
        """Read the next page of one outlet's articles."""
        group = self._groups[group_row]
        filters = {**self._filters, "outlet_ids": [group.outlet_id]}
        page = self._project.article_summaries(
            offset=len(group.articles),
            limit=self.PAGE_SIZE,
            **filters,  # type: ignore[arg-type]
        )
        if not page:
            group.total = len(group.articles)  # the outlet shrank since it was counted
            return
        first = len(group.articles)
        self.beginInsertRows(self.index(group_row, 0), first, first + len(page) - 1)
        group.articles.extend(page)
        for n, summary in enumerate(page, start=first):
            self._rows[summary.id] = (group_row, n)
        self.endInsertRows()

    def _read_groups(self) -> None:
        self._load_outlets()
        self._groups = []
        for outlet_id, name, total, n_annotations in self._project.outlet_groups(
            **self._filters  # type: ignore[arg-type]
        ):
            outlet = self._outlets.get(outlet_id) if outlet_id else None
            self._groups.append(
                _Group(
                    outlet_id,
                    name or "No outlet",
                    outlet.reliability if outlet else "",
                    total=total,
                    annotations=n_annotations,
                )
            )

    def _load_outlets(self) -> None:
        self._outlets = {o.id: o for o in self._project.outlets()}

    # ---------------------------------------------------------------- filters
    @property
    def project(self) -> Project:
        return self._project

    @property
    def filters(self) -> dict[str, object]:
        """The `Project.article_summaries` filters the rows obey ({}: every article)."""
        return dict(self._filters)

    def set_filters(self, filters: dict[str, object]) -> None:
        """Show only the articles matching `filters`, read again from the first page."""
        cleaned = {k: v for k, v in filters.items() if v is not None and v != ""}
        if cleaned == self._filters:
            return
        self._filters = cleaned
        self.reload()

    def _adds_articles(self) -> bool:
        """Whether the filtered library holds more articles than when it was counted
        (an import), as opposed to an edit in an outlet not opened yet."""
        counted = sum(
            total
            for _o, _n, total, _a in self._project.outlet_groups(
                **self._filters  # type: ignore[arg-type]
            )
        )
        return counted != self.total_count

    # ---------------------------------------------------------------- queries
    def index_of_article(self, article_id: int) -> QModelIndex:
        """The article's row, reading its outlet's pages up to it if need be."""
        where = self._rows.get(article_id) or self._load_up_to(article_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], 0, self.index(where[0], 0))

    def _load_up_to(self, article_id: int) -> tuple[int, int] | None:
        found = self._project.article_summaries(
            article_ids=[article_id],
            **self._filters,  # type: ignore[arg-type]
        )
        if not found:
            return None
        group_row = next(
            (r for r, g in enumerate(self._groups) if g.outlet_id == found[0].outlet_id), None
        )
        while group_row is not None and article_id not in self._rows:
            if self._groups[group_row].complete:
                return None
            self._fetch_group(group_row)
        return self._rows.get(article_id)

    @property
    def loaded_count(self) -> int:
        return len(self._rows)

    @property
    def total_count(self) -> int:
        """Articles passing the filters, loaded or not."""
        return sum(g.total for g in self._groups)

    # ---------------------------------------------------------------- changes
    def apply_changes(self, changes: Changes) -> None:
        """Refresh what `changes` names: counts of known articles; new articles reload."""
        if changes.outlets:
            self._refresh_outlets()
        if not changes.articles:
            return
        unknown = [a for a in changes.articles if a not in self._rows]
        if unknown and not changes.annotations and self._adds_articles():
            self.reload()
            return
        # Counted on the next turn of the event loop, after the edit has been painted.
        self._pending_counts |= changes.articles
        self._count_timer.start()

    def flush_counts(self) -> None:
        """Recount the annotations of the articles changes named since the last time."""
        self._count_timer.stop()
        pending, self._pending_counts = self._pending_counts, set()
        shown = [article_id for article_id in pending if article_id in self._rows]
        counts = self._project.annotation_counts(shown) if shown else {}
        for article_id in shown:
            self._refresh_count(article_id, counts.get(article_id, 0))

    def _refresh_count(self, article_id: int, count: int) -> None:
        group_row, row = self._rows[article_id]
        group = self._groups[group_row]
        if group.articles[row].annotation_count == count:
            return
        group.annotations += count - group.articles[row].annotation_count
        group.articles[row] = replace(group.articles[row], annotation_count=count)
        parent = self.index(group_row, 0)
        self.dataChanged.emit(self.index(row, 2, parent), self.index(row, 2, parent))
        self.dataChanged.emit(self.index(group_row, 2), self.index(group_row, 2))

    def _refresh_outlets(self) -> None:
        self._load_outlets()
        for row, group in enumerate(self._groups):
            outlet = self._outlets.get(group.outlet_id) if group.outlet_id else None
            if outlet is not None:
                group.name, group.grade = outlet.name, outlet.reliability
                self.dataChanged.emit(self.index(row, 0), self.index(row, 0))

    def reload(self) -> None:
        """Read the outlets again (after an import or a filter change), keeping open the
        pages that were open."""
        opened = {g.outlet_id: len(g.articles) for g in self._groups if g.articles}
        self.beginResetModel()
        self._rows.clear()
        self._read_groups()
        for row, group in enumerate(self._groups):
            wanted = opened.get(group.outlet_id, 0)
            if wanted:
                page = self._project.article_summaries(
                    offset=0,
                    limit=max(wanted, self.PAGE_SIZE),
                    **{**self._filters, "outlet_ids": [group.outlet_id]},  # type: ignore[arg-type]
                )
                group.articles = page
                for n, summary in enumerate(page):
                    self._rows[summary.id] = (row, n)
        self.endResetModel()
