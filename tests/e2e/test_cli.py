"""The `parallax` command, run as a user runs it: a real process on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docx

from tests.conftest import SAMPLE_CORPUS

PARALLAX = [sys.executable, "-m", "parallax"]


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*PARALLAX, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "parallax 0.1.0"


def test_new_import_info_export(tmp_path: Path) -> None:
    project = tmp_path / "cli.parallax"
    assert run("new", project).returncode == 0
    assert run("new", project).returncode == 1, "refuses to overwrite"
    imported = run("import", project, SAMPLE_CORPUS)
    assert imported.returncode == 0, imported.stderr
    assert "5 imported, 0 already present, 0 failed" in imported.stdout
    assert "Rudaw, 2017-05-18" in imported.stdout
    assert "Press TV, 2016-07" in imported.stdout
    info = run("info", project, "--json")
    assert json.loads(info.stdout) == {
        "outlets": 3,
        "articles": 5,
        "annotations": 0,
        "actors": 0,
        "events": 0,
        "links": 0,
    }
    out = tmp_path / "brief.docx"
    exported = run("export", "brief", project, "-o", out, "--title", "CLI brief")
    assert exported.returncode == 0, exported.stderr
    assert docx.Document(str(out)).paragraphs[0].text == "CLI brief"


def test_import_exits_non_zero_and_names_the_failed_file(tmp_path: Path) -> None:
    bad = tmp_path / "in" / "broken.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "in" / "ok.txt").write_text("Fine\ntext", "utf-8")
    result = run("import", tmp_path / "p.parallax", tmp_path / "in")
    assert result.returncode == 1
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    assert "1 imported" in result.stdout


def test_missing_project_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = run("info", tmp_path / "nothing.parallax")
    assert result.returncode == 1
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_builds_a_project_in_the_user_data_folder(tmp_path: Path) -> None:
    from parallax.cli import prepare_demo

    os.environ["XDG_DATA_HOME"] = str(tmp_path)
    try:
        path = prepare_demo()
        again = prepare_demo()
    finally:
        del os.environ["XDG_DATA_HOME"]
    assert path == again and path.is_relative_to(tmp_path)
    import parallax

    with parallax.open_project(path) as project:
        info = project.info()
    assert (info.articles, info.events) == (5, 2)
    assert info.links == 4, "each demo event is linked from two outlets"


def test_preview_reports_each_file_and_writes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "p.parallax"
    result = run("import", project, SAMPLE_CORPUS, "--preview")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 5 and all(line.startswith("new") for line in lines)
    assert any("Rudaw" in line and "2017-05-18" in line for line in lines)
    assert json.loads(run("info", project, "--json").stdout)["articles"] == 0


def test_near_duplicates_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = (SAMPLE_CORPUS / "002_665f41902ace5401.txt").read_text("utf-8")
    (folder / "a.txt").write_text(body, "utf-8")
    (folder / "b.txt").write_text("Menu | Home | World\n\n" + body + "\nShare this\n", "utf-8")
    result = run("import", tmp_path / "p.parallax", folder)
    assert result.returncode == 0, result.stderr
    assert "nearly the same text as article 1" in result.stdout


def test_demo_opens_on_two_linked_reports(tmp_path: Path) -> None:
    """A new user's first window shows the product at work: two outlets side by side."""
    from parallax.cli import prepare_demo

    os.environ["XDG_DATA_HOME"] = str(tmp_path)
    try:
        path = prepare_demo()
    finally:
        del os.environ["XDG_DATA_HOME"]
    import parallax

    with parallax.open_project(path) as project:
        desk = project.setting("desk")
        outlets = [project.article(p["article"]).outlet for p in desk["panes"]]
        assert outlets == ["Rudaw", "Syria Times"]
        assert project.memo().startswith("Syrian and Iraqi officials")


def test_make_run_shows_the_window_then_builds_and_opens_the_demo(tmp_path: Path) -> None:
    """`parallax --demo` (what `make run` starts): the window comes first; the demo is
    built on the first start while it is up, then opened in it."""
    env = {
        **os.environ,
        "PARALLAX_EXIT_WHEN_READY": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    for _ in range(2):  # built the first time, opened as it is the second
        done = subprocess.run(
            [sys.executable, "-m", "parallax", "--demo"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["window", "ready"]
        assert "Traceback" not in done.stderr
    import parallax

    with parallax.open_project(tmp_path / "data" / "Parallax" / "demo.parallax") as project:
        assert project.info().articles == 5
