"""SerialRunner: slow analysis runs in a second process, results come back on the GUI
thread, only the newest job per purpose reports, and a dead process is survived."""

from __future__ import annotations

import operator
import os

from parallax.domain.errors import NotFoundError
from parallax.services.project import Project
from parallax.ui.serial_runner import SerialRunner
from tests.services.test_background import _crash, _pid
from tests.ui.demo_fixtures import demo_path, demo_project, demo_template, runner

__all__ = ["demo_path", "demo_project", "demo_template", "runner"]


def test_results_arrive_on_the_gui_thread_from_another_process(qtbot, runner: SerialRunner) -> None:
    got: list[object] = []
    with qtbot.waitSignal(runner.busy_changed, timeout=60000, check_params_cb=lambda b: not b):
        runner.submit("pid", _pid, got.append)
    assert len(got) == 1 and got[0] != os.getpid()
    assert not runner.busy


def test_only_the_newest_job_per_key_reports(
    qtbot, runner: SerialRunner, demo_project: Project
) -> None:
    got: list[object] = []
    articles = demo_project.articles()
    for article in articles:  # clicked through quickly: one answer, for the last
        runner.submit("title", operator.methodcaller("article", article.id), got.append)
    qtbot.waitUntil(lambda: not runner.busy, timeout=60000)
    assert [a.id for a in got] == [articles[-1].id]  # type: ignore[attr-defined]


def test_failures_reach_the_failed_callback_and_a_crash_is_survived(
    qtbot, runner: SerialRunner
) -> None:
    errors: list[BaseException] = []
    runner.submit("missing", operator.methodcaller("article", 987_654), print, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=60000)
    assert isinstance(errors[0], NotFoundError)
    runner.submit("crash", _crash, print, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=60000)
    assert "stopped" in str(errors[1])
    got: list[object] = []
    runner.submit("pid", _pid, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=60000)


def test_after_shutdown_jobs_are_refused(qtbot, runner: SerialRunner) -> None:
    runner.shutdown()
    assert runner.submit("pid", _pid, print) == 0
    assert not runner.busy
