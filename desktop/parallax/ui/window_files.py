"""The window's file work: new, open, import (on a worker) and export a brief.

A mixin of MainWindow, kept apart so each module stays readable; it relies on the
window's `session`, `recent`, `settings`, `attach_project` and `close_project`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from parallax.ui import dialogs

if TYPE_CHECKING:
    from parallax.services.importing import ImportResult
    from parallax.ui.import_worker import ImportRunner
    from parallax.ui.main_window import MainWindow
    from parallax.ui.tasks import BackgroundTask

logger = logging.getLogger(__name__)

FOLDER_KEY = "paths/last_folder"
Icon = QMessageBox.Icon


class ProjectFilesMixin:
    """New / Open / Import / Export for MainWindow."""

    _import: ImportRunner | None = None
    _export: BackgroundTask | None = None

    # ------------------------------------------------------------- folders
    def _folder(self: MainWindow) -> str:
        value = self.settings.value(FOLDER_KEY, "")
        return str(value) if value and Path(str(value)).is_dir() else str(Path.home())

    def _remember_folder(self: MainWindow, path: str) -> None:
        folder = Path(path) if Path(path).is_dir() else Path(path).parent
        self.settings.setValue(FOLDER_KEY, str(folder))

    # ------------------------------------------------------------- projects
    def new_project_dialog(self: MainWindow) -> None:
        path = dialogs.ask_new_project(self, self._folder())
        if not path:
            return
        if Path(path).exists():
            dialogs.show_message(
                self,
                Icon.Warning,
                "New Project",
                f"{path} already exists. Choose another name, or open it with Open Project.",
            )
            return
        self.open_project(path)

    def open_project_dialog(self: MainWindow) -> None:
        path = dialogs.ask_open_project(self, self._folder())
        if path:
            self.open_project(path)

    def open_project(self: MainWindow, path: str) -> bool:
        """Open (or create) the project at `path` and show it; False if it failed."""
        import parallax
        from parallax.domain.errors import KnownError

        self.close_project()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            project = parallax.open_project(path)
        except KnownError as exc:
            QApplication.restoreOverrideCursor()
            dialogs.show_message(self, Icon.Critical, "Cannot Open Project", str(exc))
            return False
        try:
            self.attach_project(project)
        finally:
            QApplication.restoreOverrideCursor()
        self.recent.add(path)
        self._remember_folder(path)
        return True

    # --------------------------------------------------------------- import
    def import_files_dialog(self: MainWindow) -> None:
        paths = dialogs.ask_import_files(self, self._folder())
        if paths:
            self._remember_folder(paths[0])
            self.start_import(paths)

    def import_folder_dialog(self: MainWindow) -> None:
        paths = dialogs.ask_import_folder(self, self._folder())
        if paths:
            self._remember_folder(paths[0])
            self.start_import(paths)

    def start_import(self: MainWindow, paths: list[str]) -> ImportRunner | None:
        """Import files and folders on a worker thread with progress and Cancel."""
        from parallax.ui.import_worker import ImportRunner

        if self.session is None or not paths:
            return None
        if self._import is not None and self._import.running:
            self.statusBar().showMessage("An import is already running.", 5000)
            return None
        runner = ImportRunner(self.session.project, paths, self)
        runner.done.connect(self._import_done)
        runner.failed.connect(
            lambda message: dialogs.show_message(self, Icon.Critical, "Import Failed", message)
        )
        self._import = runner
        runner.start()
        return runner

    def _import_done(self: MainWindow, result: ImportResult | None) -> None:
        if result is None:
            return
        parts = [f"Imported {len(result)} article{'' if len(result) == 1 else 's'}"]
        if result.duplicates:
            parts.append(f"{len(result.duplicates)} already in the project")
        if result.cancelled:
            parts.append("cancelled before the end")
        self.statusBar().showMessage("; ".join(parts) + ".", 10000)
        if result.failures:
            count = len(result.failures)
            dialogs.show_message(
                self,
                Icon.Warning,
                "Import",
                f"{count} file{'' if count == 1 else 's'} could not be imported; "
                "the project is unchanged for them.",
                [str(f) for f in result.failures],
            )

    # --------------------------------------------------------------- export
    def export_brief_dialog(self: MainWindow) -> None:
        if self.session is None:
            return
        project = self.session.project
        stem = project.path.stem if project.path else "Parallax"
        suggestion = str(Path(self._folder()) / f"{stem} brief.docx")
        path = dialogs.ask_brief_path(self, suggestion)
        if path:
            self._remember_folder(path)
            self.export_brief(path)

    def export_brief(self: MainWindow, path: str) -> BackgroundTask | None:
        """Write the Word brief on a worker thread; say clearly where it went or why not."""
        from parallax.ui.tasks import BackgroundTask

        if self.session is None:
            return None
        project = self.session.project
        task = BackgroundTask(lambda: project.export_brief(path), self)
        busy = QProgressDialog(f"Writing {Path(path).name}…", "", 0, 0, self)
        busy.setCancelButton(None)
        busy.setWindowTitle("Export Brief")
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)
        busy.setValue(0)
        task.finished.connect(lambda written: self._export_done(busy, written))
        task.failed.connect(lambda exc: self._export_failed(busy, path, exc))
        self._export = task
        task.start()
        return task

    def _export_done(self: MainWindow, busy: QProgressDialog, written: object) -> None:
        busy.hide()
        busy.deleteLater()
        self.statusBar().showMessage(f"Brief written to {written}", 15000)

    def _export_failed(
        self: MainWindow, busy: QProgressDialog, path: str, exc: BaseException
    ) -> None:
        from parallax.domain.errors import KnownError

        busy.hide()
        busy.deleteLater()
        if isinstance(exc, KnownError):
            text = str(exc)
        else:
            logger.error("brief export failed", exc_info=exc)
            text = f"An internal error stopped the export: {exc!r}"
        dialogs.show_message(
            self, Icon.Critical, "Export Failed", f"Could not write {path}.\n\n{text}"
        )

    # ------------------------------------------------------------ shutdown
    def stop_background_work(self: MainWindow) -> None:
        """Cancel an import and wait for workers, before the project closes."""
        if self._import is not None and self._import.running:
            self._import.cancel()
            self._import.wait()
        if self._export is not None and self._export.running:
            self._export.wait()
