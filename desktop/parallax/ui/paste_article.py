"""Paste as New Article (Ctrl+Shift+V): the clipboard becomes a file, imported like any other.

The text (or the HTML a browser put beside it) is written to a per-project folder in the
user's data directory, so the importers mark boilerplate and find metadata as for a saved
page, and the article keeps a source file. A small dialog sets title, outlet, date and URL
first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from parallax.services.project import Project
from parallax.ui.models.import_preview_model import valid_date

logger = logging.getLogger(__name__)

PREVIEW_CHARS = 4000
MAX_TITLE = 200


def pasted_folder(project: Project) -> Path:
    """Where this project's pasted articles are kept (created when missing)."""
    import platformdirs

    location = project.location
    stem = project.path.stem if project.path else "server"
    digest = hashlib.sha1(location.encode("utf-8")).hexdigest()[:10]
    folder = Path(platformdirs.user_data_dir("Parallax", appauthor=False)) / "pasted"
    folder = folder / f"{stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_pasted(folder: Path, content: str, suffix: str, title: str = "") -> Path:
    """Write pasted text (suffix .txt) or HTML (.html) to a new file in `folder`."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"pasted-{stamp}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"pasted-{stamp}-{n}{suffix}"
    if suffix == ".html" and "<html" not in content[:2000].lower():
        head = f"<title>{html_lib.escape(title)}</title>" if title else ""
        content = (
            f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>'
            f"<body>{content}</body></html>"
        )
    path.write_text(content, encoding="utf-8")
    return path


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:MAX_TITLE]


class PasteArticleDialog(QDialog):
    """Shows what will be pasted and asks for title, outlet, date and URL."""

    def __init__(
        self, data: QMimeData, outlets: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PasteArticleDialog")
        self.setWindowTitle("Paste as New Article")
        self.text = data.text() if data.hasText() else ""
        self.html = data.html() if data.hasHtml() else ""
        self.title = QLineEdit(first_line(self.text))
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText("e.g. Rudaw")
        if outlets:
            completer = QCompleter(sorted(outlets, key=str.casefold), self.outlet)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.outlet.setCompleter(completer)
        self.date = QLineEdit()
        self.date.setPlaceholderText("2017-05-18, 2017-05 or 2017")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.formatted = QCheckBox("Keep the page structure (the clipboard holds HTML)")
        self.formatted.setChecked(bool(self.html))
        self.formatted.setVisible(bool(self.html))
        preview = QPlainTextEdit(readOnly=True)
        preview.setPlainText(self.text[:PREVIEW_CHARS] or "(the clipboard holds no text)")
        preview.setMaximumHeight(160)
        self.error = QLabel()
        self.error.setObjectName("PasteError")
        self.error.setStyleSheet("color: #c0392b;")
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Outlet", self.outlet)
        form.addRow("Published", self.date)
        form.addRow("URL", self.url)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("From the clipboard:"))
        layout.addWidget(preview)
        layout.addLayout(form)
        layout.addWidget(self.formatted)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 420)

    @property
    def has_content(self) -> bool:
        return bool(self.text.strip() or self.html.strip())

    def use_html(self) -> bool:
        return bool(self.html.strip()) and (self.formatted.isChecked() or not self.text.strip())

    def fields(self) -> dict[str, object]:
        """The metadata typed in, as import overrides (empty fields are left to the file)."""
        found: dict[str, object] = {}
        for name, edit in (
            ("title", self.title),
            ("outlet", self.outlet),
            ("published", self.date),
            ("url", self.url),
        ):
            value = " ".join(edit.text().split())
            if value:
                found[name] = value
        return found

    def accept(self) -> None:
        if not valid_date(self.date.text()):
            self.error.setText("Write the date as 2017-05-18, 2017-05 or 2017.")
            self.date.setFocus()
            return
        super().accept()
