"""Run one long call (an export) on a worker thread and hear back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal

logger = logging.getLogger(__name__)


class _Call(QObject):
    succeeded = Signal(object)
    raised = Signal(object)

    def __init__(self, call: Callable[[], object]) -> None:
        super().__init__()
        self._call = call

    def run(self) -> None:
        try:
            result = self._call()
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            logger.debug("background call raised", exc_info=True)
            self.raised.emit(exc)
            return
        self.succeeded.emit(result)


class BackgroundTask(QObject):
    """`finished(result)` or `failed(exception)`, emitted on the thread that started it."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self._call = _Call(call)
        self._call.moveToThread(self.thread)
        self.thread.started.connect(self._call.run)
        self._call.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._call.raised.connect(self._raised, Qt.ConnectionType.QueuedConnection)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.thread.start()

    def wait(self) -> None:
        self.thread.quit()
        self.thread.wait()

    def _stop(self) -> None:
        self.running = False
        self.thread.quit()
        self.thread.wait()

    def _succeeded(self, result: object) -> None:
        self._stop()
        self.finished.emit(result)

    def _raised(self, exc: object) -> None:
        self._stop()
        self.failed.emit(exc)
