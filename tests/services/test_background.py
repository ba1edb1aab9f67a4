"""The background process: jobs run in another process on the same project file, see
what the GUI commits, report failures with their type, and a crash is noticed."""

from __future__ import annotations

import operator
import os
import queue
from functools import partial

import pytest

from parallax.domain.errors import NotFoundError
from parallax.services.background import BackgroundProcess, Reply
from parallax.services.project import Project


def _pid(_project: Project) -> int:
    return os.getpid()


def _chatty(project: Project) -> int:
    print("a library printing to stdout must not corrupt the reply")
    return len(project.articles())


def _crash(_project: Project) -> None:
    os._exit(3)


class Listener:
    def __init__(self) -> None:
        self.replies: queue.Queue[Reply] = queue.Queue()
        self.exits: queue.Queue[bool] = queue.Queue()

    def reply(self, timeout: float = 60) -> Reply:
        return self.replies.get(timeout=timeout)


@pytest.fixture
def listener() -> Listener:
    return Listener()


@pytest.fixture
def worker(sample_project: Project, listener: Listener):
    process = BackgroundProcess(
        sample_project.address, listener.replies.put, lambda: listener.exits.put(True)
    )
    yield process
    process.stop()


def test_jobs_run_in_another_process_and_see_committed_edits(
    sample_project: Project, worker: BackgroundProcess, listener: Listener
) -> None:
    worker.send(1, _pid)
    reply = listener.reply()
    assert reply.token == 1 and reply.ok
    assert reply.value != os.getpid()  # not a thread of ours: no fight for the GIL
    article = sample_project.articles()[0]
    annotation = sample_project.annotate(article.id, 0, 5)
    worker.send(2, partial(Project.annotation, annotation_id=annotation.id))
    assert listener.reply().value == annotation


def test_failures_come_back_with_their_type(worker: BackgroundProcess, listener: Listener) -> None:
    worker.send(7, operator.methodcaller("article", 999_999))
    reply = listener.reply()
    assert reply.token == 7 and not reply.ok
    assert isinstance(reply.value, NotFoundError)


def test_printing_does_not_corrupt_replies(
    sample_project: Project, worker: BackgroundProcess, listener: Listener
) -> None:
    worker.send(1, _chatty)
    assert listener.reply().value == len(sample_project.articles())


def test_a_crash_is_reported_and_the_next_job_starts_a_new_process(
    worker: BackgroundProcess, listener: Listener
) -> None:
    worker.send(1, _crash)
    assert listener.exits.get(timeout=60)
    assert not worker.running
    worker.send(2, _pid)
    assert listener.reply().ok


def _sleep_long(_project: Project) -> None:
    import time

    time.sleep(120)


def test_the_worker_ends_when_the_window_process_dies(sample_project: Project) -> None:
    """A window that exits without closing must not leave a worker computing for minutes."""
    import subprocess
    import sys
    import time

    script = (
        "import sys, time; sys.path.insert(0, '.')\n"
        "from parallax.services.background import BackgroundProcess\n"
        "from tests.services.test_background import _sleep_long\n"
        f"p = BackgroundProcess({sample_project.address!r}, print, print)\n"
        "p.send(1, _sleep_long); time.sleep(3)\n"
        "print(p._child.pid, flush=True)\n"
        "import os; os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    worker = int(done.stdout.split()[-1])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.2)
    os.kill(worker, 9)
    raise AssertionError("the worker outlived its parent")
