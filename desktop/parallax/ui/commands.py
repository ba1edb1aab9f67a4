"""Undo commands: each one a service call and its inverse, over one project.

A command does its work once in `execute()`, before it goes on the stack, so that a
refused edit (a KnownError) reaches the caller and nothing is pushed. Later redo/undo
calls repeat or invert it; a deleted thing comes back with the same id. When a later
redo or undo fails (someone else changed the project), the command reports the error
and marks itself obsolete, so the stack drops it instead of lying about the state.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from parallax.domain.errors import KnownError
from parallax.domain.model import (
    Actor,
    AnnotationDetail,
    AnnotationId,
    DateTag,
    Event,
    EventLink,
    ExcludedSpan,
)
from parallax.services.project import Project

logger = logging.getLogger(__name__)

ErrorReport = Callable[[str], None]


class ServiceCommand(QUndoCommand):
    """Base class: subclasses implement `_do` and `_undo` with service calls."""

    def __init__(self, project: Project, text: str) -> None:
        super().__init__(text)
        self.project = project
        self.report: ErrorReport | None = None
        self._skip_redo = False

    def execute(self, stack: QUndoStack) -> None:
        """Do the edit now (errors propagate) and push it on `stack` for undo."""
        self._do()
        self._skip_redo = True
        stack.push(self)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guarded(self._do)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except KnownError as exc:
            logger.warning("%s could not be repeated: %s", self.text(), exc)
            self.setObsolete(True)
            if self.report is not None:
                self.report(f"{self.text()}: {exc}")

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AnnotateCommand(ServiceCommand):
    """Highlight a span; undo deletes it, redo restores it under the same id."""

    def __init__(self, project: Project, article_id: int, start: int, end: int, kind: str) -> None:
        super().__init__(project, f"Make {kind}")
        self.article_id, self.start, self.end, self.kind = article_id, start, end, kind
        self.annotation_id: AnnotationId | None = None
        self._gone: AnnotationDetail | None = None

    def _do(self) -> None:
        if self._gone is None:
            ann = self.project.annotate(self.article_id, self.start, self.end, kind=self.kind)
            self.annotation_id = ann.id
        else:
            self.project.restore_annotation(self._gone)

    def _undo(self) -> None:
        assert self.annotation_id is not None
        self._gone = self.project.delete_annotation(self.annotation_id)


class DeleteAnnotationCommand(ServiceCommand):
    """Delete an annotation with all it carries; undo brings it back with the same id."""

    def __init__(self, project: Project, annotation_id: int) -> None:
        super().__init__(project, "Delete annotation")
        self.annotation_id = annotation_id
        self._gone: AnnotationDetail | None = None

    def _do(self) -> None:
        self._gone = self.project.delete_annotation(self.annotation_id)

    def _undo(self) -> None:
        assert self._gone is not None
        self.project.restore_annotation(self._gone)


class EditAnnotationCommand(ServiceCommand):
    """Change one field (kind, note or credibility) of an annotation."""

    def __init__(
        self, project: Project, annotation_id: int, field: str, old: object, new: object
    ) -> None:
        super().__init__(project, f"Change {field}")
        self.annotation_id, self.field, self.old, self.new = annotation_id, field, old, new

    def _do(self) -> None:
        self.project.update_annotation(self.annotation_id, **{self.field: self.new})

    def _undo(self) -> None:
        self.project.update_annotation(self.annotation_id, **{self.field: self.old})


class TagActorCommand(ServiceCommand):
    """Attach an actor (by name or alias, created when new) to an annotation in a role."""

    def __init__(self, project: Project, annotation_id: int, name: str, role: str) -> None:
        super().__init__(project, f"Tag actor {name}")
        self.annotation_id, self.name, self.role = annotation_id, name.strip(), role
        self.actor: Actor | None = None
        self._created = False
        self._added = False

    def _do(self) -> None:
        actor = self.project.find_actor(self.name)
        self._created = actor is None
        if actor is None:
            actor = self.project.add_actor(self.name)
        self.actor = actor
        self._added = self.project.tag_actor(self.annotation_id, actor.id, self.role)

    def _undo(self) -> None:
        assert self.actor is not None
        if self._added:
            self.project.untag_actor(self.annotation_id, self.actor.id, self.role)
        if self._created:
            self.project.delete_actor(self.actor.id)


class UntagActorCommand(ServiceCommand):
    """Remove an actor from an annotation; undo puts it back in the same role."""

    def __init__(self, project: Project, annotation_id: int, actor_id: int, role: str) -> None:
        super().__init__(project, "Remove actor")
        self.annotation_id, self.actor_id, self.role = annotation_id, actor_id, role

    def _do(self) -> None:
        self.project.untag_actor(self.annotation_id, self.actor_id, self.role)

    def _undo(self) -> None:
        self.project.tag_actor(self.annotation_id, self.actor_id, self.role)


class TagDateCommand(ServiceCommand):
    """Tag an annotation with a date as written; redo restores the tag's id."""

    def __init__(self, project: Project, annotation_id: int, expression: str) -> None:
        super().__init__(project, f"Tag date {expression.strip()}")
        self.annotation_id, self.expression = annotation_id, expression
        self.tag: DateTag | None = None

    def _do(self) -> None:
        if self.tag is None:
            self.tag = self.project.tag_date(self.annotation_id, self.expression)
        else:
            self.project.restore_date_tag(self.tag)

    def _undo(self) -> None:
        assert self.tag is not None
        self.project.remove_date_tag(self.tag.id)


class RemoveDateTagCommand(ServiceCommand):
    """Remove a date tag; undo restores it under the same id."""

    def __init__(self, project: Project, tag: DateTag) -> None:
        super().__init__(project, "Remove date")
        self.tag = tag

    def _do(self) -> None:
        self.project.remove_date_tag(self.tag.id)

    def _undo(self) -> None:
        self.project.restore_date_tag(self.tag)


class CreateEventCommand(ServiceCommand):
    """Create an event; undo deletes it, redo restores it under the same id."""

    def __init__(self, project: Project, title: str, date: object = None) -> None:
        super().__init__(project, f"Create event {title.strip()}")
        self.title, self.date = title, date
        self.event: Event | None = None
        self._links: list[EventLink] = []

    def _do(self) -> None:
        if self.event is None:
            self.event = self.project.create_event(self.title, self.date)  # type: ignore[arg-type]
        else:
            self.project.restore_event(self.event, self._links)

    def _undo(self) -> None:
        assert self.event is not None
        _event, self._links = self.project.delete_event(self.event.id)


class LinkEventCommand(ServiceCommand):
    """Link an annotation to an event with a stance; undo restores the previous link state."""

    def __init__(
        self,
        project: Project,
        annotation_id: int,
        event_id: int | None,
        stance: str,
        previous: str | None = None,
    ) -> None:
        super().__init__(project, "Link to event")
        self.annotation_id, self.event_id, self.stance = annotation_id, event_id, stance
        self.previous = previous

    def _do(self) -> None:
        assert self.event_id is not None
        self.project.link(self.annotation_id, self.event_id, self.stance)

    def _undo(self) -> None:
        assert self.event_id is not None
        if self.previous is None:
            self.project.unlink(self.annotation_id, self.event_id)
        else:
            self.project.link(self.annotation_id, self.event_id, self.previous)


class UnlinkEventCommand(ServiceCommand):
    """Remove an annotation's link to an event; undo relinks it with the same stance."""

    def __init__(self, project: Project, link: EventLink) -> None:
        super().__init__(project, "Unlink event")
        self.link = link

    def _do(self) -> None:
        self.project.unlink(self.link.annotation_id, self.link.event_id)

    def _undo(self) -> None:
        self.project.link(self.link.annotation_id, self.link.event_id, str(self.link.stance))


class LinkNewEventCommand(ServiceCommand):
    """Create an event and link an annotation to it, undone as one step."""

    def __init__(
        self, project: Project, annotation_id: int, title: str, stance: str, date: object = None
    ) -> None:
        super().__init__(project, f"Link to new event {title.strip()}")
        self.create = CreateEventCommand(project, title, date)
        self.linking = LinkEventCommand(project, annotation_id, None, stance)

    def _do(self) -> None:
        self.create._do()
        assert self.create.event is not None
        self.linking.event_id = self.create.event.id
        self.linking._do()

    def _undo(self) -> None:
        # Deleting the event removes the link with it; the event's own undo record
        # then holds no links, so redo restores the event and links it again.
        self.linking._undo()
        self.create._undo()


class BoilerplateCommand(ServiceCommand):
    """Mark (or unmark) [start, end) of an article as boilerplate; undo puts back exactly
    the spans the service replaced, so merges and splits come undone too."""

    def __init__(self, project: Project, article_id: int, start: int, end: int, mark: bool) -> None:
        super().__init__(project, "Mark as boilerplate" if mark else "Unmark boilerplate")
        self.article_id, self.start, self.end, self.mark = article_id, start, end, mark
        self._replaced: list[ExcludedSpan] = []

    def _do(self) -> None:
        change = self.project.mark_boilerplate if self.mark else self.project.unmark_boilerplate
        self._replaced = change(self.article_id, self.start, self.end)

    def _undo(self) -> None:
        self.project.restore_spans(self.article_id, self.start, self.end, self._replaced)
