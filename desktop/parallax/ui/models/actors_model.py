"""Actors: name, kind, aliases, annotation and mention counts, and the events they are in.

Name, kind and aliases are editable in place: the model does not write them itself but
emits `edit_requested`, and the panel turns that into an undoable command; the change bus
then refreshes the row. Mention counts take a scan of every article, so they are filled
in from a worker (`set_mention_counts`) and show "…" until then.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from parallax.domain.model import Actor, ActorKind, Changes
from parallax.services.project import Project
from parallax.ui.models.record_table import IdRole, Index, RecordTableModel, SortRole

__all__ = ["ActorsModel", "IdRole", "SortRole"]

NAME, KIND, ALIASES, ANNOTATIONS, MENTIONS, EVENTS = range(6)
EDITABLE = {NAME: "name", KIND: "kind", ALIASES: "aliases"}
KINDS = tuple(str(k) for k in ActorKind)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def split_aliases(text: str) -> list[str]:
    """Aliases as typed in the cell: separated by commas or semicolons."""
    return [a.strip() for a in text.replace(";", ",").split(",") if a.strip()]


class ActorsModel(RecordTableModel[Actor]):
    """One row per actor."""

    HEADERS = ("Actor", "Kind", "Aliases", "Tagged", "Mentions", "Events")

    edit_requested = Signal(int, str, object)  # actor id, "name" | "kind" | "aliases", value

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._counts: dict[int, int] = {}
        self._mentions: dict[int, int] = {}
        self._events: dict[int, list[int]] = {}
        self._titles: dict[int, str] = {}
        self.load()

    def _read_all(self) -> list[Actor]:
        return self._project.actors()

    def _read_one(self, record_id: int) -> Actor:
        return self._project.actor(record_id)

    def _refresh_extras(self, ids: set[int]) -> None:
        counts = self._project.actor_annotation_counts()
        for actor_id in ids:
            self._counts[actor_id] = counts.get(actor_id, 0)
        self._read_events()

    def _read_events(self) -> None:
        self._events = self._project.actor_events()
        self._titles = {e.id: e.title for e in self._project.events()}

    # ------------------------------------------------------------------ cells
    def _cell(self, record: Actor, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            return self._edit_value(record, column)
        if role == SortRole:
            return self._sort_key(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ANNOTATIONS, MENTIONS):
            return _RIGHT
        return None

    def _display(self, actor: Actor, column: int) -> object:
        if column in EDITABLE:
            return self._edit_value(actor, column)
        if column == ANNOTATIONS:
            return self._counts.get(actor.id, 0)
        if column == MENTIONS:
            count = self._mentions.get(actor.id)
            return "…" if count is None else count
        return "; ".join(self.event_titles(actor.id))

    @staticmethod
    def _edit_value(actor: Actor, column: int) -> str:
        return (actor.name, str(actor.kind), ", ".join(actor.aliases))[column]

    def _sort_key(self, actor: Actor, column: int) -> object:
        if column == ANNOTATIONS:
            return self._counts.get(actor.id, 0)
        if column == MENTIONS:
            return self._mentions.get(actor.id, -1)
        if column == EVENTS:
            return len(self._events.get(actor.id, ()))
        return self._edit_value(actor, column).casefold()

    def _tooltip(self, actor: Actor, column: int) -> str | None:
        if column == EVENTS:
            return "\n".join(self.event_titles(actor.id)) or "In no linked passage yet"
        if column == MENTIONS:
            return "Likely mentions of the name or an alias across all articles"
        if column == ANNOTATIONS:
            return "Annotations the actor is tagged on"
        if column in EDITABLE:
            return "Double-click or F2 to edit"
        return None

    def event_titles(self, actor_id: int) -> list[str]:
        return [self._titles.get(e, f"event {e}") for e in self._events.get(actor_id, ())]

    # ---------------------------------------------------------------- editing
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() not in EDITABLE:
            return False
        record = self._cache.get(self._ids[index.row()])
        if record is None or str(value) == self._edit_value(record, index.column()):
            return False
        field = EDITABLE[index.column()]
        new = split_aliases(str(value)) if field == "aliases" else str(value).strip()
        self.edit_requested.emit(record.id, field, new)
        return True

    # ---------------------------------------------------------------- updates
    def set_mention_counts(self, counts: dict[int, int]) -> None:
        """Show mention counts computed elsewhere (a worker); ids not given stay "…"."""
        self._mentions = dict(counts)
        self._column_changed(MENTIONS)

    def _column_changed(self, column: int) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def apply_changes(self, changes: Changes) -> None:
        """Re-read the actors `changes` names; links and tags move the Events column."""
        self.refresh(changes.actors)
        # Which events an actor appears in changes only with a link, and every link change
        # names its event; a new highlight alone must not re-read every actor's events.
        if changes.events and not changes.actors:
            self._read_events()
            self._column_changed(EVENTS)
