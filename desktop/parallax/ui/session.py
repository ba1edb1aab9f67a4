"""One open project as the window sees it: its API, change bus, undo stack and selection.

Widgets never call mutating services directly: they ask the session, which wraps each
edit in an undo command, and they learn about results from the change bus.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from parallax.domain.errors import KnownError, NotFoundError
from parallax.domain.model import (
    AnnotationDetail,
    AnnotationId,
    Changes,
    DateTag,
    EventLink,
    Precision,
)
from parallax.services.project import Project
from parallax.ui import commands
from parallax.ui.change_bus import ChangeBus

logger = logging.getLogger(__name__)


class ProjectSession(QObject):
    """The composition root's handle on one project; `failed` carries messages to show."""

    selection_changed = Signal(object)  # AnnotationId | None
    failed = Signal(str)
    # article id, start, end (code points), and whether to select that text in the pane
    reveal_requested = Signal(int, int, int, bool)
    event_selected = Signal(object)  # EventId | None: a connector or the Events tab chose it

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        # Subscribed before the bus, so that listeners of the bus never read a stale one.
        self._details: dict[int, AnnotationDetail] = {}
        project.subscribe(lambda _changes: self._details.clear())
        self.bus = ChangeBus(project, self)
        self.undo_stack = QUndoStack(self)
        self._selected: AnnotationId | None = None
        self.bus.changes_applied.connect(self._forget_deleted_selection)

    # ---------------------------------------------------------------- selection
    @property
    def selected(self) -> AnnotationId | None:
        return self._selected

    def select(self, annotation_id: int | None) -> None:
        """Make `annotation_id` the annotation the Inspector shows (None: nothing)."""
        if annotation_id == self._selected:
            return
        self._selected = AnnotationId(annotation_id) if annotation_id is not None else None
        self.selection_changed.emit(self._selected)

    def annotation_detail(self, annotation_id: int) -> AnnotationDetail:
        """`Project.annotation_detail`, read once between edits: the Inspector and the
        suggestions panel both show the claim just made, and each read costs three
        queries inside the 50 ms a highlight may take."""
        detail = self._details.get(annotation_id)
        if detail is None:
            detail = self._details[annotation_id] = self.project.annotation_detail(annotation_id)
        return detail

    def reveal_annotation(self, annotation_id: int) -> bool:
        """Select an annotation and ask the desk to show it (opening its article if needed).

        Events, Actors and Search call this; False when the annotation is gone."""
        try:
            ann = self.project.annotation(annotation_id)
        except NotFoundError as exc:
            self.failed.emit(str(exc))
            return False
        self.select(ann.id)
        self.reveal_requested.emit(ann.article_id, ann.start, ann.end, False)
        return True

    def reveal_span(self, article_id: int, start: int, end: int) -> None:
        """Open an article at [start, end) with that text selected (a search hit): the
        analyst can press C at once to make it a claim."""
        self.reveal_requested.emit(article_id, start, end, True)

    def select_event(self, event_id: int | None) -> None:
        """Say that the analyst chose an event (e.g. clicked a connector between panes)."""
        self.event_selected.emit(event_id)

    def _forget_deleted_selection(self, changes: Changes) -> None:
        if self._selected is None or self._selected not in changes.annotations:
            return
        try:
            self.project.annotation(self._selected)
        except NotFoundError:
            self.select(None)

    # ------------------------------------------------------------------- edits
    def run(self, command: commands.ServiceCommand) -> bool:
        """Execute an undoable edit; a refused one is reported through `failed`."""
        command.report = self.failed.emit
        try:
            command.execute(self.undo_stack)
        except KnownError as exc:
            logger.info("%s refused: %s", command.text(), exc)
            self.failed.emit(str(exc))
            return False
        return True

    def annotate(self, article_id: int, start: int, end: int, kind: str) -> AnnotationId | None:
        """Highlight a span and select the new annotation; its id, or None if refused."""
        command = commands.AnnotateCommand(self.project, article_id, start, end, kind)
        if not self.run(command):
            return None
        self.select(command.annotation_id)
        return command.annotation_id

    def delete_annotation(self, annotation_id: int) -> bool:
        return self.run(commands.DeleteAnnotationCommand(self.project, annotation_id))

    def mark_boilerplate(self, article_id: int, start: int, end: int, *, mark: bool) -> bool:
        """Mark (or unmark) a span of an article as boilerplate, undoably."""
        command = commands.BoilerplateCommand(self.project, article_id, start, end, mark)
        return self.run(command)

    def edit_annotation(self, annotation_id: int, field: str, old: object, new: object) -> bool:
        if old == new:
            return False
        command = commands.EditAnnotationCommand(self.project, annotation_id, field, old, new)
        return self.run(command)

    def tag_actor(self, annotation_id: int, name: str, role: str) -> bool:
        if not name.strip():
            return False
        return self.run(commands.TagActorCommand(self.project, annotation_id, name, role))

    def untag_actor(self, annotation_id: int, actor_id: int, role: str) -> bool:
        command = commands.UntagActorCommand(self.project, annotation_id, actor_id, role)
        return self.run(command)

    def tag_date(self, annotation_id: int, expression: str) -> bool:
        return self.run(commands.TagDateCommand(self.project, annotation_id, expression))

    def remove_date(self, tag: DateTag) -> bool:
        return self.run(commands.RemoveDateTagCommand(self.project, tag))

    def link_event(self, annotation_id: int, title: str, stance: str) -> bool:
        """Link to the event titled `title`, creating it (dated like the passage) if new."""
        title = title.strip()
        if not title:
            return False
        event = next(
            (e for e in self.project.events() if e.title.casefold() == title.casefold()), None
        )
        if event is None:
            command: commands.ServiceCommand = commands.LinkNewEventCommand(
                self.project, annotation_id, title, stance, self._passage_date(annotation_id)
            )
        else:
            previous = self._current_stance(annotation_id, event.id)
            command = commands.LinkEventCommand(
                self.project, annotation_id, event.id, stance, previous
            )
        return self.run(command)

    def unlink_event(self, link: EventLink) -> bool:
        return self.run(commands.UnlinkEventCommand(self.project, link))

    def _current_stance(self, annotation_id: int, event_id: int) -> str | None:
        detail = self.annotation_detail(annotation_id)
        return next((str(e.stance) for e in detail.events if e.event_id == event_id), None)

    def _passage_date(self, annotation_id: int) -> object:
        """The day a passage's single day-precise date tag names, to date a new event."""
        dates = self.annotation_detail(annotation_id).dates
        days = {d.start for d in dates if d.precision == Precision.DAY and not d.ambiguous}
        return days.pop() if len(days) == 1 else None

    # --------------------------------------------------------------- lifecycle
    def close(self) -> None:
        """Forget the undo history and close the project."""
        self.bus.detach()
        self.undo_stack.clear()
        self.project.close()
