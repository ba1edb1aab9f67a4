"""Slow analysis for the panels (suggestions, dates, names), run in a second process.

`submit(key, job, done)` runs `job(project)` in the background process
(`parallax.services.background`) and calls `done(result)` on the GUI thread. Jobs run one
at a time; while one runs, only the newest job per key waits, so a claim clicked and
then another one costs one ranking, not two, and a newer job makes an older one's result
moot. The process starts with the first job and is stopped with `shutdown()`.

Jobs must be picklable and must not need Qt: a module-level function of `parallax.services`
(or `functools.partial` of one) or `operator.methodcaller` on the `Project`.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from parallax.services.background import BackgroundProcess, Job, Reply, WorkerStopped

logger = logging.getLogger(__name__)

Done = Callable[[object], None]
Failed = Callable[[BaseException], None]


class SerialRunner(QObject):
    """`submit(key, job, done)`: `done(result)` on the GUI thread unless superseded."""

    busy_changed = Signal(bool)
    _replied = Signal(object)  # Reply, from the reader thread
    _exited = Signal()

    def __init__(self, project_address: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: BackgroundProcess | None = BackgroundProcess(
            project_address, self._replied.emit, self._exited.emit
        )
        self._tokens = itertools.count(1)
        self._latest: dict[str, int] = {}  # key -> its newest token
        self._waiting: dict[str, tuple[int, Job]] = {}  # key -> newest job not sent yet
        self._callbacks: dict[int, tuple[str, Done, Failed | None]] = {}
        self._running: int | None = None  # the token the process is working on
        self._replied.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._exited.connect(self._process_ended, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._running is not None or bool(self._waiting)

    def submit(self, key: str, job: Job, done: Done, failed: Failed | None = None) -> int:
        """Run `job` after the running one; only the newest job per `key` reports."""
        if self._process is None:
            return 0
        token = next(self._tokens)
        was_busy = self.busy
        superseded = self._waiting.pop(key, None)
        if superseded is not None:
            self._callbacks.pop(superseded[0], None)
        self._latest[key] = token
        self._callbacks[token] = (key, done, failed)
        self._waiting[key] = (token, job)
        self._send_next()
        if not was_busy:
            self.busy_changed.emit(True)
        return token

    def _send_next(self) -> None:
        if self._running is not None or not self._waiting or self._process is None:
            return
        key = next(iter(self._waiting))  # the oldest waiting purpose goes first
        token, job = self._waiting.pop(key)
        self._running = token
        try:
            self._process.send(token, job)
        except WorkerStopped as exc:
            self._running = None
            self._fail(token, exc)
            self._send_next()

    def _deliver(self, reply: Reply) -> None:
        if reply.token != self._running:
            return  # a reply from a process stopped meanwhile
        self._running = None
        if reply.ok:
            key, done, _failed = self._callbacks.pop(reply.token, ("", None, None))
            if done is not None and self._latest.get(key) == reply.token:
                done(reply.value)
        else:
            self._fail(reply.token, reply.value)
        self._send_next()
        self._settle()

    def _fail(self, token: int, exc: BaseException) -> None:
        key, _done, failed = self._callbacks.pop(token, ("", None, None))
        if self._latest.get(key) != token:
            return
        if failed is not None:
            failed(exc)
        else:
            logger.error("background job %s failed", key, exc_info=exc)

    def _process_ended(self) -> None:
        """The process died while working (or was stopped): fail that job, go on."""
        token, self._running = self._running, None
        if token is not None and self._process is not None:
            self._fail(token, WorkerStopped("The background process stopped unexpectedly."))
            self._send_next()  # starts a new process for the jobs still waiting
        self._settle()

    def _settle(self) -> None:
        if not self.busy:
            self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Stop the process (its running job is dropped) and refuse new jobs."""
        process, self._process = self._process, None
        self._waiting.clear()
        self._callbacks.clear()
        self._running = None
        if process is not None:
            process.stop()
