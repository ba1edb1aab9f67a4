"""`parallax PROJECT` starts, opens the project in a window, and quits cleanly (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import parallax
from tests.conftest import SAMPLE_CORPUS


def test_parallax_opens_a_project_window(tmp_path: Path) -> None:
    path = tmp_path / "s.parallax"
    with parallax.open_project(path) as project:
        project.import_files([SAMPLE_CORPUS])
    env = {
        **os.environ,
        "PARALLAX_EXIT_WHEN_READY": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "parallax", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ready"
    assert "Traceback" not in done.stderr


def test_no_display_gives_a_clear_message_not_a_crash(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "parallax", str(tmp_path / "x.parallax")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "QT_QPA_PLATFORM=offscreen" in done.stderr and "xvfb-run" in done.stderr
    assert "Traceback" not in done.stderr
