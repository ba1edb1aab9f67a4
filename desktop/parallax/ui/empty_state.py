"""What the window shows with no project open: New / Open and the recent projects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from parallax.ui.recent import RecentProjects

LEAD = "Create a project to collect articles, or open one to carry on."


def opening_name(target: str) -> str:
    """A project's file name, or a server URL without its credentials."""
    if "://" in target:
        scheme, rest = target.split("://", 1)
        return f"{scheme}://{rest.rsplit('@', 1)[-1]}"
    return Path(target).name


class EmptyState(QWidget):
    """A calm prompt in the middle of the window."""

    new_requested = Signal()
    open_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, recent: RecentProjects, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recent = recent
        title = QLabel("Parallax")
        title.setObjectName("EmptyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setWeight(font.Weight.DemiBold)
        title.setFont(font)
        self._lead = QLabel(LEAD)
        self._lead.setObjectName("EmptyLead")
        new = QPushButton("New Project…")
        new.setDefault(True)
        new.clicked.connect(self.new_requested)
        opened = QPushButton("Open Project…")
        opened.clicked.connect(self.open_requested)
        for button in (new, opened):
            button.setMinimumWidth(200)
        self._buttons = (new, opened)
        # Moving while a project opens: the demo is built on a first start, a big project
        # takes a second, and a still window reads as a hung one.
        self._busy = QProgressBar()
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setFixedWidth(200)
        self._busy.hide()
        self._recent_box = QVBoxLayout()
        self._recent_box.setSpacing(2)
        column = QVBoxLayout()
        column.setSpacing(12)
        for widget in (title, self._lead, self._busy, new, opened):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(self._recent_box)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(3)
        self.refresh()

    def show_opening(self, said: str) -> None:
        """While a project opens at start-up: say so (`said`), and offer nothing to click
        that would race it."""
        self._clear_recent()
        self._lead.setText(said)
        self._busy.show()
        for button in self._buttons:
            button.hide()

    def refresh(self) -> None:
        """The prompt, with the recent projects list rebuilt (existing files only)."""
        self._lead.setText(LEAD)
        self._busy.hide()
        for button in self._buttons:
            button.show()
        self._clear_recent()
        self._fill_recent()

    def _clear_recent(self) -> None:
        while self._recent_box.count():
            item = self._recent_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _fill_recent(self) -> None:
        existing = [p for p in self._recent.paths() if Path(p).exists()][:5]
        if existing:
            heading = QLabel("Recent")
            heading.setObjectName("EmptyRecentHeading")
            self._recent_box.addWidget(heading, 0, Qt.AlignmentFlag.AlignHCenter)
        for path in existing:
            button = QPushButton(Path(path).name)
            button.setFlat(True)
            button.setToolTip(path)
            button.clicked.connect(lambda _=False, p=path: self.recent_requested.emit(p))
            self._recent_box.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
