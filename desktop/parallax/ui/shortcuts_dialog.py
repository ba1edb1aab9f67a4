"""Help ▸ Keyboard Shortcuts: every shortcut of the window, read from its actions.

The list is collected from the menu bar each time the dialog opens, so it can never
disagree with the keys that actually work. Keys handled inside the article text (the
one-letter annotation keys) are menu actions too, shown with the note "in an article".
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# Keys of a panel's own list, which work while that list has the focus: no menu holds them.
EXTRA_KEYS = (
    ("Window", "Move between the Library, the panes and the Inspector", "Tab, Shift+Tab"),
    ("Tags", "Rename the selected tag", "F2"),
    ("Tags", "Delete the selected tag", "Del"),
    ("Actors tab", "Delete the selected actor", "Del"),
    ("Actors tab ▸ Mentions", "Tag the actor on the selected mentions", "T"),
    ("Dates tab", "Tag the selected date on a new claim", "D"),
    ("Suggested links", "Accept the selected suggestion", "L"),
    ("Suggested links", "Dismiss the selected suggestion", "Del"),
)


@dataclass(frozen=True, slots=True)
class Shortcut:
    menu: str
    action: str
    keys: str


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    sequences = [s for s in action.shortcuts() if not s.isEmpty()]
    text = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
    if text and action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
        text += "  (in an article)"
    return text


def collect_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """(menu, action, keys) for every menu-bar action that has a shortcut, menu order."""
    found: list[Shortcut] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {_plain(action.text())}")  # type: ignore[arg-type]
            elif not action.isSeparator() and _keys(action):
                found.append(Shortcut(path, _plain(action.text()), _keys(action)))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))  # type: ignore[arg-type]
    return found


class ShortcutTableModel(QAbstractTableModel):
    """Read-only rows of shortcuts."""

    HEADERS = ("Menu", "Command", "Keys")

    def __init__(self, rows: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

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
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (row.menu, row.action, row.keys)[index.column()]


class ShortcutsDialog(QDialog):
    """A table of the window's shortcuts."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = collect_shortcuts(window) + [Shortcut(*extra) for extra in EXTRA_KEYS]
        self.model = ShortcutTableModel(rows, self)
        view = QTableView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setShowGrid(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view = view
        note = QLabel("Select text in an article, then press one key to annotate it.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        self.resize(620, 560)
