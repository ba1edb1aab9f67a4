"""One worker thread for suggestions: calls run one at a time, results come back on the
GUI thread, and a newer call for the same purpose makes an older one's result moot.

Suggestions keep a per-project cache that is not thread-safe (`SuggestionCache`), so all
of them run on this single thread. Reading the project from here is safe: every service
call opens its own database session.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Qt, Signal

logger = logging.getLogger(__name__)

Done = Callable[[object], None]
Failed = Callable[[BaseException], None]


class SerialRunner(QObject):
    """`submit(key, call, done)`: `done(result)` on the GUI thread unless superseded."""

    busy_changed = Signal(bool)
    _finished = Signal(object, object, object)  # key, token, result
    _raised = Signal(object, object, object)  # key, token, exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="parallax-assist"
        )
        self._tokens = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._callbacks: dict[int, tuple[Done, Failed | None]] = {}
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._raised.connect(self._report, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def submit(
        self, key: str, call: Callable[[], object], done: Done, failed: Failed | None = None
    ) -> int:
        """Run `call` after the calls before it; only the newest call per `key` reports."""
        if self._executor is None:
            return 0
        token = next(self._tokens)
        self._latest[key] = token
        was_busy = self.busy
        self._callbacks[token] = (done, failed)
        self._executor.submit(self._run, key, token, call)
        if not was_busy:
            self.busy_changed.emit(True)
        return token

    def _run(self, key: str, token: int, call: Callable[[], object]) -> None:
        try:
            if self._latest.get(key) != token:  # superseded while queued: skip the work
                self._finished.emit(key, token, None)
                return
            try:
                result = call()
            except Exception as exc:  # shown on the GUI thread
                logger.debug("background call %s raised", key, exc_info=True)
                self._raised.emit(key, token, exc)
                return
            self._finished.emit(key, token, result)
        except RuntimeError:  # the runner was deleted meanwhile: nobody to tell
            logger.debug("result of %s dropped: runner gone", key)

    def _deliver(self, key: str, token: int, result: object) -> None:
        done, _failed = self._callbacks.pop(token, (None, None))
        if done is not None and self._latest.get(key) == token:
            done(result)
        self._settle()

    def _report(self, key: str, token: int, exc: BaseException) -> None:
        _done, failed = self._callbacks.pop(token, (None, None))
        if self._latest.get(key) == token:
            if failed is not None:
                failed(exc)
            else:
                logger.error("background call %s failed", key, exc_info=exc)
        self._settle()

    def _settle(self) -> None:
        if not self.busy:
            self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Drop queued calls, wait for the running one, and refuse new ones."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        self._callbacks.clear()
