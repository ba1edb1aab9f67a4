"""ProjectSession.annotation_detail reads once between edits, and never serves a stale
detail: not to the next caller, and not to a listener of the change bus."""

from __future__ import annotations

from parallax.domain.model import Changes
from parallax.ui.session import ProjectSession
from tests.ui.demo_fixtures import demo_path, demo_project, demo_template, session

__all__ = ["demo_path", "demo_project", "demo_template", "session"]


def test_detail_is_read_once_and_fresh_after_each_edit(session: ProjectSession) -> None:
    project = session.project
    article = project.articles()[0]
    annotation = project.annotate(article.id, 0, 12)
    first = session.annotation_detail(annotation.id)
    assert session.annotation_detail(annotation.id) is first  # no second read
    seen_by_listener: list[list[str]] = []

    def listener(changes: Changes) -> None:
        if annotation.id in changes.annotations:
            detail = session.annotation_detail(annotation.id)
            seen_by_listener.append([a.actor_name for a in detail.actors])

    session.bus.changes_applied.connect(listener)
    assert session.tag_actor(annotation.id, "Falah al-Fayadh", "speaker")
    assert seen_by_listener and all("Falah al-Fayadh" in names for names in seen_by_listener)
    assert "Falah al-Fayadh" in [
        a.actor_name for a in session.annotation_detail(annotation.id).actors
    ]
    assert session.annotation_detail(annotation.id) is not first
