"""The Inspector's Tags row: the selected annotation's tags, and an entry that applies one.

The entry completes over the codebook's paths ("Military/Border"); Enter applies the tag,
creating it (and missing parent levels) when new. Removing a row takes the tag off. Every
edit is an undoable command.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from parallax.domain.model import AnnotationDetail, TagId
from parallax.ui.inspector_sections import DetailSection
from parallax.ui.session import ProjectSession
from parallax.ui.tag_commands import ApplyTagPathCommand, UntagAnnotationCommand

logger = logging.getLogger(__name__)


class TagsSection(DetailSection[TagId]):
    """Tags of the shown annotation, as paths; Enter in the entry applies a tag."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(
            "Tags", lambda tag_id: self.label(tag_id), "Add tag, e.g. Military/Border", (), parent
        )
        self.session = session
        self.annotation_id: int | None = None
        self._paths: dict[TagId, str] = {}
        self.submitted.connect(lambda text, _choice: self.apply(text))
        self.remove_requested.connect(self.remove)
        self.refresh_paths()

    def label(self, tag_id: TagId) -> str:
        return self._paths.get(tag_id, f"tag {tag_id}")

    def show_detail(self, detail: AnnotationDetail | None) -> None:
        """Show the tags of `detail`'s annotation (None: nothing)."""
        new_id = detail.annotation.id if detail is not None else None
        if new_id != self.annotation_id:
            self.clear_entry()
        self.annotation_id = new_id
        tags = sorted(detail.tag_ids, key=lambda t: self.label(t).casefold()) if detail else []
        self.model.set_records(tags)

    def refresh_paths(self) -> None:
        """Read the codebook's paths again (after tags were created, renamed or moved)."""
        self._paths = self.session.project.tag_paths()
        self.set_completions(list(self._paths.values()))
        rows = self.model.rowCount()
        if rows:
            self.model.dataChanged.emit(self.model.index(0), self.model.index(rows - 1))

    def apply(self, path: str) -> bool:
        """Tag the annotation with the tag at `path`, creating it if needed."""
        if self.annotation_id is None or not path.strip():
            return False
        command = ApplyTagPathCommand(self.session.project, self.annotation_id, path)
        if not self.session.run(command):
            return False
        self.clear_entry()
        return True

    def remove(self, tag_id: TagId) -> None:
        if self.annotation_id is not None:
            command = UntagAnnotationCommand(self.session.project, self.annotation_id, tag_id)
            self.session.run(command)
