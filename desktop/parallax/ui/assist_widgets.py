"""Small pieces the assistant panels share: a list table, a refresh that waits until the
panel is visible, and a busy line with an indeterminate progress bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QSortFilterProxyModel, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QWidget,
)

from parallax.ui.models.record_list import SortRole

REFRESH_DELAY_MS = 250


def list_table(
    model: QAbstractItemModel,
    parent: QWidget | None = None,
    *,
    stretch: int = -1,
    sortable: bool = False,
) -> QTableView:
    """A read-only table of whole rows; `stretch` names the column that takes the room."""
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SortRole)
        view.setModel(proxy)
        view.setSortingEnabled(True)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setResizeContentsPrecision(40)  # size columns from a sample of rows, not all
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return view


def source_row(view: QTableView, row: int) -> int:
    """The model row behind a view row (through a sorting proxy, if any)."""
    model = view.model()
    if isinstance(model, QSortFilterProxyModel):
        return model.mapToSource(model.index(row, 0)).row()
    return row


def selected_rows(view: QTableView) -> list[int]:
    """Model rows of the selected view rows, in view order."""
    rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
    return [source_row(view, r) for r in rows]


class LazyRefresh(QObject):
    """Calls `refresh` shortly after `request()`, but only while `host` is visible; a
    request made while hidden runs when the host is next shown."""

    def __init__(self, host: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(host)
        self._host = host
        self._refresh = refresh
        self._stale = False
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._run)
        host.installEventFilter(self)

    def request(self, *, now: bool = False) -> None:
        self._stale = True
        if now and self._host.isVisible():
            self._run()
        elif self._host.isVisible():
            self._timer.start()

    def _run(self) -> None:
        self._timer.stop()
        self._stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Show and self._stale:
            self._timer.start()
        return False


class BusyLine(QWidget):
    """ "Finding suggestions…" with a moving bar, shown while a worker runs."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(12)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setVisible(False)
