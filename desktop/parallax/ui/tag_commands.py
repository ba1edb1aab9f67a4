"""Undo commands for the codebook: each a `Project` tag call and its inverse.

A deleted or merged tag comes back with the same id, sub-tags and annotation links,
because the services return what their undo needs (`DeletedTags`, `MergedTag`).
"""

from __future__ import annotations

import logging

from parallax.domain.errors import InvalidInputError
from parallax.domain.model import TagId
from parallax.services.codebook import DeletedTags, MergedTag, resolve_path
from parallax.services.project import Project
from parallax.ui.commands import ServiceCommand

logger = logging.getLogger(__name__)


class AddTagCommand(ServiceCommand):
    """Create a tag; undo deletes it, redo brings it back under the same id."""

    def __init__(
        self, project: Project, name: str, parent_id: int | None = None, colour: str = ""
    ) -> None:
        super().__init__(project, f"New tag {name.strip()}")
        self.name, self.parent_id, self.colour = name, parent_id, colour
        self.tag_id: TagId | None = None
        self._gone: DeletedTags | None = None

    def _do(self) -> None:
        if self._gone is None:
            self.tag_id = self.project.add_tag(self.name, self.parent_id, self.colour).id
        else:
            self.project.restore_tag(self._gone)

    def _undo(self) -> None:
        assert self.tag_id is not None
        self._gone = self.project.delete_tag(self.tag_id)


class RenameTagCommand(ServiceCommand):
    def __init__(self, project: Project, tag_id: int, old: str, new: str) -> None:
        super().__init__(project, f"Rename tag {old} to {new.strip()}")
        self.tag_id, self.old, self.new = tag_id, old, new

    def _do(self) -> None:
        self.project.rename_tag(self.tag_id, self.new)

    def _undo(self) -> None:
        self.project.rename_tag(self.tag_id, self.old)


class SetTagColourCommand(ServiceCommand):
    def __init__(self, project: Project, tag_id: int, old: str, new: str) -> None:
        super().__init__(project, "Change tag colour")
        self.tag_id, self.old, self.new = tag_id, old, new

    def _do(self) -> None:
        self.project.set_tag_colour(self.tag_id, self.new)

    def _undo(self) -> None:
        self.project.set_tag_colour(self.tag_id, self.old)


class MoveTagCommand(ServiceCommand):
    """Nest a tag under another (or at the top level); undo puts it back."""

    def __init__(
        self, project: Project, tag_id: int, old_parent: int | None, new_parent: int | None
    ) -> None:
        super().__init__(project, "Move tag")
        self.tag_id, self.old_parent, self.new_parent = tag_id, old_parent, new_parent

    def _do(self) -> None:
        self.project.move_tag(self.tag_id, self.new_parent)

    def _undo(self) -> None:
        self.project.move_tag(self.tag_id, self.old_parent)


class MergeTagsCommand(ServiceCommand):
    """Merge a tag into another; undo brings the source back with its annotations."""

    def __init__(self, project: Project, source_id: int, target_id: int, text: str = "") -> None:
        super().__init__(project, text or "Merge tags")
        self.source_id, self.target_id = source_id, target_id
        self._merged: MergedTag | None = None

    def _do(self) -> None:
        self._merged = self.project.merge_tags(self.source_id, self.target_id)

    def _undo(self) -> None:
        assert self._merged is not None
        self.project.unmerge_tags(self._merged)


class DeleteTagCommand(ServiceCommand):
    """Delete a tag and its sub-tags; undo restores ids and annotation links."""

    def __init__(self, project: Project, tag_id: int, name: str = "") -> None:
        super().__init__(project, f"Delete tag {name}".strip())
        self.tag_id = tag_id
        self._gone: DeletedTags | None = None

    def _do(self) -> None:
        self._gone = self.project.delete_tag(self.tag_id)

    def _undo(self) -> None:
        assert self._gone is not None
        self.project.restore_tag(self._gone)


class TagAnnotationCommand(ServiceCommand):
    """Put a tag on an annotation; undo takes it off again (if it was not there before)."""

    def __init__(self, project: Project, annotation_id: int, tag_id: int) -> None:
        super().__init__(project, "Tag annotation")
        self.annotation_id, self.tag_id = annotation_id, tag_id
        self.added = False

    def _do(self) -> None:
        self.added = self.project.tag_annotation(self.annotation_id, self.tag_id)

    def _undo(self) -> None:
        if self.added:
            self.project.untag_annotation(self.annotation_id, self.tag_id)


class UntagAnnotationCommand(ServiceCommand):
    def __init__(self, project: Project, annotation_id: int, tag_id: int) -> None:
        super().__init__(project, "Remove tag")
        self.annotation_id, self.tag_id = annotation_id, tag_id
        self.removed = False

    def _do(self) -> None:
        self.removed = self.project.untag_annotation(self.annotation_id, self.tag_id)

    def _undo(self) -> None:
        if self.removed:
            self.project.tag_annotation(self.annotation_id, self.tag_id)


class ApplyTagPathCommand(ServiceCommand):
    """Tag an annotation with the tag at a typed path ("Military/Border"), creating the
    missing levels first; one step to undo."""

    def __init__(self, project: Project, annotation_id: int, path: str) -> None:
        super().__init__(project, f"Tag {path.strip()}")
        self.annotation_id, self.path = annotation_id, path
        self.created: list[AddTagCommand] = []
        self.tagging: TagAnnotationCommand | None = None

    @property
    def tag_id(self) -> int | None:
        return self.tagging.tag_id if self.tagging is not None else None

    def _do(self) -> None:
        if self.tagging is None:
            self._first_do()
            return
        for command in self.created:
            command._do()
        self.tagging._do()

    def _first_do(self) -> None:
        parent, missing = resolve_path(self.project.tags(), self.path)
        try:
            for name in missing:
                command = AddTagCommand(self.project, name, parent)
                command._do()
                self.created.append(command)
                parent = command.tag_id
            if parent is None:
                raise InvalidInputError("Type a tag name, or a path such as Military/Border.")
            tagging = TagAnnotationCommand(self.project, self.annotation_id, parent)
            tagging._do()
        except BaseException:
            for command in reversed(self.created):
                command._undo()
            self.created.clear()
            raise
        self.tagging = tagging

    def _undo(self) -> None:
        assert self.tagging is not None
        self.tagging._undo()
        for command in reversed(self.created):
            command._undo()
