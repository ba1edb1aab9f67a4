"""The main window's menus and actions, with standard shortcuts where Qt has them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMenu

from parallax.ui import style

if TYPE_CHECKING:
    from parallax.ui.main_window import MainWindow

StandardKey = QKeySequence.StandardKey


@dataclass
class WindowActions:
    """Actions the window enables and disables as projects open and close."""

    recent_menu: QMenu
    undo: QAction
    redo: QAction
    project_only: list[QAction] = field(default_factory=list)
    make: dict[str, QAction] = field(default_factory=dict)

    def set_project_open(self, is_open: bool) -> None:
        for action in self.project_only:
            action.setEnabled(is_open)


def _action(
    window: MainWindow, text: str, slot: object, shortcut: object = None, tip: str = ""
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)  # type: ignore[arg-type]
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
    return action


def _with(standard: QKeySequence.StandardKey, extra: str) -> list[QKeySequence]:
    """The platform's keys for a standard action, plus `extra` everywhere."""
    keys = list(QKeySequence.keyBindings(standard))
    if QKeySequence(extra) not in keys:
        keys.append(QKeySequence(extra))
    return keys


def build_actions(window: MainWindow, undo_group: QUndoGroup) -> WindowActions:
    """Create the menu bar of `window` and return the actions it needs to manage."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(
        _action(window, "&New Project…", window.new_project_dialog, StandardKey.New)
    )
    file_menu.addAction(
        _action(window, "&Open Project…", window.open_project_dialog, StandardKey.Open)
    )
    recent_menu = file_menu.addMenu("Open &Recent")
    recent_menu.aboutToShow.connect(
        lambda: window.recent.fill_menu(recent_menu, window.open_project)
    )
    file_menu.addSeparator()
    import_files = _action(window, "&Import Files…", window.import_files_dialog, "Ctrl+I")
    import_folder = _action(window, "Import &Folder…", window.import_folder_dialog, "Ctrl+Shift+I")
    export = _action(window, "&Export Brief…", window.export_brief_dialog, "Ctrl+E")
    export_pdf = _pdf_action(window)
    file_menu.setToolTipsVisible(True)  # says why Export as PDF is off
    close_project = _action(window, "&Close Project", window.close_project)
    for action in (import_files, import_folder, export, export_pdf):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(close_project)
    quit_action = _action(window, "&Quit", window.close)
    quit_action.setShortcuts(_with(StandardKey.Quit, "Ctrl+Q"))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu("&Edit")
    undo = undo_group.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(StandardKey.Undo))
    redo = undo_group.createRedoAction(window, "&Redo")
    redo.setShortcuts(_with(StandardKey.Redo, "Ctrl+Shift+Z"))
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    actions = WindowActions(recent_menu, undo, redo)
    for kind, key in style.KIND_KEYS.items():
        make = _action(window, f"Make {kind.title()}", lambda k=kind: window.make_annotation(k))
        # The key is handled by the article view itself (plain letters must not become
        # window shortcuts that steal typing); shown here so it can be discovered.
        make.setShortcut(QKeySequence(key))
        make.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit_menu.addAction(make)
        actions.make[kind] = make
    delete = _action(window, "&Delete Annotation", window.delete_selected_annotation)
    delete.setShortcut(QKeySequence(StandardKey.Delete))
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    edit_menu.addAction(delete)
    tools = _find_and_tag_actions(window, edit_menu)

    view_menu = bar.addMenu("&View")
    close_pane = _action(window, "Close &Pane", window.close_current_pane, StandardKey.Close)
    new_pane = _action(window, "Open in New &Pane", window.open_current_in_new_pane, "Ctrl+T")
    view_menu.addAction(new_pane)
    view_menu.addAction(close_pane)
    view_menu.addSeparator()
    for dock in window.docks():
        view_menu.addAction(dock.toggleViewAction())

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(_action(window, "&About Parallax", window.show_about))

    actions.project_only = [
        import_files,
        import_folder,
        export,
        *([export_pdf] if export_pdf.isEnabled() else []),
        close_project,
        delete,
        close_pane,
        new_pane,
        *actions.make.values(),
        *tools,
    ]
    return actions


def _pdf_action(window: MainWindow) -> QAction:
    """Export Brief as PDF, or a disabled entry saying LibreOffice is needed."""
    from parallax.export.pdf import MISSING, pdf_available

    action = _action(window, "Export Brief as &PDF…", window.export_pdf_dialog)
    action.setObjectName("ExportPdfAction")
    if not pdf_available():
        action.setEnabled(False)
        action.setToolTip(MISSING)
        action.setStatusTip(MISSING)
    return action


def _find_and_tag_actions(window: MainWindow, menu: QMenu) -> list[QAction]:
    """Apply Tag (T), Paste as New Article, Find (Ctrl+F) and Search Project (Ctrl+Shift+F)."""
    tag = _action(window, "Apply &Tag…", window.show_tag_picker)
    # T is handled on the reading desk (a plain letter must not steal typing elsewhere).
    tag.setShortcut(QKeySequence("T"))
    tag.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    paste = _action(window, "Paste as New &Article…", window.paste_as_article, "Ctrl+Shift+V")
    find = _action(window, "&Find in Article…", window.find_in_article, StandardKey.Find)
    search = _action(window, "&Search Project…", window.search_project, "Ctrl+Shift+F")
    menu.addAction(tag)
    menu.addSeparator()
    for action in (paste, find, search):
        menu.addAction(action)
    return [tag, paste, find, search]
