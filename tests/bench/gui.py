"""GUI measurements in a real window (QT_QPA_PLATFORM=offscreen): open, show, highlight."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QSettings, qInstallMessageHandler
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

import parallax
from parallax.ui.main_window import MainWindow
from tests.bench.measure import median_ms


def app() -> QApplication:
    application = QApplication.instance()
    if application is None:
        application = QApplication([])
        qInstallMessageHandler(_quiet_platform)
    return application


def _quiet_platform(_kind: object, _context: object, message: str) -> None:
    """The offscreen platform says it cannot resize windows to their size hints each time
    one is shown: hundreds of lines around the table. Everything else Qt says is kept."""
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def settle() -> None:
    """Let Qt lay out and paint what is pending, as a user would see it."""
    application = app()
    application.processEvents()
    application.processEvents()
    # deleteLater happens when control returns to an event loop; there is none here.
    application.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def start_ms(project: Path, runs: int = 5) -> dict[str, float]:
    """Process start of `parallax PROJECT` until its window is up and answering ("window":
    painted, event loop running, the project on its way) and until the project is shown
    in it ("ready"): medians of `runs` after one warm-up. Qt and SQLAlchemy teardown after
    "ready" is nobody's wait, so the exit is awaited untimed."""
    env = {**os.environ, "PARALLAX_EXIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "parallax", str(project)]
    runs_seen = [time_to_lines_ms(command, env) for _ in range(runs + 1)][1:]
    return {line: statistics.median(seen[line] for seen in runs_seen) for line in LINES}


LINES = ("window", "ready")


def time_to_lines_ms(
    command: list[str], env: dict[str, str], timeout: float = 120
) -> dict[str, float]:
    """Milliseconds from starting `command` until it printed each of LINES; then wait
    (untimed) for it to exit. Raises if a line never came, the command failed, or it took
    over `timeout` seconds in all (a watchdog kills it, so a hung start cannot hang the
    benchmark)."""
    with tempfile.TemporaryFile("w+") as errors:  # a file, not a pipe nobody reads yet
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        )
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            seen = _read_lines(process, start)
            process.communicate()
        finally:
            watchdog.cancel()
        if set(seen) != set(LINES) or process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"parallax did not start: {errors.read()[-2000:]}")
    return seen


def _read_lines(process: subprocess.Popen[str], start: float) -> dict[str, float]:
    """Milliseconds since `start` at which each of LINES came, until "ready" or the end."""
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        if line.strip() in LINES:
            seen[line.strip()] = (time.perf_counter() - start) * 1000
        if line.strip() == "ready":
            break
    return seen


class Desk:
    """A main window on an open project, for in-process measurements."""

    def __init__(self, path: Path, settings_dir: Path) -> None:
        app()
        settings = QSettings(str(settings_dir / "bench.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(settings)
        self.window.resize(1400, 900)
        self.window.show()
        self.project = parallax.open_project(path)
        self.window.attach_project(self.project)
        settle()

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        settle()

    def show_ms(self, article_id: int, runs: int = 5) -> float:
        """Open the article in the window until it is painted; each run starts from a
        desk without it (closing its pane is not timed), else only the first run would
        load anything and the rest would just focus the pane already showing it."""
        times = []
        for run in range(runs + 1):
            self.close_panes()
            start = time.perf_counter()
            self.window.open_article(article_id)
            settle()
            if run:  # the first run warms caches
                times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    def close_panes(self) -> None:
        desk = self.window.desk
        while desk is not None and desk.panes:
            desk.close_pane(desk.panes[0])
        settle()

    def highlight_ms(self, article_id: int, at: int, runs: int = 5) -> float:
        """Select a span and make a claim through the GUI action: commit plus repaint.
        Fails if any of them did not become an annotation (a no-op is not fast)."""
        pane = self.window.open_article(article_id)
        settle()
        position = [at]
        before = len(self.project.annotations(article_id))

        def highlight() -> None:
            cursor = pane.view.textCursor()
            cursor.setPosition(position[0])
            cursor.setPosition(position[0] + 40, QTextCursor.MoveMode.KeepAnchor)
            pane.view.setTextCursor(cursor)
            self.window.make_annotation("claim")
            settle()
            position[0] += 97

        elapsed = median_ms(highlight, runs=runs)
        made = len(self.project.annotations(article_id)) - before
        if made != runs + 1:
            raise RuntimeError(f"{made} of {runs + 1} highlights were made in {article_id}")
        return elapsed


def open_window_ms(path: Path, settings_dir: Path, runs: int = 5) -> float:
    """Open a project in a fresh window until it is shown and usable: median of `runs`
    after one warm-up."""
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        desk = Desk(path, settings_dir)
        times.append((time.perf_counter() - start) * 1000)
        desk.project.close()
        desk.close()
    return statistics.median(times[1:])


def peak_rss_mb(project: Path) -> float:
    """Peak resident memory of `parallax PROJECT`, in its own process, from start until
    its window is open and painted: nothing else this benchmark did is counted."""
    env = {**os.environ, "PARALLAX_EXIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "parallax", str(project)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    watchdog = threading.Timer(120, process.kill)
    watchdog.start()
    try:
        said = process.stdout.read() if process.stdout is not None else ""
        _pid, status, usage = os.wait4(process.pid, 0)
    finally:
        watchdog.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0 or "ready" not in said:
        raise RuntimeError(f"parallax did not start on {project}")
    return usage.ru_maxrss / 1024  # KiB on Linux
