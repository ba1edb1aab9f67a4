"""The bottom-line memo: the analyst types, Parallax saves a moment later (no Save button).

Saving is debounced so that typing does not write the project on every key; leaving the
editor, closing the project or exporting saves at once (`commit`).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from parallax.domain.errors import KnownError
from parallax.domain.model import Changes
from parallax.services.project import Project

logger = logging.getLogger(__name__)

SAVE_DELAY_MS = 700


class _MemoText(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class MemoEditor(QWidget):
    """Edits the project memo (or an event's or actor's memo), saved as you type."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        project: Project,
        *,
        event_id: int | None = None,
        actor_id: int | None = None,
        title: str = "Bottom line",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.event_id, self.actor_id = event_id, actor_id
        self._saved_text = project.memo(event_id=event_id, actor_id=actor_id)
        self.label = QLabel(f"<b>{title}</b>")
        self.editor = _MemoText()
        self.editor.setObjectName("MemoEditor")
        self.editor.setPlaceholderText(
            "What the decision-maker must know first. Leave a blank line between paragraphs."
        )
        self.editor.setPlainText(self._saved_text)
        self.editor.setTabChangesFocus(True)
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.commit)
        self.editor.textChanged.connect(self.timer.start)
        self.editor.focus_lost.connect(self.commit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)

    def text(self) -> str:
        return self.editor.toPlainText()

    def commit(self) -> bool:
        """Save the text now if it changed; False when nothing was written."""
        self.timer.stop()
        text = self.text()
        if text == self._saved_text:
            return False
        try:
            self.project.set_memo(text, event_id=self.event_id, actor_id=self.actor_id)
        except KnownError as exc:
            logger.warning("could not save the memo: %s", exc)
            self.failed.emit(str(exc))
            return False
        self._saved_text = text
        self.saved.emit(text)
        return True

    def apply_changes(self, changes: Changes) -> None:
        """Show a memo changed elsewhere (another window, a script), unless mid-edit."""
        if not changes.memos or self.timer.isActive():
            return
        text = self.project.memo(event_id=self.event_id, actor_id=self.actor_id)
        if text != self._saved_text and text != self.text():
            self._saved_text = text
            self.editor.setPlainText(text)
            self.timer.stop()
