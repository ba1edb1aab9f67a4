"""The Search tab: a query over every article and note; a result opens at the match.

Typing searches after a short pause (and at once on Enter); the results list the match in
context with the article's title, outlet and date. Clicking a result, or Enter on it,
asks to open the article with exactly the matched characters selected (`hit_activated`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.errors import KnownError
from parallax.services.project import Project
from parallax.ui.models.search_model import HitRole, MatchRole, SearchResultsModel

logger = logging.getLogger(__name__)

TYPING_PAUSE_MS = 300


class SnippetDelegate(QStyledItemDelegate):
    """Draws a result's snippet with the matched words in bold."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        match = index.data(MatchRole)
        if not match:
            super().paint(painter, option, index)
            return
        text = str(index.data())
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        area = area.adjusted(2, 0, -2, 0)
        painter.save()
        painter.setClipRect(area)
        painter.setPen(option.palette.color(role))
        x = area.left()
        for part, bold in _parts(text, match):
            font = QFont(option.font)
            font.setBold(bold)
            painter.setFont(font)
            flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(area.adjusted(x - area.left(), 0, 0, 0), int(flags), part)
            x += QFontMetrics(font).horizontalAdvance(part)
        painter.restore()


def _parts(text: str, match: tuple[int, int]) -> list[tuple[str, bool]]:
    start, end = match
    return [(text[:start], False), (text[start:end], True), (text[end:], False)]


class SearchPanel(QWidget):
    """Query box over a results table; `hit_activated(SearchHit)` opens a result."""

    hit_activated = Signal(object)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(project, self)
        self.query = QLineEdit()
        self.query.setObjectName("SearchQuery")
        self.query.setPlaceholderText("Search all articles and notes (Ctrl+Shift+F)")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.run)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.installEventFilter(self)
        self.status = QLabel()
        self.status.setObjectName("SearchStatus")
        self.status.setEnabled(False)
        self.results = QTableView()
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setShowGrid(False)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        self.results.verticalHeader().setVisible(False)
        self.results.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.results.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 180)
        header.resizeSection(2, 100)
        header.resizeSection(3, 76)
        self.results.setItemDelegateForColumn(0, SnippetDelegate(self.results))
        self.results.activated.connect(self._activate)
        self.results.clicked.connect(self._activate)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.query, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)

    def focus_query(self, text: str = "") -> None:
        """Put the cursor in the query box (with `text`, e.g. the selected words)."""
        if text:
            self.query.setText(text)
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def run(self) -> None:
        """Search for what the query box holds now."""
        self._timer.stop()
        text = self.query.text().strip()
        if text == self.model.query and text:
            return
        try:
            count = self.model.run(text)
        except KnownError as exc:
            self.status.setText(str(exc))
            return
        self._show_status(text, count)
        if count:
            self.results.selectRow(0)

    def _show_status(self, text: str, count: int) -> None:
        if not text:
            self.status.setText("")
        elif not count:
            self.status.setText("No matches")
        else:
            articles = self.model.article_count()
            more = "+" if count >= self.model.LIMIT else ""
            self.status.setText(
                f"{count}{more} match{'es' if count != 1 else ''} in "
                f"{articles} article{'s' if articles != 1 else ''}"
            )

    def _activate(self, index: QModelIndex) -> None:
        hit = index.data(HitRole) if index.isValid() else None
        if hit is not None:
            self.hit_activated.emit(hit)

    def eventFilter(self, watched: object, event: object) -> bool:
        """Down in the query box moves to the results, so the keyboard can reach them."""
        if (
            watched is self.query
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.selectRow(0)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]
