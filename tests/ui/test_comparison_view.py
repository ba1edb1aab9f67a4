"""Events tab and the event comparison: stance summaries, one column per source, what
only one source says, who did not report it; wired into the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from parallax.domain.model import Changes
from parallax.ui.comparison_view import ComparisonView
from parallax.ui.main_window import MainWindow
from parallax.ui.models.events_model import AGREEMENT, OUTLETS, SOURCES, EventsModel, IdRole
from parallax.ui.session import ProjectSession
from tests.ui.demo_fixtures import (
    article_with,
    demo_path,
    demo_project,
    demo_template,
    runner,
    session,
    window,
)

__all__ = ["demo_path", "demo_project", "demo_template", "runner", "session", "window"]

SHOTS = Path("/tmp/shots")


def event_titled(project, start: str):
    return next(e for e in project.events() if e.title.startswith(start))


def test_events_tab_counts_sources_outlets_and_stances(qtmodeltester, demo_project) -> None:
    model = EventsModel(demo_project)
    qtmodeltester.check(model)
    event = event_titled(demo_project, "Assad receives")
    row = model.row_of(event.id)
    assert model.index(row, SOURCES).data() == 2
    assert model.index(row, OUTLETS).data() == 2
    assert model.index(row, AGREEMENT).data() == "reported by 1, corroborated by 1"
    rudaw = article_with(demo_project, "Rudaw")
    ann = demo_project.annotate(rudaw.id, 0, 40)
    demo_project.link(ann.id, event.id, "contradicts")
    model.apply_changes(Changes(events=frozenset({event.id})))
    assert model.index(row, AGREEMENT).data() == (
        "reported by 1, corroborated by 1, contradicted by 1"
    )
    assert model.index(row, AGREEMENT).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(row, OUTLETS).data() == 3
    qtmodeltester.check(model)


def test_comparison_has_a_column_per_source_and_what_only_one_says(qtbot, session) -> None:
    view = ComparisonView(session)
    qtbot.addWidget(view)
    event = event_titled(session.project, "Assad receives")
    view.show_event(event.id)
    view.show()
    assert [c.column.outlet for c in view.columns] == ["Press TV", "Syria Times"]
    assert all(len(c.passages) == 1 for c in view.columns)
    press_tv = view.columns[0]
    assert "reports" in press_tv.passages[0].text()
    assert "credibility not rated" in press_tv.passages[0].text()
    lines = [w.text() for w in view.unique_section.findChildren(type(view.heading))]
    assert any("What only one source says" in t for t in lines)
    assert any("Press TV" in t and "Falah al-Fayadh" in t for t in lines)
    assert "Not reported by" in view.silent.text() and "Rudaw" in view.silent.text()
    assert "reported by 1, corroborated by 1" in view.summary.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    view.resize(1100, 620)
    view.grab().save(str(SHOTS / "comparison.png"))


def test_comparison_follows_edits_and_shows_in_the_article(qtbot, session: ProjectSession):
    view = ComparisonView(session)
    qtbot.addWidget(view)
    event = event_titled(session.project, "Assad and Fayadh")
    view.show_event(event.id)
    view.show()
    passage = view.columns[0].passages[0]
    annotation_id = view.columns[0].column.passages[0].annotation_id
    session.edit_annotation(annotation_id, "credibility", None, 2)
    assert "credibility 2 – probably true" in view.columns[0].passages[0].text()
    seen: list[tuple] = []
    session.reveal_requested.connect(lambda *a: seen.append(a))
    view.columns[0].passages[0].meta.linkActivated.emit(f"ann:{annotation_id}")
    assert session.selected == annotation_id and seen
    assert passage is not view.columns[0].passages[0]


@pytest.mark.qt_log_ignore("does not support raise", "does not support propagateSizeHints")
def test_window_tabs_and_double_click_opens_the_comparison(qtbot, window: MainWindow) -> None:
    tabs = window.bottom_tabs
    assert tabs is not None and window.analysis is not None
    names = [tabs.tabText(i) for i in range(tabs.count())]
    assert names[:4] == ["Events", "Timeline", "Actors", "Dates"]
    view = tabs.events_view
    index = view.model().index(0, 0)
    view.doubleClicked.emit(index)
    comparison = window.analysis.comparison
    assert comparison is not None and comparison.isVisible()
    assert len(comparison.columns) == 2
    dock = window.analysis.dock
    panel = window.analysis.suggestions  # built on first use when behind another tab
    assert dock.widget() is panel
    other = next(e for e in window.session.project.events() if e.id != index.data(IdRole))
    window.analysis.timeline.event_activated.emit(other.id)  # a click on a timeline mark
    assert comparison.event_id == other.id and comparison.isVisible()


def test_selecting_an_event_shows_its_suggestions(qtbot, window: MainWindow) -> None:
    view = window.bottom_tabs.events_view  # type: ignore[union-attr]
    view.setCurrentIndex(view.model().index(1, 1))
    panel = window.analysis.suggestions  # type: ignore[union-attr]
    assert panel.target is not None and panel.target[0] == "event"
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=15000)


def test_dates_tab_follows_the_current_pane(qtbot, window: MainWindow) -> None:
    project = window.session.project  # type: ignore[union-attr]
    rudaw = article_with(project, "Rudaw")
    window.open_article(rudaw.id)
    dates = window.analysis.dates  # type: ignore[union-attr]
    assert dates.article is not None and dates.article.id == rudaw.id


def test_an_event_chosen_on_the_desk_is_selected_in_the_events_tab(
    qtbot, window: MainWindow
) -> None:
    """Clicking a connector between panes selects its event; the Events tab follows."""
    assert window.session is not None and window.bottom_tabs is not None
    view = window.bottom_tabs.events_view
    events = window.session.project.events()
    target = events[-1].id
    window.session.select_event(target)
    current = view.currentIndex()
    assert current.isValid()
    assert current.siblingAtColumn(0).data(IdRole) == target
    assert view.selectionModel().isRowSelected(current.row())
