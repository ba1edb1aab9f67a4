"""The Tags panel: the codebook as a tree (create, rename, colour, nest by drag and drop,
merge, delete), every edit an undoable command through the session.

F2 renames, Delete deletes, Insert adds a sub-tag; the context menu has the rest. The tree
keeps which tags were collapsed across the model's re-reads.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHeaderView,
    QMenu,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from parallax.ui import tag_commands as commands
from parallax.ui.icons import icon
from parallax.ui.models.tags_model import IdRole, TagsModel, swatch
from parallax.ui.session import ProjectSession
from parallax.ui.tag_picker import TagPicker

logger = logging.getLogger(__name__)

PRESET_COLOURS = (
    ("Amber", "#e0a526"),
    ("Red", "#d0473c"),
    ("Orange", "#e07b2f"),
    ("Green", "#3aa57a"),
    ("Teal", "#2b9c9c"),
    ("Blue", "#3d7fd6"),
    ("Purple", "#8e5cc9"),
    ("Magenta", "#c260c8"),
    ("Grey", "#7f8c8d"),
)
NEW_NAME = "New tag"


class TagsPanel(QWidget):
    """Tree of tags with a small toolbar; `show_articles(tag_id)` asks the Library to
    show the articles carrying a tag."""

    show_articles = Signal(int)

    def __init__(
        self, session: ProjectSession, model: TagsModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.model = model
        self._collapsed: set[int] = set()
        self._current: int | None = None
        self.picker: TagPicker | None = None
        self.tree = self._tree()
        self.toolbar = self._toolbar()
        model.rename_requested.connect(self.rename)
        model.move_requested.connect(self.move)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_view)
        session.bus.changes_applied.connect(model.apply_changes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree, 1)
        self.tree.expandAll()

    def _tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("TagsTree")
        tree.setModel(self.model)
        tree.setHeaderHidden(False)
        tree.setUniformRowHeights(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDragDropOverwriteMode(False)
        tree.setDropIndicatorShown(True)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._menu)
        tree.collapsed.connect(lambda i: self._collapsed.add(int(i.data(IdRole))))
        tree.expanded.connect(lambda i: self._collapsed.discard(int(i.data(IdRole))))
        tree.doubleClicked.connect(self._double_clicked)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.new_action = self._add(bar, "tag-new", "New Tag", lambda: self.new_tag(), None)
        self.sub_action = self._add(
            bar, "tag-sub", "New Sub-tag (Insert)", self.new_subtag, Qt.Key.Key_Insert
        )
        self.rename_action = self._add(
            bar, "tag-rename", "Rename (F2)", self.edit_current, Qt.Key.Key_F2
        )
        self.colour_action = self._add(
            bar, "tag-colour", "Colour", self._colour_menu_at_current, None
        )
        self.merge_action = self._add(
            bar, "tag-merge", "Merge Into Another Tag…", self.merge_current, None
        )
        self.delete_action = self._add(
            bar, "tag-delete", "Delete (Del)", self.delete_current, QKeySequence.StandardKey.Delete
        )
        return bar

    def _add(self, bar: QToolBar, name: str, text: str, slot: object, key: object) -> QAction:
        action = QAction(icon(name), text, self)
        action.setToolTip(text)
        if key is not None:
            action.setShortcut(key)  # type: ignore[arg-type]
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        bar.addAction(action)
        self.tree.addAction(action)
        return action

    # ------------------------------------------------------------ selection
    def current_id(self) -> int | None:
        index = self.tree.currentIndex()
        return int(index.data(IdRole)) if index.isValid() else None

    def select(self, tag_id: int | None) -> None:
        index = self.model.index_of(tag_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _remember_current(self) -> None:
        self._current = self.current_id()

    def _restore_view(self) -> None:
        self.tree.expandAll()
        for tag_id in list(self._collapsed):
            index = self.model.index_of(tag_id)
            if index.isValid():
                self.tree.collapse(index)
            else:
                self._collapsed.discard(tag_id)
        self.select(self._current)

    # ---------------------------------------------------------------- edits
    def _run(self, command: commands.ServiceCommand, *, flush: bool = True) -> bool:
        """Run an undoable edit; with `flush`, show its result in the tree at once (not
        while the tree is inside a drop or an editor commit)."""
        done = self.session.run(command)
        if done and flush:
            self.model.flush()
        return done

    def new_tag(self, parent_id: int | None = None, name: str | None = None) -> int | None:
        """Create a tag (with `name`, else a placeholder name to type over at once)."""
        typed = name is not None
        if name is None:
            name = self._free_name(parent_id)
        command = commands.AddTagCommand(self.session.project, name, parent_id)
        if parent_id is not None:
            self._collapsed.discard(parent_id)  # show the new sub-tag
        if not self._run(command):
            return None
        self.select(command.tag_id)
        if not typed:
            self.tree.edit(self.model.index_of(command.tag_id))
        return command.tag_id

    def new_subtag(self) -> int | None:
        return self.new_tag(self.current_id())

    def _free_name(self, parent_id: int | None) -> str:
        taken = {
            self.model.index(r, 0, self.model.index_of(parent_id)).data().casefold()
            for r in range(self.model.rowCount(self.model.index_of(parent_id)))
        }
        name, n = NEW_NAME, 1
        while name.casefold() in taken:
            n += 1
            name = f"{NEW_NAME} {n}"
        return name

    def edit_current(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index.siblingAtColumn(0))

    def rename(self, tag_id: int, name: str, *, flush: bool = False) -> bool:
        tag = self.model.tag(tag_id)
        if tag is None:
            return False
        command = commands.RenameTagCommand(self.session.project, tag_id, tag.name, name)
        return self._run(command, flush=flush)

    def set_colour(self, tag_id: int, colour: str) -> bool:
        tag = self.model.tag(tag_id)
        if tag is None or tag.colour == colour:
            return False
        command = commands.SetTagColourCommand(self.session.project, tag_id, tag.colour, colour)
        return self._run(command)

    def move(self, tag_id: int, parent_id: int | None, *, flush: bool = False) -> bool:
        tag = self.model.tag(tag_id)
        if tag is None or tag.parent_id == parent_id:
            return False
        command = commands.MoveTagCommand(self.session.project, tag_id, tag.parent_id, parent_id)
        if parent_id is not None:
            self._collapsed.discard(parent_id)  # show where it went
        return self._run(command, flush=flush)

    def merge(self, source_id: int, target_id: int) -> bool:
        """Merge one tag into another: its annotations and sub-tags move to the target."""
        source, target = self.model.path(source_id), self.model.path(target_id)
        command = commands.MergeTagsCommand(
            self.session.project, source_id, target_id, f"Merge tag {source} into {target}"
        )
        done = self._run(command)
        if done:
            self.select(target_id)
        return done

    def delete(self, tag_id: int) -> bool:
        path = self.model.path(tag_id)
        done = self._run(commands.DeleteTagCommand(self.session.project, tag_id, path))
        if done:
            self.session.failed.emit(f"Deleted tag {path} (Ctrl+Z brings it back).")
        return done

    def delete_current(self) -> None:
        tag_id = self.current_id()
        if tag_id is not None:
            self.delete(tag_id)

    # ------------------------------------------------------------ choosers
    def merge_current(self) -> TagPicker | None:
        """Ask which tag to merge the current one into (a quick picker)."""
        source = self.current_id()
        if source is None:
            return None
        excluded = self.model.subtree_ids(source)
        paths = {p: t for t, p in self.model.paths().items() if t not in excluded}
        picker = TagPicker(list(paths), self)
        picker.setWindowTitle(f"Merge {self.model.path(source)} into…")
        picker.entry.setPlaceholderText(f"Merge “{self.model.path(source)}” into…")
        picker.chosen.connect(lambda path: self._merge_chosen(source, paths.get(path), path))
        self.picker = picker
        picker.move(self.tree.mapToGlobal(QPoint(0, 0)))
        picker.show()
        return picker

    def _merge_chosen(self, source: int, target: int | None, typed: str) -> None:
        if target is None:
            self.session.failed.emit(f"There is no tag {typed!r} to merge into.")
        else:
            self.merge(source, target)

    def colour_menu(self, tag_id: int) -> QMenu:
        menu = QMenu(self)
        for name, colour in PRESET_COLOURS:
            action = menu.addAction(swatch(colour), name)
            action.triggered.connect(lambda _=False, c=colour: self.set_colour(tag_id, c))
        menu.addSeparator()
        menu.addAction("Other Colour…", lambda: self._pick_colour(tag_id))
        menu.addAction("No Colour", lambda: self.set_colour(tag_id, ""))
        return menu

    def _colour_menu_at_current(self) -> None:
        tag_id = self.current_id()
        if tag_id is not None:
            rect = self.tree.visualRect(self.tree.currentIndex())
            self.colour_menu(tag_id).popup(self.tree.viewport().mapToGlobal(rect.bottomLeft()))

    def _pick_colour(self, tag_id: int) -> None:
        tag = self.model.tag(tag_id)
        dialog = QColorDialog(self)
        if tag is not None and tag.colour:
            dialog.setCurrentColor(tag.colour)
        dialog.colorSelected.connect(lambda c: self.set_colour(tag_id, c.name()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    # ---------------------------------------------------------------- menu
    def _menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        menu = QMenu(self)
        menu.addAction("New Tag", lambda: self.new_tag())
        if index.isValid():
            tag_id = int(index.data(IdRole))
            self.tree.setCurrentIndex(index)
            menu.addAction("New Sub-tag", lambda: self.new_tag(tag_id))
            menu.addAction("Rename", self.edit_current)
            colours = self.colour_menu(tag_id)
            colours.setTitle("Colour")
            menu.addMenu(colours)
            menu.addAction("Merge Into…", self.merge_current)
            if self.model.tag(tag_id) and self.model.tag(tag_id).parent_id is not None:
                menu.addAction("Move to Top Level", lambda: self.move(tag_id, None, flush=True))
            menu.addSeparator()
            menu.addAction("Show Articles with This Tag", lambda: self.show_articles.emit(tag_id))
            menu.addSeparator()
            menu.addAction("Delete", lambda: self.delete(tag_id))
        menu.exec(self.tree.viewport().mapToGlobal(point))
        menu.deleteLater()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() == 1:
            self.show_articles.emit(int(index.data(IdRole)))
