"""The window's reading-desk commands: reveal annotations and spans, boilerplate, pane
order and focus, the desk's view toggles, the Annotations dock (with Suggested links in a
tab beside it) and the shortcut list.

A mixin of MainWindow, kept apart so each module stays readable; it relies on the
window's `session`, `desk`, `inspector_dock`, `library_panel`, `_dock` and `_swap_dock`.
`reveal_annotation` and `reveal_span` are what other panels call to show a passage.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from parallax.ui import style
from parallax.ui.icons import icon

if TYPE_CHECKING:
    from parallax.ui.annotation_list import AnnotationListPanel
    from parallax.ui.article_pane import ArticlePane
    from parallax.ui.main_window import MainWindow
    from parallax.ui.shortcuts_dialog import ShortcutsDialog


def _menu(window: MainWindow, title: str) -> QMenu:
    """The menu-bar menu called `title` (without its & mnemonic)."""
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == title:
            return action.menu()  # type: ignore[return-value]
    return window.menuBar().addMenu(title)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class WindowDeskMixin:
    """Reading-desk actions and the Annotations dock for MainWindow."""

    annotations_dock: QDockWidget
    suggestions_dock: QDockWidget
    annotation_list: AnnotationListPanel | None = None
    shortcuts_dialog: ShortcutsDialog | None = None
    sync_action: QAction
    colour_action: QAction

    # ---------------------------------------------------------------- building
    def _build_desk_dock(self: MainWindow) -> None:
        self.annotations_dock = self._dock(
            "Annotations", "AnnotationsDock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.splitDockWidget(self.inspector_dock, self.annotations_dock, Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.inspector_dock, self.annotations_dock], [520, 260], Qt.Orientation.Vertical
        )
        # Suggested links goes in a tab beside it (MainWindow._tab_default_docks).
        self.suggestions_dock = self._dock(
            "Suggested links", "SuggestionsDock", Qt.DockWidgetArea.RightDockWidgetArea
        )

    def _desk_action(
        self: MainWindow, menu: QMenu, text: str, slot: object, keys: str = "", name: str = ""
    ) -> QAction:
        action = QAction(icon(name), text, self) if name else QAction(text, self)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        menu.addAction(action)
        self.actions.project_only.append(action)
        return action

    def _install_desk_actions(self: MainWindow) -> None:
        """Boilerplate in Edit; pane order, focus and desk toggles in View; shortcuts in Help."""
        edit = _menu(self, "Edit")
        edit.addSeparator()
        self._desk_action(
            edit, "Mark as &Boilerplate", lambda: self.mark_boilerplate(True), "Ctrl+B"
        )
        self._desk_action(
            edit, "&Unmark Boilerplate", lambda: self.mark_boilerplate(False), "Ctrl+Shift+B"
        )
        view = _menu(self, "View")
        view.addSeparator()
        move = lambda step: lambda: self.desk and self.desk.move_pane(None, step)  # noqa: E731
        focus = lambda step: lambda: self.desk and self.desk.focus_pane(step)  # noqa: E731
        self._desk_action(view, "Move Pane &Left", move(-1), "Ctrl+Shift+PgUp", "pane-left")
        self._desk_action(view, "Move Pane &Right", move(1), "Ctrl+Shift+PgDown", "pane-right")
        self._desk_action(view, "&Next Pane", focus(1), "F6")
        self._desk_action(view, "Pre&vious Pane", focus(-1), "Shift+F6")
        view.addSeparator()
        self.colour_action = self._desk_action(
            view, "Colour Highlights by &Tag", lambda: None, "Ctrl+Shift+H", "colour-tag"
        )
        self.sync_action = self._desk_action(
            view, "&Synchronise Scrolling", lambda: None, "Ctrl+Shift+L", "sync-scroll"
        )
        for action in (self.colour_action, self.sync_action):
            action.setCheckable(True)
        self.colour_action.toggled.connect(self._colour_by_tag)
        self.sync_action.toggled.connect(lambda on: self.desk and self.desk.set_sync(on))
        legend = view.addMenu("Connector Colours")
        for stance, colour in style.STANCE_COLOURS.items():
            legend.addAction(_swatch(colour), stance).setEnabled(False)
        help_menu = _menu(self, "Help")
        shortcuts = QAction(icon("keyboard"), "&Keyboard Shortcuts", self)
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(lambda _=False: self.show_shortcuts())
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, shortcuts)  # type: ignore[arg-type]

    # ---------------------------------------------------------------- project
    def _attach_desk(self: MainWindow) -> None:
        """Wire the desk of the project that was just attached to the window."""
        from parallax.ui.annotation_list import AnnotationListPanel

        desk, session = self.desk, self.session
        assert desk is not None and session is not None
        self.annotation_list = AnnotationListPanel(session)
        self._swap_dock(self.annotations_dock, self.annotation_list)
        desk.current_changed.connect(self._list_current_article)
        desk.layout_changed.connect(self._list_current_article)
        desk.layout_changed.connect(self._chain_focus)
        desk.sync_changed.connect(self.sync_action.setChecked)
        desk.colour_mode_changed.connect(lambda mode: self.colour_action.setChecked(mode == "tag"))
        self.sync_action.setChecked(desk.sync.enabled)
        self.colour_action.setChecked(desk.colour_mode == "tag")
        self._list_current_article()
        self._chain_focus()

    def _detach_desk(self: MainWindow) -> None:
        self.annotation_list = None
        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()

    def _list_current_article(self, *_args: object) -> None:
        pane = self.desk.current if self.desk is not None else None
        if self.annotation_list is None:
            return
        article = pane.article if pane is not None else None
        if article is None or pane is None:
            self.annotation_list.show_article(None)
            return
        self.annotation_list.show_article(article.id, article.title, pane.fresh_annotations)

    def _chain_focus(self: MainWindow) -> None:
        """Tab order: Library → each pane left to right → Inspector → Annotations."""
        if self.desk is None or self.library_panel is None:
            return
        chain: list[QWidget] = [self.library_panel.tree, *(p.view for p in self.desk.panes)]
        chain += [w for w in (self.inspector, self.annotation_list) if w is not None]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _colour_by_tag(self: MainWindow, on: bool) -> None:
        if self.desk is not None:
            self.desk.set_colour_mode("tag" if on else "kind")

    # ---------------------------------------------------------------- reveal
    def reveal_annotation(self: MainWindow, annotation_id: int) -> ArticlePane | None:
        """Select an annotation, open its article (or focus its pane) and scroll to it."""
        if self.session is None or self.desk is None:
            return None
        if not self.session.reveal_annotation(annotation_id):
            return None
        ids = (p for p in self.desk.panes if annotation_id in p.highlighter.annotation_ids())
        return next(ids, None)

    def reveal_span(self: MainWindow, article_id: int, start: int, end: int) -> ArticlePane | None:
        """Open an article (or focus its pane) with [start, end) selected and in view."""
        if self.session is None or self.desk is None:
            return None
        self.session.reveal_span(article_id, start, end)
        return self.desk.pane_showing(article_id)

    # ---------------------------------------------------------------- editing
    def mark_boilerplate(self: MainWindow, mark: bool) -> bool:
        """Ctrl+B / Ctrl+Shift+B: mark or unmark the selected text as boilerplate."""
        pane = self.desk.current if self.desk is not None else None
        if pane is None or pane.selected_span() is None:
            self.statusBar().showMessage("Select the text in an article first.", 4000)
            return False
        return pane.mark_selection_boilerplate(mark=mark)

    def show_shortcuts(self: MainWindow) -> ShortcutsDialog:
        """Help ▸ Keyboard Shortcuts (F1), listing the actions as they are now."""
        from parallax.ui.shortcuts_dialog import ShortcutsDialog

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.close()
            self.shortcuts_dialog.deleteLater()
        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        return self.shortcuts_dialog
