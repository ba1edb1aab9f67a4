"""One import as the analyst lives it: read the files (progress, Cancel), review and correct
them in a table, import (progress, Cancel), then a summary naming every file that failed.

Both long steps run on a worker thread, so the window stays responsive; cancelling the
import keeps the files completed so far.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from parallax.services.importing import ImportPreview, ImportResult
from parallax.services.project import Project
from parallax.ui import dialogs
from parallax.ui.import_dialog import ImportDialog
from parallax.ui.import_worker import BatchRunner, ImportRunner, PreviewRunner

logger = logging.getLogger(__name__)

Icon = QMessageBox.Icon


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary_details(result: ImportResult, extra_failures: Sequence[str] = ()) -> list[str]:
    """One line per file worth a word: each failure with its reason, then duplicates."""
    lines = [str(f) for f in result.failures]
    lines += [line for line in extra_failures if line not in lines]
    lines += [f"{path}: already in the project; not imported again" for path in result.duplicates]
    lines += [
        f"{n.path}: imported, though nearly the same as article {n.existing_article_id} "
        f"({n.similarity:.0%} alike)"
        for n in result.near_duplicates
        if n.path not in result.skipped
    ]
    return lines


def summary_text(result: ImportResult, failed: int) -> str:
    parts = [f"Imported {_plural(len(result), 'article')}."]
    if result.cancelled:
        parts.append("The import was cancelled; the files imported before that are kept.")
    if failed:
        parts.append(
            f"{_plural(failed, 'file')} could not be imported; the project is unchanged for "
            f"{'it' if failed == 1 else 'them'}."
        )
    if result.duplicates:
        parts.append(f"{_plural(len(result.duplicates), 'file')} already in the project.")
    return " ".join(parts)


def show_summary(
    parent: QWidget, result: ImportResult, extra_failures: Sequence[str] = ()
) -> QMessageBox | None:
    """Tell how the import went; a message box when there is anything to list."""
    details = summary_details(result, extra_failures)
    listed = {str(f) for f in result.failures}
    failed = len(listed) + len({x for x in extra_failures if x not in listed})
    text = summary_text(result, failed)
    status = getattr(parent, "statusBar", None)
    if callable(status):
        status().showMessage(text, 15000)
    if not details and not result.cancelled:
        return None
    title = "Import Cancelled" if result.cancelled else "Import Finished"
    icon = Icon.Warning if failed else Icon.Information
    return dialogs.show_message(parent, icon, title, text, details)


class ImportFlow(QObject):
    """Preview → review → import → summary; `finished(ImportResult | None)` at the end
    (None when the user stopped before importing anything)."""

    finished = Signal(object)
    reviewing = Signal(object)  # the ImportDialog, once it is shown

    def __init__(
        self, project: Project, paths: Sequence[str | os.PathLike[str]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._paths = list(paths)
        self._window = parent
        self.runner: BatchRunner | None = None
        self.dialog: ImportDialog | None = None
        self._preview_errors: list[str] = []
        self.result: ImportResult | None = None
        self.summary: QMessageBox | None = None

    @property
    def running(self) -> bool:
        return (self.runner is not None and self.runner.running) or self.dialog is not None

    def start(self) -> None:
        runner = PreviewRunner(self._project, self._paths, self._window)
        runner.done.connect(self._previewed)
        runner.failed.connect(self._failed)
        self.runner = runner
        runner.start()

    def cancel(self) -> None:
        """Stop wherever the flow is: the worker after its current file, or the review."""
        if self.runner is not None and self.runner.running:
            self.runner.cancel()
        if self.dialog is not None:
            self.dialog.reject()

    def wait(self) -> None:
        if self.runner is not None and self.runner.running:
            self.runner.wait()

    # --------------------------------------------------------------- stages
    def _previewed(self, previews: list[ImportPreview] | None) -> None:
        runner, self.runner = self.runner, None
        if previews is None or (runner is not None and runner.worker.cancel_requested):
            self.finished.emit(None)
            return
        if not previews:
            dialogs.show_message(
                self._window, Icon.Information, "Import", "No files to import were found there."
            )
            self.finished.emit(None)
            return
        self._review(previews)

    def _review(self, previews: list[ImportPreview]) -> None:
        known = {p.duplicate_of for p in previews if p.duplicate_of is not None}
        known |= {p.near_duplicate.existing_article_id for p in previews if p.near_duplicate}
        titles = {}
        if known:
            summaries = self._project.article_summaries(article_ids=sorted(known))
            titles = {s.id: s.title or "(untitled)" for s in summaries}
        dialog = ImportDialog(previews, titles, self._window)
        dialog.accepted.connect(self._import)
        dialog.rejected.connect(self._dropped)
        self.dialog = dialog
        dialog.open()
        self.reviewing.emit(dialog)

    def _dropped(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.finished.emit(None)

    def _import(self) -> None:
        dialog, self.dialog = self.dialog, None
        assert dialog is not None
        overrides = dialog.model.overrides()
        self._preview_errors = dialog.model.errors()
        dialog.deleteLater()
        runner = ImportRunner(self._project, self._paths, self._window, overrides=overrides)
        runner.done.connect(self._imported)
        runner.failed.connect(self._failed)
        self.runner = runner
        runner.start()

    def _imported(self, result: ImportResult | None) -> None:
        self.runner = None
        self.result = result
        if result is not None:
            self.summary = show_summary(self._window, result, self._preview_errors)
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        dialogs.show_message(self._window, Icon.Critical, "Import Failed", message)
