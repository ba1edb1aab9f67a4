"""Finding an actor's mentions across the project, and proposing new actors.

`MentionFinder` lists every likely mention of the chosen actor (name or alias, spelled
any of the usual ways) with its source and context; a click shows it on the desk, "Tag"
tags the actor there (on the annotation covering it, or a new claim), "Tag all" does all
untagged ones as one undoable edit. `SuggestionList` is the Accept / Dismiss list shared
by the suggested new actors here and the suggested alias groups in the Actors panel:
every suggestion is accepted or dismissed explicitly, and a dismissed one stays away.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from operator import methodcaller
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from parallax.domain.errors import KnownError, NotFoundError
from parallax.domain.model import Changes
from parallax.services import actors as actor_service
from parallax.services import suggestions
from parallax.services.actors import MentionRow
from parallax.services.background import Job
from parallax.services.suggestions import ActorSuggestion
from parallax.ui.analysis_commands import AddActorCommand, TagMentionsCommand
from parallax.ui.assist_widgets import BusyLine, LazyRefresh, list_table, selected_rows
from parallax.ui.models.assist_models import ActorSuggestionsModel, MentionsModel
from parallax.ui.models.record_list import RecordListModel
from parallax.ui.serial_runner import SerialRunner
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

R = TypeVar("R")


class MentionFinder(QWidget):
    """All likely mentions of one actor, with Tag / Tag all."""

    mentions_found = Signal(int, object)  # actor id, list[MentionRow] (for ghost highlights)

    def __init__(
        self, session: ProjectSession, runner: SerialRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.actor_id: int | None = None
        self.model = MentionsModel(self)
        self.heading = QLabel("Choose an actor to find its mentions.")
        self.heading.setWordWrap(True)
        self.busy = BusyLine("Finding mentions…")
        self.view = list_table(self.model, self, stretch=2)
        self.view.clicked.connect(self._reveal)
        self.view.activated.connect(self._reveal)
        self.tag_button = QPushButton("Tag")
        self.tag_button.setToolTip("Tag the actor on the selected mentions (T)")
        self.tag_button.clicked.connect(self.tag_selected)
        self.tag_all_button = QPushButton("Tag all")
        self.tag_all_button.clicked.connect(self.tag_all)
        tag_key = QShortcut(QKeySequence("T"), self.view, self.tag_selected)
        tag_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        # The heading over the buttons, not beside them: beside them, in the Actors tab's
        # right-hand column, "Othman al-Ghanmi: 3 likely mentions in 2" took four lines.
        buttons = QHBoxLayout()
        buttons.addWidget(self.tag_button)
        buttons.addWidget(self.tag_all_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        self._lazy = LazyRefresh(self, self.refresh)
        session.bus.changes_applied.connect(self._apply_changes)
        self._update_buttons()

    def set_actor(self, actor_id: int | None) -> None:
        if actor_id == self.actor_id:
            return
        self.actor_id = actor_id
        self.model.set_records([])
        self.mentions_found.emit(actor_id or 0, [])
        self._update_buttons()
        self._lazy.request(now=True)

    def refresh(self) -> None:
        """Find the actor's mentions again (on the worker)."""
        actor_id = self.actor_id
        if actor_id is None:
            self.heading.setText("Choose an actor to find its mentions.")
            return
        self.busy.setVisible(True)
        self.runner.submit(
            "mentions",
            partial(actor_service.mention_rows, actor_id=actor_id),
            lambda rows: self._show(actor_id, rows),  # type: ignore[arg-type]
            self._failed,
        )

    def _show(self, actor_id: int, rows: list[MentionRow]) -> None:
        self.busy.setVisible(False)
        if actor_id != self.actor_id:
            return
        self.model.set_records(rows)
        try:
            name = self.session.project.actor(actor_id).name
        except NotFoundError:
            name = "this actor"
        tagged = sum(1 for r in rows if r.tagged)
        articles = len({r.article_id for r in rows})
        self.heading.setText(
            f"<b>{name}</b>: {len(rows)} likely mentions in {articles} articles, {tagged} tagged"
        )
        self._update_buttons()
        self.mentions_found.emit(actor_id, rows)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.session.failed.emit(f"Could not find mentions: {exc}")

    def _update_buttons(self) -> None:
        untagged = len(self.model.untagged())
        self.tag_all_button.setText(f"Tag all ({untagged})" if untagged else "Tag all")
        self.tag_all_button.setEnabled(self.actor_id is not None and untagged > 0)
        self.tag_button.setEnabled(self.actor_id is not None and self.model.rowCount() > 0)

    def _apply_changes(self, changes: Changes) -> None:
        if self.actor_id is None:
            return
        if self.actor_id in changes.actors or changes.articles or changes.spans:
            self._lazy.request()

    # ----------------------------------------------------------------- actions
    def _reveal(self, index: QModelIndex) -> None:
        row = self.model.record_at(index.row()) if index.isValid() else None
        if row is not None:
            self.session.reveal_span(row.article_id, row.start, row.end)

    def tag_selected(self) -> None:
        rows = [self.model.record_at(r) for r in selected_rows(self.view)]
        self.tag([r for r in rows if r is not None and not r.tagged])

    def tag_all(self) -> None:
        self.tag(self.model.untagged())

    def tag(self, rows: Sequence[MentionRow]) -> bool:
        """Tag the actor on these mentions (role "mentioned") as one undoable edit."""
        if self.actor_id is None or not rows:
            return False
        spans = [(r.article_id, r.start, r.end) for r in rows]
        done = self.session.run(TagMentionsCommand(self.session.project, self.actor_id, spans))
        if done:
            self._lazy.request(now=True)
        return done


class SuggestionList(QWidget, Generic[R]):
    """A list of suggestions with Accept and Dismiss, computed on the worker."""

    KEY = "suggestions"
    BUSY = "Looking for suggestions…"
    EMPTY = "Nothing to suggest."

    def __init__(
        self,
        session: ProjectSession,
        runner: SerialRunner,
        model: RecordListModel[R],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.model = model
        model.setParent(self)
        self.status = QLabel()
        self.busy = BusyLine(self.BUSY)
        self.view = list_table(model, self, stretch=0)
        self.view.activated.connect(lambda _i: self.accept_selected())
        self.accept_button = QPushButton("Accept")
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setToolTip("Never suggest this again in this project")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        self._lazy = LazyRefresh(self, self.refresh)
        session.bus.changes_applied.connect(self._apply_changes)
        self._lazy.request()

    # --------------------------------------------------------------- subclasses
    def _job(self) -> Job:
        """What computes the suggestions in the background process (picklable)."""
        raise NotImplementedError

    def _accept(self, record: R) -> bool:
        raise NotImplementedError

    def _dismiss(self, record: R) -> None:
        raise NotImplementedError

    def _wants(self, changes: Changes) -> bool:
        return bool(changes.actors or changes.articles or changes.spans)

    # ------------------------------------------------------------------ flow
    def refresh(self) -> None:
        self.busy.setVisible(True)
        self.runner.submit(self.KEY, self._job(), self._show, self._failed)  # type: ignore[arg-type]

    def _show(self, records: list[R]) -> None:
        self.busy.setVisible(False)
        self.model.set_records(records)
        self.status.setText(f"{len(records)} suggested" if records else self.EMPTY)
        if records:
            self.view.selectRow(0)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.session.failed.emit(f"Could not compute suggestions: {exc}")

    def _apply_changes(self, changes: Changes) -> None:
        if self._wants(changes):
            self._lazy.request()

    def _selected(self) -> list[R]:
        rows = [self.model.record_at(r) for r in selected_rows(self.view)]
        return [r for r in rows if r is not None]

    def accept_selected(self) -> None:
        for record in self._selected():
            if self._accept(record):
                self.model.remove_record(record)

    def dismiss_selected(self) -> None:
        for record in self._selected():
            try:
                self._dismiss(record)
            except KnownError as exc:
                self.session.failed.emit(str(exc))
                return
            self.model.remove_record(record)


class ActorSuggestionsView(SuggestionList[ActorSuggestion]):
    """Names that recur across sources: Accept adds the actor with its other spellings."""

    KEY = "new-actors"
    BUSY = "Looking for names that recur across sources…"
    EMPTY = "No recurring names that are not actors yet."

    def __init__(
        self, session: ProjectSession, runner: SerialRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, runner, ActorSuggestionsModel(), parent)

    def _job(self) -> Job:
        return methodcaller("suggest_actors")

    def _accept(self, record: ActorSuggestion) -> bool:
        command = AddActorCommand(self.session.project, record.name, record.kind, record.aliases)
        return self.session.run(command)

    def _dismiss(self, record: ActorSuggestion) -> None:
        suggestions.dismiss_actor_suggestion(self.session.project, record.name)
