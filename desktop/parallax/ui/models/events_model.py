"""Events: date, title, linked passages and distinct articles (sources)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from parallax.domain.dates import format_fuzzy
from parallax.domain.model import Changes, Event
from parallax.services.project import Project
from parallax.ui.models.record_table import IdRole, RecordTableModel, SortRole

__all__ = ["EventsModel", "IdRole", "SortRole"]


class EventsModel(RecordTableModel[Event]):
    """One row per event; counts come from the services' per-event aggregates."""

    HEADERS = ("Date", "Event", "Passages", "Articles")

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._counts: dict[int, tuple[int, int]] = {}
        self.load()

    def _read_all(self) -> list[Event]:
        return self._project.events()

    def _read_one(self, record_id: int) -> Event:
        return self._project.event(record_id)

    def _refresh_extras(self, ids: set[int]) -> None:
        counts = self._project.event_source_counts()
        for event_id in ids:
            self._counts[event_id] = counts.get(event_id, (0, 0))

    def _cell(self, record: Event, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._value(record, column, role == SortRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return "\n".join(filter(None, [record.title, record.place, record.description]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, event: Event, column: int, for_sorting: bool) -> object:
        passages, articles = self._counts.get(event.id, (0, 0))
        if column == 0:
            if event.start is None or event.precision is None:
                return "" if not for_sorting else "9999"
            if for_sorting:
                return event.start.isoformat()
            return format_fuzzy(event.start, event.precision, event.end)
        if column == 1:
            return event.title.casefold() if for_sorting else event.title
        return passages if column == 2 else articles

    def apply_changes(self, changes: Changes) -> None:
        """Re-read the events `changes` names (their links and counts may have moved)."""
        self.refresh(changes.events)
