"""Export Brief: what goes in the brief, on which template, as Word or PDF.

The choices are remembered in the project (they belong to the analysis, not to the
machine). The export runs on a worker thread with a busy bar and a Cancel button; a
cancelled or failed export leaves no file behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.errors import KnownError
from parallax.export.brief import template_problems
from parallax.export.pdf import MISSING, pdf_available
from parallax.services.brief_options import OPTIONS_KEY, remembered
from parallax.services.project import Project
from parallax.ui.tasks import BackgroundTask

logger = logging.getLogger(__name__)

ALL, TAG, DATES, SELECTED = "all", "tag", "dates", "selected"
MODES = (
    (ALL, "All events"),
    (TAG, "Events with a tag"),
    (DATES, "Events in a date range"),
    (SELECTED, "Events selected in the Events tab"),
)
WORD, PDF = "docx", "pdf"


class ExportBriefDialog(QDialog):
    """Choose the brief's contents and file, then export it on a worker thread."""

    exported = Signal(str)  # the path written

    def __init__(
        self,
        project: Project,
        *,
        folder: str = "",
        selected_events: Sequence[int] = (),
        pdf: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Brief")
        self.setObjectName("ExportBriefDialog")
        self.project = project
        self.selected_events = list(selected_events)
        self.task: BackgroundTask | None = None
        self._cancel = threading.Event()
        self._folder = folder or str(Path.home())
        self._build()
        self._restore(remembered(project.setting(OPTIONS_KEY)))
        if pdf and self.format.model().item(1).isEnabled():  # type: ignore[attr-defined]
            self.format.setCurrentIndex(1)
        self._mode_changed()

    # ------------------------------------------------------------- layout
    def _build(self) -> None:
        self.title = QLineEdit()
        self.title.setPlaceholderText("Named after the project when left empty")
        self.author = QLineEdit()
        self.handling = QLineEdit()
        self.handling.setPlaceholderText("e.g. UNCLASSIFIED — FOR INTERNAL USE")
        self.template = QLineEdit()
        self.template.setPlaceholderText("The Parallax template")
        self.template.editingFinished.connect(self._check_template)
        self.template_problems = QLabel()
        self.template_problems.setWordWrap(True)
        self.template_problems.setObjectName("TemplateProblems")
        self.mode = QComboBox()
        for key, label in MODES:
            self.mode.addItem(label, key)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.tag = QComboBox()
        self.tag.setEditable(True)
        self.tag.addItems(sorted(self.project.tag_paths().values(), key=str.casefold))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addYears(-1), calendarPopup=True)
        self.date_to = QDateEdit(today, calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.order = QComboBox()
        self.order.addItem("Chronological", "chronological")
        self.order.addItem("By importance (most sources first)", "importance")
        self.appendix = QCheckBox("Appendix of every claim, by source")
        self.chart = QCheckBox("Timeline chart")
        self.format = QComboBox()
        self.format.addItem("Word document (.docx)", WORD)
        self.format.addItem("PDF (through LibreOffice)", PDF)
        if not pdf_available():
            self.format.model().item(1).setEnabled(False)  # type: ignore[attr-defined]
            self.format.setItemData(1, MISSING, Qt.ItemDataRole.ToolTipRole)
            self.format.setToolTip(MISSING)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path = QLineEdit()
        self._layout()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Title:", self.title)
        form.addRow("Author:", self.author)
        form.addRow("Handling line:", self.handling)
        form.addRow("Template:", self._with_button(self.template, "Browse…", self._pick_template))
        form.addRow("", self.template_problems)
        form.addRow("Events:", self.mode)
        form.addRow("Tag:", self.tag)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow("Dates:", dates)
        form.addRow("Order:", self.order)
        form.addRow("Include:", self.appendix)
        form.addRow("", self.chart)
        form.addRow("Format:", self.format)
        form.addRow("Save as:", self._with_button(self.path, "Browse…", self._pick_path))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    @staticmethod
    def _with_button(edit: QLineEdit, text: str, slot: object) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QPushButton(text)
        button.clicked.connect(slot)  # type: ignore[arg-type]
        row.addWidget(button)
        return row

    # ---------------------------------------------------------- remember
    def _restore(self, saved: dict[str, object]) -> None:
        self.title.setText(str(saved.get("title", "")))
        self.author.setText(str(saved.get("author", "") or self.project.author))
        self.handling.setText(str(saved.get("handling", "")))
        self.template.setText(str(saved.get("template", "")))
        self._choose(self.mode, saved.get("mode", ALL))
        self.tag.setCurrentText(str(saved.get("tag", "")))
        for edit, key in ((self.date_from, "date_from"), (self.date_to, "date_to")):
            date = QDate.fromString(str(saved.get(key, "")), "yyyy-MM-dd")
            if date.isValid():
                edit.setDate(date)
        self._choose(self.order, saved.get("order", "chronological"))
        self.appendix.setChecked(bool(saved.get("appendix", True)))
        self.chart.setChecked(bool(saved.get("chart", True)))
        if saved.get("format") == PDF and pdf_available():
            self.format.setCurrentIndex(1)
        self.path.setText(str(saved.get("path", "")) or self._suggested_path())
        self._check_template()

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def remembered(self) -> dict[str, object]:
        """The choices as stored in the project (JSON)."""
        return {
            "title": self.title.text().strip(),
            "author": self.author.text().strip(),
            "handling": self.handling.text().strip(),
            "template": self.template.text().strip(),
            "mode": self.mode.currentData(),
            "tag": self.tag.currentText().strip(),
            "date_from": self.date_from.date().toString("yyyy-MM-dd"),
            "date_to": self.date_to.date().toString("yyyy-MM-dd"),
            "order": self.order.currentData(),
            "appendix": self.appendix.isChecked(),
            "chart": self.chart.isChecked(),
            "format": self.format.currentData(),
            "path": self.path.text().strip(),
        }

    def options(self) -> dict[str, object]:
        """Keyword options for `Project.export_brief`."""
        saved = self.remembered()
        options: dict[str, object] = {
            k: saved[k] for k in ("title", "author", "handling", "order", "appendix", "chart")
        }
        if saved["template"]:
            options["template"] = saved["template"]
        mode = saved["mode"]
        if mode == TAG and saved["tag"]:
            options["tag"] = saved["tag"]
        elif mode == DATES:
            options["date_from"] = dt.date.fromisoformat(str(saved["date_from"]))
            options["date_to"] = dt.date.fromisoformat(str(saved["date_to"]))
        elif mode == SELECTED:
            options["event_ids"] = list(self.selected_events)
        return options

    # ------------------------------------------------------------ reacting
    def _mode_changed(self) -> None:
        mode = self.mode.currentData()
        self.tag.setEnabled(mode == TAG)
        self.date_from.setEnabled(mode == DATES)
        self.date_to.setEnabled(mode == DATES)
        count = len(self.selected_events)
        self.mode.setItemText(3, f"Events selected in the Events tab ({count})")
        self.mode.model().item(3).setEnabled(count > 0)  # type: ignore[attr-defined]
        if mode == SELECTED and not count:
            self.mode.setCurrentIndex(0)

    def _format_changed(self) -> None:
        path = self.path.text().strip()
        if path:
            self.path.setText(str(Path(path).with_suffix(f".{self.format.currentData()}")))

    def _suggested_path(self) -> str:
        stem = self.project.path.stem if self.project.path else "Parallax"
        return str(Path(self._folder) / f"{stem} brief.{self.format.currentData()}")

    def _check_template(self) -> list[str]:
        path = self.template.text().strip()
        problems = template_problems(path) if path else []
        if path and not Path(path).is_file():
            problems = [f"{path} does not exist; the Parallax template will be used."]
        self.template_problems.setText("\n".join(f"• {p}" for p in problems))
        self.template_problems.setVisible(bool(problems))
        return problems

    def _pick_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Brief Template", self._folder, "Word documents (*.docx)"
        )
        if path:
            self.template.setText(path)
            self._check_template()

    def _pick_path(self) -> None:
        kind = self.format.currentData()
        label = "PDF documents (*.pdf)" if kind == PDF else "Word documents (*.docx)"
        path, _ = QFileDialog.getSaveFileName(self, "Export Brief", self.path.text(), label)
        if path:
            self.path.setText(str(Path(path).with_suffix(f".{kind}")))

    # -------------------------------------------------------------- export
    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start_export(self) -> BackgroundTask | None:
        """Remember the choices and write the brief on a worker thread."""
        if self.running:
            return None
        path = self.path.text().strip()
        if not path:
            self.status.setText("Choose where to save the brief.")
            return None
        target = Path(path).with_suffix(f".{self.format.currentData()}")
        self.path.setText(str(target))
        self.project.set_setting(OPTIONS_KEY, self.remembered())
        options = self.options()
        self._cancel.clear()
        cancelled = self._cancel.is_set
        project = self.project
        self.task = BackgroundTask(
            lambda: project.export_brief(target, cancelled=cancelled, **options), self
        )
        self.task.finished.connect(self._done)
        self.task.failed.connect(self._failed)
        self._busy(True, f"Writing {target.name}…")
        self.task.start()
        return self.task

    def cancel(self) -> None:
        """Stop a running export (between steps), or close the dialog."""
        if self.running:
            self._cancel.set()
            self.status.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
            return
        self.reject()

    def _busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(True)
        self.status.setText(message)

    def _done(self, written: object) -> None:
        self._busy(False, f"Brief written to {written}")
        self.exported.emit(str(written))
        self.accept()

    def _failed(self, exc: object) -> None:
        if isinstance(exc, KnownError):
            text = str(exc)
        else:
            logger.error("brief export failed", exc_info=exc)  # type: ignore[arg-type]
            text = f"An internal error stopped the export: {exc!r}"
        self._busy(False, text)

    def reject(self) -> None:
        if self.running and self.task is not None:
            self._cancel.set()
            self.task.wait()
        super().reject()
