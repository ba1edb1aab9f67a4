"""The window's brief work: the Brief dock (bottom line and key judgments) and the Export
Brief dialog, as Word or, when LibreOffice is installed, PDF. The dock's panel is built
when the dock is first on screen (it starts behind the Inspector's tab).

A mixin of MainWindow, kept apart so each module stays readable; it relies on the window's
`session`, `bottom_tabs`, `_dock`, `_swap_dock`, `_folder` and `_remember_folder`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QScrollArea

from parallax.ui.lazy_pages import LazyDock

if TYPE_CHECKING:
    from parallax.ui.export_dialog import ExportBriefDialog
    from parallax.ui.judgments_panel import BriefPanel
    from parallax.ui.main_window import MainWindow

logger = logging.getLogger(__name__)


class WindowBriefMixin:
    """Brief dock and Export Brief dialog for MainWindow."""

    brief_dock: QDockWidget
    _brief: LazyDock[QScrollArea] | None = None
    _brief_panel: BriefPanel | None = None
    export_dialog: ExportBriefDialog | None = None

    def _build_brief_dock(self: MainWindow) -> None:
        # In a tab behind the Inspector (MainWindow._tab_default_docks).
        self.brief_dock = self._dock("Brief", "BriefDock", Qt.DockWidgetArea.RightDockWidgetArea)

    def _attach_brief(self: MainWindow) -> None:
        """Give the Brief dock to the project that was just attached."""
        self._brief = LazyDock(self.brief_dock, self._build_brief, self)

    def _detach_brief(self: MainWindow) -> None:
        if self._brief is not None:
            self._brief.deleteLater()
        self._brief = None

    def _build_brief(self: MainWindow) -> QScrollArea:
        from parallax.ui.judgments_panel import BriefPanel

        assert self.session is not None
        panel = BriefPanel(self.session)
        panel.destroyed.connect(lambda *_: self._forget_brief_panel(panel))
        self._brief_panel = panel
        # In a scroll area: the judgments' button row would otherwise set the minimum
        # width of the whole right-hand dock column and squeeze the Library.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(panel)
        return scroll

    @property
    def brief_panel(self: MainWindow) -> BriefPanel | None:
        """The Brief dock's panel, built now if it was not yet; None with no project."""
        if self._brief_panel is None and self._brief is not None:
            self._brief.panel()
        return self._brief_panel

    def _forget_brief_panel(self: MainWindow, panel: object) -> None:
        if self._brief_panel is panel:
            self._brief_panel = None

    def commit_brief_edits(self: MainWindow) -> None:
        """Save the bottom-line memo now (closing, exporting), if the panel was ever built."""
        if self._brief_panel is not None:
            self._brief_panel.commit()

    def selected_event_ids(self: MainWindow) -> list[int]:
        """Ids of the events selected in the Events tab (none when there is no such tab)."""
        view = getattr(self.bottom_tabs, "events_view", None)
        if view is None or view.selectionModel() is None:
            return []
        from parallax.ui.models.record_table import IdRole

        ids = (index.data(IdRole) for index in view.selectionModel().selectedRows())
        return [int(i) for i in ids if i is not None]

    def show_export_dialog(self: MainWindow, pdf: bool = False) -> ExportBriefDialog | None:
        """Open Export Brief (window-modal, not blocking the caller)."""
        from parallax.ui.export_dialog import ExportBriefDialog

        if self.session is None:
            return None
        self.commit_brief_edits()
        dialog = ExportBriefDialog(
            self.session.project,
            folder=self._folder(),
            selected_events=self.selected_event_ids(),
            pdf=pdf,
            parent=self,
        )
        dialog.exported.connect(self._brief_exported)
        dialog.finished.connect(dialog.deleteLater)
        self.export_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def export_pdf_dialog(self: MainWindow) -> ExportBriefDialog | None:
        return self.show_export_dialog(pdf=True)

    def _brief_exported(self: MainWindow, path: str) -> None:
        self._remember_folder(str(Path(path).parent))
        self.statusBar().showMessage(f"Brief written to {path}", 15000)
