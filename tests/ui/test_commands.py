"""Undo commands: each edit undone and redone through the services, ids kept."""

from __future__ import annotations

import pytest

from parallax.domain.errors import NotFoundError
from parallax.services.project import Project
from parallax.ui.session import ProjectSession


@pytest.fixture
def session(qtbot, corpus_project: Project) -> ProjectSession:
    return ProjectSession(corpus_project)


def first_article(project: Project) -> int:
    return project.article_summaries()[0].id


def test_annotate_undo_redo_keeps_the_id(session: ProjectSession) -> None:
    project = session.project
    article = first_article(project)
    annotation_id = session.annotate(article, 3, 9, "claim")
    assert annotation_id is not None and session.selected == annotation_id
    session.undo_stack.undo()
    with pytest.raises(NotFoundError):
        project.annotation(annotation_id)
    assert session.selected is None
    session.undo_stack.redo()
    assert project.annotation(annotation_id).start == 3


def test_delete_undo_brings_back_the_same_id_with_its_tags(session: ProjectSession) -> None:
    project = session.project
    annotation_id = session.annotate(first_article(project), 0, 8, "quote")
    assert annotation_id is not None
    assert session.tag_actor(annotation_id, "Falah al-Fayadh", "speaker")
    assert session.tag_date(annotation_id, "18 May 2017")
    assert session.delete_annotation(annotation_id)
    with pytest.raises(NotFoundError):
        project.annotation(annotation_id)
    session.undo_stack.undo()
    detail = project.annotation_detail(annotation_id)
    assert detail.annotation.kind == "quote"
    assert [a.actor_name for a in detail.actors] == ["Falah al-Fayadh"]
    assert [d.label for d in detail.dates] == ["2017-05-18"]
    session.undo_stack.redo()
    with pytest.raises(NotFoundError):
        project.annotation(annotation_id)


def test_edit_fields_undo(session: ProjectSession) -> None:
    project = session.project
    annotation_id = session.annotate(first_article(project), 0, 8, "claim")
    assert annotation_id is not None
    assert session.edit_annotation(annotation_id, "kind", "claim", "fact")
    assert session.edit_annotation(annotation_id, "credibility", None, 2)
    assert session.edit_annotation(annotation_id, "note", "", "check this")
    ann = project.annotation(annotation_id)
    assert (ann.kind, ann.credibility, ann.note) == ("fact", 2, "check this")
    for _ in range(3):
        session.undo_stack.undo()
    ann = project.annotation(annotation_id)
    assert (ann.kind, ann.credibility, ann.note) == ("claim", None, "")


def test_actor_created_by_tagging_goes_away_on_undo(session: ProjectSession) -> None:
    project = session.project
    annotation_id = session.annotate(first_article(project), 0, 8, "claim")
    assert annotation_id is not None
    session.tag_actor(annotation_id, "Haider al-Abadi", "subject")
    assert project.find_actor("Haider al-Abadi") is not None
    session.undo_stack.undo()
    assert project.find_actor("Haider al-Abadi") is None
    assert project.annotation_detail(annotation_id).actors == ()
    session.undo_stack.redo()
    assert [a.role for a in project.annotation_detail(annotation_id).actors] == ["subject"]


def test_existing_actor_found_by_alias_is_kept_on_undo(session: ProjectSession) -> None:
    project = session.project
    actor = project.add_actor("Falah al-Fayadh", aliases=["Faleh al-Fayyad"])
    annotation_id = session.annotate(first_article(project), 0, 8, "claim")
    assert annotation_id is not None
    session.tag_actor(annotation_id, "faleh al-fayyad", "speaker")
    assert project.annotation_detail(annotation_id).actors[0].actor_id == actor.id
    session.undo_stack.undo()
    assert project.actor(actor.id).name == "Falah al-Fayadh"


def test_date_tag_redo_keeps_its_id(session: ProjectSession) -> None:
    project = session.project
    annotation_id = session.annotate(first_article(project), 0, 8, "claim")
    assert annotation_id is not None
    session.tag_date(annotation_id, "May 2017")
    tag = project.annotation_detail(annotation_id).dates[0]
    session.undo_stack.undo()
    assert project.annotation_detail(annotation_id).dates == ()
    session.undo_stack.redo()
    assert project.annotation_detail(annotation_id).dates[0].id == tag.id
    session.remove_date(tag)
    session.undo_stack.undo()
    assert project.annotation_detail(annotation_id).dates[0].id == tag.id


def test_link_to_new_event_is_one_step(session: ProjectSession) -> None:
    project = session.project
    annotation_id = session.annotate(first_article(project), 0, 8, "claim")
    assert annotation_id is not None
    session.tag_date(annotation_id, "18 May 2017")
    assert session.link_event(annotation_id, "Assad–Fayadh meeting, Damascus", "reports")
    event = project.events()[0]
    assert event.start is not None and event.start.isoformat() == "2017-05-18"
    session.undo_stack.undo()
    assert project.events() == []
    session.undo_stack.redo()
    assert [e.id for e in project.events()] == [event.id]
    assert project.annotation_detail(annotation_id).events[0].event_id == event.id
    # An existing event is linked, not created again; a stance change undoes to the old one.
    assert session.link_event(annotation_id, "assad–fayadh meeting, damascus", "corroborates")
    assert len(project.events()) == 1
    session.undo_stack.undo()
    assert project.annotation_detail(annotation_id).events[0].stance == "reports"


def test_refused_edit_is_reported_and_not_pushed(qtbot, session: ProjectSession) -> None:
    with qtbot.waitSignal(session.failed) as blocker:
        assert session.annotate(first_article(session.project), 5, 5, "claim") is None
    assert "outside" in blocker.args[0] or "span" in blocker.args[0]
    assert session.undo_stack.count() == 0
