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


def test_annotation_spans_match_the_full_annotations(project: Project, tmp_path: Path) -> None:
    article_id = _article(project, tmp_path)
    later = project.annotate(article_id, 21, 35, kind="fact")
    first = project.annotate(article_id, 0, 13)
    same_start = project.annotate(article_id, 0, 5, kind="quote")
    spans = project.annotation_spans(article_id)
    full = project.annotations(article_id)
    assert [tuple(s) for s in spans] == [(a.id, a.start, a.end, str(a.kind)) for a in full]
    assert [s.id for s in spans] == [first.id, same_start.id, later.id]  # by start, then id
    assert spans[2].kind == "fact" and spans[2].start == 21


def test_annotations_with_ids_skip_the_deleted(project: Project, tmp_path: Path) -> None:
    article_id = _article(project, tmp_path)
    later = project.annotate(article_id, 21, 35, note="kept")
    first = project.annotate(article_id, 0, 13)
    gone = project.annotate(article_id, 3, 9)
    project.delete_annotation(gone.id)
    found = project.annotations_with_ids(iter([later.id, gone.id, first.id, later.id]))
    assert [a.id for a in found] == [first.id, later.id]  # by position, once each
    assert found[1].note == "kept" and found[1] == project.annotation(later.id)
    assert project.annotations_with_ids([]) == []
