"""The per-article annotation list: a sound Qt model that follows the current pane and
edits made anywhere, and a click that reveals the annotation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from parallax.ui.annotation_list import AnnotationListModel, AnnotationListPanel, IdRole
from tests.ui.desk_helpers import build_project, show_desk


@pytest.fixture
def linked(tmp_path: Path):
    project, ids = build_project(tmp_path)
    yield project, ids
    project.close()


def ids_in(model: AnnotationListModel) -> list[int]:
    return [model.index(row, 0).data(IdRole) for row in range(model.rowCount())]


def test_model_is_sound_and_follows_changes(qtbot, qtmodeltester, linked) -> None:
    project, ids = linked
    model = AnnotationListModel(project)
    model.set_article(ids.a)
    qtmodeltester.check(model, force_py=True)
    assert ids_in(model) == [ids.meeting_a, ids.border_a]
    assert model.index(0, 0).data() == "Claim"
    assert model.index(1, 1).data().startswith("the border crossing")
    text = project.article(ids.a).text
    start = text.index("Section 20.")
    with qtbot.waitSignal(model.rowsInserted):
        new = project.annotate(ids.a, start, start + 11, kind="quote").id
        model.apply_changes(project_changes(ids.a, new))
    assert ids_in(model) == [ids.meeting_a, new, ids.border_a]  # by position
    with qtbot.waitSignal(model.dataChanged):
        project.update_annotation(new, note="navigation")
        model.apply_changes(project_changes(ids.a, new))
    assert model.index(1, 2).data() == "navigation"
    with qtbot.waitSignal(model.rowsRemoved):
        project.delete_annotation(ids.meeting_a)
        model.apply_changes(project_changes(ids.a, ids.meeting_a))
    assert ids_in(model) == [new, ids.border_a]  # the tester watched every change
    model.set_article(None)
    assert model.rowCount() == 0


def project_changes(article_id: int, annotation_id: int):
    from parallax.domain.model import Changes

    return Changes(articles=frozenset({article_id}), annotations=frozenset({annotation_id}))


def test_panel_follows_the_desk_and_a_click_reveals(qtbot, linked) -> None:
    project, ids = linked
    desk = show_desk(qtbot, project, ids)
    panel = AnnotationListPanel(desk.session)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_article(ids.b, "Article B")
    assert "2 annotations in “Article B”" in panel.heading.text()
    index = panel.model.index(panel.model.row_of(ids.border_b), 1)
    rect = panel.view.visualRect(index)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.session.selected == ids.border_b
    assert desk.current is desk.panes[1]
    selected = panel.view.selectionModel().selectedRows()
    assert [i.data(IdRole) for i in selected] == [ids.border_b]
    desk.session.select(ids.meeting_b)  # selection made elsewhere shows in the list
    selected = panel.view.selectionModel().selectedRows()
    assert [i.data(IdRole) for i in selected] == [ids.meeting_b]
    project.delete_annotation(ids.meeting_b)  # through the change bus
    assert "1 annotation in" in panel.heading.text()


def test_delete_key_in_the_list_is_undoable(qtbot, linked) -> None:
    project, ids = linked
    desk = show_desk(qtbot, project, ids)
    panel = AnnotationListPanel(desk.session)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_article(ids.a, "Article A")
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(ids.border_a), 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert ids.border_a not in {a.id for a in project.annotations(ids.a)}
    assert panel.model.row_of(ids.border_a) == -1
    desk.session.undo_stack.undo()
    assert panel.model.row_of(ids.border_a) == 1


def test_a_change_naming_no_annotation_rereads_the_list(qtbot, qtmodeltester, linked) -> None:
    from parallax.domain.model import Changes

    project, ids = linked
    model = AnnotationListModel(project)
    model.set_article(ids.a)
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 2).data() == ""  # read once: the note is now cached
    text = project.article(ids.a).text
    start = text.index("Section 2.")
    added = project.annotate(ids.a, start, start + 10, kind="quote").id
    project.update_annotation(ids.border_a, note="seen again")
    project.delete_annotation(ids.meeting_a)
    with qtbot.waitSignal(model.dataChanged):
        model.apply_changes(Changes(articles=frozenset({ids.a})))  # e.g. an undo of many
    assert ids_in(model) == [added, ids.border_a]
    assert model.index(1, 2).data() == "seen again"
    assert model.row_of(ids.meeting_a) == -1 and model.row_of(added) == 0


def test_the_passage_column_has_most_of_a_narrow_dock(qtbot, linked) -> None:
    project, ids = linked
    desk = show_desk(qtbot, project, ids)
    panel = AnnotationListPanel(desk.session)
    qtbot.addWidget(panel)
    panel.resize(290, 300)
    panel.show()
    panel.show_article(ids.b, "Article B")
    header = panel.view.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(1) > 0)
    assert header.sectionSize(1) >= header.sectionSize(0) + header.sectionSize(2) - 40
    note = panel.model.index(0, 2)
    assert str(note.data()) in note.data(Qt.ItemDataRole.ToolTipRole)  # read whole there
