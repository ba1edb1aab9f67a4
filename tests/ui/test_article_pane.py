"""Article panes: one key makes an annotation, a click selects it, Delete removes it,
and changes made elsewhere (even on another thread) show without reloading."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from parallax.services.project import Project
from parallax.ui.article_pane import ArticlePane
from parallax.ui.offsets import OffsetMap
from parallax.ui.session import ProjectSession


@pytest.fixture
def pane(qtbot, text_project: Project) -> ArticlePane:
    session = ProjectSession(text_project)
    widget = ArticlePane(session)
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_article(text_project.article_summaries()[0].id)
    return widget


def select(pane: ArticlePane, needle: str) -> tuple[int, int]:
    assert pane.article is not None
    text = pane.article.text
    start = text.index(needle)
    end = start + len(needle)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(len(text[:start].encode("utf-16-le")) // 2)
    cursor.setPosition(len(text[:end].encode("utf-16-le")) // 2, QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()
    return start, end


def click_at_offset(qtbot, pane: ArticlePane, offset: int) -> None:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(pane.offsets.to_qt(offset))
    point = pane.view.cursorRect(cursor).center()
    point.setX(point.x() + 2)
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


@pytest.mark.parametrize(
    ("key", "kind", "needle"),
    [
        (Qt.Key.Key_Q, "quote", "al-Fayyad met officials 🇮🇶 in Damascus"),
        (Qt.Key.Key_F, "fact", "q\u0307uiet diplomacy 👍🏽"),
        (Qt.Key.Key_O, "opinion", "فالح الفياض"),
        (Qt.Key.Key_C, "claim", "the claim that the border would reopen"),
    ],
)
def test_key_makes_annotation_with_the_exact_quote(qtbot, pane, key, kind, needle) -> None:
    start, end = select(pane, needle)
    qtbot.keyClick(pane.view, key)
    (ann,) = pane.session.project.annotations(pane.article_id)  # type: ignore[arg-type]
    assert (ann.start, ann.end, ann.quote, str(ann.kind)) == (start, end, needle, kind)
    assert ann.id in pane.highlighter.annotation_ids()
    assert pane.session.selected == ann.id
    assert not pane.view.textCursor().hasSelection()


def test_letters_without_a_selection_do_nothing(qtbot, pane) -> None:
    qtbot.keyClick(pane.view, Qt.Key.Key_C)
    assert pane.session.project.annotations(pane.article_id) == []  # type: ignore[arg-type]


def test_click_selects_and_delete_is_undoable_with_the_same_id(qtbot, pane) -> None:
    start, end = select(pane, "the claim that the border")
    qtbot.keyClick(pane.view, Qt.Key.Key_C)
    annotation_id = pane.session.selected
    pane.session.select(None)
    click_at_offset(qtbot, pane, start + 4)
    assert pane.session.selected == annotation_id
    assert pane.highlighter.selected == annotation_id
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert pane.session.project.annotations(pane.article_id) == []  # type: ignore[arg-type]
    assert pane.highlighter.annotation_ids() == set()
    assert pane.session.selected is None
    pane.session.undo_stack.undo()
    (back,) = pane.session.project.annotations(pane.article_id)  # type: ignore[arg-type]
    assert (back.id, back.start, back.end) == (annotation_id, start, end)
    assert pane.highlighter.annotation_ids() == {annotation_id}


def test_changes_from_a_worker_thread_reach_the_pane(qtbot, pane) -> None:
    assert pane.article is not None
    text = pane.article.text
    start = text.index("observers")
    project = pane.session.project
    worker = threading.Thread(
        target=lambda: project.annotate(pane.article.id, start, start + 9, kind="fact")
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(pane.highlighter.annotation_ids()) == 1)


def test_scroll_offset_is_a_character_offset(qtbot, pane) -> None:
    assert pane.article is not None
    pane.resize(300, 120)
    qtbot.wait(10)
    target = pane.article.text.index("Later")
    pane.scroll_to_offset(target)
    offsets = OffsetMap(pane.article.text)
    assert offsets.to_offset(pane.view.first_visible_position()) == pane.scroll_offset()
    assert pane.scroll_offset() <= target


def test_a_closed_pane_lets_go_of_its_index(qtbot, pane) -> None:
    select(pane, "the claim that the border would reopen")
    annotation_id = pane.make_annotation("claim")
    assert pane.highlighter.shows(annotation_id) and pane.fresh_annotations is None
    pane.detach()
    assert pane.highlighter.annotation_ids() == set() and pane.linked == []
    pane.session.project.delete_annotation(annotation_id)  # no longer followed: no error
    assert not pane.highlighter.shows(annotation_id)
