"""Project.search: folded phrase search with exact offsets, boilerplate left out, notes too."""

from __future__ import annotations

from pathlib import Path

import parallax
from tests.conftest import article_by_file


def test_ordinary_spaces_find_no_break_spaces(sample_project) -> None:
    hits = sample_project.search("Faleh al-Fayad")
    times = article_by_file(sample_project, "001")
    assert hits, "expected hits"
    for hit in hits:
        text = sample_project.article(hit.article_id).text
        found = text[hit.start : hit.end]
        assert found.replace("\u00a0", " ").replace("  ", " ").lower().startswith("faleh")
    assert any("\u00a0" in times.text[h.start : h.end] for h in hits if h.article_id == times.id), (
        "the Syria Times spelling has a no-break space inside the name"
    )


def test_case_and_diacritics_fold(project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Título\nEl Café de Damasco reabrió.", "utf-8")
    (article,) = project.import_files([tmp_path / "a.txt"])
    (hit,) = project.search("cafe de damasco")
    assert article.text[hit.start : hit.end] == "Café de Damasco"
    assert "Café de Damasco" in hit.snippet


def test_offsets_are_exact_after_emoji(project, tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text("T\n😀😀 and then Mosul fell 😀 Mosul", "utf-8")
    (article,) = project.import_files([tmp_path / "e.txt"])
    hits = project.search("mosul")
    assert [article.text[h.start : h.end] for h in hits] == ["Mosul", "Mosul"]


def test_whole_words_only_and_empty_queries(sample_project) -> None:
    assert sample_project.search("   ") == []
    assert sample_project.search("!!") == []
    assert all(
        sample_project.article(h.article_id).text[h.start : h.end].lower() == "iraq"
        for h in sample_project.search("Iraq", limit=500)
    )


def test_index_follows_imports_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "s.parallax"
    with parallax.open_project(path) as p:
        assert p.search("zebra") == []
        (tmp_path / "z.txt").write_text("Z\nA zebra crossed the border.", "utf-8")
        p.import_files([tmp_path / "z.txt"])
        assert len(p.search("zebra")) == 1
    with parallax.open_project(path) as p:
        assert len(p.search("Zebra crossed")) == 1


def test_notes_are_searched(sample_project) -> None:
    article = article_by_file(sample_project, "000")
    ann = sample_project.annotate(article.id, 0, 10, note="Check against SANA wire")
    (hit,) = sample_project.search("sana wire")
    assert hit.annotation_id == ann.id and hit.snippet.startswith("Note:")
    sample_project.update_annotation(ann.id, note="changed")
    assert sample_project.search("sana wire") == []


def test_limit_is_respected(sample_project) -> None:
    assert len(sample_project.search("Syria", limit=3)) == 3
