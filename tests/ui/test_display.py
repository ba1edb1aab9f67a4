"""No display: a clear message and exit code 2, never a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys

from parallax.ui.display import display_problem


def test_linux_without_any_display_is_a_problem() -> None:
    message = display_problem({}, "linux")
    assert message is not None
    assert "QT_QPA_PLATFORM=offscreen" in message
    assert "xvfb-run -a parallax" in message


def test_a_display_or_an_explicit_platform_is_enough() -> None:
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"DISPLAY": "  "}, "freebsd14") is not None


def test_windows_and_macos_always_have_a_display() -> None:
    assert display_problem({}, "win32") is None
    assert display_problem({}, "darwin") is None


def test_run_gui_without_display_exits_2_with_the_message(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    code = "import sys; from parallax.ui.app import run_gui; sys.exit(run_gui(None))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "Parallax needs a display" in done.stderr
    assert "Traceback" not in done.stderr
