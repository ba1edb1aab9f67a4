"""Actors: name, kind, aliases and how many annotations they are tagged on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from parallax.domain.model import Actor, Changes
from parallax.services.project import Project
from parallax.ui.models.record_table import IdRole, RecordTableModel, SortRole

__all__ = ["ActorsModel", "IdRole", "SortRole"]


class ActorsModel(RecordTableModel[Actor]):
    """One row per actor."""

    HEADERS = ("Actor", "Kind", "Aliases", "Annotations")

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._counts: dict[int, int] = {}
        self.load()

    def _read_all(self) -> list[Actor]:
        return self._project.actors()

    def _read_one(self, record_id: int) -> Actor:
        return self._project.actor(record_id)

    def _refresh_extras(self, ids: set[int]) -> None:
        counts = self._project.actor_annotation_counts()
        for actor_id in ids:
            self._counts[actor_id] = counts.get(actor_id, 0)

    def _cell(self, record: Actor, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            values = (record.name, str(record.kind), ", ".join(record.aliases))
            return values[column] if column < 3 else self._counts.get(record.id, 0)
        if role == SortRole:
            if column == 3:
                return self._counts.get(record.id, 0)
            values = (record.name, str(record.kind), ", ".join(record.aliases))
            return values[column].casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def apply_changes(self, changes: Changes) -> None:
        """Re-read the actors `changes` names (a tag changes their count)."""
        self.refresh(changes.actors)
