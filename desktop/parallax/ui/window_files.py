"""The window's file work: new, open, import (on a worker) and export a brief.

A mixin of MainWindow, kept apart so each module stays readable; it relies on the
window's `session`, `recent`, `settings`, `attach_project` and `close_project`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from parallax.ui import dialogs

if TYPE_CHECKING:
    from parallax.services.importing import ImportResult
    from parallax.ui.import_flow import ImportFlow
    from parallax.ui.import_worker import ImportRunner
    from parallax.ui.main_window import MainWindow
    from parallax.ui.paste_article import PasteArticleDialog
    from parallax.ui.tasks import BackgroundTask

logger = logging.getLogger(__name__)

FOLDER_KEY = "paths/last_folder"
Icon = QMessageBox.Icon


class ProjectFilesMixin:
    """New / Open / Import / Export for MainWindow."""

    _import: ImportRunner | ImportFlow | None = None
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
            self.empty_state.refresh()  # it may have said "Opening …" at start-up
            self.path_label.clear()
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
            self.review_import(paths)

    def import_folder_dialog(self: MainWindow) -> None:
        paths = dialogs.ask_import_folder(self, self._folder())
        if paths:
            self._remember_folder(paths[0])
            self.review_import(paths)

    def _import_busy(self: MainWindow) -> bool:
        if self.session is None:
            return True
        if self._import is not None and self._import.running:
            self.statusBar().showMessage("An import is already running.", 5000)
            return True
        return False

    def review_import(self: MainWindow, paths: list[str]) -> ImportFlow | None:
        """Read the files (worker, progress, Cancel), show the review table, then import
        what the user kept with the corrections made, and summarise."""
        from parallax.ui.import_flow import ImportFlow

        if not paths or self._import_busy() or self.session is None:
            return None
        flow = ImportFlow(self.session.project, paths, self)
        self._import = flow
        flow.start()
        return flow

    def start_import(self: MainWindow, paths: list[str]) -> ImportRunner | None:
        """Import files and folders at once (no review) on a worker with progress and Cancel."""
        from parallax.ui.import_worker import ImportRunner

        if not paths or self._import_busy() or self.session is None:
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
        from parallax.ui.import_flow import show_summary

        if result is not None:
            show_summary(self, result)

    # ------------------------------------------------------- drag and drop
    def dragEnterEvent(self: MainWindow, event: QDragEnterEvent) -> None:
        if self.session is not None and _local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self: MainWindow, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self: MainWindow, event: QDropEvent) -> None:
        """Files and folders dropped on the window go through the import review."""
        paths = _local_paths(event.mimeData())
        if self.session is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self._remember_folder(paths[0])
        self.review_import(paths)

    # ---------------------------------------------------------------- paste
    def paste_as_article(self: MainWindow) -> PasteArticleDialog | None:
        """Make the clipboard's text (or HTML) a new article, after asking for metadata."""
        from parallax.ui.paste_article import PasteArticleDialog

        if self._import_busy():
            return None
        assert self.session is not None
        outlets = [o.name for o in self.session.project.outlets()]
        dialog = PasteArticleDialog(QGuiApplication.clipboard().mimeData(), outlets, self)
        if not dialog.has_content:
            self.statusBar().showMessage("The clipboard holds no text to paste.", 5000)
            dialog.deleteLater()
            return None
        dialog.accepted.connect(lambda: self._import_pasted(dialog))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _import_pasted(self: MainWindow, dialog: PasteArticleDialog, *, html: bool = True) -> None:
        from parallax.ui.import_worker import ImportRunner
        from parallax.ui.paste_article import pasted_folder, write_pasted

        if self.session is None:
            return
        project = self.session.project
        use_html = html and dialog.use_html()
        fields = dialog.fields()
        try:
            content = dialog.html if use_html else dialog.text
            suffix = ".html" if use_html else ".txt"
            path = write_pasted(
                pasted_folder(project), content, suffix, str(fields.get("title", ""))
            )
        except OSError as exc:
            dialogs.show_message(self, Icon.Critical, "Paste", f"Could not save the text: {exc}")
            return
        runner = ImportRunner(project, [path], self, overrides={str(path): fields})
        text_too = use_html and bool(dialog.text.strip())
        runner.done.connect(lambda result: self._pasted(result, dialog, text_too))
        runner.failed.connect(
            lambda message: dialogs.show_message(self, Icon.Critical, "Paste Failed", message)
        )
        self._import = runner
        runner.start()

    def _pasted(
        self: MainWindow, result: ImportResult | None, dialog: PasteArticleDialog, text_too: bool
    ) -> None:
        from parallax.ui.import_flow import show_summary

        if result is not None and result.failures and not result and text_too:
            self._import_pasted(dialog, html=False)  # the HTML would not do: try the text
            return
        if result is None:
            return
        show_summary(self, result)
        if result:
            self.open_article(result[0].id)

    # --------------------------------------------------------------- export
    def export_brief_dialog(self: MainWindow) -> None:
        """File ▸ Export Brief: the dialog of contents, template and format (window_brief)."""
        self.show_export_dialog()

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


def _local_paths(data: QMimeData | None) -> list[str]:
    """The local files and folders a drag carries (other URLs are not imported)."""
    if data is None or not data.hasUrls():
        return []
    return [url.toLocalFile() for url in data.urls() if url.isLocalFile() and url.toLocalFile()]
