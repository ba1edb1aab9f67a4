"""The analysis views of one open project, wired into the main window.

Bottom tabs: Events (double-click compares the sources), Timeline, Actors (with mentions
and suggestions), Dates (of the current pane's article). Right: Suggested links, below
the Inspector. The comparison opens in its own window. One background process serves every
suggestion, and is stopped before the project closes.

Each view is built (and its module imported) the first time it is on screen, or when
code asks for it: a project opens with the Events tab in front, and building the rest
at once cost a tenth of a second and the Actors table's queries.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractProxyModel, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QTableView

from parallax.ui.lazy_pages import LazyDock, LazyTab
from parallax.ui.mention_ghosts import MentionGhosts
from parallax.ui.models.record_table import IdRole
from parallax.ui.serial_runner import SerialRunner
from parallax.ui.session import ProjectSession

if TYPE_CHECKING:
    from parallax.ui.actors_panel import ActorsPanel
    from parallax.ui.article_pane import ArticlePane
    from parallax.ui.comparison_view import ComparisonView
    from parallax.ui.dates_panel import DatesPanel
    from parallax.ui.main_window import MainWindow
    from parallax.ui.suggestions_panel import SuggestionsPanel
    from parallax.ui.timeline_view import TimelinePanel

logger = logging.getLogger(__name__)

MIN_BOTTOM_HEIGHT = 250


class AnalysisTabs(QObject):
    """Builds the views on `attach_project`; `close()` before the project closes."""

    def __init__(self, window: MainWindow, session: ProjectSession) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.runner = SerialRunner(session.project.address, self)
        self.comparison: ComparisonView | None = None
        self._closed = False
        self._target: tuple[str, int] | None = None  # what Suggested links is to show
        tabs = window.bottom_tabs
        assert tabs is not None
        events = tabs.indexOf(tabs.events_view)
        self._timeline = LazyTab(tabs, "Timeline", self._build_timeline, events + 1, self)
        self._actors = LazyTab(tabs, "Actors", self._build_actors, events + 2, self)
        self._dates = LazyTab(tabs, "Dates", self._build_dates, events + 3, self)
        self._wire_events(tabs.events_view)
        if window.bottom_dock.height() < MIN_BOTTOM_HEIGHT:  # room for the timeline's rows
            window.resizeDocks([window.bottom_dock], [MIN_BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        self.ghosts = MentionGhosts(lambda: window.desk.panes if window.desk else [], self)
        tabs.currentChanged.connect(lambda _index: self._tab_changed())
        session.selection_changed.connect(self._claim_selected)
        session.event_selected.connect(self._event_selected)
        self.dock = window.suggestions_dock
        self._suggestions = LazyDock(self.dock, self._build_suggestions, self)
        if window.desk is not None:
            window.desk.current_changed.connect(self._pane_changed)
            window.desk.layout_changed.connect(
                lambda: self._pane_changed(window.desk.current if window.desk else None)
            )
            window.desk.layout_changed.connect(self.ghosts.apply)

    # ------------------------------------------------------------------- views
    @property
    def timeline(self) -> TimelinePanel:
        return self._timeline.panel()

    @property
    def actors(self) -> ActorsPanel:
        return self._actors.panel()

    @property
    def dates(self) -> DatesPanel:
        return self._dates.panel()

    @property
    def suggestions(self) -> SuggestionsPanel:
        return self._suggestions.panel()

    def _build_timeline(self) -> TimelinePanel:
        from parallax.ui.timeline_view import TimelinePanel

        timeline = TimelinePanel(self.session)
        timeline.event_activated.connect(self.open_comparison)
        return timeline

    def _build_actors(self) -> ActorsPanel:
        """The Actors tab over its own model, which only it shows."""
        from parallax.ui.actors_panel import ActorsPanel
        from parallax.ui.models.actors_model import ActorsModel

        model = ActorsModel(self.session.project, self)
        self.session.bus.changes_applied.connect(model.apply_changes)
        self.window.actors_model = model
        actors = ActorsPanel(self.session, model, self.runner)
        actors.mentions.mentions_found.connect(lambda _actor, rows: self.ghosts.show(rows))
        return actors

    def _build_dates(self) -> DatesPanel:
        from parallax.ui.dates_panel import DatesPanel

        dates = DatesPanel(self.session, self.runner)
        desk = self.window.desk
        pane = desk.current if desk is not None else None
        dates.set_article(pane.article_id if pane is not None else None)
        return dates

    def _build_suggestions(self) -> SuggestionsPanel:
        """Suggested links, for the claim or event chosen before it was first shown."""
        from parallax.ui.suggestions_panel import SuggestionsPanel

        suggestions = SuggestionsPanel(self.session, self.runner)
        if self._target is not None:
            kind, target_id = self._target
            if kind == "event":
                suggestions.show_event(target_id)
            else:
                suggestions.show_claim(target_id)
        return suggestions

    def _claim_selected(self, annotation_id: int | None) -> None:
        if annotation_id is not None:
            self._target = ("annotation", annotation_id)

    def _event_selected(self, event_id: int | None) -> None:
        if event_id is not None:
            self._target = ("event", event_id)
            self._show_event_row(event_id)

    def _show_event_row(self, event_id: int) -> None:
        """A connector between panes chose the event: select its row in the Events tab."""
        tabs, model = self.window.bottom_tabs, self.window.events_model
        if tabs is None or model is None:
            return
        view = tabs.events_view
        if self._event_id(view.currentIndex()) == event_id:
            return  # the Events tab chose it: nothing to follow
        row = model.row_of(event_id)
        if row < 0:
            return
        index = model.index(row, 0)
        shown = view.model()
        if isinstance(shown, QAbstractProxyModel):
            index = shown.mapFromSource(index)
        flags = QItemSelectionModel.SelectionFlag
        view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        view.scrollTo(index)

    # ------------------------------------------------------------------ events
    def _wire_events(self, view: QTableView) -> None:
        view.doubleClicked.connect(self._event_index_activated)
        view.activated.connect(self._event_index_activated)
        view.setToolTip("Double-click an event to compare its sources")
        view.selectionModel().currentRowChanged.connect(
            lambda current, _old: self.session.select_event(self._event_id(current))
        )

    @staticmethod
    def _event_id(index: QModelIndex) -> int | None:
        value = index.siblingAtColumn(0).data(IdRole) if index.isValid() else None
        return int(value) if value is not None else None

    def _event_index_activated(self, index: QModelIndex) -> None:
        event_id = self._event_id(index)
        if event_id is not None:
            self.open_comparison(event_id)

    def open_comparison(self, event_id: int) -> ComparisonView:
        """Show the comparison of this event's sources (one window, reused)."""
        if self.comparison is None:
            from parallax.ui.comparison_view import ComparisonView

            self.comparison = ComparisonView(self.session, self.window)
        self.comparison.show_event(event_id)
        self.comparison.show()
        self.comparison.raise_()
        self.comparison.activateWindow()
        return self.comparison

    # -------------------------------------------------------------------- desk
    def _tab_changed(self) -> None:
        """Ghost marks show while the Actors tab is in front, for its chosen actor."""
        tabs = self.window.bottom_tabs
        actors = self._actors.built
        if self._closed or tabs is None:
            return
        if actors is not None and tabs.currentWidget() is actors:
            self.ghosts.show(actors.mentions.model.records())
        else:
            self.ghosts.clear()

    def _pane_changed(self, pane: ArticlePane | None) -> None:
        dates = self._dates.built
        if self._closed or dates is None:  # built later, it starts from the current pane
            return
        dates.set_article(pane.article_id if pane is not None else None)

    # ----------------------------------------------------------------- closing
    def close(self) -> None:
        """Stop the worker and take the views down (the project is about to close)."""
        self._closed = True
        self.runner.shutdown()
        if self.comparison is not None:
            self.comparison.close()
            self.comparison.deleteLater()
            self.comparison = None
        self.deleteLater()
