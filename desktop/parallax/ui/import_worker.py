"""Import (or preview) on a worker thread, with a progress dialog ("File n of N: name")
and Cancel.

Each file is its own transaction in the services, so cancelling keeps the files already
imported and leaves the rest untouched. The change bus brings new articles to the views.
A preview reads the same files and writes nothing; its result feeds the review table.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from parallax.domain.errors import KnownError
from parallax.services.project import Project

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Job = Callable[[Progress, Callable[[], bool]], object]


class ImportWorker(QObject):
    """Runs one batch job (`job(progress, cancelled)`) on whatever thread it is moved to."""

    progressed = Signal(int, int, str)  # file number, total, file name
    finished = Signal(object)  # the job's result
    failed = Signal(str)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop before its next file (safe from any thread)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._cancel.is_set)
        except KnownError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # a bug: keep the GUI alive and say so
            logger.exception("import crashed")
            self.failed.emit(f"The import stopped because of an internal error: {exc!r}")
            return
        self.finished.emit(result)


def import_job(
    project: Project,
    paths: Sequence[str | os.PathLike[str]],
    overrides: Mapping[str, Mapping[str, object]] | None = None,
) -> Job:
    """`project.import_files` as a job; corrections from the review table as overrides."""
    paths = list(paths)
    extra = {"overrides": overrides} if overrides else {}

    def job(progress: Progress, cancelled: Callable[[], bool]) -> object:
        return project.import_files(paths, progress=progress, cancelled=cancelled, **extra)

    return job


def preview_job(project: Project, paths: Sequence[str | os.PathLike[str]]) -> Job:
    """`project.preview_files` as a job: what each file would become, writing nothing."""
    paths = list(paths)

    def job(progress: Progress, cancelled: Callable[[], bool]) -> object:
        return project.preview_files(paths, progress=progress, cancelled=cancelled)

    return job


class BatchRunner(QObject):
    """Owns the thread, the worker and the progress dialog of one batch job."""

    progressed = Signal(int, int, str)  # re-emitted on the GUI thread
    done = Signal(object)  # the job's result, or None when it failed as a whole
    failed = Signal(str)

    def __init__(self, job: Job, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.thread.setObjectName("parallax-import")
        self.worker = ImportWorker(job)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.worker.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.worker.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.dialog = QProgressDialog("Looking for files…", "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoReset(False)
        self.dialog.setAutoClose(False)
        self.dialog.setMinimumWidth(420)
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


class ImportRunner(BatchRunner):
    """Imports files and folders; `done(ImportResult | None)`."""

    def __init__(
        self,
        project: Project,
        paths: Sequence[str | os.PathLike[str]],
        parent: QWidget | None = None,
        *,
        overrides: Mapping[str, Mapping[str, object]] | None = None,
    ) -> None:
        super().__init__(import_job(project, paths, overrides), "Import", parent)


class PreviewRunner(BatchRunner):
    """Reads files for the review table; `done(list[ImportPreview] | None)`."""

    def __init__(
        self,
        project: Project,
        paths: Sequence[str | os.PathLike[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(preview_job(project, paths), "Reading Files", parent)
