"""The Actors tab: every actor with kind, aliases, counts and events; editing and merging;
its mentions across the project; suggested alias groups and new actors.

Every edit is an undoable command. Name, kind and aliases are edited in the table itself
(double-click or F2; aliases separated by commas); "Merge into…" folds the selected actor
into another, whose aliases then include the merged actor's names.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.model import Changes
from parallax.services import actors as actor_service
from parallax.services import suggestions
from parallax.services.actors import AliasPlan
from parallax.services.background import Job
from parallax.ui.analysis_commands import (
    AcceptAliasGroupCommand,
    AddActorCommand,
    DeleteActorCommand,
    EditActorCommand,
    MergeActorsCommand,
)
from parallax.ui.assist_widgets import LazyRefresh
from parallax.ui.mention_finder import ActorSuggestionsView, MentionFinder, SuggestionList
from parallax.ui.models.actors_model import (
    ALIASES,
    EVENTS,
    KIND,
    KINDS,
    ActorsModel,
    IdRole,
    SortRole,
)
from parallax.ui.models.assist_models import AliasGroupsModel
from parallax.ui.serial_runner import SerialRunner
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)


class KindDelegate(QStyledItemDelegate):
    """Edits the Kind column with a combo of the actor kinds."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(list(KINDS))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class AliasGroupsView(SuggestionList[AliasPlan]):
    """Names that are probably one actor; Accept makes them one (new, merged or aliased)."""

    KEY = "alias-groups"
    BUSY = "Grouping the names in the articles…"
    EMPTY = "No alias groups left to review."

    def __init__(
        self, session: ProjectSession, runner: SerialRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, AliasGroupsModel(), parent)

    def _job(self) -> Job:
        return actor_service.open_alias_groups

    def _accept(self, record: AliasPlan) -> bool:
        return self.session.run(AcceptAliasGroupCommand(self.session.project, record))

    def _dismiss(self, record: AliasPlan) -> None:
        suggestions.dismiss_alias_group(self.session.project, record.names)


class ActorsPanel(QWidget):
    """Actors table (left) and, for the selected actor, mentions and suggestions (right)."""

    def __init__(
        self,
        session: ProjectSession,
        model: ActorsModel,
        runner: SerialRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        self.runner = runner
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = self._table()
        self.mentions = MentionFinder(session, runner)
        self.alias_groups = AliasGroupsView(session, runner)
        self.new_actors = ActorSuggestionsView(session, runner)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.mentions, "Mentions")
        self.tabs.addTab(self.alias_groups, "Alias groups")
        self.tabs.addTab(self.new_actors, "New actors")
        self._layout()
        model.edit_requested.connect(self.edit)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self._selection_changed(QItemSelection(), QItemSelection())
        self._counts = LazyRefresh(self, self.refresh_mention_counts)
        session.bus.changes_applied.connect(self._apply_changes)
        self._counts.request()

    def _table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        # Actors arrive sorted by name; no proxy sort of every row at open.
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.horizontalHeader().setResizeContentsPrecision(40)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.setItemDelegateForColumn(KIND, KindDelegate(view))
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ALIASES, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ALIASES, 170)
        header.setSectionResizeMode(EVENTS, QHeaderView.ResizeMode.Stretch)
        return view

    def _layout(self) -> None:
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter actors")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        add = QPushButton("Add…")
        add.clicked.connect(self._add_dialog)
        self.merge_button = QPushButton("Merge into…")
        self.merge_button.setToolTip(
            "Fold the selected actor into another: its tags move and its names become aliases"
        )
        self.merge_button.clicked.connect(self._merge_dialog)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip(
            "Delete the selected actor with its tags (Del); Undo brings them back"
        )
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(add)
        bar.addWidget(self.merge_button)
        bar.addWidget(self.delete_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    # --------------------------------------------------------------- selection
    def selected_actor_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(IdRole)) if rows else None

    def select_actor(self, actor_id: int) -> None:
        row = self.model.row_of(actor_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        actor_id = self.selected_actor_id()
        self.merge_button.setEnabled(actor_id is not None)
        self.delete_button.setEnabled(actor_id is not None)
        self.mentions.set_actor(actor_id)

    # ------------------------------------------------------------------ edits
    def add_actor(self, name: str, kind: str = "person", aliases: Sequence[str] = ()) -> bool:
        command = AddActorCommand(self.session.project, name, kind, aliases)
        if not self.session.run(command):
            return False
        assert command.actor is not None
        self.select_actor(command.actor.id)
        return True

    def edit(self, actor_id: int, field: str, value: object) -> bool:
        """Rename ("name"), change the kind ("kind") or set the aliases ("aliases")."""
        return self.session.run(EditActorCommand(self.session.project, actor_id, field, value))

    def merge(self, source_id: int, target_id: int) -> bool:
        done = self.session.run(MergeActorsCommand(self.session.project, source_id, target_id))
        if done:
            self.select_actor(target_id)
        return done

    def delete_selected(self) -> bool:
        """Delete the selected actor (undoable: it comes back with its tags and memo)."""
        actor_id = self.selected_actor_id()
        actor = self.model.record(actor_id) if actor_id is not None else None
        if actor is None:
            return False
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(actor.id), 0)).row()
        if not self.session.run(DeleteActorCommand(self.session.project, actor)):
            return False
        if self.proxy.rowCount():  # the next actor, as a list's Delete leaves it
            self.table.selectRow(min(row, self.proxy.rowCount() - 1))
        return True

    def _menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("Merge into…", self._merge_dialog)
        menu.addAction("Delete Actor", self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(point))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Del or Backspace on the table deletes the selected actor (not while a cell is
        being edited: the editor has the keys then)."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            return self.delete_selected() or True
        return super().eventFilter(watched, event)

    def _add_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, "Add actor", "Name:")
        if ok and name.strip():
            self.add_actor(name)

    def _merge_dialog(self) -> None:
        source_id = self.selected_actor_id()
        if source_id is None:
            return
        source = self.model.record(source_id)
        others = [a for a in self.session.project.actors() if a.id != source_id]
        if source is None or not others:
            return
        names = [a.name for a in others]
        choice, ok = QInputDialog.getItem(
            self, "Merge actors", f"Merge {source.name} into:", names, 0, False
        )
        if ok and choice in names:
            self.merge(source_id, others[names.index(choice)].id)

    # ----------------------------------------------------------------- counts
    def refresh_mention_counts(self) -> None:
        self.runner.submit(
            "mention-counts",
            actor_service.mention_counts,
            self.model.set_mention_counts,  # type: ignore[arg-type]
        )

    def _apply_changes(self, changes: Changes) -> None:
        if changes.actors or changes.articles or changes.spans:
            self._counts.request()
