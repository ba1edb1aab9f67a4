"""Import on a worker with progress and Cancel; failures named; Open Recent."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from parallax.services.importing import ImportFailure, ImportResult
from parallax.services.project import Project
from parallax.ui.import_worker import ImportRunner
from parallax.ui.main_window import MainWindow
from parallax.ui.recent import MAX_RECENT, RecentProjects


class BlockingProject:
    """Imports one file, then waits until the import is cancelled: a deterministic Cancel."""

    def __init__(self) -> None:
        self.waited = threading.Event()

    def import_files(self, paths, *, progress=None, cancelled=None) -> ImportResult:
        result = ImportResult()
        progress(1, 3, "first.txt")
        while not cancelled():
            self.waited.wait(0.01)
        result.cancelled = True
        return result


def test_cancel_stops_the_worker(qtbot) -> None:
    runner = ImportRunner(BlockingProject(), ["a", "b", "c"])  # type: ignore[arg-type]
    dialog = runner.dialog
    with qtbot.waitSignal(runner.progressed, timeout=5000):
        runner.start()
    qtbot.waitUntil(lambda: dialog.labelText() == "File 1 of 3: first.txt")
    assert dialog.maximum() == 3
    with qtbot.waitSignal(runner.done, timeout=5000) as blocker:
        dialog.canceled.emit()  # what the Cancel button sends
    assert blocker.args[0].cancelled
    assert not runner.thread.isRunning()


def test_real_import_reports_progress_and_finishes(qtbot, project: Project, corpus_dir) -> None:
    runner = ImportRunner(project, [corpus_dir])
    seen: list[tuple[int, int, str]] = []
    runner.progressed.connect(lambda n, total, name: seen.append((n, total, name)))
    with qtbot.waitSignal(runner.done, timeout=30000) as blocker:
        runner.start()
    result = blocker.args[0]
    assert len(result) >= 2 and not result.cancelled
    assert seen and seen[-1][0] == seen[-1][1]
    assert isinstance(runner.dialog, QProgressDialog)


@pytest.fixture
def window(qtbot, settings, tmp_path: Path) -> MainWindow:
    main = MainWindow(settings)
    qtbot.addWidget(main)
    assert main.open_project(str(tmp_path / "imports.parallax"))
    return main


def test_window_import_names_each_failed_file(qtbot, window: MainWindow, tmp_path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("A headline\n\nA body of text.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.pdf").write_bytes(b"\x00\x01\x02 not a pdf")
    runner = window.start_import([str(folder)])
    assert runner is not None
    with qtbot.waitSignal(runner.done, timeout=30000) as blocker:
        pass
    result = blocker.args[0]
    assert len(result) == 1
    assert window.library_model is not None and window.library_model.loaded_count == 1
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes, "failures must be reported"
    listing = boxes[-1].informativeText()
    for failure in result.failures:
        assert isinstance(failure, ImportFailure)
        assert failure.path in listing
    assert "empty.txt" in listing and "binary.pdf" in listing


def test_recent_list_keeps_ten_newest_first(settings, tmp_path) -> None:
    recent = RecentProjects(settings)
    paths = []
    for n in range(12):
        path = tmp_path / f"p{n}.parallax"
        path.write_bytes(b"")
        paths.append(str(path.resolve()))
        recent.add(path)
    assert recent.paths() == list(reversed(paths))[:MAX_RECENT]
    recent.add(paths[5])
    assert recent.paths()[0] == paths[5] and len(recent.paths()) == MAX_RECENT


def test_missing_projects_are_greyed_then_removable(qtbot, settings, tmp_path) -> None:
    recent = RecentProjects(settings)
    kept, gone = tmp_path / "kept.parallax", tmp_path / "gone.parallax"
    kept.write_bytes(b"")
    recent.add(gone)
    recent.add(kept)
    assert recent.most_recent_existing() == str(kept.resolve())
    window = MainWindow(settings)
    qtbot.addWidget(window)
    menu = window.actions.recent_menu
    opened: list[str] = []
    recent.fill_menu(menu, opened.append)
    entries = {a.data(): a for a in menu.actions() if a.data()}
    assert entries[str(kept.resolve())].isEnabled()
    assert not entries[str(gone.resolve())].isEnabled()
    assert "(missing)" in entries[str(gone.resolve())].text()
    entries[str(kept.resolve())].trigger()
    assert opened == [str(kept.resolve())]
    recent.clear_missing()
    assert recent.paths() == [str(kept.resolve())]


def test_open_recent_from_the_window_reopens_the_project(qtbot, settings, tmp_path) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    path = str(tmp_path / "again.parallax")
    assert window.open_project(path)
    window.close_project()
    assert window.session is None
    window.recent.fill_menu(window.actions.recent_menu, window.open_project)
    action = next(a for a in window.actions.recent_menu.actions() if a.data())
    action.trigger()
    assert window.session is not None and str(window.session.project.path) == str(
        Path(path).resolve()
    )
    window.close_project()
