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
    assert done.stdout.split() == ["window", "ready"]  # the window first, then the project
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
    from tests.bench.gui import time_to_lines_ms

    script = (
        "import time; print('window', flush=True); time.sleep(0.3); "
        "print('ready', flush=True); time.sleep(1.5)"
    )
    began = time.perf_counter()
    seen = time_to_lines_ms([sys.executable, "-c", script], dict(os.environ))
    assert seen["window"] + 250 < seen["ready"] < 1500
    assert time.perf_counter() - began >= 1.8


def test_bench_start_fails_when_ready_never_comes() -> None:
    from tests.bench.gui import time_to_lines_ms

    script = "import sys; print('window', flush=True); sys.exit(3)"
    with pytest.raises(RuntimeError, match="did not start"):
        time_to_lines_ms([sys.executable, "-c", script], dict(os.environ))


def run_patched_gui(tmp_path: Path, patch: str) -> subprocess.CompletedProcess[str]:
    """`parallax.ui.app.run_gui` on a small project in a fresh interpreter (so that the
    data layer is not imported yet), after the Python lines `patch`."""
    path = tmp_path / "s.parallax"
    parallax.open_project(path).close()
    script = (
        f"import sys\nimport parallax.ui.app as app\n{patch}\nsys.exit(app.run_gui(sys.argv[1]))\n"
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
    return done


def test_the_data_layer_comes_in_on_a_thread_while_the_window_is_up(tmp_path: Path) -> None:
    """SQLAlchemy is most of start-up: the window is shown without it, and the event loop
    runs while it is imported elsewhere."""
    patch = (
        "import threading\n"
        "import parallax.ui.data_loader as loader\n"
        "load = loader.DataLayerLoader._load\n"
        "def spy(self):\n"
        "    main = threading.current_thread() is threading.main_thread()\n"
        "    print('loading on main thread:', main, flush=True)\n"
        "    print('sqlalchemy before:', 'sqlalchemy' in sys.modules, flush=True)\n"
        "    load(self)\n"
        "loader.DataLayerLoader._load = spy\n"
    )
    said = run_patched_gui(tmp_path, patch).stdout.splitlines()
    assert "loading on main thread: False" in said
    assert "sqlalchemy before: False" in said
    assert said.index("window") < said.index("ready")


def test_garbage_collection_is_back_on_once_the_project_is_open(tmp_path: Path) -> None:
    """Start-up runs without the cyclic collector (it found nothing to free there)."""
    patch = (
        "import gc\n"
        "report = app._report\n"
        "def spy(qt_app, window, line):\n"
        "    if line == 'ready':\n"
        "        print('collecting', gc.isenabled(), window.session is not None, flush=True)\n"
        "    report(qt_app, window, line)\n"
        "app._report = spy\n"
    )
    assert "collecting True True" in run_patched_gui(tmp_path, patch).stdout


def test_python_imports_skip_pyside_feature_hook() -> None:
    """PySide6 reads the source of each module imported after it; the data layer is
    imported without that. If a PySide release drops the hook, the second half fails
    and `python_import` can go."""
    script = (
        "import parallax.ui.python_import as plain\n"
        "import PySide6.QtCore\n"
        "import shibokensupport.feature as feature\n"
        "with plain.python_imports():\n"
        "    import csv\n"
        "import builtins\n"
        "print('restored', builtins.__import__ is not plain.PYTHON_IMPORT)\n"
        "print('csv seen', 'csv' in feature.pyside_feature_dict)\n"
        "import tomllib\n"
        "print('tomllib seen', 'tomllib' in feature.pyside_feature_dict)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["restored True", "csv seen False", "tomllib seen True"]
