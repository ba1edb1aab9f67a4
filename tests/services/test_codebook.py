"""The codebook on a real SQLite project: tags, nesting, merge, delete/restore, tagging."""

from __future__ import annotations

from pathlib import Path

import pytest

from parallax.domain.errors import InvalidInputError, NotFoundError
from parallax.domain.model import Changes
from parallax.services import codebook
from parallax.services.project import Project


@pytest.fixture
def annotated(project: Project, tmp_path: Path) -> tuple[Project, list[int]]:
    """A project with one article and three annotations on it."""
    (tmp_path / "a.txt").write_text("Title\nAlpha beta gamma delta epsilon.", "utf-8")
    (article,) = project.import_files([tmp_path / "a.txt"])
    ids = [project.annotate(article.id, s, s + 4).id for s in (6, 12, 17)]
    return project, ids


def test_create_rename_colour_and_paths(project: Project) -> None:
    military = project.add_tag("Military")
    border = project.add_tag("  Border   control ", military.id, "#AA3300")
    assert border.name == "Border control" and border.colour == "#aa3300"
    assert border.parent_id == military.id
    project.rename_tag(military.id, "Security")
    project.set_tag_colour(military.id, "#112233")
    assert project.tag_paths() == {military.id: "Security", border.id: "Security/Border control"}
    assert {t.name for t in project.tags()} == {"Security", "Border control"}


@pytest.mark.parametrize(
    ("name", "colour"), [("", ""), ("a/b", ""), ("x" * 201, ""), ("ok", "red"), ("ok", "#12345")]
)
def test_bad_names_and_colours_are_refused(project: Project, name: str, colour: str) -> None:
    with pytest.raises(InvalidInputError):
        project.add_tag(name, colour=colour)
    assert project.tags() == []


def test_sibling_names_are_unique_but_cousins_may_repeat(project: Project) -> None:
    a, b = project.add_tag("A"), project.add_tag("B")
    project.add_tag("x", a.id)
    project.add_tag("x", b.id)
    with pytest.raises(InvalidInputError):
        project.add_tag("X", a.id)
    with pytest.raises(InvalidInputError):
        project.rename_tag(b.id, "a")
    project.rename_tag(a.id, "a")  # the same tag may change its case


def test_nesting_refuses_cycles(project: Project) -> None:
    top = project.add_tag("Top")
    mid = project.add_tag("Mid", top.id)
    low = project.add_tag("Low", mid.id)
    for parent in (top.id, mid.id, low.id):
        with pytest.raises(InvalidInputError):
            project.move_tag(top.id, parent)
    moved = project.move_tag(low.id, None)
    assert moved.parent_id is None
    project.move_tag(top.id, low.id)
    assert project.tag_paths()[mid.id] == "Low/Top/Mid"
    with pytest.raises(NotFoundError):
        project.move_tag(top.id, 9999)


def test_tagging_annotations(annotated) -> None:
    project, (a1, a2, _a3) = annotated
    tag = project.add_tag("Claim type")
    seen: list[Changes] = []
    project.subscribe(seen.append)
    assert project.tag_annotation(a1, tag.id) is True
    assert project.tag_annotation(a1, tag.id) is False
    assert project.tag_annotation(a2, tag.id) is True
    assert seen[0] == Changes(annotations=frozenset({a1}), tags=frozenset({tag.id}))
    assert len(seen) == 2, "a no-op publishes nothing"
    assert project.annotations_with_tag(tag.id) == [a1, a2]
    assert project.annotation_detail(a1).tag_ids == (tag.id,)
    assert project.untag_annotation(a1, tag.id) is True
    assert project.untag_annotation(a1, tag.id) is False
    assert project.annotations_with_tag(tag.id) == [a2]
    assert project.tag_usage() == {tag.id: 1}
    with pytest.raises(NotFoundError):
        project.tag_annotation(9999, tag.id)


def test_subtag_annotations(annotated) -> None:
    project, (a1, a2, _a3) = annotated
    top = project.add_tag("Top")
    low = project.add_tag("Low", top.id)
    project.tag_annotation(a1, top.id)
    project.tag_annotation(a2, low.id)
    assert project.annotations_with_tag(top.id) == [a1]
    assert project.annotations_with_tag(top.id, include_subtags=True) == [a1, a2]


def test_delete_and_restore_keep_ids_links_and_children(annotated) -> None:
    project, (a1, a2, a3) = annotated
    top = project.add_tag("Top", colour="#010203")
    low = project.add_tag("Low", top.id)
    project.tag_annotation(a1, top.id)
    project.tag_annotation(a2, low.id)
    project.tag_annotation(a3, low.id)
    before = project.tags()
    gone = project.delete_tag(top.id)
    assert project.tags() == []
    assert project.annotation_detail(a2).tag_ids == ()
    assert [t.id for t in gone.tags] == [top.id, low.id]
    project.delete_annotation(a3)  # deleted meanwhile: its link is not restored
    back = project.restore_tag(gone)
    assert back == top
    assert project.tags() == before
    assert project.annotations_with_tag(low.id) == [a2]
    assert project.annotations_with_tag(top.id) == [a1]


def test_merge_moves_annotations_and_subtags_and_unmerges(annotated) -> None:
    project, (a1, a2, a3) = annotated
    source = project.add_tag("Fayyad")
    target = project.add_tag("Fayad")
    child = project.add_tag("Quotes", source.id)
    project.tag_annotation(a1, source.id)
    project.tag_annotation(a2, source.id)
    project.tag_annotation(a2, target.id)
    project.tag_annotation(a3, target.id)
    merged = project.merge_tags(source.id, target.id)
    assert merged.added == (a1,)
    assert source.id not in {t.id for t in project.tags()}
    assert project.annotations_with_tag(target.id) == [a1, a2, a3]
    assert project.tag_paths()[child.id] == "Fayad/Quotes"
    project.unmerge_tags(merged)
    assert project.annotations_with_tag(source.id) == [a1, a2]
    assert project.annotations_with_tag(target.id) == [a2, a3]
    assert project.tag_paths()[child.id] == "Fayyad/Quotes"


def test_merge_refusals(project: Project) -> None:
    a = project.add_tag("A")
    a_child = project.add_tag("x", a.id)
    b = project.add_tag("B")
    project.add_tag("x", b.id)
    for source, target in ((a.id, a.id), (a.id, a_child.id), (a.id, b.id)):
        with pytest.raises(InvalidInputError):
            project.merge_tags(source, target)
    assert len(project.tags()) == 4


def test_path_helpers(project: Project) -> None:
    top = project.add_tag("Military")
    low = project.add_tag("Border", top.id)
    tags = project.tags()
    assert codebook.split_path(" Military / Border/ ") == ["Military", "Border"]
    assert codebook.resolve_path(tags, "military/border") == (low.id, [])
    assert codebook.resolve_path(tags, "Military/Air/Drones") == (top.id, ["Air", "Drones"])
    assert codebook.resolve_path(tags, "Politics") == (None, ["Politics"])
