"""The Tags panel, its model, the Inspector's Tags row and the T picker: all undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from parallax.services.project import Project
from parallax.ui.inspector import Inspector
from parallax.ui.main_window import MainWindow
from parallax.ui.models.tags_model import IdRole, TagsModel
from parallax.ui.session import ProjectSession
from parallax.ui.tags_panel import TagsPanel

# Popups (the picker, the completer) ask the window system for what offscreen Qt lacks.
popups = pytest.mark.qt_log_ignore("does not support")

TEXT = "Headline\nAlpha beta gamma delta epsilon zeta eta theta.\n"


@pytest.fixture
def annotated(project: Project, tmp_path: Path) -> tuple[Project, int, int]:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (article,) = project.import_files([tmp_path / "a.txt"])
    first = project.annotate(article.id, 9, 14).id
    second = project.annotate(article.id, 15, 19).id
    return project, first, second


@pytest.fixture
def panel(qtbot, annotated) -> TagsPanel:
    project = annotated[0]
    session = ProjectSession(project)
    model = TagsModel(project, session)
    widget = TagsPanel(session, model)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def names(model: TagsModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_model_passes_the_model_tester(qtbot, qtmodeltester, annotated) -> None:
    project, first, _second = annotated
    top = project.add_tag("Military", colour="#3d7fd6")
    low = project.add_tag("Border", top.id)
    project.add_tag("Deep", low.id)
    project.add_tag("Politics")
    project.tag_annotation(first, low.id)
    model = TagsModel(project)
    qtmodeltester.check(model)
    border = model.index_of(low.id)
    assert border.parent() == model.index_of(top.id)
    assert model.index(border.row(), 1, border.parent()).data() == "1"
    assert model.data(border, Qt.ItemDataRole.ToolTipRole).startswith("Military/Border")


def test_create_rename_colour_delete_with_undo(qtbot, panel: TagsPanel) -> None:
    model, stack = panel.model, panel.session.undo_stack
    top = panel.new_tag(name="Military")
    low = panel.new_tag(top, name="Border")
    assert names(model) == ["Military"] and names(model, model.index_of(top)) == ["Border"]
    assert panel.current_id() == low
    model.setData(model.index_of(low), "Frontier")  # what the tree's editor does
    qtbot.waitUntil(lambda: model.path(low) == "Military/Frontier", timeout=2000)
    assert panel.set_colour(low, "#d0473c")
    assert model.tag(low).colour == "#d0473c"
    assert panel.delete(top)
    assert names(model) == []
    stack.undo()
    model.flush()
    assert model.path(low) == "Military/Frontier" and model.tag(low).colour == "#d0473c"
    stack.undo()  # colour
    stack.undo()  # rename
    model.flush()
    assert model.tag(low).colour == "" and model.path(low) == "Military/Border"
    stack.redo()
    model.flush()
    assert model.path(low) == "Military/Frontier"


def test_nest_by_drop_refuses_cycles_and_undoes(qtbot, panel: TagsPanel) -> None:
    model, stack = panel.model, panel.session.undo_stack
    top = panel.new_tag(name="Top")
    low = panel.new_tag(top, name="Low")
    other = panel.new_tag(name="Other")
    dragged = model.mimeData([model.index_of(top)])
    assert not model.canDropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, model.index_of(low))
    assert model.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, model.index_of(other))
    qtbot.waitUntil(lambda: model.path(low) == "Other/Top/Low", timeout=2000)
    onto_root = model.mimeData([model.index_of(low)])
    assert model.dropMimeData(onto_root, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: model.path(low) == "Low", timeout=2000)
    stack.undo()
    stack.undo()
    model.flush()
    assert model.path(low) == "Top/Low"
    assert panel.tree.isExpanded(model.index_of(top))


@popups
def test_merge_moves_annotations_and_undo_restores(panel: TagsPanel, annotated) -> None:
    project, first, second = annotated
    model, stack = panel.model, panel.session.undo_stack
    fayyad = panel.new_tag(name="Fayyad")
    fayad = panel.new_tag(name="Fayad")
    project.tag_annotation(first, fayyad)
    project.tag_annotation(second, fayad)
    picker = panel.merge_current()  # the current tag is Fayad
    assert picker is not None and "Fayad" not in picker.source.stringList()
    panel.tree.setCurrentIndex(model.index_of(fayyad))
    assert panel.merge(fayyad, fayad)
    assert project.annotations_with_tag(fayad) == [first, second]
    assert names(model) == ["Fayad"]
    assert model.index(0, 1).data() == "2"
    stack.undo()
    model.flush()
    assert project.annotations_with_tag(fayyad) == [first]
    assert names(model) == ["Fayad", "Fayyad"]


@popups
def test_inspector_tags_row_applies_paths_and_undoes(qtbot, annotated) -> None:
    project, first, _second = annotated
    session = ProjectSession(project)
    inspector = Inspector(session)
    qtbot.addWidget(inspector)
    inspector.show()
    project.add_tag("Military")
    session.select(first)
    entry = inspector.tags.entry
    completions = entry.completer().model().stringList()
    assert completions == ["Military"]
    entry.setFocus()
    qtbot.keyClicks(entry, "military/Border")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    (tag_id,) = project.annotation_detail(first).tag_ids
    assert project.tag_paths()[tag_id] == "Military/Border"
    assert inspector.tags.model.data(inspector.tags.model.index(0)) == "Military/Border"
    assert entry.text() == ""
    assert "Military/Border" in entry.completer().model().stringList()
    session.undo_stack.undo()  # one step: the tag off, the new "Border" gone
    assert project.annotation_detail(first).tag_ids == ()
    assert set(project.tag_paths().values()) == {"Military"}
    session.undo_stack.redo()
    assert project.annotation_detail(first).tag_ids == (tag_id,)
    inspector.tags.remove(tag_id)
    assert project.annotation_detail(first).tag_ids == ()


@pytest.fixture
def window(qtbot, settings, annotated) -> MainWindow:
    project = annotated[0]
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.attach_project(project)
    main.show()
    qtbot.waitExposed(main)
    return main


@popups
def test_t_opens_the_quick_picker_and_enter_applies(qtbot, window: MainWindow, annotated) -> None:
    project, first, _second = annotated
    assert window.session is not None and window.desk is not None
    pane = window.open_article(project.annotation(first).article_id)
    assert pane is not None
    window.session.select(first)
    project.add_tag("Military")
    project.add_tag("Politics")
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_T)
    picker = window.tag_picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.entry, "poli")
    assert picker.proxy.rowCount() == 1
    qtbot.keyClick(picker.entry, Qt.Key.Key_Return)
    tag_ids = project.annotation_detail(first).tag_ids
    assert [project.tag_paths()[t] for t in tag_ids] == ["Politics"]
    assert window.tags_model is not None
    window.tags_model.flush()
    politics = window.tags_model.index_of(tag_ids[0], 1)
    assert politics.data() == "1"
    assert politics.siblingAtColumn(0).data(IdRole) == tag_ids[0]


def test_t_without_a_selected_annotation_explains(window: MainWindow) -> None:
    assert window.show_tag_picker() is None
    assert "Select a highlight" in window.statusBar().currentMessage()
