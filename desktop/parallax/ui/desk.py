"""The reading desk: one to four article panes side by side, joined by event connectors.

Its state (articles per pane, each pane's scroll position as a character offset, the
current pane, splitter sizes, colour mode, synchronised scrolling) is a JSON-able dict
the window stores in the project. It also answers the session's requests to reveal an
annotation or a span, so that the Events, Actors and Search tabs can show passages.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from parallax.domain.errors import KnownError, NotFoundError
from parallax.ui.article_drops import ArticleDrops
from parallax.ui.connectors import DeskSplitter
from parallax.ui.desk_footer import DeskFooter
from parallax.ui.highlighter import BY_KIND, BY_TAG
from parallax.ui.pane_drag import PaneDrops
from parallax.ui.scroll_sync import ScrollSync
from parallax.ui.session import ProjectSession

if TYPE_CHECKING:  # imported with the first pane: a project opens on an empty desk too
    from parallax.ui.article_pane import ArticlePane

logger = logging.getLogger(__name__)

MAX_PANES = 4


class ReadingDesk(QWidget):
    """Article panes in a splitter; `layout_changed` fires on every change worth saving."""

    layout_changed = Signal()
    current_changed = Signal(object)  # the current ArticlePane or None
    sync_changed = Signal(bool)
    colour_mode_changed = Signal(str)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.colour_mode = BY_KIND
        self.splitter = DeskSplitter()
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self.splitter.event_clicked.connect(session.select_event)
        self.splitter.event_title = self._event_title
        self.sync = ScrollSync(self.splitter)
        self.footer = DeskFooter()
        self.footer.sync_toggled.connect(self.set_sync)
        self.footer.by_tag_toggled.connect(
            lambda on: self.set_colour_mode(BY_TAG if on else BY_KIND)
        )
        self.hint = QLabel(
            "Double-click an article in the Library to read it here.\n"
            "Right-click it to open it beside the others (up to four)."
        )
        self.hint.setObjectName("DeskHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.hint)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.footer)
        self._current: ArticlePane | None = None
        # Panes dragged by their headers, articles from the Library; files go on to the
        # window, which imports them.
        self.setAcceptDrops(True)
        self.drops = PaneDrops(self)
        self.article_drops = ArticleDrops(self, self.drops.indicator)
        session.reveal_requested.connect(self.reveal)
        session.selection_changed.connect(self._follow_selection)
        session.event_selected.connect(self._event_selected)
        self._update_hint()

    def _update_hint(self) -> None:
        count = self.splitter.count()
        self.hint.setVisible(count == 0)
        self.splitter.setVisible(count > 0)
        self.footer.set_pane_count(count)
        for index, pane in enumerate(self.panes):
            pane.header.set_position(index, count)
        self.splitter.update_connectors()

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
        from parallax.ui.article_pane import ArticlePane

        pane = ArticlePane(self.session)
        pane.colour_mode = self.colour_mode
        pane.activated.connect(self.set_current)
        pane.close_requested.connect(self.close_pane)
        pane.move_requested.connect(self.move_pane)
        pane.header.drag_started.connect(lambda at, p=pane: self.drops.start(p, at))
        pane.article_changed.connect(lambda _p: self.layout_changed.emit())
        pane.view_moved.connect(self._pane_moved)
        pane.links_changed.connect(lambda _p: self.splitter.update_connectors())
        self.splitter.addWidget(pane)
        self._even_out()
        self._update_hint()
        return pane

    def open_article(self, article_id: int, *, new_pane: bool = False) -> ArticlePane | None:
        """Show an article in the current pane (or a new one); None if it cannot be read."""
        if not new_pane and (existing := self._focus_showing(article_id)) is not None:
            return existing
        pane = self._current
        if pane is None or new_pane:
            pane = self.add_pane() or self._current
        if pane is None or not self._show(pane, article_id):
            return None
        self.set_current(pane)
        return pane

    @property
    def max_panes(self) -> int:
        return MAX_PANES

    def show_in_pane(self, article_id: int, pane: ArticlePane) -> ArticlePane | None:
        """Show an article in this pane (an article dropped on it); a pane already
        showing it is made current instead, as `open_article` does."""
        if (existing := self._focus_showing(article_id)) is not None:
            return existing
        if not self._show(pane, article_id):
            return None
        if pane is self._current:  # the same pane, a new article: say so all the same
            self.current_changed.emit(pane)
        self.set_current(pane)
        return pane

    def open_in_new_pane(self, article_id: int, index: int) -> ArticlePane | None:
        """Show an article in a new pane at place `index` (an article dropped between
        panes); a pane already showing it is made current instead."""
        if (existing := self._focus_showing(article_id)) is not None:
            return existing
        pane = self.open_article(article_id, new_pane=True)
        if pane is not None and pane in self.panes:
            self.move_pane(pane, index - self.panes.index(pane))
        return pane

    def _focus_showing(self, article_id: int) -> ArticlePane | None:
        """The pane already showing the article, made current; None if there is none."""
        existing = self.pane_showing(article_id)
        if existing is not None:
            self.set_current(existing)
        return existing

    def _show(self, pane: ArticlePane, article_id: int) -> bool:
        try:
            pane.show_article(article_id)
        except KnownError as exc:
            self.session.failed.emit(str(exc))
            return False
        return True

    def pane_showing(self, article_id: int) -> ArticlePane | None:
        return next((p for p in self.panes if p.article_id == article_id), None)

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
        pane.detach()  # no more edits delivered to it while it waits to be deleted
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        self._update_hint()
        remaining = self.panes
        self._current = None
        self.set_current(remaining[min(index, len(remaining) - 1)] if remaining else None)
        self.layout_changed.emit()

    def move_pane(self, pane: ArticlePane | None = None, step: int = 1) -> bool:
        """Move a pane (the current one by default) `step` places right (negative: left)."""
        pane = pane or self._current
        panes = self.panes
        if pane is None or pane not in panes:
            return False
        index = panes.index(pane)
        target = max(0, min(len(panes) - 1, index + step))
        if target == index:
            return False
        sizes = self.splitter.sizes()
        sizes.insert(target, sizes.pop(index))
        self.splitter.insertWidget(target, pane)
        self.splitter.setSizes(sizes)
        self._update_hint()
        pane.view.setFocus()
        self.layout_changed.emit()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self.article_drops.hover(event):
            self.drops.hover(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.article_drops.leave()
        self.drops.leave()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self.article_drops.drop(event):
            self.drops.drop(event)

    def focus_pane(self, step: int = 1) -> ArticlePane | None:
        """Give the keyboard focus to the next pane (F6) or the previous one (Shift+F6)."""
        panes = self.panes
        if not panes:
            return None
        index = panes.index(self._current) if self._current in panes else -step
        pane = panes[(index + step) % len(panes)]
        self.set_current(pane)
        pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return pane

    def _even_out(self) -> None:
        count = self.splitter.count()
        width = max(self.splitter.width(), 300 * count)
        self.splitter.setSizes([width // count] * count)

    # --------------------------------------------------------------- display
    def set_colour_mode(self, mode: str) -> None:
        """Colour every pane's highlights by kind or by tag."""
        if mode == self.colour_mode:
            return
        self.colour_mode = mode
        for pane in self.panes:
            pane.set_colour_mode(mode)
        self.footer.set_by_tag(mode == BY_TAG)
        self.colour_mode_changed.emit(mode)
        self.layout_changed.emit()

    def set_sync(self, enabled: bool) -> None:
        """Turn synchronised scrolling by linked passages on or off."""
        if enabled == self.sync.enabled:
            return
        self.sync.enabled = enabled
        self.footer.set_sync(enabled)
        if enabled and self._current is not None:
            self.sync.follow(self.panes, self._current)
        self.sync_changed.emit(enabled)
        self.layout_changed.emit()

    def _pane_moved(self, pane: ArticlePane) -> None:
        self.splitter.update_connectors()
        self.sync.follow(self.panes, pane)

    def _splitter_moved(self, *_args: object) -> None:
        self.splitter.update_connectors()
        self.layout_changed.emit()

    def _event_title(self, event_id: int) -> str:
        try:
            return self.session.project.event(event_id).title
        except NotFoundError:
            return f"Event {event_id}"

    # ---------------------------------------------------------------- reveal
    def reveal(
        self, article_id: int, start: int, end: int, select_text: bool = False
    ) -> ArticlePane | None:
        """Open an article (or focus the pane showing it) and bring [start, end) into view."""
        pane = self.open_article(article_id)
        if pane is not None:
            pane.reveal(start, end, select_text=select_text)
            QTimer.singleShot(0, lambda: self._reveal_again(pane, start, end))
        return pane

    def _reveal_again(self, pane: ArticlePane, start: int, end: int) -> None:
        """Once a freshly opened pane has its size, make sure the span is in view."""
        if pane in self.panes and pane.article is not None:
            qt_start, qt_end = pane.offsets.span_to_qt(start, end)
            if not pane.span_visible(qt_start, qt_end):
                pane.view.centerCursor()

    def _follow_selection(self, annotation_id: int | None) -> None:
        """Show a selected annotation wherever it was selected (Events, Actors, Search)."""
        if annotation_id is None:
            self.splitter.set_current_events(set())
            return
        pane = next((p for p in self.panes if p.own_selection() == annotation_id), None)
        if pane is not None:
            span = pane.highlighter.span_of(annotation_id)
            if span is not None and not pane.span_visible(*pane.offsets.span_to_qt(*span)):
                pane.reveal(*span)
            self.set_current(pane)
        else:
            try:
                ann = self.session.project.annotation(annotation_id)
            except NotFoundError:
                return
            pane = self.reveal(ann.article_id, ann.start, ann.end)
        linked = pane.linked if pane is not None else []
        events = {p.event_id for p in linked if p.annotation_id == annotation_id}
        self.splitter.set_current_events(events)

    def _event_selected(self, event_id: int | None) -> None:
        self.splitter.set_current_events({event_id} if event_id is not None else set())

    # ------------------------------------------------------------------ state
    def state(self) -> dict[str, object]:
        """What to store in the project to bring this desk back."""
        panes = [
            {"article": p.article_id, "offset": p.scroll_offset()}
            for p in self.panes
            if p.article_id is not None
        ]
        current = self.panes.index(self._current) if self._current in self.panes else 0
        return {
            "panes": panes,
            "current": current,
            "sizes": self.splitter.sizes(),
            "colour": self.colour_mode,
            "sync": self.sync.enabled,
        }

    def restore(self, state: object) -> None:
        """Reopen the panes of a stored state; articles that are gone are skipped."""
        if not isinstance(state, dict):
            return
        if state.get("colour") in (BY_KIND, BY_TAG):
            self.set_colour_mode(state["colour"])
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
        self.set_sync(state.get("sync") is True)

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
