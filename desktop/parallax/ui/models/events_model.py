"""Events: date, title, passages, sources, outlets and how the sources stand on it."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject, Qt

from parallax.domain.dates import format_fuzzy
from parallax.domain.model import Changes, Event, Stance
from parallax.services.comparison import EventOverview, overviews
from parallax.services.project import Project
from parallax.ui import style
from parallax.ui.models.record_table import IdRole, RecordTableModel, SortRole

__all__ = ["EventsModel", "IdRole", "SortRole"]

DATE, TITLE, PASSAGES, SOURCES, OUTLETS, AGREEMENT = range(6)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class EventsModel(RecordTableModel[Event]):
    """One row per event, read with its counts a block of rows at a time (a project may
    hold thousands of events; the tab shows a few dozen). Passages, sources, outlets and
    stances all come from the block's event links."""

    HEADERS = ("Date", "Event", "Passages", "Sources", "Outlets", "Agreement")
    BLOCK = 50  # a screenful; each row costs about as much in a block of 50 as of 500

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._counts: dict[int, tuple[int, int]] = {}
        self._overviews: dict[int, EventOverview] = {}
        self.load()

    def _read_ids(self) -> list[int]:
        return self._project.event_ids()

    def _read_many(self, ids: list[int]) -> list[Event]:
        return self._project.events_with_ids(ids)

    def _read_one(self, record_id: int) -> Event:
        return self._project.event(record_id)

    def _refresh_extras(self, ids: set[int]) -> None:
        """Counts and stances of these events only, from their links (one query)."""
        reports = self._project.event_reports(ids)
        passages = Counter(r.event_id for r in reports)
        found = overviews(reports)
        for event_id in ids:
            overview = found.get(event_id)
            self._counts[event_id] = (passages[event_id], overview.sources if overview else 0)
            if overview is not None:
                self._overviews[event_id] = overview
            else:
                self._overviews.pop(event_id, None)

    def overview(self, event_id: int) -> EventOverview:
        return self._overviews.get(event_id) or EventOverview(event_id, 0, 0, ())

    def _cell(self, record: Event, column: int, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return self._value(record, column, role == SortRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and PASSAGES <= column <= OUTLETS:
            return _RIGHT
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == AGREEMENT
            and self.overview(record.id).count(Stance.CONTRADICTS)
        ):
            return style.stance_colour(str(Stance.CONTRADICTS))
        return None

    def _tooltip(self, event: Event, column: int) -> str | None:
        if column == TITLE:
            parts = [event.title, event.place, event.description, "Double-click to compare"]
            return "\n".join(filter(None, parts))
        if column == OUTLETS:
            return "Distinct outlets; each article without an outlet counts as its own"
        if column == AGREEMENT:
            return "Sources per stance of their linked passages"
        return None

    def _value(self, event: Event, column: int, for_sorting: bool) -> object:
        passages, articles = self._counts.get(event.id, (0, 0))
        if column == DATE:
            if event.start is None or event.precision is None:
                return "" if not for_sorting else "9999"
            if for_sorting:
                return event.start.isoformat()
            return format_fuzzy(event.start, event.precision, event.end)
        if column == TITLE:
            return event.title.casefold() if for_sorting else event.title
        if column == PASSAGES:
            return passages
        if column == SOURCES:
            return articles
        overview = self.overview(event.id)
        if column == OUTLETS:
            return overview.outlets
        return overview.summary

    def apply_changes(self, changes: Changes) -> None:
        """Re-read the events `changes` names (their links and counts may have moved)."""
        self.refresh(changes.events)
