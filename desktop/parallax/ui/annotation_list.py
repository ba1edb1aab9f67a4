"""The annotations of the article in the current pane, as a list to read and jump through.

A table model over that article's annotations (kind, quote, note), kept in step with the
change bus by a diff against one re-read of the article's list: rows are inserted,
removed or changed in place, so the view keeps its selection and scroll position.

The model holds each row's span (id, position, kind), which the pane has just read to show
the article anyway; quotes and notes are read a page of rows at a time, for the rows the
view asks about, so a list of 2,000 costs no more to show than one of 20.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.errors import NotFoundError
from parallax.domain.model import Annotation, AnnotationKind, AnnotationSpan, Changes
from parallax.services.project import Project
from parallax.ui import style
from parallax.ui.highlight_spans import AnySpan, as_span
from parallax.ui.session import ProjectSession

IdRole = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
QUOTE_CHARS = 160
MAX_SINGLE_READS = 40  # more changed annotations than this: re-read the article's list
PAGE = 40  # rows whose quotes and notes are read together (a tall list shows 25)


class AnnotationListModel(QAbstractTableModel):
    """One row per annotation of one article, by position in the text."""

    HEADERS = ("Kind", "Passage", "Note")

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._article_id: int | None = None
        self._rows: list[AnnotationSpan] = []
        self._ids: set[int] = set()  # of the rows: a change to another article costs O(1)
        self._full: dict[int, Annotation] = {}  # quotes and notes read so far, by id

    @property
    def article_id(self) -> int | None:
        return self._article_id

    def set_article(self, article_id: int | None, rows: Sequence[AnySpan] | None = None) -> None:
        """Show another article's annotations (None: none); `rows` when the caller has just
        read them (the pane did, to open the article), so they are not read twice."""
        if article_id == self._article_id:
            return
        self.beginResetModel()
        self._article_id = article_id
        if rows is None:
            rows = self._project.annotation_spans(article_id) if article_id is not None else []
        self._rows = [as_span(r) for r in rows]
        self._ids = {r.id for r in self._rows}
        self._full = {r.id: r for r in rows if isinstance(r, Annotation)}
        self.endResetModel()

    def kind_at(self, row: int) -> str:
        return str(self._rows[row].kind)

    def row_of(self, annotation_id: int) -> int:
        if annotation_id not in self._ids:
            return -1
        return next((i for i, a in enumerate(self._rows) if a.id == annotation_id), -1)

    def annotation_at(self, row: int) -> Annotation | None:
        """The full annotation of a row, reading its page of rows if need be (None if it
        was deleted meanwhile)."""
        key = self._rows[row].id
        if key not in self._full:
            first = max(0, row - PAGE // 4)
            page = (s.id for s in self._rows[first : first + PAGE] if s.id not in self._full)
            self._full.update((a.id, a) for a in self._project.annotations_with_ids(page))
        return self._full.get(key)

    # ---------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        span = self._rows[index.row()]
        if role == IdRole:
            return int(span.id)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return QColor(style.KIND_COLOURS.get(str(span.kind), style.KIND_COLOURS["claim"]))
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return str(span.kind).title()
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        ann = self.annotation_at(index.row())
        if ann is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(ann, index.column())
        return "\n\n".join(filter(None, [ann.quote, ann.note]))

    # ---------------------------------------------------------------- changes
    def apply_changes(self, changes: Changes) -> None:
        """Follow edits to the shown article: the few annotations a change names are read
        one by one; many (or none named) mean one re-read of the list, then a diff."""
        if self._article_id is None:
            return
        if self._article_id not in changes.articles and not changes.annotations & self._ids:
            return
        if not changes.annotations or len(changes.annotations) > MAX_SINGLE_READS:
            self._merge(self._project.annotation_spans(self._article_id))
            return
        for annotation_id in changes.annotations:
            self._update_one(annotation_id)

    def _update_one(self, annotation_id: int) -> None:
        try:
            ann: Annotation | None = self._project.annotation(annotation_id)
        except NotFoundError:
            ann = None
        row = self.row_of(annotation_id)
        if ann is not None and ann.article_id != self._article_id:
            ann = None
        self._full.pop(annotation_id, None)
        if row >= 0 and (ann is None or ann.start != self._rows[row].start):
            self.beginRemoveRows(_ROOT, row, row)
            del self._rows[row]
            self._ids.discard(annotation_id)
            self.endRemoveRows()
            row = -1
        if ann is None:
            return
        self._full[ann.id] = ann
        if row >= 0:
            self._rows[row] = as_span(ann)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            return
        position = bisect_left(self._rows, (ann.start, ann.id), key=lambda a: (a.start, a.id))
        self.beginInsertRows(_ROOT, position, position)
        self._rows.insert(position, as_span(ann))
        self._ids.add(ann.id)
        self.endInsertRows()

    def _merge(self, fresh: list[AnnotationSpan]) -> None:
        """Turn the rows into `fresh` by removals, moves and insertions; every row's quote
        and note are read again when next shown (any of them may have changed)."""
        wanted = {a.id for a in fresh}
        self._ids |= wanted  # row_of finds moved rows; the rows are exactly `fresh` after
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].id not in wanted:
                self.beginRemoveRows(_ROOT, row, row)
                del self._rows[row]
                self.endRemoveRows()
        for position, ann in enumerate(fresh):
            current = self._rows[position] if position < len(self._rows) else None
            if current is not None and current.id == ann.id:
                self._rows[position] = ann
                continue
            old = self.row_of(ann.id)
            if old >= 0:  # it moved (re-anchored): take it out, put it back in order
                self.beginRemoveRows(_ROOT, old, old)
                del self._rows[old]
                self.endRemoveRows()
            self.beginInsertRows(_ROOT, position, position)
            self._rows.insert(position, ann)
            self.endInsertRows()
        self._ids = wanted
        self._full.clear()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)


def _cell(ann: Annotation, column: int) -> str:
    if column == 0:
        return str(ann.kind).title()
    text = ann.quote if column == 1 else ann.note
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


class AnnotationListPanel(QWidget):
    """The list under a heading; a click (or Enter) reveals and selects the annotation."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._title = ""
        self.model = AnnotationListModel(session.project, self)
        self.heading = QLabel("No article open")
        self.heading.setObjectName("AnnotationListHeading")
        self.heading.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("Opinion") + 40)
        # The passage is what is read here; a note shows whole in its tooltip. With Qt's
        # default 100 px for Note, the passage had 80 px of a 290 px dock.
        header.resizeSection(2, metrics.horizontalAdvance("Note") + 36)
        self.view.clicked.connect(self._reveal)
        self.view.activated.connect(self._reveal)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.installEventFilter(self)  # Delete removes the current row's annotation
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        session.bus.changes_applied.connect(self._apply_changes)
        session.selection_changed.connect(self._select)

    def show_article(
        self, article_id: int | None, title: str = "", rows: Sequence[AnySpan] | None = None
    ) -> None:
        """Follow the current pane's article (`rows`: its annotations, if just read)."""
        self.model.set_article(article_id, rows)
        self._update_heading(title)
        self._select(self.session.selected)

    def _apply_changes(self, changes: Changes) -> None:
        self.model.apply_changes(changes)
        self._update_heading()

    def _update_heading(self, title: str | None = None) -> None:
        if title is not None:
            self._title = title
        if self.model.article_id is None:
            self.heading.setText("No article open")
            return
        count = self.model.rowCount()
        noun = "annotation" if count == 1 else "annotations"
        self.heading.setText(f"{count} {noun} in “{self._title}”")

    def _reveal(self, index: QModelIndex) -> None:
        annotation_id = index.data(IdRole)
        if annotation_id is not None:
            self.session.reveal_annotation(int(annotation_id))

    def _menu(self, point: QPoint) -> None:
        """Retype or delete the row under the mouse (both undoable)."""
        index = self.view.indexAt(point)
        annotation_id = index.data(IdRole) if index.isValid() else None
        if annotation_id is None:
            return
        self.session.select(int(annotation_id))
        current = self.model.kind_at(index.row())
        menu = QMenu(self)
        kinds = menu.addMenu("Change Kind")
        for kind in AnnotationKind:
            action = kinds.addAction(str(kind).title())
            action.setCheckable(True)
            action.setChecked(str(kind) == current)
            action.triggered.connect(
                lambda _=False, k=str(kind): self.session.edit_annotation(
                    int(annotation_id), "kind", current, k
                )
            )
        menu.addAction("Delete Annotation", lambda: self.session.delete_annotation(annotation_id))
        menu.exec(self.view.viewport().mapToGlobal(point))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            annotation_id = self.view.currentIndex().data(IdRole)
            if annotation_id is not None:
                self.session.delete_annotation(int(annotation_id))
                return True
        return super().eventFilter(watched, event)

    def _select(self, annotation_id: int | None) -> None:
        row = self.model.row_of(annotation_id) if annotation_id is not None else -1
        selection = self.view.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        selection.setCurrentIndex(index, flags)
        self.view.scrollTo(index)
