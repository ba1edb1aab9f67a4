"""Dock contents over the Qt models: the Library tree and the Events table."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parallax.ui.library_filter import LibraryFilterBar
from parallax.ui.models.events_model import EventsModel
from parallax.ui.models.library_model import IdRole, KindRole, LibraryModel
from parallax.ui.models.record_table import SortRole

EXPAND_ALL_UP_TO = 300
# Columns fit the rows on screen: a sample of 40 rows was measured some four times while
# the Events tab was first laid out, a tenth of a second of every start.
RESIZE_SAMPLE_ROWS = 0


class LibraryPanel(QWidget):
    """Filter box over the outlets → articles tree; asks to open articles."""

    open_requested = Signal(int, bool)  # article id, in a new pane

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.filter = LibraryFilterBar(model.project)
        self.filter.changed.connect(self._filter)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragEnabled(True)  # an article dragged onto the reading desk opens there
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.activated.connect(lambda index: self._open(index, new_pane=False))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths, not ResizeToContents: that re-measures up to 1,000 rows on every
        # count change, which made each new highlight cost hundreds of milliseconds.
        # Titles get the room: a dock a quarter of the window wide left them 75 px.
        metrics = self.tree.fontMetrics()
        for column, sample in ((1, "2017-05-18"), (2, "9999")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 14)
        self.tree.setIndentation(metrics.horizontalAdvance("M") + 4)
        model.modelReset.connect(self._expand_if_small)
        model.rowsInserted.connect(self._expand_new_outlets)
        self._expand_if_small()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)

    def _filter(self, filters: dict[str, object]) -> None:
        self.model.set_filters(filters)
        self._expand_if_small()

    def _expand_if_small(self) -> None:
        """Open every outlet when the list is short; a long library starts folded, because
        expanding 10,000 rows costs seconds and shows nobody anything useful."""
        if self._small():
            self.tree.expandAll()

    def _small(self) -> bool:
        return self.model.total_count <= EXPAND_ALL_UP_TO

    def _expand_new_outlets(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid() or not self._small():
            return
        for row in range(first, last + 1):
            self.tree.expand(self.proxy.mapFromSource(self.model.index(row, 0)))

    def _open(self, index: QModelIndex, *, new_pane: bool) -> None:
        if index.isValid() and index.data(KindRole) == "article":
            self.open_requested.emit(int(index.data(IdRole)), new_pane)

    def _menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        if not index.isValid() or index.data(KindRole) != "article":
            return
        menu = QMenu(self)
        menu.addAction("Open", lambda: self._open(index, new_pane=False))
        menu.addAction("Open in New Pane", lambda: self._open(index, new_pane=True))
        menu.exec(self.tree.viewport().mapToGlobal(point))

    def select_article(self, article_id: int) -> None:
        """Show which article the current pane holds."""
        source = self.model.index_of_article(article_id)
        if source.isValid():
            self.tree.setCurrentIndex(self.proxy.mapFromSource(source))


def table_view(model: QAbstractItemModel, parent: QWidget | None = None) -> QTableView:
    """A sortable, read-only table over a record model."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QTableView(parent)
    view.setModel(proxy)
    # The model already comes in a useful order (events by date, actors by name); sorting
    # 5,000 rows through the proxy at open cost most of a second, so the first sort waits
    # for a click on a header.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(RESIZE_SAMPLE_ROWS)  # measure what is seen, not every row
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return view


class BottomTabs(QTabWidget):
    """The Events tab, first of the bottom tabs (the analysis views add theirs after it)."""

    def __init__(self, events: EventsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.events_view = table_view(events, self)
        self.addTab(self.events_view, "Events")
