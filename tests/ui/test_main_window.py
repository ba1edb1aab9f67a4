"""The window around the desk: empty state, panes, desk state, export, status bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QPushButton, QTabBar

from parallax.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, settings, tmp_path: Path) -> MainWindow:
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def opened(window: MainWindow, tmp_path: Path, corpus_dir: Path) -> MainWindow:
    assert window.open_project(str(tmp_path / "window.parallax"))
    assert window.session is not None
    window.session.project.import_files([corpus_dir])
    return window


def visible_messages(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_empty_window_offers_new_and_open(window: MainWindow) -> None:
    assert window.central.currentWidget() is window.empty_state
    assert not window.actions.make["claim"].isEnabled()
    assert window.windowTitle() == "Parallax"


def test_open_shows_path_counts_and_library(qtbot, opened: MainWindow) -> None:
    assert opened.central.currentWidget() is opened.desk
    assert opened.path_label.text().endswith("window.parallax")
    # Counts follow edits a moment later, after the edit has been painted.
    qtbot.waitUntil(lambda: "5 articles" in opened.counts_label.text())
    assert opened.library_model is not None and opened.library_model.loaded_count == 5
    assert opened.windowTitle() == "window — Parallax"


def test_the_window_says_which_project_is_opening(window: MainWindow, tmp_path) -> None:
    """Start-up shows the window before the project: no New/Open prompt meanwhile."""
    lead = window.empty_state.findChild(QLabel, "EmptyLead")
    window.show_opening(str(tmp_path / "field notes.parallax"))
    assert lead.text() == "Opening field notes.parallax…"
    assert "Opening field notes.parallax" in window.path_label.text()
    buttons = [b for b in window.empty_state.findChildren(QPushButton) if b.isVisible()]
    assert buttons == []
    busy = window.empty_state.findChild(QProgressBar)
    assert busy.isVisible() and (busy.minimum(), busy.maximum()) == (0, 0)
    window.show_opening("postgresql://ana:s3cret@db.example.org/cases")
    assert lead.text() == "Opening postgresql://db.example.org/cases…"
    assert "s3cret" not in window.path_label.text()
    window.show_opening(str(tmp_path / "demo.parallax"), "Building the demo project…")
    assert lead.text() == window.path_label.text() == "Building the demo project…"


def test_a_project_that_fails_to_open_brings_the_prompt_back(window: MainWindow, tmp_path) -> None:
    bad = tmp_path / "bad.parallax"
    bad.write_bytes(b"this is not a database" * 100)
    window.show_opening(str(bad))
    assert not window.open_project(str(bad))
    lead = window.empty_state.findChild(QLabel, "EmptyLead")
    assert lead.text().startswith("Create a project")
    assert window.path_label.text() == ""
    shown = {b.text() for b in window.empty_state.findChildren(QPushButton) if b.isVisible()}
    assert {"New Project…", "Open Project…"} <= shown
    assert not window.empty_state.findChild(QProgressBar).isVisible()


def test_the_opening_window_moves_while_it_waits(qtbot, window: MainWindow, tmp_path) -> None:
    """A still window reads as a hung one: the busy bar is animated, in Qt alone (the
    data layer's import on its thread does not stop it)."""
    window.show_opening(str(tmp_path / "big.parallax"))
    busy = window.empty_state.findChild(QProgressBar)
    first = busy.grab().toImage()
    qtbot.waitUntil(lambda: busy.grab().toImage() != first, timeout=3000)


def test_unreadable_project_is_reported_not_raised(window: MainWindow, tmp_path) -> None:
    bad = tmp_path / "bad.parallax"
    bad.write_bytes(b"this is not a database" * 100)
    assert not window.open_project(str(bad))
    assert window.session is None
    assert any("bad.parallax" in b.text() for b in visible_messages(window))


def test_panes_open_close_and_save_the_desk(qtbot, opened: MainWindow) -> None:
    project = opened.session.project  # type: ignore[union-attr]
    ids = [s.id for s in project.article_summaries()]
    for article_id in ids[:4]:
        opened.open_article(article_id, new_pane=True)
    assert opened.open_article(ids[4], new_pane=True) is not None  # a full desk reuses a pane
    assert len(opened.desk.panes) == 4  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: project.setting("desk") is not None)
    opened.close_current_pane()
    assert len(opened.desk.panes) == 3  # type: ignore[union-attr]
    opened.save_desk_state()
    state = project.setting("desk")
    assert isinstance(state, dict) and len(state["panes"]) == 3
    assert len(state["sizes"]) == 3


def test_make_claim_from_the_menu_needs_a_selection(opened: MainWindow) -> None:
    opened.open_article(opened.session.project.article_summaries()[0].id)  # type: ignore[union-attr]
    opened.actions.make["claim"].trigger()
    assert "Select some text" in opened.statusBar().currentMessage()


def test_export_brief_writes_the_file(qtbot, opened: MainWindow, tmp_path) -> None:
    target = tmp_path / "brief.docx"
    task = opened.export_brief(str(target))
    assert task is not None
    with qtbot.waitSignals([task.finished], timeout=60000):
        pass
    assert target.exists() and target.stat().st_size > 0
    assert str(target) in opened.statusBar().currentMessage()


def test_export_failure_is_shown_clearly(qtbot, opened: MainWindow, tmp_path) -> None:
    target = tmp_path / "no such folder" / "brief.docx"
    task = opened.export_brief(str(target))
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=60000):
        pass
    texts = [b.text() for b in visible_messages(opened)]
    assert any(str(target) in t for t in texts)


def test_new_project_refuses_to_overwrite(monkeypatch, window: MainWindow, tmp_path) -> None:
    existing = tmp_path / "taken.parallax"
    existing.write_bytes(b"")
    monkeypatch.setattr("parallax.ui.dialogs.ask_new_project", lambda *_: str(existing))
    window.new_project_dialog()
    assert window.session is None
    assert existing.read_bytes() == b""
    assert any("already exists" in b.text() for b in visible_messages(window))


def test_window_geometry_is_remembered(qtbot, settings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_first_start_gives_the_reading_desk_most_of_the_height(qtbot, opened) -> None:
    """With no saved layout, the Events tab below the desk gets about a third of the
    height; it once took two thirds and left four lines of each article."""
    qtbot.waitUntil(lambda: opened.central.height() > opened.bottom_dock.height())
    assert opened.bottom_dock.height() >= 200


def tab_bars_drawn(window: MainWindow) -> set[tuple[str, tuple[int, int, int, int]]]:
    """First tab and place of the dock tab bars drawn on the window (Qt parks unused ones
    out of sight, and may keep two at one place, which look like one)."""
    return {
        (bar.tabText(0), bar.geometry().getRect())
        for bar in window.findChildren(QTabBar)
        if bar.parent() is window and bar.isVisible() and bar.geometry().x() >= 0
    }


def test_first_start_tabs_the_brief_and_the_suggested_links(window: MainWindow) -> None:
    assert window.tabifiedDockWidgets(window.inspector_dock) == [window.brief_dock]
    assert window.tabifiedDockWidgets(window.annotations_dock) == [window.suggestions_dock]
    assert sorted(text for text, _place in tab_bars_drawn(window)) == ["Annotations", "Inspector"]


def test_a_restored_layout_leaves_no_stray_tab_bars(qtbot, settings) -> None:
    """Tab groups made before restoreState left their tab bars over the reading desk."""
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.brief_dock)  # untabbed
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.tabifiedDockWidgets(second.inspector_dock) == []
    assert second.tabifiedDockWidgets(second.annotations_dock) == [second.suggestions_dock]
    assert [text for text, _place in tab_bars_drawn(second)] == ["Annotations"]


def test_the_brief_fits_the_dock_it_shares_with_the_inspector(
    qtbot, settings, tmp_path: Path
) -> None:
    """On a 1280-pixel screen the judgments' buttons made the Brief 550 px wide: it
    scrolled sideways in its 320 px dock and Cite Selected Claim was out of sight."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_project(str(tmp_path / "brief.parallax"))
    window.brief_dock.raise_()
    panel = window.brief_panel
    assert panel is not None
    scroll = window.brief_dock.widget()
    qtbot.waitUntil(lambda: panel.isVisible() and window.brief_dock.width() > 200)
    assert scroll.horizontalScrollBar().maximum() == 0
    cite = panel.judgments.cite_button
    right_edge = cite.mapTo(scroll.viewport(), cite.rect().topRight()).x()
    assert right_edge < scroll.viewport().width()
