"""The reading desk: one to four article panes side by side in a splitter.

Its state (articles per pane, each pane's scroll position as a character offset, the
current pane, splitter sizes) is a JSON-able dict the window stores in the project.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from parallax.domain.errors import KnownError
from parallax.ui.article_pane import ArticlePane
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

MAX_PANES = 4


class ReadingDesk(QWidget):
    """Article panes in a splitter; `layout_changed` fires on every change worth saving."""

    layout_changed = Signal()
    current_changed = Signal(object)  # the current ArticlePane or None

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        self.splitter.splitterMoved.connect(lambda *_: self.layout_changed.emit())
        self.hint = QLabel(
            "Double-click an article in the Library to read it here.\n"
            "Right-click it to open it beside the others (up to four)."
        )
        self.hint.setObjectName("DeskHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.splitter)
        self._current: ArticlePane | None = None
        self._update_hint()

    def _update_hint(self) -> None:
        empty = self.splitter.count() == 0
        self.hint.setVisible(empty)
        self.splitter.setVisible(not empty)

    # ------------------------------------------------------------------ panes
    @property
    def panes(self) -> list[ArticlePane]:
        return [self.splitter.widget(i) for i in range(self.splitter.count())]  # type: ignore[misc]

    @property
    def current(self) -> ArticlePane | None:
        return self._current

    def add_pane(self) -> ArticlePane | None:
        """A new empty pane at the right, or None when the desk is full."""
        if self.splitter.count() >= MAX_PANES:
            return None
        pane = ArticlePane(self.session)
        pane.activated.connect(self.set_current)
        pane.close_requested.connect(self.close_pane)
        pane.article_changed.connect(lambda _p: self.layout_changed.emit())
        self.splitter.addWidget(pane)
        self._even_out()
        self._update_hint()
        return pane

    def open_article(self, article_id: int, *, new_pane: bool = False) -> ArticlePane | None:
        """Show an article in the current pane (or a new one); None if it cannot be read."""
        existing = next((p for p in self.panes if p.article_id == article_id), None)
        if existing is not None and not new_pane:
            self.set_current(existing)
            return existing
        pane = self._current
        if pane is None or new_pane:
            pane = self.add_pane() or self._current
        if pane is None:
            return None
        try:
            pane.show_article(article_id)
        except KnownError as exc:
            self.session.failed.emit(str(exc))
            return None
        self.set_current(pane)
        return pane

    def set_current(self, pane: ArticlePane | None) -> None:
        if pane is self._current:
            return
        self._current = pane
        for each in self.panes:
            each.set_current(each is pane)
        self.current_changed.emit(pane)
        self.layout_changed.emit()

    def close_pane(self, pane: ArticlePane | None = None) -> None:
        """Close a pane (the current one by default)."""
        pane = pane or self._current
        if pane is None:
            return
        index = self.panes.index(pane)
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        self._update_hint()
        remaining = self.panes
        self._current = None
        self.set_current(remaining[min(index, len(remaining) - 1)] if remaining else None)
        self.layout_changed.emit()

    def _even_out(self) -> None:
        count = self.splitter.count()
        width = max(self.splitter.width(), 300 * count)
        self.splitter.setSizes([width // count] * count)

    # ------------------------------------------------------------------ state
    def state(self) -> dict[str, object]:
        """What to store in the project to bring this desk back."""
        panes = [
            {"article": p.article_id, "offset": p.scroll_offset()}
            for p in self.panes
            if p.article_id is not None
        ]
        current = self.panes.index(self._current) if self._current in self.panes else 0
        return {"panes": panes, "current": current, "sizes": self.splitter.sizes()}

    def restore(self, state: object) -> None:
        """Reopen the panes of a stored state; articles that are gone are skipped."""
        if not isinstance(state, dict):
            return
        opened: list[ArticlePane] = []
        for entry in state.get("panes", [])[:MAX_PANES]:
            pane = self._restore_pane(entry)
            if pane is not None:
                opened.append(pane)
        sizes = state.get("sizes")
        if (
            isinstance(sizes, list)
            and len(sizes) == len(opened)
            and all(isinstance(s, int) and s > 0 for s in sizes)
        ):
            self.splitter.setSizes(sizes)
        current = state.get("current", 0)
        if opened:
            index = current if isinstance(current, int) and 0 <= current < len(opened) else 0
            self.set_current(opened[index])

    def _restore_pane(self, entry: object) -> ArticlePane | None:
        if not isinstance(entry, dict) or not isinstance(entry.get("article"), int):
            return None
        pane = self.add_pane()
        if pane is None:
            return None
        offset = entry.get("offset")
        try:
            pane.show_article(entry["article"], offset if isinstance(offset, int) else None)
        except KnownError as exc:
            logger.info("not restoring pane for article %s: %s", entry["article"], exc)
            pane.setParent(None)
            pane.deleteLater()
            self._update_hint()
            return None
        return pane
