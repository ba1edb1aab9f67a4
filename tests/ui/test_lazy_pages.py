"""Panels built when first shown: in a tab widget, in a dock, and in the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget

from parallax.ui.lazy_pages import LazyDock, LazyTab, on_screen
from tests.ui.demo_fixtures import demo_path, demo_template, window
from tests.ui.window_spy import windows_shown

__all__ = ["demo_path", "demo_template", "window"]

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")


class Builds:
    """A panel factory that counts its calls."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.calls = 0

    def __call__(self) -> QLabel:
        self.calls += 1
        return QLabel(self.text)


def test_a_tab_is_built_when_first_made_current(qtbot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "First")
    tabs.addTab(QLabel("last"), "Last")
    build = Builds("lazy")
    lazy = LazyTab(tabs, "Lazy", build, 1)
    tabs.show()
    changes: list[int] = []
    tabs.currentChanged.connect(changes.append)
    assert build.calls == 0 and lazy.built is None
    assert [tabs.tabText(i) for i in range(3)] == ["First", "Lazy", "Last"]
    tabs.setCurrentIndex(1)
    panel = lazy.built
    assert build.calls == 1 and panel is not None and panel.text() == "lazy"
    assert tabs.currentWidget() is panel and tabs.indexOf(panel) == 1 and tabs.count() == 3
    assert [tabs.tabText(i) for i in range(3)] == ["First", "Lazy", "Last"]
    assert set(changes) == {1}
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert build.calls == 1 and lazy.panel() is panel


def test_asking_for_a_tab_builds_it_in_place_without_showing_it(qtbot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "First")
    lazy = LazyTab(tabs, "Lazy", Builds("lazy"))
    panel = lazy.panel()
    assert tabs.indexOf(panel) == 1 and tabs.tabText(1) == "Lazy"
    assert tabs.currentIndex() == 0


def tabbed_docks(qtbot) -> tuple[QMainWindow, QDockWidget, QDockWidget]:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.setCentralWidget(QLabel("centre"))
    docks = []
    for name in ("Front", "Behind"):
        dock = QDockWidget(name, main)
        dock.setObjectName(name)
        dock.setWidget(QLabel(name))
        main.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks.append(dock)
    main.tabifyDockWidget(docks[0], docks[1])
    docks[0].raise_()
    main.show()
    qtbot.waitExposed(main)
    return main, docks[0], docks[1]


def test_a_dock_behind_a_tab_is_built_when_raised(qtbot) -> None:
    _window, front, behind = tabbed_docks(qtbot)
    assert on_screen(front) and not on_screen(behind)
    build = Builds("lazy")
    lazy = LazyDock(behind, build)
    assert build.calls == 0 and behind.widget() is not None
    behind.raise_()
    qtbot.waitUntil(lambda: lazy.built is not None)
    assert behind.widget() is lazy.built and build.calls == 1
    front.raise_()
    behind.raise_()
    assert build.calls == 1


def test_a_dock_on_screen_is_built_at_once(qtbot) -> None:
    _window, front, _behind = tabbed_docks(qtbot)
    lazy = LazyDock(front, Builds("lazy"))
    assert lazy.built is not None and front.widget() is lazy.built


def test_a_project_opens_with_only_the_views_on_screen_built(qtbot, window) -> None:
    analysis, tabs = window.analysis, window.bottom_tabs
    names = [tabs.tabText(i) for i in range(tabs.count())]
    assert names == ["Events", "Timeline", "Actors", "Dates", "Search"]
    assert analysis._actors.built is None and window.actors_model is None
    assert analysis._timeline.built is None and analysis._dates.built is None
    assert analysis._suggestions.built is None  # behind the Annotations tab
    assert window._brief.built is None and window._search.built is None
    assert window.events_model.rowCount() == len(window.session.project.events())


def test_the_brief_dock_is_built_when_its_tab_is_raised(qtbot, window) -> None:
    assert window._brief_panel is None  # the Inspector's tab is in front
    window.brief_dock.raise_()
    qtbot.waitUntil(lambda: window._brief_panel is not None)
    panel = window.brief_panel
    assert window.brief_dock.widget().widget() is panel  # in its scroll area
    assert panel.memo.editor.toPlainText() == window.session.project.memo()


def test_the_actors_tab_is_built_full_when_clicked_and_follows_edits(qtbot, window) -> None:
    tabs, project = window.bottom_tabs, window.session.project
    tabs.setCurrentIndex(2)
    actors = window.analysis._actors.built
    assert actors is not None and tabs.currentWidget() is actors
    assert tabs.tabText(2) == "Actors" and window.actors_model is actors.model
    assert actors.proxy.rowCount() == len(project.actors())
    project.add_actor("Hadi al-Amiri")
    assert actors.proxy.rowCount() == len(project.actors())


def test_the_dates_tab_starts_from_the_current_pane(qtbot, window) -> None:
    project = window.session.project
    article = project.article_summaries()[0]
    window.open_article(article.id)
    window.bottom_tabs.setCurrentIndex(3)
    dates = window.analysis._dates.built
    assert dates is not None and dates.article is not None and dates.article.id == article.id


def test_suggested_links_shown_later_show_the_event_chosen_before(qtbot, window) -> None:
    view = window.bottom_tabs.events_view
    view.setCurrentIndex(view.model().index(1, 1))
    event_id = view.currentIndex().siblingAtColumn(0).data(Qt.ItemDataRole.UserRole + 1)
    assert window.analysis._suggestions.built is None
    window.suggestions_dock.raise_()
    qtbot.waitUntil(lambda: window.analysis._suggestions.built is not None)
    panel = window.analysis._suggestions.built
    assert window.suggestions_dock.widget() is panel
    assert panel.target == ("event", event_id)


def test_views_built_later_open_no_window_of_their_own(qtbot, window) -> None:
    """A view built while the window is up must not flash up a widget as a window of its
    own (that takes the focus, and shortcuts such as Ctrl+Z stop reaching the window)."""
    with windows_shown() as seen:
        analysis = window.analysis
        views = [analysis.timeline, analysis.actors, analysis.dates, analysis.suggestions]
        views += [window.search_panel, window.brief_panel, window.inspector]
        session = window.session
        article = session.project.article_summaries()[0]
        session.annotate(article.id, 0, 10, "claim")  # the Inspector's editing page
        qtbot.wait(10)
    assert all(view is not None for view in views) and window.inspector._page is not None
    assert seen == []
