"""Which files a dropped folder means."""

from __future__ import annotations

import os
from pathlib import Path

from parallax.ingest.discover import discover
from tests.ingest import makers


def test_browser_asset_folders_and_system_files_are_left_out(tmp_path: Path) -> None:
    makers.write(tmp_path / "story.html", "<html><body><p>x</p></body></html>")
    makers.write(tmp_path / "story_files" / "app.js", "alert(1)")
    makers.write(tmp_path / "story_files" / "logo.png", b"\x89PNG")
    makers.write(tmp_path / "notes_files" / "kept.txt", "no page called notes.html here")
    makers.write(tmp_path / "Thumbs.db", b"\x00")
    makers.write(tmp_path / ".DS_Store", b"\x00")
    files, problems = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in files] == [
        "notes_files/kept.txt",
        "story.html",
    ]
    assert problems == []


def test_links_in_circles_are_walked_once_and_dangling_links_reported(tmp_path: Path) -> None:
    makers.write(tmp_path / "a" / "one.txt", "one")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")
    os.symlink(tmp_path / "missing.txt", tmp_path / "a" / "gone.txt")
    files, problems = discover([tmp_path / "a", tmp_path / "a"])
    assert files == [tmp_path / "a" / "one.txt"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("gone.txt", "a link to a file that does not exist")
    ]


def test_missing_paths_are_problems_not_crashes(tmp_path: Path) -> None:
    files, problems = discover([tmp_path / "nope.txt"])
    assert files == [] and problems[0].reason == "no such file or folder"
