"""The mention finder: an actor's mentions in every spelling, tagged one by one or all at
once; suggested new actors accepted or dismissed for good."""

from __future__ import annotations

import pytest

import parallax
from parallax.services.project import Project
from parallax.ui.actors_panel import ActorsPanel
from parallax.ui.models.actors_model import ActorsModel
from parallax.ui.session import ProjectSession
from tests.ui.demo_fixtures import (
    demo_path,
    demo_project,
    demo_template,
    runner,
    session,
    window,
)

__all__ = ["demo_path", "demo_project", "demo_template", "runner", "session", "window"]


@pytest.fixture
def panel(qtbot, session: ProjectSession, runner) -> ActorsPanel:
    model = ActorsModel(session.project)
    session.bus.changes_applied.connect(model.apply_changes)
    widget = ActorsPanel(session, model, runner)
    qtbot.addWidget(widget)
    widget.resize(1100, 300)
    widget.show()
    return widget


def show_mentions(qtbot, panel: ActorsPanel, name: str) -> int:
    actor = panel.session.project.find_actor(name)
    assert actor is not None
    panel.select_actor(actor.id)
    finder = panel.mentions
    qtbot.waitUntil(lambda: finder.actor_id == actor.id and finder.model.rowCount() > 0)
    return actor.id


def covered_by_tag(project: Project, actor_id: int, article_id: int, start: int, end: int):
    tagged = {a for a, _role in project.actor_tags(actor_id)}
    return any(
        a.start <= start and end <= a.end and a.id in tagged
        for a in project.annotations(article_id)
    )


def test_lists_the_three_spellings_across_articles(qtbot, qtmodeltester, panel) -> None:
    show_mentions(qtbot, panel, "Falah al-Fayadh")
    model = panel.mentions.model
    qtmodeltester.check(model)
    rows = model.records()
    spellings = {" ".join(r.surface.split()) for r in rows}
    assert {"Falah al-Fayadh", "Faleh al-Fayyad", "Faleh al-Fayad"} <= spellings
    assert len({r.article_id for r in rows}) >= 3
    assert {"Rudaw", "Syria Times", "Press TV"} <= {r.outlet for r in rows}
    assert all(r.surface.replace("\u00a0", " ").split()[-1] in r.snippet for r in rows)
    assert "mentions in" in panel.mentions.heading.text()


def test_tag_all_tags_every_mention_and_undoes_as_one(qtbot, panel) -> None:
    project, stack = panel.session.project, panel.session.undo_stack
    fayadh = show_mentions(qtbot, panel, "Falah al-Fayadh")
    finder = panel.mentions
    rows = finder.model.untagged()
    before = project.info().annotations
    finder.tag_all()
    assert all(covered_by_tag(project, fayadh, r.article_id, r.start, r.end) for r in rows)
    assert stack.count() == 1
    qtbot.waitUntil(lambda: not finder.model.untagged() and finder.model.rowCount() == len(rows))
    assert "0 tagged" not in finder.heading.text()
    stack.undo()
    assert project.info().annotations == before
    assert not any(covered_by_tag(project, fayadh, r.article_id, r.start, r.end) for r in rows)
    stack.redo()
    assert all(covered_by_tag(project, fayadh, r.article_id, r.start, r.end) for r in rows)


def test_tag_one_mention_uses_the_annotation_covering_it(qtbot, panel) -> None:
    project = panel.session.project
    assad = show_mentions(qtbot, panel, "Bashar al-Assad")
    finder = panel.mentions
    rudaw = next(a for a in project.articles() if a.outlet == "Rudaw")
    claim = next(a for a in project.annotations(rudaw.id))
    inside = next(
        r
        for r in finder.model.records()
        if r.article_id == rudaw.id and claim.start <= r.start and r.end <= claim.end
    )
    project.untag_actor(claim.id, assad, "subject")
    before = project.info().annotations
    assert finder.tag([inside])
    assert project.info().annotations == before
    roles = [(t.actor_id, t.role) for t in project.annotation_detail(claim.id).actors]
    assert (assad, "mentioned") in roles


def test_clicking_a_mention_asks_the_desk_to_show_it(qtbot, panel) -> None:
    show_mentions(qtbot, panel, "Falah al-Fayadh")
    finder = panel.mentions
    seen: list[tuple] = []
    panel.session.reveal_requested.connect(lambda *args: seen.append(args))
    index = finder.model.index(2, 0)
    finder.view.clicked.emit(index)
    row = finder.model.record_at(2)
    assert seen[-1][:3] == (row.article_id, row.start, row.end)


def test_new_actor_suggestions_accept_and_dismiss_persist(
    qtbot, qtmodeltester, panel, demo_path
) -> None:
    view = panel.new_actors
    panel.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() >= 2 and not view.busy.isVisible())
    qtmodeltester.check(view.model)
    names = [s.name for s in view.model.records()]
    assert "Hashd al-Shaabi" in names
    view.view.selectRow(names.index("Hashd al-Shaabi"))
    view.accept_selected()
    project = panel.session.project
    hashd = project.find_actor("Hashd al-Sha’abi")
    assert hashd is not None and hashd.name == "Hashd al-Shaabi"
    names = [s.name for s in view.model.records()]
    dismissed = names[0]
    view.view.selectRow(0)
    view.dismiss_selected()
    panel.session.undo_stack.undo()
    assert project.find_actor("Hashd al-Shaabi") is None
    panel.session.bus.detach()
    project.close()
    with parallax.open_project(demo_path) as reopened:
        assert dismissed not in [s.name for s in reopened.suggest_actors()]
        assert "Hashd al-Shaabi" in [s.name for s in reopened.suggest_actors()]


def test_mentions_are_ghosted_in_open_panes_while_the_tab_shows(qtbot, window) -> None:
    project = window.session.project
    rudaw = next(a for a in project.articles() if a.outlet == "Rudaw")
    pane = window.open_article(rudaw.id)
    analysis = window.analysis
    window.bottom_tabs.setCurrentWidget(analysis.actors)
    fayadh = show_mentions(qtbot, analysis.actors, "Falah al-Fayadh")
    expected = [
        r
        for r in analysis.actors.mentions.model.records()
        if r.article_id == rudaw.id and not r.tagged
    ]
    assert fayadh and expected
    qtbot.waitUntil(lambda: analysis.ghosts.count(pane) == len(expected))
    window.bottom_tabs.setCurrentIndex(0)
    assert analysis.ghosts.count(pane) == 0


def test_the_mentions_heading_has_the_column_to_itself(qtbot, panel: ActorsPanel) -> None:
    """Beside the Tag buttons, in the narrow right-hand column, the heading took four
    lines; above them it takes the whole width."""
    panel.resize(700, 300)
    show_mentions(qtbot, panel, "Othman al-Ghanmi")
    finder = panel.mentions
    assert finder.heading.geometry().bottom() < finder.tag_button.geometry().top()
    assert finder.heading.width() >= finder.width() * 0.9
