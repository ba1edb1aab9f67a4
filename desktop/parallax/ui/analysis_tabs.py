"""The analysis views of one open project, wired into the main window.

Bottom tabs: Events (double-click compares the sources), Timeline, Actors (with mentions
and suggestions), Dates (of the current pane's article). Right: Suggested links, below
the Inspector. The comparison opens in its own window. One background process serves every
suggestion, and is stopped before the project closes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QTableView, QWidget

from parallax.ui.actors_panel import ActorsPanel
from parallax.ui.comparison_view import ComparisonView
from parallax.ui.dates_panel import DatesPanel
from parallax.ui.mention_ghosts import MentionGhosts
from parallax.ui.models.record_table import IdRole
from parallax.ui.serial_runner import SerialRunner
from parallax.ui.session import ProjectSession
from parallax.ui.suggestions_panel import SuggestionsPanel
from parallax.ui.timeline_view import TimelinePanel

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane
    from parallax.ui.main_window import MainWindow

logger = logging.getLogger(__name__)

SUGGESTIONS_DOCK = "SuggestionsDock"
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
        tabs = window.bottom_tabs
        assert tabs is not None and window.actors_model is not None
        self.actors = ActorsPanel(session, window.actors_model, self.runner)
        self.timeline = TimelinePanel(session)
        self.timeline.event_activated.connect(self.open_comparison)
        self.dates = DatesPanel(session, self.runner)
        old = tabs.indexOf(tabs.actors_view)
        if old >= 0:
            tabs.removeTab(old)
            tabs.actors_view.hide()
        events = tabs.indexOf(tabs.events_view)
        tabs.insertTab(events + 1, self.timeline, "Timeline")
        tabs.insertTab(events + 2, self.actors, "Actors")
        tabs.insertTab(events + 3, self.dates, "Dates")
        self._wire_events(tabs.events_view)
        if window.bottom_dock.height() < MIN_BOTTOM_HEIGHT:  # room for the timeline's rows
            window.resizeDocks([window.bottom_dock], [MIN_BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        self.ghosts = MentionGhosts(lambda: window.desk.panes if window.desk else [], self)
        self.actors.mentions.mentions_found.connect(lambda _actor, rows: self.ghosts.show(rows))
        tabs.currentChanged.connect(lambda _index: self._tab_changed())
        self.suggestions = SuggestionsPanel(session, self.runner)
        self.dock = self._suggestions_dock()
        self._set_dock_widget(self.suggestions)
        if window.desk is not None:
            window.desk.current_changed.connect(self._pane_changed)
            window.desk.layout_changed.connect(
                lambda: self._pane_changed(window.desk.current if window.desk else None)
            )
            window.desk.layout_changed.connect(self.ghosts.apply)
            self._pane_changed(window.desk.current)

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
        if self._closed or tabs is None:
            return
        if tabs.currentWidget() is self.actors:
            self.ghosts.show(self.actors.mentions.model.records())
        else:
            self.ghosts.clear()

    def _pane_changed(self, pane: ArticlePane | None) -> None:
        if self._closed:
            return
        self.dates.set_article(pane.article_id if pane is not None else None)

    # -------------------------------------------------------------------- dock
    def _suggestions_dock(self) -> QDockWidget:
        window = self.window
        dock = window.findChild(QDockWidget, SUGGESTIONS_DOCK)
        if isinstance(dock, QDockWidget):
            return dock
        dock = QDockWidget("Suggested links", window)
        dock.setObjectName(SUGGESTIONS_DOCK)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        # A tab beside the annotation list, under the Inspector: four docks stacked in
        # one column left each too short to read and squeezed the Library.
        annotations = getattr(window, "annotations_dock", None)
        if annotations is not None:
            window.tabifyDockWidget(annotations, dock)
            annotations.raise_()
        else:
            window.splitDockWidget(window.inspector_dock, dock, Qt.Orientation.Vertical)
        window.restoreDockWidget(dock)  # where the analyst left it last time, if anywhere
        dock.show()
        for action in window.menuBar().actions():
            if action.menu() is not None and action.text().replace("&", "") == "View":
                action.menu().addAction(dock.toggleViewAction())
        return dock

    def _set_dock_widget(self, widget: QWidget) -> None:
        old = self.dock.widget()
        self.dock.setWidget(widget)
        if old is not None and old is not widget:
            old.deleteLater()

    # ----------------------------------------------------------------- closing
    def close(self) -> None:
        """Stop the worker and take the views down (the project is about to close)."""
        self._closed = True
        self.runner.shutdown()
        if self.comparison is not None:
            self.comparison.close()
            self.comparison.deleteLater()
            self.comparison = None
        self._set_dock_widget(QWidget())
        self.deleteLater()
