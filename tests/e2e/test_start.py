"""`parallax PROJECT` starts, opens the project in a window, and quits cleanly (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def test_bench_start_clock_stops_at_ready_not_at_exit() -> None:
    """The budget is start to a usable window: teardown after "ready" is not timed, but
    the benchmark still waits for the process to end."""
    from tests.bench.gui import time_to_ready_ms

    script = "import time; print('ready', flush=True); time.sleep(1.5)"
    began = time.perf_counter()
    elapsed = time_to_ready_ms([sys.executable, "-c", script], dict(os.environ))
    assert elapsed < 1000
    assert time.perf_counter() - began >= 1.5


def test_bench_start_fails_when_ready_never_comes() -> None:
    from tests.bench.gui import time_to_ready_ms

    script = "import sys; print('no window', flush=True); sys.exit(3)"
    with pytest.raises(RuntimeError, match="did not start"):
        time_to_ready_ms([sys.executable, "-c", script], dict(os.environ))


def test_garbage_collection_is_back_on_once_the_project_is_open(tmp_path: Path) -> None:
    """Start-up runs without the cyclic collector (it found nothing to free there)."""
    path = tmp_path / "s.parallax"
    parallax.open_project(path).close()
    script = (
        "import gc, sys\n"
        "import parallax.ui.app as app\n"
        "report = app._report_ready\n"
        "def ready(qt_app, window):\n"
        "    print('collecting', gc.isenabled(), window.session is not None, flush=True)\n"
        "    report(qt_app, window)\n"
        "app._report_ready = ready\n"
        "sys.exit(app.run_gui(sys.argv[1]))\n"
    )
    env = {
        **os.environ,
        "PARALLAX_EXIT_WHEN_READY": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "collecting True True" in done.stdout
