"""Import batches: folders, manifests, duplicates, and failures that change nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SAMPLE_CORPUS


def test_reimporting_the_same_texts_imports_nothing(sample_project) -> None:
    again = sample_project.import_files([SAMPLE_CORPUS])
    assert list(again) == [] and len(again.duplicates) == 5 and again.failures == []
    assert sample_project.info().articles == 5


def test_folders_are_walked_recursively_and_hidden_files_skipped(project, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One\nfirst text", "utf-8")
    (tmp_path / "a" / "b" / "two.md").write_text("# Two\nsecond", "utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text("hidden", "utf-8")
    result = project.import_files([tmp_path / "a"])
    assert sorted(a.title for a in result) == ["One", "Two"]


def test_bad_files_fail_alone_with_a_reason_and_the_rest_goes_on(project, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "sheet.xyz").write_text("what", "utf-8")
    (tmp_path / "good.txt").write_text("Good\nbody", "utf-8")
    result = project.import_files([tmp_path, tmp_path / "missing.txt"])
    assert [a.title for a in result] == ["Good"]
    reasons = {Path(f.path).name: f.reason for f in result.failures}
    assert set(reasons) == {"empty.txt", "binary.txt", "sheet.xyz", "missing.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert project.info().articles == 1


def test_encodings_and_line_ends_are_made_canonical(project, tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffBOM title\r\nline two\rthree".encode())
    (tmp_path / "u16.txt").write_bytes("UTF-16 title\nArabic الأسد".encode("utf-16"))
    (tmp_path / "latin.txt").write_bytes(
        "Caf\xe9 title\nd\xe9j\xe0 vu, na\xefve r\xe9sum\xe9".encode("cp1252")
    )
    result = {a.title: a for a in project.import_files([tmp_path])}
    assert result["BOM title"].text == "BOM title\nline two\nthree"
    assert "الأسد" in result["UTF-16 title"].text
    assert "Café title" in result


def test_manifest_metadata_overrides_only_what_it_states(project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\nBy Rudaw 18/5/2017\nBody", "utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps([{"file": "a.txt", "title": "Real title", "url": "https://example.org/a"}]),
        "utf-8",
    )
    (article,) = project.import_files([tmp_path])
    assert article.title == "Real title"
    assert article.url == "https://example.org/a"
    assert article.outlet == "Rudaw" and str(article.published) == "2017-05-18"


def test_outlets_are_matched_not_duplicated(project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\nBy Rudaw 18/5/2017\nx", "utf-8")
    (tmp_path / "b.txt").write_text("B\nBy rudaw 19/5/2017\ny", "utf-8")
    project.import_files([tmp_path])
    assert [o.name for o in project.outlets()] == ["Rudaw"]
