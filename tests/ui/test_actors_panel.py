"""The Actors tab: editing and merging actors as undoable edits, suggested alias groups."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import parallax
from parallax.services.project import Project
from parallax.ui.actors_panel import ActorsPanel
from parallax.ui.models.actors_model import ALIASES, KIND, MENTIONS, NAME, ActorsModel
from parallax.ui.session import ProjectSession
from tests.ui.demo_fixtures import demo_path, demo_project, demo_template, runner, session

__all__ = ["demo_path", "demo_project", "demo_template", "runner", "session"]

Display = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def panel(qtbot, session: ProjectSession, runner) -> ActorsPanel:
    model = ActorsModel(session.project)
    session.bus.changes_applied.connect(model.apply_changes)
    widget = ActorsPanel(session, model, runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 300)
    widget.show()
    return widget


def actor_id(project: Project, name: str) -> int:
    actor = project.find_actor(name)
    assert actor is not None
    return actor.id


def cell(model: ActorsModel, actor: int, column: int) -> object:
    return model.index(model.row_of(actor), column).data(Display)


def test_model_shows_counts_events_and_mentions(qtbot, qtmodeltester, panel) -> None:
    model, project = panel.model, panel.session.project
    qtmodeltester.check(model)
    fayadh = actor_id(project, "Falah al-Fayadh")
    assert cell(model, fayadh, 3) == 2  # annotations
    assert "Assad receives Iraqi envoy Fayadh" in str(cell(model, fayadh, 5))
    qtbot.waitUntil(lambda: cell(model, fayadh, MENTIONS) != "…")
    assert cell(model, fayadh, MENTIONS) == len(project.actor_mentions(fayadh))
    qtmodeltester.check(model)


def test_rename_kind_and_aliases_in_the_table_are_undoable(panel) -> None:
    model, project, stack = panel.model, panel.session.project, panel.session.undo_stack
    ghanmi = actor_id(project, "Othman al-Ghanmi")
    row = model.row_of(ghanmi)
    assert model.setData(model.index(row, NAME), "Uthman al-Ghanmi")
    assert model.setData(model.index(row, KIND), "organisation")
    assert model.setData(model.index(row, ALIASES), "Osman Al-Ghanmi, Ghanmi; al-Ghanimi")
    actor = project.actor(ghanmi)
    assert (actor.name, actor.kind) == ("Uthman al-Ghanmi", "organisation")
    assert actor.aliases == ("Osman Al-Ghanmi", "Ghanmi", "al-Ghanimi")
    assert cell(model, ghanmi, NAME) == "Uthman al-Ghanmi"
    for _ in range(3):
        stack.undo()
    actor = project.actor(ghanmi)
    assert (actor.name, actor.kind, actor.aliases) == (
        "Othman al-Ghanmi",
        "person",
        ("Osman Al-Ghanmi", "Ghanmi"),
    )


def test_a_name_another_actor_has_is_refused(panel) -> None:
    project = panel.session.project
    messages: list[str] = []
    panel.session.failed.connect(messages.append)
    assert not panel.edit(actor_id(project, "Othman al-Ghanmi"), "name", "Fayyad")
    assert "Falah al-Fayadh" in messages[-1] and "merge" in messages[-1]
    assert not panel.add_actor("Faleh al-Fayad")
    assert panel.session.undo_stack.count() == 0


def test_merge_moves_tags_and_aliases_and_undo_keeps_ids(qtmodeltester, panel) -> None:
    model, project, stack = panel.model, panel.session.project, panel.session.undo_stack
    abadi = actor_id(project, "Haider al-Abadi")
    assad = actor_id(project, "Bashar al-Assad")
    abadi_tags = project.actor_tags(abadi)
    assert abadi_tags
    assert panel.merge(abadi, assad)
    assert model.row_of(abadi) == -1
    target = project.actor(assad)
    assert {"Haider al-Abadi", "Haidar Abadi", "Abadi"} <= set(target.aliases)
    assert set(abadi_tags) <= set(project.actor_tags(assad))
    qtmodeltester.check(model)
    stack.undo()
    back = project.actor(abadi)
    assert back.name == "Haider al-Abadi"
    assert back.aliases == ("Haidar Abadi", "Haydar al-Abadi", "Abadi")
    assert project.actor_tags(abadi) == abadi_tags
    assert not set(abadi_tags) & set(project.actor_tags(assad))
    assert "Abadi" not in project.actor(assad).aliases
    assert model.row_of(abadi) >= 0
    stack.redo()
    assert model.row_of(abadi) == -1 and set(abadi_tags) <= set(project.actor_tags(assad))
    stack.undo()
    assert project.actor(abadi).id == abadi
    qtmodeltester.check(model)


def test_delete_key_removes_an_actor_and_undo_brings_it_back(qtbot, qtmodeltester, panel) -> None:
    model, project, stack = panel.model, panel.session.project, panel.session.undo_stack
    fayadh = actor_id(project, "Falah al-Fayadh")
    tags = project.actor_tags(fayadh)
    assert not panel.delete_button.isEnabled()  # nothing selected yet
    panel.select_actor(fayadh)
    assert panel.delete_button.isEnabled()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert model.row_of(fayadh) == -1
    assert project.find_actor("Faleh al-Fayyad") is None
    assert panel.selected_actor_id() is not None  # the next actor, ready for another Del
    assert stack.undoText() == "Delete actor Falah al-Fayadh"
    qtmodeltester.check(model)
    stack.undo()
    assert project.actor(fayadh).aliases == (
        "Faleh al-Fayyad",
        "Faleh al-Fayad",
        "Fayadh",
        "Fayyad",
    )
    assert project.actor_tags(fayadh) == tags
    assert cell(model, fayadh, NAME) == "Falah al-Fayadh"
    stack.redo()
    assert model.row_of(fayadh) == -1
    stack.undo()
    qtmodeltester.check(model)


def test_the_delete_key_edits_a_cell_being_edited_not_the_actor(qtbot, panel) -> None:
    project = panel.session.project
    ghanmi = actor_id(project, "Othman al-Ghanmi")
    panel.select_actor(ghanmi)
    row = panel.table.selectionModel().selectedRows()[0].row()
    panel.table.edit(panel.proxy.index(row, NAME))
    assert panel.table.state() == panel.table.State.EditingState
    editor = panel.table.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert project.actor(ghanmi).name == "Othman al-Ghanmi"


def test_alias_groups_accept_and_dismiss_persist(qtbot, qtmodeltester, panel, demo_path) -> None:
    view = panel.alias_groups
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view.busy.isVisible())
    qtmodeltester.check(view.model)
    plans = {p.name: p for p in view.model.records()}
    assert {"Hashd al-Shaabi", "Falah al-Fayadh"} <= set(plans)
    fayadh = plans["Falah al-Fayadh"]
    assert fayadh.target_id is not None and {"al-Fayad", "al-Fayyad"} <= set(fayadh.new_aliases)
    view.view.selectRow(view.model.records().index(fayadh))
    view.accept_selected()
    project = panel.session.project
    assert {"al-Fayad", "al-Fayyad"} <= set(project.find_actor("Falah al-Fayadh").aliases)
    hashd = next(p for p in view.model.records() if p.name == "Hashd al-Shaabi")
    view.view.selectRow(view.model.records().index(hashd))
    view.dismiss_selected()
    assert all(p.name != "Hashd al-Shaabi" for p in view.model.records())
    panel.session.bus.detach()
    project.close()
    with parallax.open_project(demo_path) as reopened:
        from parallax.services.actors import open_alias_groups

        names = {p.name for p in open_alias_groups(reopened)}
        assert "Hashd al-Shaabi" not in names and "Falah al-Fayadh" not in names
        assert "Joint Command" in names
