"""Find in the article (Ctrl+F): folded like project search, exact selection, Enter steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from parallax.services.project import Project
from parallax.ui.main_window import MainWindow
from parallax.ui.text_match import find_matches


def test_matching_folds_case_diacritics_and_separators() -> None:
    text = "Faleh\u00a0al-Fayad met CAFÉ owners; faleh al fayad left. 😀 Faleh-al Fayad"
    spans = find_matches(text, "faleh AL-fayad")
    assert [text[s:e] for s, e in spans] == [
        "Faleh\u00a0al-Fayad",
        "faleh al fayad",
        "Faleh-al Fayad",
    ]
    assert [text[s:e] for s, e in find_matches(text, "cafe")] == ["CAFÉ"]
    assert find_matches(text, "  ") == [] and find_matches(text, "zebra") == []
    assert [text[s:e] for s, e in find_matches(text, "Fay")] == ["Fay", "fay", "Fay"]


@pytest.fixture
def window(qtbot, settings, corpus_project: Project) -> MainWindow:
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.attach_project(corpus_project)
    main.show()
    qtbot.waitExposed(main)
    return main


def syria_times(project: Project):
    return next(a for a in project.articles() if Path(a.source_file).name.startswith("001"))


def test_ctrl_f_finds_no_break_space_name_and_selects_it(qtbot, window: MainWindow) -> None:
    project = window.session.project  # type: ignore[union-attr]
    article = syria_times(project)
    assert "Faleh \u00a0al-Fayad" in article.text  # a space and a no-break space
    pane = window.open_article(article.id)
    assert pane is not None
    pane.view.setFocus()
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    bar = window.find_bar
    assert bar is not None and bar.isVisible() and bar.pane is pane
    assert bar.parentWidget() is pane
    qtbot.keyClicks(bar.entry, "Faleh al-Fayad")
    expected = find_matches(article.text, "Faleh al-Fayad")
    assert expected and bar.count.text() == f"1 of {len(expected)}"
    start, end = pane.offsets.selection_span(pane.view.textCursor())  # type: ignore[misc]
    assert article.text[start:end] == "Faleh \u00a0al-Fayad"
    if len(expected) > 1:
        qtbot.keyClick(bar.entry, Qt.Key.Key_Return)
        assert pane.offsets.selection_span(pane.view.textCursor()) == expected[1]
        qtbot.keyClick(bar.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.offsets.selection_span(pane.view.textCursor()) == expected[0]
    qtbot.keyClick(bar.entry, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_bar_follows_the_current_pane(qtbot, window: MainWindow) -> None:
    project = window.session.project  # type: ignore[union-attr]
    ids = [s.id for s in project.article_summaries()]
    first = window.open_article(ids[0])
    window.find_in_article()
    bar = window.find_bar
    assert bar is not None and bar.pane is first
    qtbot.keyClicks(bar.entry, "zzzz-not-there")
    assert bar.count.text() == "No matches"
    second = window.open_article(ids[1], new_pane=True)
    assert bar.pane is second and bar.parentWidget() is second
    window.close_current_pane()
    assert bar.pane is first
    window.close_current_pane()
    assert bar.pane is None and not bar.isVisible()
    window.find_in_article()
    assert "Open an article" in window.statusBar().currentMessage()
