"""Suggested links: passages in other sources that probably report the same event.

For the selected claim (or for the event chosen in the Events tab or on the desk), the
ranked passages with their score and reasons. Enter or L accepts the current one: it
becomes a claim linked to the event with the stance "reports" (when the claim has no
event yet, one is created under the title typed inline, and the claim is linked too);
undo removes all of that. Delete dismisses it for good. Ranking runs on the worker:
the first query of a session reads every article and can take a few seconds.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.errors import KnownError, NotFoundError
from parallax.domain.model import Changes, Precision
from parallax.services.project import Project
from parallax.services.suggestions import LinkSuggestion, SuggestedPassage, suggested_passages
from parallax.ui.analysis_commands import AcceptLinkCommand
from parallax.ui.assist_widgets import BusyLine, LazyRefresh, list_table
from parallax.ui.models.assist_models import LinkSuggestionsModel
from parallax.ui.serial_runner import SerialRunner
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

LIMIT = 8
TITLE_LENGTH = 60
IDLE = "Select a claim, or an event in the Events tab, to find other sources reporting it."


def title_from(quote: str) -> str:
    """A first event title from a claim: its first words, cut at a word boundary."""
    words = " ".join(quote.split()).strip(" “”\"'")
    if len(words) <= TITLE_LENGTH:
        return words.rstrip(".")
    cut = words[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def passage_day(project: Project, annotation_id: int) -> object:
    """The one day a passage's date tags name, to date a new event (else None)."""
    dates = project.annotation_detail(annotation_id).dates
    days = {d.start for d in dates if d.precision == Precision.DAY and not d.ambiguous}
    return days.pop() if len(days) == 1 else None


class SuggestionsPanel(QWidget):
    """Link suggestions for the selected claim or event."""

    def __init__(
        self, session: ProjectSession, runner: SerialRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.target: tuple[str, int] | None = None  # ("annotation" | "event", id)
        self.event_ids: list[int] = []  # the claim's events, when the target is a claim
        self.model = LinkSuggestionsModel(self)
        self.heading = QLabel(IDLE)
        self.heading.setWordWrap(True)
        self.busy = BusyLine("Finding passages in other sources…")
        self.view = list_table(self.model, self, stretch=2)
        header = self.view.horizontalHeader()
        for column, width in ((1, 130), (3, 170)):  # source, why: cut short, full in tooltips
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.view.clicked.connect(self._reveal)
        self.view.activated.connect(lambda _i: self.accept_current())
        self.new_event = QLineEdit()
        self.new_event.setPlaceholderText("Title of the new event")
        self.new_event_label = QLabel("No event yet; accepting creates:")
        self.accept_button = QPushButton("Accept (L)")
        self.accept_button.clicked.connect(self.accept_current)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setToolTip("Never suggest this passage for it again (Delete)")
        self.dismiss_button.clicked.connect(self.dismiss_current)
        for key, slot in (("L", self.accept_current), ("Delete", self.dismiss_current)):
            shortcut = QShortcut(QKeySequence(key), self.view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._layout()
        self._lazy = LazyRefresh(self, self.refresh)
        session.selection_changed.connect(self._claim_selected)
        session.event_selected.connect(self.show_event)
        session.bus.changes_applied.connect(self._apply_changes)
        self._update_controls()

    def _layout(self) -> None:
        event_row = QHBoxLayout()
        event_row.addWidget(self.new_event_label)
        event_row.addWidget(self.new_event, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        layout.addLayout(event_row)
        layout.addLayout(buttons)

    # ------------------------------------------------------------------ targets
    def _claim_selected(self, annotation_id: int | None) -> None:
        if annotation_id is not None:
            self.show_claim(annotation_id)

    def show_claim(self, annotation_id: int) -> None:
        """Suggest passages for this annotation."""
        self._set_target(("annotation", annotation_id))

    def show_event(self, event_id: int | None) -> None:
        """Suggest passages for this event."""
        if event_id is not None:
            self._set_target(("event", event_id))

    def _set_target(self, target: tuple[str, int]) -> None:
        if target == self.target:
            return
        self.target = target
        self.model.set_records([])
        self.new_event.setModified(False)
        if not self.isVisible():  # behind another tab: catch up when shown
            self._stale = True
            return
        self._describe()
        self._lazy.request(now=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._stale = False
            self._describe()
            self._lazy.request(now=True)

    def _describe(self) -> None:
        """Say what the suggestions are for; offer a title when a claim has no event."""
        self.event_ids = []
        if self.target is None:
            self.heading.setText(IDLE)
            self._update_controls()
            return
        kind, target_id = self.target
        project = self.session.project
        try:
            if kind == "annotation":
                detail = self.session.annotation_detail(target_id)
                self.event_ids = [e.event_id for e in detail.events]
                quote = title_from(detail.annotation.quote)
                self.heading.setText(f"Other sources that may report “{quote}”")
                if not self.event_ids and not self.new_event.isModified():
                    self.new_event.setText(title_from(detail.annotation.quote))
            else:
                event = project.event(target_id)
                self.heading.setText(f"Other sources that may report the event “{event.title}”")
        except NotFoundError:
            self.target = None
            self.heading.setText(IDLE)
        self._update_controls()

    def _update_controls(self) -> None:
        needs_title = self.target is not None and self.target[0] == "annotation"
        needs_title = needs_title and not self.event_ids
        self.new_event.setVisible(needs_title)
        self.new_event_label.setVisible(needs_title)
        has_rows = self.model.rowCount() > 0
        self.accept_button.setEnabled(has_rows)
        self.dismiss_button.setEnabled(has_rows)

    # ------------------------------------------------------------------ ranking
    def refresh(self) -> None:
        target = self.target
        if target is None:
            return
        self.busy.setVisible(True)
        self.runner.submit(
            "links",
            partial(suggested_passages, target=target, limit=LIMIT),
            lambda rows: self._show(target, rows),  # type: ignore[arg-type]
            self._failed,
        )

    def _show(self, target: tuple[str, int], rows: list[SuggestedPassage]) -> None:
        self.busy.setVisible(False)
        if target != self.target:
            return
        self.model.set_records(rows)
        if rows:
            self.view.selectRow(0)
        self._update_controls()

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        if not isinstance(exc, NotFoundError):
            self.session.failed.emit(f"Could not rank suggestions: {exc}")

    def _apply_changes(self, changes: Changes) -> None:
        if self.target is None:
            return
        kind, target_id = self.target
        named = changes.annotations if kind == "annotation" else changes.events
        # A new highlight names its article but changes no candidate passage; imports,
        # boilerplate and links do.
        imported = changes.articles and not changes.annotations
        if target_id in named or imported or changes.spans or changes.events:
            if not self.isVisible():
                self._stale = True
                return
            self._describe()
            self._lazy.request()

    # ------------------------------------------------------------------ acting
    def current(self) -> SuggestedPassage | None:
        index = self.view.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def _reveal(self, index: QModelIndex) -> None:
        row = self.model.record_at(index.row()) if index.isValid() else None
        if row is not None:
            self.session.reveal_span(*row.span)

    def accept_current(self) -> bool:
        row = self.current()
        return row is not None and self.accept(row)

    def accept(self, row: SuggestedPassage) -> bool:
        """Make the passage a claim linked to the event (created from the claim if needed)."""
        if self.target is None:
            return False
        kind, target_id = self.target
        project = self.session.project
        if kind == "event":
            command = AcceptLinkCommand(project, row.span, event_id=target_id)
        elif self.event_ids:
            command = AcceptLinkCommand(project, row.span, event_id=self.event_ids[0])
        else:
            title = self.new_event.text().strip()
            if not title:
                self.session.failed.emit("Type a title for the new event first.")
                self.new_event.setFocus()
                return False
            command = AcceptLinkCommand(
                project,
                row.span,
                claim_id=target_id,
                new_title=title,
                date=passage_day(project, target_id),
            )
        if not self.session.run(command):
            return False
        self.model.remove_record(row)
        self.new_event.setModified(False)
        self._update_controls()
        return True

    def dismiss_current(self) -> None:
        row = self.current()
        if row is not None:
            self.dismiss(row)

    def dismiss(self, row: SuggestedPassage) -> None:
        """Never suggest this passage for the current claim or event again."""
        if self.target is None:
            return
        kind, target_id = self.target
        suggestion: LinkSuggestion = row.suggestion
        try:
            if kind == "annotation":
                self.session.project.dismiss_link(suggestion, annotation_id=target_id)
            else:
                self.session.project.dismiss_link(suggestion, event_id=target_id)
        except KnownError as exc:
            self.session.failed.emit(str(exc))
            return
        self.model.remove_record(row)
        self._update_controls()
