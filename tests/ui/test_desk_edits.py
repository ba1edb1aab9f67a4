"""Editing on the desk: boilerplate marked and unmarked (undoable), highlights retyped
and deleted from their context menu (undoable), and the hover text of highlights."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from parallax.ui import pane_menu
from parallax.ui.article_pane import ArticlePane
from tests.ui.desk_helpers import BORDER_A, MEETING_A, build_project, select_text, show_desk
from tests.ui.desk_helpers import utf16 as to_qt


@pytest.fixture
def linked(tmp_path: Path):
    project, ids = build_project(tmp_path)
    yield project, ids
    project.close()


@pytest.fixture
def pane(qtbot, linked) -> ArticlePane:
    desk = show_desk(qtbot, *linked)
    return desk.panes[0]


def grey_ranges(pane: ArticlePane, needle: str) -> list[tuple[int, int]]:
    """Ranges of the block holding `needle` drawn in the boilerplate grey."""
    text = pane.article.text  # type: ignore[union-attr]
    block = pane.view.document().findBlock(to_qt(text, text.index(needle)))
    return [
        (r.start, r.start + r.length)
        for r in block.layout().formats()
        if r.format.foreground().color().isValid() and r.format.foreground().style()
    ]


def test_mark_and_unmark_boilerplate_with_undo(qtbot, pane, linked) -> None:
    project, ids = linked
    stack = pane.session.undo_stack
    start, end = select_text(pane, "Section 5.")
    assert pane.mark_selection_boilerplate(mark=True)
    assert [(s.start, s.end) for s in project.excluded_spans(ids.a)] == [(start, end)]
    assert grey_ranges(pane, "Section 5.") == [(0, end - start)]
    # a wider span touching it merges; undo gives back exactly the span before
    wide_start, wide_end = select_text(pane, "Section 5. The delegation travelled")
    assert pane.mark_selection_boilerplate(mark=True)
    assert [(s.start, s.end) for s in project.excluded_spans(ids.a)] == [(wide_start, wide_end)]
    stack.undo()
    assert [(s.start, s.end) for s in project.excluded_spans(ids.a)] == [(start, end)]
    # unmark part of it, undo, redo
    select_text(pane, "5.")
    assert pane.selection_touches_boilerplate()
    assert pane.mark_selection_boilerplate(mark=False)
    assert [(s.start, s.end) for s in project.excluded_spans(ids.a)] == [(start, start + 8)]
    stack.undo()
    assert [(s.start, s.end) for s in project.excluded_spans(ids.a)] == [(start, end)]
    stack.redo()
    stack.undo()
    stack.undo()
    assert project.excluded_spans(ids.a) == []
    assert grey_ranges(pane, "Section 5.") == []


def test_ctrl_b_in_the_window_marks_the_selection(qtbot, pane, linked) -> None:
    # the window action calls the same pane method; here through its menu entry
    menu = QMenu()
    select_text(pane, "Section 7.")
    pane_menu.fill_menu(pane, menu, -1)
    mark = next(a for a in menu.actions() if a.text() == "Mark as Boilerplate")
    assert mark.shortcut().toString() == "Ctrl+B"
    mark.trigger()
    project, ids = linked
    assert len(project.excluded_spans(ids.a)) == 1
    menu.deleteLater()


def position_of(pane: ArticlePane, needle: str, plus: int = 2) -> int:
    text = pane.article.text  # type: ignore[union-attr]
    return to_qt(text, text.index(needle) + plus)


def test_context_menu_retypes_and_deletes_a_highlight(qtbot, pane, linked) -> None:
    project, ids = linked
    menu = QMenu()
    pane_menu.fill_menu(pane, menu, position_of(pane, MEETING_A))
    assert pane.session.selected == ids.meeting_a  # the highlight under the mouse
    kinds = next(a.menu() for a in menu.actions() if a.text() == "Change Kind")
    checked = [a.text() for a in kinds.actions() if a.isChecked()]
    assert checked == ["Claim"]
    next(a for a in kinds.actions() if a.text() == "Opinion").trigger()
    assert str(project.annotation(ids.meeting_a).kind) == "opinion"
    assert pane.kind_of(ids.meeting_a) == "opinion"
    pane.session.undo_stack.undo()
    assert str(project.annotation(ids.meeting_a).kind) == "claim"
    next(a for a in menu.actions() if a.text() == "Delete Annotation").trigger()
    assert ids.meeting_a not in pane.highlighter.annotation_ids()
    pane.session.undo_stack.undo()
    assert ids.meeting_a in pane.highlighter.annotation_ids()
    assert project.annotation_detail(ids.meeting_a).events  # its event link came back
    menu.deleteLater()


def test_hover_shows_kind_note_actors_tags_and_events(qtbot, pane, linked) -> None:
    project, ids = linked
    project.update_annotation(ids.border_a, note="Only <one> source so far")
    actor = project.add_actor("Falah al-Fayadh")
    project.tag_actor(ids.border_a, actor.id, "speaker")
    tag = project.add_tag("Border")
    project.tag_annotation(ids.border_a, tag.id)
    text = pane.tooltip_at(position_of(pane, BORDER_A))
    assert "<b>Fact</b>" in text
    assert "Only &lt;one&gt; source so far" in text
    assert "Falah al-Fayadh (speaker)" in text
    assert "Tags: Border" in text
    assert "Border crossing to reopen (reports)" in text
    assert pane.tooltip_at(position_of(pane, "Section 1.")) == ""


@pytest.mark.qt_log_ignore("does not support (raise|propagateSizeHints)")  # offscreen Qt
def test_hovering_the_view_shows_the_tooltip(qtbot, pane, linked) -> None:
    start = pane.article.text.index(BORDER_A)  # type: ignore[union-attr]
    pane.reveal(start, start + 4)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(position_of(pane, BORDER_A, 3))
    point = pane.view.cursorRect(cursor).center() + QPoint(3, 0)
    assert pane.view.position_at(point) is not None
    assert pane.view.position_at(QPoint(pane.view.viewport().width() - 2, point.y())) is None
    viewport = pane.view.viewport()
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert "Border crossing to reopen" in QToolTip.text()
    QToolTip.hideText()
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert pane.session.selected == linked[1].border_a
