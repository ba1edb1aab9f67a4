"""File dialogs and messages the window uses: ask for a path, say what went wrong."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

PROJECT_FILTER = "Parallax projects (*.parallax);;All files (*)"
IMPORT_FILTER = (
    "Articles (*.txt *.html *.htm *.mhtml *.mht *.docx *.pdf *.md *.markdown);;All files (*)"
)
BRIEF_FILTER = "Word documents (*.docx)"
MAX_LISTED = 12


def ask_new_project(parent: QWidget, folder: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent, "New Project", str(Path(folder) / "Untitled.parallax"), PROJECT_FILTER
    )
    if not path:
        return None
    return path if Path(path).suffix else f"{path}.parallax"


def ask_open_project(parent: QWidget, folder: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open Project", folder, PROJECT_FILTER)
    return path or None


def ask_import_files(parent: QWidget, folder: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import Articles", folder, IMPORT_FILTER)
    return list(paths)


def ask_import_folder(parent: QWidget, folder: str) -> list[str]:
    path = QFileDialog.getExistingDirectory(parent, "Import a Folder of Articles", folder)
    return [path] if path else []


def ask_brief_path(parent: QWidget, suggestion: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Export Brief", suggestion, BRIEF_FILTER)
    if not path:
        return None
    return path if path.lower().endswith(".docx") else f"{path}.docx"


def show_message(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    details: Sequence[str] = (),
) -> QMessageBox:
    """A window-modal message that does not block the caller; up to a dozen detail lines
    are listed in the message itself, all of them under Show Details."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        shown = list(details[:MAX_LISTED])
        more = len(details) - len(shown)
        listing = "\n".join(f"• {line}" for line in shown)
        if more > 0:
            listing += f"\n… and {more} more (see Show Details)"
        box.setInformativeText(listing)
        box.setDetailedText("\n".join(details))
    box.setObjectName("ParallaxMessage")
    box.open()
    return box
