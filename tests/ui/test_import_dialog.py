"""Import with review: preview on a worker, an editable table, import with corrections and
Cancel, a summary naming failed files; drag and drop; paste as a new article."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLineEdit, QMessageBox

from parallax.services.project import Project
from parallax.ui.import_dialog import ImportDialog
from parallax.ui.import_flow import ImportFlow
from parallax.ui.main_window import MainWindow
from parallax.ui.models import import_preview_model as col

BODY = (
    "A high-level delegation from the Syrian Defense Ministry has held talks in Baghdad "
    "with Iraqi officials on border security to coordinate the fight against Daesh. "
    "Ghanmi said the two sides had agreed to continue the exchange of intelligence. "
    "Syrian troops reached the Iraqi border last week near Tanf, the statement added."
)


def own_words(n: int) -> str:
    """A paragraph only story `n` has: the stories of a batch are not near-duplicates of
    one another (the review would start them unticked)."""
    return " ".join(f"detail{n}w{i}" for i in range(20)) + "."


def write_batch(folder: Path, count: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"story{n}.txt"
        path.write_text(
            f"Story number {n}\n\nBy Rudaw 18/5/2017\n\n{n} {BODY} {n}\n\n{own_words(n)}\n", "utf-8"
        )
        paths.append(path)
    return paths


@pytest.fixture
def window(qtbot, settings, project: Project) -> MainWindow:
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.attach_project(project)
    main.show()
    qtbot.waitExposed(main)
    return main


def review(qtbot, flow: ImportFlow | None) -> ImportDialog:
    assert flow is not None
    with qtbot.waitSignal(flow.reviewing, timeout=20000) as blocker:
        pass
    dialog = blocker.args[0]
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    return dialog


def row_of(dialog: ImportDialog, name: str) -> int:
    model = dialog.model
    return next(r for r in range(model.rowCount()) if model.index(r, col.FILE).data() == name)


def messages(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_review_edit_untick_import(
    qtbot, qtmodeltester, window: MainWindow, project, tmp_path
) -> None:
    folder = tmp_path / "batch"
    write_batch(folder)
    (folder / "empty.txt").write_bytes(b"")
    dialog = review(qtbot, window.review_import([str(folder)]))
    model, table = dialog.model, dialog.table
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    empty = row_of(dialog, "empty.txt")
    assert model.index(empty, col.STATUS).data().startswith("Cannot import:")
    assert not model.flags(model.index(empty, col.INCLUDE)) & Qt.ItemFlag.ItemIsUserCheckable
    first = row_of(dialog, "story0.txt")
    assert model.index(first, col.TITLE).data() == "Story number 0"
    assert model.index(first, col.OUTLET).data() == "Rudaw"
    assert model.index(first, col.DATE).data() == "2017-05-18"
    title = model.index(first, col.TITLE)
    table.setCurrentIndex(title)
    table.edit(title)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Corrected title")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: title.data() == "Corrected title", timeout=2000)
    assert not model.setData(model.index(first, col.DATE), "18 May")  # refused, said why
    assert "not a date" in dialog.message.text()
    assert model.setData(model.index(first, col.DATE), "2017-05")
    table.setCurrentIndex(model.index(row_of(dialog, "story1.txt"), col.FILE))
    qtbot.keyClick(table, Qt.Key.Key_Space)  # unticks the current file
    assert dialog.import_button.text() == "Import 2 Files"
    flow = window._import
    with qtbot.waitSignal(flow.finished, timeout=20000) as done:  # type: ignore[union-attr]
        dialog.import_button.click()
    result = done.args[0]
    assert len(result) == 2 and str(folder / "story1.txt") in result.skipped
    stored = {Path(a.source_file).name: a for a in project.articles()}
    assert set(stored) == {"story0.txt", "story2.txt"}
    assert stored["story0.txt"].title == "Corrected title"
    assert stored["story0.txt"].published_precision == "month"
    (box,) = messages(window)
    assert "empty.txt" in box.informativeText() and "Imported 2 articles" in box.text()


def test_near_duplicates_start_unticked_with_the_reason(
    qtbot, window: MainWindow, project, tmp_path
) -> None:
    (first,) = project.import_files(write_batch(tmp_path / "one", 1))
    twin = tmp_path / "two" / "twin.txt"
    twin.parent.mkdir()
    twin.write_text(
        f"Sign In / Up\n\nStory number 0\n\n0 {BODY} 0\n\nSHARE THIS ARTICLE\n", "utf-8"
    )
    copy = tmp_path / "two" / "copy.txt"
    copy.write_bytes((tmp_path / "one" / "story0.txt").read_bytes())
    dialog = review(qtbot, window.review_import([str(tmp_path / "two")]))
    model = dialog.model
    near = row_of(dialog, "twin.txt")
    status = model.index(near, col.STATUS).data()
    assert status.startswith("Near-duplicate (") and status.endswith("of “Story number 0”")
    assert model.index(near, col.INCLUDE).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    same = row_of(dialog, "copy.txt")
    assert "Already in the project" in model.index(same, col.STATUS).data()
    assert not dialog.import_button.isEnabled()
    model.setData(
        model.index(near, col.INCLUDE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    with qtbot.waitSignal(window._import.finished, timeout=20000) as done:  # type: ignore[union-attr]
        dialog.accept()
    assert len(done.args[0]) == 1 and project.info().articles == 2
    assert done.args[0].near_duplicates[0].existing_article_id == first.id


def test_a_page_saved_twice_in_one_batch_starts_unticked(
    qtbot, window: MainWindow, project, tmp_path
) -> None:
    folder = tmp_path / "saved"
    (original,) = write_batch(folder, 1)
    (folder / "story0_saved_again.txt").write_bytes(original.read_bytes())
    (folder / "story0_clipped.txt").write_text(
        f"Sign In / Up\n\nStory number 0\n\n0 {BODY} 0\n\nSHARE THIS ARTICLE\n", "utf-8"
    )
    dialog = review(qtbot, window.review_import([str(folder)]))
    model = dialog.model
    unticked = Qt.CheckState.Unchecked
    first = row_of(dialog, "story0.txt")
    assert model.index(first, col.STATUS).data() == "New"
    again = row_of(dialog, "story0_saved_again.txt")
    assert model.index(again, col.STATUS).data() == (
        "Same text as story0.txt, earlier in this batch"
    )
    assert model.index(again, col.INCLUDE).data(Qt.ItemDataRole.CheckStateRole) == unticked
    clipped = row_of(dialog, "story0_clipped.txt")
    status = model.index(clipped, col.STATUS).data()
    assert status.startswith("Near-duplicate (") and status.endswith("of story0.txt in this batch")
    assert model.index(clipped, col.INCLUDE).data(Qt.ItemDataRole.CheckStateRole) == unticked
    with qtbot.waitSignal(window._import.finished, timeout=20000) as done:  # type: ignore[union-attr]
        dialog.accept()
    assert len(done.args[0]) == 1 and project.info().articles == 1


def test_cancel_mid_batch_keeps_completed_files(
    qtbot, window: MainWindow, project, tmp_path, monkeypatch
) -> None:
    folder = tmp_path / "batch"
    write_batch(folder, 5)
    real_import = project.import_files
    waiting = threading.Event()

    def held_at_third_file(paths, *, progress, cancelled, **kw):
        def report(n: int, total: int, name: str) -> None:
            progress(n, total, name)
            while n == 3 and not cancelled():  # the worker waits for Cancel at file 3
                waiting.wait(0.01)

        return real_import(paths, progress=report, cancelled=cancelled, **kw)

    monkeypatch.setattr(project, "import_files", held_at_third_file)
    flow = window.review_import([str(folder)])
    dialog = review(qtbot, flow)
    dialog.accept()
    runner = flow.runner  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: runner.dialog.labelText() == "File 3 of 5: story2.txt", timeout=20000)
    with qtbot.waitSignal(flow.finished, timeout=20000) as done:  # type: ignore[union-attr]
        runner.dialog.canceled.emit()  # what the Cancel button sends
    result = done.args[0]
    assert result.cancelled and len(result) == 3
    assert sorted(Path(a.source_file).name for a in project.articles()) == [
        "story0.txt",
        "story1.txt",
        "story2.txt",
    ]
    (box,) = messages(window)
    assert box.windowTitle() == "Import Cancelled" and "kept" in box.text()


def test_dropping_a_folder_opens_the_review(qtbot, window: MainWindow, tmp_path) -> None:
    folder = tmp_path / "dropped"
    write_batch(folder, 2)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert isinstance(window._import, ImportFlow)
    dialog = review(qtbot, window._import)
    assert dialog.model.rowCount() == 2
    dialog.reject()
    assert not window._import.running


def test_paste_as_new_article(
    qtbot, window: MainWindow, project, tmp_path, monkeypatch, clipboard
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    clipboard.setText(f"Pasted headline\n\n{BODY}\n")
    dialog = window.paste_as_article()
    assert dialog is not None and dialog.title.text() == "Pasted headline"
    dialog.outlet.setText("Press TV")
    dialog.date.setText("2016-07-13")
    dialog.url.setText("https://www.presstv.com/x")
    dialog.accept()
    with qtbot.waitSignal(window._import.done, timeout=20000):  # type: ignore[union-attr]
        pass  # the import runs on a worker; done arrives through the event loop
    (article,) = project.articles()
    assert (article.title, article.outlet, article.url) == (
        "Pasted headline",
        "Press TV",
        "https://www.presstv.com/x",
    )
    assert article.published is not None and article.published.isoformat() == "2016-07-13"
    assert Path(article.source_file).is_file()
    assert str(tmp_path / "data") in article.source_file
    assert window.desk.current.article_id == article.id  # type: ignore[union-attr]


def test_paste_html_keeps_the_page_structure(
    qtbot, window: MainWindow, project, tmp_path, monkeypatch, clipboard
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    data = QMimeData()
    data.setText(f"Syria and Iraq\n{BODY}")
    data.setHtml(f"<h1>Syria and Iraq</h1><p>{BODY}</p>")
    clipboard.setMimeData(data)
    dialog = window.paste_as_article()
    assert dialog is not None and dialog.use_html()
    dialog.date.setText("18 May")
    dialog.accept()
    assert dialog.isVisible() and "2017-05-18" in dialog.error.text()
    dialog.date.clear()
    dialog.accept()
    with qtbot.waitSignal(window._import.done, timeout=20000):  # type: ignore[union-attr]
        pass
    (article,) = project.articles()
    assert article.source_file.endswith(".html") and "Tanf" in article.text
