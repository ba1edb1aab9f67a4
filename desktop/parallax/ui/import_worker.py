"""Import on a worker thread, with a progress dialog ("File n of N: name") and Cancel.

Each file is its own transaction in the services, so cancelling keeps the files already
imported and leaves the rest untouched. The change bus brings new articles to the views.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from parallax.domain.errors import KnownError
from parallax.services.project import Project

logger = logging.getLogger(__name__)


class ImportWorker(QObject):
    """Runs `project.import_files` on whatever thread it is moved to."""

    progressed = Signal(int, int, str)  # file number, total, file name
    finished = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, project: Project, paths: Sequence[str | os.PathLike[str]]) -> None:
        super().__init__()
        self._project = project
        self._paths = list(paths)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the import to stop before its next file (safe from any thread)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._project.import_files(
                self._paths, progress=self.progressed.emit, cancelled=self._cancel.is_set
            )
        except KnownError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug: keep the GUI alive and say so
            logger.exception("import crashed")
            self.failed.emit(f"The import stopped because of an internal error: {exc!r}")
            return
        self.finished.emit(result)


class ImportRunner(QObject):
    """Owns the thread, the worker and the progress dialog of one import."""

    progressed = Signal(int, int, str)  # re-emitted on the GUI thread
    done = Signal(object)  # ImportResult, or None when the import failed as a whole
    failed = Signal(str)

    def __init__(
        self,
        project: Project,
        paths: Sequence[str | os.PathLike[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.thread.setObjectName("parallax-import")
        self.worker = ImportWorker(project, paths)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.worker.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.worker.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog("Looking for files…", "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("Import")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.canceled.connect(self.cancel)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.thread.start()
        self.dialog.setValue(0)

    def cancel(self) -> None:
        """What the Cancel button does: stop after the current file."""
        self.worker.cancel()
        self.dialog.setLabelText("Cancelling after the current file…")

    def wait(self) -> None:
        """Block until the worker thread has ended (window closing)."""
        self.thread.quit()
        self.thread.wait()

    def _progressed(self, number: int, total: int, name: str) -> None:
        if self.worker.cancel_requested:
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(number - 1)
        self.dialog.setLabelText(f"File {number} of {total}: {name}")
        self.progressed.emit(number, total, name)

    def _end(self) -> None:
        self.running = False
        self.thread.quit()
        self.thread.wait()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _finished(self, result: object) -> None:
        self._end()
        self.done.emit(result)

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        self.done.emit(None)
