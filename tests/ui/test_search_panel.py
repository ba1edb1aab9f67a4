"""Project search (Ctrl+Shift+F): results in the Search tab open the article at the match."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from parallax.services.project import Project
from parallax.ui.main_window import MainWindow
from parallax.ui.models.search_model import HitRole

EMOJI_TEXT = (
    "Emoji headline 😀\n\n"
    "Smiles 😀😀 and flags 🇮🇶 come first. Then Faleh\u00a0al-Fayad spoke in Baghdad.\n"
)


@pytest.fixture
def project_with_emoji(project: Project, tmp_path: Path) -> Project:
    (tmp_path / "emoji.txt").write_text(EMOJI_TEXT, "utf-8")
    (tmp_path / "plain.txt").write_text("Plain headline\n\nNothing to see here.\n", "utf-8")
    result = project.import_files([tmp_path / "emoji.txt", tmp_path / "plain.txt"])
    assert len(result) == 2, result.failures
    return project


@pytest.fixture
def window(qtbot, settings, project_with_emoji: Project) -> MainWindow:
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.attach_project(project_with_emoji)
    main.show()
    qtbot.waitExposed(main)
    return main


def click_row(qtbot, panel, row: int) -> None:
    view = panel.results
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_ctrl_shift_f_searches_and_a_click_selects_exactly_the_match(
    qtbot, qtmodeltester, window: MainWindow
) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+Shift+F"))
    panel = window.search_panel
    assert panel is not None and panel.query.hasFocus()
    assert window.bottom_tabs.currentWidget() is panel  # type: ignore[union-attr]
    qtbot.keyClicks(panel.query, "faleh al fayad")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 1
    qtmodeltester.check(panel.model)
    assert "1 match in 1 article" in panel.status.text()
    row = [panel.model.index(0, c).data() for c in range(4)]
    assert "Faleh" in row[0] and row[1] == "Emoji headline 😀"
    click_row(qtbot, panel, 0)
    pane = window.desk.current  # type: ignore[union-attr]
    assert pane is not None and pane.article is not None
    hit = panel.model.index(0, 0).data(HitRole)
    assert pane.article.id == hit.article_id
    span = pane.offsets.selection_span(pane.view.textCursor())
    assert span == (hit.start, hit.end)
    assert pane.article.text[hit.start : hit.end] == "Faleh\u00a0al-Fayad"
    selected = pane.view.textCursor().selectedText()  # Qt's own view of the selection
    assert selected.replace("\u00a0", " ") == "Faleh al-Fayad"


def test_notes_are_found_and_select_their_annotation(qtbot, window: MainWindow) -> None:
    session = window.session
    assert session is not None
    project = session.project
    article = next(a for a in project.articles() if a.title.startswith("Plain"))
    start = article.text.index("Nothing")
    annotation = project.annotate(article.id, start, start + 7, note="a zebra crossing")
    panel = window.search_panel
    assert panel is not None
    window.search_project()
    panel.query.setText("zebra")
    panel.run()
    assert panel.model.rowCount() == 1
    index = panel.model.index(0, 0)
    assert index.data().startswith("Note:")
    panel.results.setCurrentIndex(index)
    panel.results.setFocus()
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert session.selected == annotation.id
    assert window.desk.current.article_id == article.id  # type: ignore[union-attr]


def test_typing_searches_after_a_pause_and_says_when_nothing_matched(
    qtbot, window: MainWindow
) -> None:
    panel = window.search_panel
    assert panel is not None
    qtbot.keyClicks(panel.query, "giraffe")
    qtbot.waitUntil(lambda: panel.status.text() == "No matches", timeout=3000)
    panel.query.clear()
    panel.run()
    assert panel.model.rowCount() == 0 and panel.status.text() == ""
