"""Marking and unmarking boilerplate by hand, and undoing it."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def article(project, tmp_path: Path):
    (tmp_path / "a.txt").write_text("Title\n" + "x" * 200, "utf-8")
    (article,) = project.import_files([tmp_path / "a.txt"])
    return article


def spans(project, article_id: int) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in project.excluded_spans(article_id)]


def test_mark_merges_touching_spans_and_undo_restores(project, article) -> None:
    project.mark_boilerplate(article.id, 10, 20)
    project.mark_boilerplate(article.id, 30, 40)
    replaced = project.mark_boilerplate(article.id, 15, 35)
    assert spans(project, article.id) == [(10, 40)]
    project.restore_spans(article.id, 15, 35, replaced)
    assert spans(project, article.id) == [(10, 20), (30, 40)]


def test_unmark_splits_a_span_and_undo_restores(project, article) -> None:
    project.mark_boilerplate(article.id, 10, 100)
    replaced = project.unmark_boilerplate(article.id, 40, 50)
    assert spans(project, article.id) == [(10, 40), (50, 100)]
    project.restore_spans(article.id, 40, 50, replaced)
    assert spans(project, article.id) == [(10, 100)]


def test_marked_text_leaves_search(project, article, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Headline\nShare this article now. Real body.", "utf-8")
    (b,) = project.import_files([tmp_path / "b.txt"])
    start = b.text.index("Share")
    assert project.search("share this article")
    project.mark_boilerplate(b.id, start, start + len("Share this article now."))
    assert project.search("share this article") == []
