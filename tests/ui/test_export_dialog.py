"""Export Brief: choices mapped to export options, remembered per project, run on a worker."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import docx
import pytest

from parallax.export.brief import ExportCancelled
from parallax.services.brief_options import OPTIONS_KEY
from parallax.services.demo import build_demo
from parallax.services.project import Project
from parallax.ui import export_dialog
from parallax.ui.export_dialog import ExportBriefDialog
from parallax.ui.main_window import MainWindow
from tests.conftest import SAMPLE_CORPUS


@pytest.fixture
def demo(project: Project) -> Project:
    build_demo(project, SAMPLE_CORPUS)
    return project


def make(qtbot, project: Project, **kwargs) -> ExportBriefDialog:
    dialog = ExportBriefDialog(project, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_choices_become_export_options(qtbot, demo: Project, tmp_path: Path) -> None:
    event_ids = [e.id for e in demo.events()]
    dialog = make(qtbot, demo, folder=str(tmp_path), selected_events=event_ids[:1])
    assert dialog.path.text() == str(tmp_path / "test brief.docx")
    dialog.title.setText("Coordination")
    dialog.order.setCurrentIndex(1)
    dialog.appendix.setChecked(False)
    options = dialog.options()
    assert options["title"] == "Coordination" and options["order"] == "importance"
    assert options["appendix"] is False and options["chart"] is True
    assert "event_ids" not in options and "tag" not in options

    dialog.mode.setCurrentIndex(3)
    assert dialog.options()["event_ids"] == event_ids[:1]
    assert "(1)" in dialog.mode.itemText(3)
    dialog.mode.setCurrentIndex(2)
    dialog.date_from.setDate(dt.date(2017, 1, 1))
    dialog.date_to.setDate(dt.date(2017, 12, 31))
    assert dialog.options()["date_from"] == dt.date(2017, 1, 1)
    assert dialog.date_from.isEnabled() and not dialog.tag.isEnabled()
    dialog.mode.setCurrentIndex(1)
    dialog.tag.setCurrentText("Military")
    assert dialog.options()["tag"] == "Military"


def test_selected_mode_is_off_without_a_selection(qtbot, demo: Project) -> None:
    dialog = make(qtbot, demo)
    assert not dialog.mode.model().item(3).isEnabled()
    dialog.mode.setCurrentIndex(3)
    assert dialog.mode.currentData() == "all"


def test_pdf_is_offered_only_with_libreoffice(qtbot, demo: Project, monkeypatch) -> None:
    monkeypatch.setattr(export_dialog, "pdf_available", lambda: False)
    dialog = make(qtbot, demo, pdf=True)
    assert not dialog.format.model().item(1).isEnabled()
    assert dialog.format.currentData() == "docx"
    assert "Install LibreOffice" in dialog.format.toolTip()
    monkeypatch.setattr(export_dialog, "pdf_available", lambda: True)
    dialog = make(qtbot, demo, pdf=True)
    assert dialog.format.currentData() == "pdf" and dialog.path.text().endswith(".pdf")


def test_template_problems_are_shown(qtbot, demo: Project, tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    dialog = make(qtbot, demo)
    dialog.template.setText(str(plain))
    problems = dialog._check_template()
    assert any("Brief Quote" in p for p in problems)
    assert "Brief Quote" in dialog.template_problems.text()
    dialog.template.setText(str(tmp_path / "missing.docx"))
    assert "does not exist" in dialog._check_template()[0]


def test_export_runs_on_a_worker_and_is_remembered(qtbot, demo: Project, tmp_path: Path) -> None:
    dialog = make(qtbot, demo, folder=str(tmp_path))
    dialog.title.setText("Remembered title")
    dialog.chart.setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=30000) as blocker:
        assert dialog.start_export() is not None
        assert dialog.progress.isVisible() or dialog.running
    written = Path(blocker.args[0])
    assert written == tmp_path / "test brief.docx" and written.is_file()
    assert docx.Document(str(written)).paragraphs[0].text == "Remembered title"
    saved = demo.setting(OPTIONS_KEY)
    assert saved["title"] == "Remembered title" and saved["chart"] is False
    again = make(qtbot, demo)
    assert again.title.text() == "Remembered title" and not again.chart.isChecked()


class _SlowProject:
    """Stands in for a project whose export waits until it is cancelled."""

    def __init__(self, real: Project) -> None:
        self.real = real
        self.path = real.path
        self.author = real.author

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def export_brief(self, path: Path, *, cancelled, **options: object) -> Path:
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise ExportCancelled("The export was cancelled; nothing was written.")


def test_cancel_stops_a_running_export(qtbot, demo: Project, tmp_path: Path) -> None:
    dialog = make(qtbot, _SlowProject(demo), folder=str(tmp_path))  # type: ignore[arg-type]
    task = dialog.start_export()
    assert task is not None and dialog.running
    with qtbot.waitSignal(task.failed, timeout=10000):
        dialog.cancel()
    assert "cancelled" in dialog.status.text()
    assert dialog.export_button.isEnabled() and not dialog.progress.isVisible()
    assert not (tmp_path / "test brief.docx").exists()


def test_file_menu_opens_the_dialog_with_the_events_selection(
    qtbot, settings, tmp_path: Path
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_project(str(tmp_path / "w.parallax"))
    build_demo(window.session.project, SAMPLE_CORPUS)  # type: ignore[union-attr]
    window.export_brief_dialog()
    dialog = window.export_dialog
    assert isinstance(dialog, ExportBriefDialog) and dialog.isVisible()
    dialog.reject()
    pdf_action = next(
        a
        for a in window.findChildren(type(window.actions.undo))
        if a.objectName() == "ExportPdfAction"
    )
    if not export_dialog.pdf_available():
        assert not pdf_action.isEnabled() and "LibreOffice" in pdf_action.toolTip()
