"""Undo commands for actors, mentions, dates and accepted suggestions.

Several are sequences of smaller commands (`SequenceCommand`): the first run builds the
steps one by one, so that a step can use what an earlier one created (a new annotation's
id); undo runs them backwards and redo forwards, each bringing things back under the
same ids.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import ClassVar

from parallax.domain.errors import KnownError
from parallax.domain.model import Actor
from parallax.services.actors import ActorMerge, ActorRemoval, AliasPlan, clean_aliases
from parallax.services.project import Project
from parallax.ui.commands import (
    AnnotateCommand,
    CreateEventCommand,
    LinkEventCommand,
    ServiceCommand,
    TagDateCommand,
)

logger = logging.getLogger(__name__)


class SequenceCommand(ServiceCommand):
    """Steps built by `_steps()` on the first run; undone backwards as one edit."""

    def __init__(self, project: Project, text: str) -> None:
        super().__init__(project, text)
        self.done: list[ServiceCommand] = []
        self._built = False

    def _steps(self) -> Iterator[ServiceCommand]:
        """Yield the steps; each is done before the generator goes on."""
        raise NotImplementedError

    def _do(self) -> None:
        if self._built:
            for step in self.done:
                step._do()
            return
        try:
            for step in self._steps():
                step._do()
                self.done.append(step)
        except KnownError:
            for step in reversed(self.done):
                step._undo()
            self.done.clear()
            raise
        self._built = True

    def _undo(self) -> None:
        for step in reversed(self.done):
            step._undo()


# --- actors --------------------------------------------------------------------------


class AddActorCommand(ServiceCommand):
    """Add an actor; undo deletes it, redo brings it back under the same id."""

    def __init__(
        self, project: Project, name: str, kind: str = "person", aliases: Sequence[str] = ()
    ) -> None:
        super().__init__(project, f"Add actor {name.strip()}")
        self.name, self.kind, self.aliases = name, kind, tuple(aliases)
        self.actor: Actor | None = None

    def _do(self) -> None:
        if self.actor is None:
            name = " ".join(self.name.split())
            if self.project.find_actor(name) is not None:
                raise _taken(name)
            self.actor = self.project.add_actor(name, self.kind, clean_aliases(name, self.aliases))
        else:
            self.project.restore_actor(self.actor)

    def _undo(self) -> None:
        assert self.actor is not None
        self.project.delete_actor(self.actor.id)


def _taken(name: str) -> KnownError:
    from parallax.domain.errors import InvalidInputError

    return InvalidInputError(f"There already is an actor called or known as “{name}”.")


class EditActorCommand(ServiceCommand):
    """Rename an actor, change its kind or replace its aliases; undo restores it as it was."""

    LABELS: ClassVar[dict[str, str]] = {
        "name": "Rename actor",
        "kind": "Change actor kind",
        "aliases": "Edit aliases",
    }

    def __init__(self, project: Project, actor_id: int, field: str, value: object) -> None:
        super().__init__(project, self.LABELS[field])
        self.actor_id, self.field, self.value = actor_id, field, value
        self.before: Actor | None = None

    def _do(self) -> None:
        if self.field == "name":
            self.before = self.project.rename_actor(self.actor_id, str(self.value))
        elif self.field == "kind":
            self.before = self.project.set_actor_kind(self.actor_id, str(self.value))
        else:
            self.before = self.project.set_actor_aliases(self.actor_id, list(self.value))  # type: ignore[call-overload]

    def _undo(self) -> None:
        assert self.before is not None
        self.project.restore_actor(self.before)


class AddAliasesCommand(ServiceCommand):
    """Add names to an actor's aliases (as they are when it runs)."""

    def __init__(self, project: Project, actor_id: int, names: Sequence[str]) -> None:
        super().__init__(project, "Add aliases")
        self.actor_id, self.names = actor_id, tuple(names)
        self.before: Actor | None = None

    def _do(self) -> None:
        current = self.project.actor(self.actor_id)
        self.before = self.project.set_actor_aliases(self.actor_id, [*current.aliases, *self.names])

    def _undo(self) -> None:
        assert self.before is not None
        self.project.restore_actor(self.before)


class DeleteActorCommand(ServiceCommand):
    """Delete an actor; undo brings it back under its id with its tags and memo."""

    def __init__(self, project: Project, actor: Actor) -> None:
        super().__init__(project, f"Delete actor {actor.name}")
        self.actor_id = actor.id
        self.removal: ActorRemoval | None = None

    def _do(self) -> None:
        self.removal = self.project.delete_actor(self.actor_id)

    def _undo(self) -> None:
        assert self.removal is not None
        self.project.undelete_actor(self.removal)


class MergeActorsCommand(ServiceCommand):
    """Merge one actor into another; undo brings the source back with its id and tags."""

    def __init__(self, project: Project, source_id: int, target_id: int) -> None:
        super().__init__(project, "Merge actors")
        self.source_id, self.target_id = source_id, target_id
        self.merge: ActorMerge | None = None

    def _do(self) -> None:
        self.merge = self.project.merge_actors(self.source_id, self.target_id)

    def _undo(self) -> None:
        assert self.merge is not None
        self.project.unmerge_actors(self.merge)


class AcceptAliasGroupCommand(SequenceCommand):
    """Make a suggested group of names one actor: new, or merged and with new aliases."""

    def __init__(self, project: Project, plan: AliasPlan) -> None:
        super().__init__(project, f"Accept aliases of {plan.name}")
        self.plan = plan

    def _steps(self) -> Iterator[ServiceCommand]:
        plan = self.plan
        if plan.target_id is None:
            yield AddActorCommand(self.project, plan.name, "person", plan.new_aliases)
            return
        for source_id in plan.merge_ids:
            yield MergeActorsCommand(self.project, source_id, plan.target_id)
        if plan.new_aliases:
            yield AddAliasesCommand(self.project, plan.target_id, plan.new_aliases)


# --- tagging mentions and dates ------------------------------------------------------


class TagActorIdCommand(ServiceCommand):
    """Tag an actor (by id) on an annotation; undo removes the tag if this added it."""

    def __init__(self, project: Project, annotation_id: int, actor_id: int, role: str) -> None:
        super().__init__(project, "Tag actor")
        self.annotation_id, self.actor_id, self.role = annotation_id, actor_id, role
        self.added = False

    def _do(self) -> None:
        self.added = self.project.tag_actor(self.annotation_id, self.actor_id, self.role)

    def _undo(self) -> None:
        if self.added:
            self.project.untag_actor(self.annotation_id, self.actor_id, self.role)


def covering_annotation(project: Project, article_id: int, start: int, end: int) -> int | None:
    """The shortest annotation that covers [start, end), if any."""
    covering = [a for a in project.annotations(article_id) if a.start <= start and end <= a.end]
    return min(covering, key=lambda a: a.end - a.start).id if covering else None


class TagMentionCommand(SequenceCommand):
    """Tag an actor on a mention: on the annotation covering it, or on a new claim there."""

    def __init__(
        self,
        project: Project,
        actor_id: int,
        mention: tuple[int, int, int],
        role: str = "mentioned",
    ) -> None:
        super().__init__(project, "Tag mention")
        self.actor_id, self.mention, self.role = actor_id, mention, role

    def _steps(self) -> Iterator[ServiceCommand]:
        article_id, start, end = self.mention
        annotation_id = covering_annotation(self.project, article_id, start, end)
        if annotation_id is None:
            make = AnnotateCommand(self.project, article_id, start, end, "claim")
            yield make
            annotation_id = make.annotation_id
        assert annotation_id is not None
        yield TagActorIdCommand(self.project, annotation_id, self.actor_id, self.role)


class TagMentionsCommand(SequenceCommand):
    """Tag an actor on many mentions as one edit."""

    def __init__(
        self, project: Project, actor_id: int, mentions: Sequence[tuple[int, int, int]]
    ) -> None:
        super().__init__(project, f"Tag {len(mentions)} mentions")
        self.actor_id, self.mentions = actor_id, list(mentions)

    def _steps(self) -> Iterator[ServiceCommand]:
        for mention in self.mentions:
            yield TagMentionCommand(self.project, self.actor_id, mention)


class DateClaimCommand(SequenceCommand):
    """Make a claim of a sentence and tag it with a date expression in it, as one edit."""

    def __init__(
        self, project: Project, article_id: int, sentence: tuple[int, int], expression: str
    ) -> None:
        super().__init__(project, f"Tag date {expression.strip()}")
        self.article_id, self.sentence, self.expression = article_id, sentence, expression
        self.annotation_id: int | None = None

    def _steps(self) -> Iterator[ServiceCommand]:
        make = AnnotateCommand(self.project, self.article_id, *self.sentence, "claim")
        yield make
        self.annotation_id = make.annotation_id
        assert make.annotation_id is not None
        yield TagDateCommand(self.project, make.annotation_id, self.expression)


# --- accepting a link suggestion -----------------------------------------------------


class AcceptLinkCommand(SequenceCommand):
    """Make a suggested passage a claim linked to an event (stance "reports").

    With `event_id` None a new event titled `new_title` is created and the source claim
    `claim_id` is linked to it first, so both passages end up on one event.
    """

    def __init__(
        self,
        project: Project,
        passage: tuple[int, int, int],
        *,
        event_id: int | None = None,
        claim_id: int | None = None,
        new_title: str = "",
        date: object = None,
    ) -> None:
        super().__init__(project, "Accept suggested link")
        self.passage, self.event_id, self.claim_id = passage, event_id, claim_id
        self.new_title, self.date = new_title, date
        self.annotation_id: int | None = None

    def _steps(self) -> Iterator[ServiceCommand]:
        event_id = self.event_id
        if event_id is None:
            create = CreateEventCommand(self.project, self.new_title, self.date)
            yield create
            assert create.event is not None and self.claim_id is not None
            event_id = create.event.id
            yield LinkEventCommand(self.project, self.claim_id, event_id, "reports")
        article_id, start, end = self.passage
        make = AnnotateCommand(self.project, article_id, start, end, "claim")
        yield make
        self.annotation_id = make.annotation_id
        assert make.annotation_id is not None
        yield LinkEventCommand(self.project, make.annotation_id, event_id, "reports")
