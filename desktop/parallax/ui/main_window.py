"""The main window: Library on the left, the reading desk, Inspector on the right,
Events and Actors below. It is the composition root of one open project's widgets.

Project-dependent modules are imported when a project opens, so that the empty window
appears before the data layer (SQLAlchemy) has finished loading.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from parallax.ui.empty_state import EmptyState, opening_name
from parallax.ui.recent import RecentProjects
from parallax.ui.window_actions import build_actions
from parallax.ui.window_brief import WindowBriefMixin
from parallax.ui.window_desk import WindowDeskMixin
from parallax.ui.window_files import ProjectFilesMixin
from parallax.ui.window_tools import WindowToolsMixin

if TYPE_CHECKING:
    from parallax.domain.model import Changes
    from parallax.services.project import Project
    from parallax.ui.analysis_tabs import AnalysisTabs
    from parallax.ui.article_pane import ArticlePane
    from parallax.ui.desk import ReadingDesk
    from parallax.ui.inspector import Inspector
    from parallax.ui.models.actors_model import ActorsModel
    from parallax.ui.models.events_model import EventsModel
    from parallax.ui.models.library_model import LibraryModel
    from parallax.ui.panels import BottomTabs, LibraryPanel
    from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

DESK_KEY = "desk"
DESK_SAVE_DELAY_MS = 500
BOTTOM_MIN_HEIGHT = 200


class MainWindow(
    ProjectFilesMixin, WindowToolsMixin, WindowDeskMixin, WindowBriefMixin, QMainWindow
):
    """One window, at most one open project."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Parallax")
        self.setObjectName("ParallaxMainWindow")
        self.settings = settings if settings is not None else QSettings()
        self.recent = RecentProjects(self.settings)
        self.session: ProjectSession | None = None
        self.desk: ReadingDesk | None = None
        self.inspector: Inspector | None = None
        self.library_model: LibraryModel | None = None
        self.events_model: EventsModel | None = None
        self.actors_model: ActorsModel | None = None  # with the Actors tab, when first shown
        self.library_panel: LibraryPanel | None = None
        self.bottom_tabs: BottomTabs | None = None
        self.analysis: AnalysisTabs | None = None  # actors, dates, timeline, suggestions
        self.undo_group = QUndoGroup(self)
        self._desk_timer = QTimer(self, singleShot=True, interval=DESK_SAVE_DELAY_MS)
        self._desk_timer.timeout.connect(self.save_desk_state)
        # After the edit has been painted and the analyst moved on: six COUNT queries
        # must not sit inside the 50 ms a highlight may take.
        self._counts_timer = QTimer(self, singleShot=True, interval=400)
        self._counts_timer.timeout.connect(self._show_counts)
        self._default_tabs_pending = False  # first start: tab docks as the window shows
        self._build_docks()
        self._build_tools_dock()
        self._build_desk_dock()
        self._build_brief_dock()
        self.setAcceptDrops(True)  # files and folders dropped on the window are imported
        self._build_central()
        self.actions = build_actions(self, self.undo_group)
        self._install_desk_actions()
        self._build_status()
        self._restore_window()
        self.actions.set_project_open(False)

    # ------------------------------------------------------------------ layout
    def _dock(self, title: str, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(self._placeholder())
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    @staticmethod
    def _placeholder() -> QWidget:
        """What a dock holds with no project open: nothing, calmly (the centre says why)."""
        return QWidget()

    def _build_docks(self) -> None:
        self.library_dock = self._dock(
            "Library", "LibraryDock", Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.inspector_dock = self._dock(
            "Inspector", "InspectorDock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.bottom_dock = self._dock(
            "Events and Actors", "BottomDock", Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks(
            [self.library_dock, self.inspector_dock], [250, 290], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.bottom_dock], [170], Qt.Orientation.Vertical)

    def docks(self) -> list[QDockWidget]:
        return [
            self.library_dock,
            self.inspector_dock,
            self.bottom_dock,
            self.tags_dock,
            self.annotations_dock,
            self.suggestions_dock,
            self.brief_dock,
        ]

    def _build_central(self) -> None:
        self.central = QStackedWidget()
        self.empty_state = EmptyState(self.recent)
        self.empty_state.new_requested.connect(self.new_project_dialog)
        self.empty_state.open_requested.connect(self.open_project_dialog)
        self.empty_state.recent_requested.connect(self.open_project)
        self.central.addWidget(self.empty_state)
        self.setCentralWidget(self.central)

    def _build_status(self) -> None:
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _restore_window(self) -> None:
        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._default_geometry()
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        else:  # first start: give the Library and the Inspector room to read
            self._default_tabs_pending = True
            self._first_layout = True
            QTimer.singleShot(0, self._default_dock_widths)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default_tabs_pending:
            self._default_tabs_pending = False
            self._tab_default_docks()

    def _tab_default_docks(self) -> None:
        """First start: the Brief in a tab behind the Inspector, and Suggested links in a
        tab beside the annotation list (four docks stacked in one column left each too
        short to read and squeezed the Library).

        Only when no layout is restored, and as the window is first shown: two tab groups
        made before `restoreState`, or before the window was shown, left a stale copy of
        a tab bar drawn over the desk or the Events tab (Qt 6.11)."""
        self.tabifyDockWidget(self.inspector_dock, self.brief_dock)
        self.tabifyDockWidget(self.annotations_dock, self.suggestions_dock)
        self.inspector_dock.raise_()
        self.annotations_dock.raise_()

    def _default_dock_widths(self) -> None:
        """First start: room for the Library and the Inspector, and most of the height for
        the reading desk (the Events tab below gets a third)."""
        width = self.width()
        library = min(320, max(250, int(width * 0.22)))
        inspector = min(380, max(260, int(width * 0.25)))
        self.resizeDocks(
            [self.library_dock, self.inspector_dock],
            [library, inspector],
            Qt.Orientation.Horizontal,
        )
        bottom = max(BOTTOM_MIN_HEIGHT, self.height() // 3)
        self.resizeDocks([self.bottom_dock], [bottom], Qt.Orientation.Vertical)

    def _default_geometry(self) -> None:
        """Most of the screen, centred: room for the Library, two panes and the Inspector."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1440, 900)
            return
        available = screen.availableGeometry()
        width = min(1600, int(available.width() * 0.92))
        height = min(1000, int(available.height() * 0.92))
        self.resize(width, height)
        self.move(
            available.x() + (available.width() - width) // 2,
            available.y() + (available.height() - height) // 2,
        )

    def _save_window(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    # ----------------------------------------------------------------- project
    def show_opening(self, target: str, doing: str = "") -> None:
        """Start-up: the window is up before the project is; say which one is coming, or
        `doing` (what happens to it first)."""
        said = doing or f"Opening {opening_name(target)}…"
        self.empty_state.show_opening(said)
        self.path_label.setText(said)

    def attach_project(self, project: Project) -> None:
        """Show an open project: build its models, panels, desk and Inspector."""
        from parallax.ui.desk import ReadingDesk
        from parallax.ui.inspector import Inspector
        from parallax.ui.models.events_model import EventsModel
        from parallax.ui.models.library_model import LibraryModel
        from parallax.ui.panels import BottomTabs, LibraryPanel
        from parallax.ui.session import ProjectSession

        self.close_project()
        session = ProjectSession(project, self)
        self.session = session
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.failed.connect(self._report_failure)
        session.bus.changes_applied.connect(self._apply_changes)
        self.library_model = LibraryModel(project, self)
        self.events_model = EventsModel(project, self)
        self.library_panel = LibraryPanel(self.library_model)
        self.library_panel.open_requested.connect(self.open_article)
        self.bottom_tabs = BottomTabs(self.events_model)
        self.inspector = Inspector(session)
        self.desk = ReadingDesk(session)
        self.desk.layout_changed.connect(self._desk_timer.start)
        self.desk.current_changed.connect(self._current_pane_changed)
        self._swap_dock(self.library_dock, self.library_panel)
        self._swap_dock(self.inspector_dock, self.inspector)
        self._swap_dock(self.bottom_dock, self.bottom_tabs)
        self.central.addWidget(self.desk)
        self.central.setCurrentWidget(self.desk)
        self.desk.restore(project.setting(DESK_KEY))
        if getattr(self, "_first_layout", False):  # panes took the room the docks were given
            self._first_layout = False
            QTimer.singleShot(0, self._default_dock_widths)
        self._desk_timer.stop()
        self._attach_tools()
        self._attach_desk()
        self._attach_brief()
        from parallax.ui.analysis_tabs import AnalysisTabs

        self.analysis = AnalysisTabs(self, session)
        self._focus_reading()
        self.setWindowTitle(f"{_project_name(project)} — Parallax")
        self.path_label.setText(project.location)
        self._counts_timer.start()  # counting 100,000 rows waits until the window is up
        self.actions.set_project_open(True)

    def close_project(self) -> None:
        """Save the desk, stop background work and close the project (if one is open)."""
        if self.session is None:
            return
        self.stop_background_work()
        self.save_desk_state()
        self.commit_pending_edits()
        self._detach_tools()
        self._detach_desk()
        self._detach_brief()
        if self.analysis is not None:
            self.analysis.close()
            self.analysis = None
        session, self.session = self.session, None
        self.undo_group.removeStack(session.undo_stack)
        for dock in self.docks():
            self._swap_dock(dock, self._placeholder())
        if self.desk is not None:
            self.central.removeWidget(self.desk)
            self.desk.deleteLater()
        self.desk = self.inspector = self.library_panel = self.bottom_tabs = None
        self.library_model = self.events_model = self.actors_model = None
        session.close()
        session.deleteLater()
        self.empty_state.refresh()
        self.central.setCurrentWidget(self.empty_state)
        self.setWindowTitle("Parallax")
        self.path_label.clear()
        self.counts_label.clear()
        self.actions.set_project_open(False)

    def _focus_reading(self) -> None:
        """Start where the analyst reads: the current pane, else the Library."""
        if self.desk is not None and self.desk.current is not None:
            self.desk.current.view.setFocus()
        elif self.library_panel is not None:
            self.library_panel.tree.setFocus()

    def commit_pending_edits(self) -> None:
        if self.inspector is not None:
            self.inspector.commit_note()
        self.commit_brief_edits()

    @staticmethod
    def _swap_dock(dock: QDockWidget, widget: QWidget) -> None:
        old = dock.widget()
        dock.setWidget(widget)
        if old is not None and old is not widget:
            old.deleteLater()

    def save_desk_state(self) -> None:
        """Store which articles are open where, scroll offsets and sizes, in the project."""
        self._desk_timer.stop()
        if self.session is None or self.desk is None:
            return
        from parallax.domain.errors import KnownError

        try:
            self.session.project.set_setting(DESK_KEY, self.desk.state())
        except KnownError as exc:
            logger.warning("could not save the desk layout: %s", exc)

    # ------------------------------------------------------------------- desk
    def open_article(self, article_id: int, new_pane: bool = False) -> ArticlePane | None:
        if self.desk is None:
            return None
        return self.desk.open_article(article_id, new_pane=new_pane)

    def open_current_in_new_pane(self) -> None:
        if self.library_panel is None:
            return
        index = self.library_panel.tree.currentIndex()
        from parallax.ui.models.library_model import IdRole, KindRole

        if index.isValid() and index.data(KindRole) == "article":
            self.open_article(int(index.data(IdRole)), new_pane=True)

    def close_current_pane(self) -> None:
        if self.desk is not None:
            self.desk.close_pane()

    def make_annotation(self, kind: str) -> None:
        pane = self.desk.current if self.desk is not None else None
        if pane is None or pane.make_annotation(kind) is None:
            self.statusBar().showMessage("Select some text in an article first.", 4000)

    def delete_selected_annotation(self) -> None:
        if self.session is not None and self.session.selected is not None:
            self.session.delete_annotation(self.session.selected)

    def _current_pane_changed(self, pane: ArticlePane | None) -> None:
        if pane is not None and pane.article_id is not None and self.library_panel is not None:
            self.library_panel.select_article(pane.article_id)

    # ---------------------------------------------------------------- changes
    def _apply_changes(self, changes: Changes) -> None:
        for model in (self.library_model, self.events_model):
            if model is not None:
                model.apply_changes(changes)
        self._counts_timer.start()

    def _show_counts(self) -> None:
        if self.session is None:
            return
        info = self.session.project.info()
        parts = [
            _plural(info.articles, "article"),
            _plural(info.annotations, "annotation"),
            _plural(info.events, "event"),
            _plural(info.actors, "actor"),
            _plural(info.outlets, "outlet"),
        ]
        self.counts_label.setText("  ·  ".join(parts))

    def _report_failure(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def show_about(self) -> None:
        import parallax

        QMessageBox.about(
            self,
            "About Parallax",
            f"Parallax {parallax.__version__}\n\nCompare how news outlets report the same events.",
        )

    # --------------------------------------------------------------- closing
    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_window()
        self.close_project()
        event.accept()


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _project_name(project: Project) -> str:
    return project.path.stem if project.path else project.location
