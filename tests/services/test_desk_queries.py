"""The per-article reads the reading desk needs: event links (connectors) and tag ids
(colour by tag), each one query for the whole article."""

from __future__ import annotations

from pathlib import Path

from parallax.services.project import Project


def _article(project: Project, tmp_path: Path) -> int:
    source = tmp_path / "a.txt"
    source.write_text("First passage here.\n\nSecond passage there.\n", encoding="utf-8")
    (article,) = project.import_files([source])
    return article.id


def test_article_event_links_come_by_position(project: Project, tmp_path: Path) -> None:
    article_id = _article(project, tmp_path)
    later = project.annotate(article_id, 21, 35)
    first = project.annotate(article_id, 0, 13)
    meeting = project.create_event("Meeting")
    border = project.create_event("Border")
    project.link(later.id, meeting.id, "contradicts")
    project.link(first.id, border.id, "reports")
    project.link(first.id, meeting.id, "adds detail")
    assert meeting.id < border.id
    links = project.article_event_links(article_id)
    assert [(link.annotation_id, link.event_id, str(link.stance)) for link in links] == [
        (first.id, meeting.id, "adds detail"),  # by position, then by event
        (first.id, border.id, "reports"),
        (later.id, meeting.id, "contradicts"),
    ]


def test_article_annotation_tags_group_by_annotation(project: Project, tmp_path: Path) -> None:
    article_id = _article(project, tmp_path)
    first = project.annotate(article_id, 0, 13)
    second = project.annotate(article_id, 21, 35)
    red, blue = project.add_tag("Red", colour="#ff0000"), project.add_tag("Blue")
    project.tag_annotation(first.id, blue.id)
    project.tag_annotation(first.id, red.id)
    assert project.article_annotation_tags(article_id) == {
        first.id: tuple(sorted((red.id, blue.id)))
    }
    assert second.id not in project.article_annotation_tags(article_id)
