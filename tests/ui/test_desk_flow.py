"""The analyst's round trip, end to end through the window.

Import the sample corpus, read two articles side by side, make a claim with one key on
text that follows U+00A0 and curly quotes, tag it in the Inspector (actor, date, new
event), undo and redo with the keyboard, close, and find everything again in a new
window: the data, the panes, the articles in them and where each was scrolled to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from parallax.ui.article_pane import ArticlePane
from parallax.ui.main_window import MainWindow
from parallax.ui.models.library_model import IdRole

CLAIM = (
    "Syrian President Bashar al-Assad and Iraq’s top security advisor have discussed "
    "“direct” military cooperation"
)
ACTOR = "Falah al-Fayadh"
EVENT = "Assad–Fayadh meeting, Damascus"
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def show_window(qtbot, settings: QSettings, path: Path) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    assert window.open_project(str(path))
    return window


def activate(qtbot, window: MainWindow) -> None:
    """Make the window the active one, so its shortcuts (Ctrl+Z) apply."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def import_corpus(qtbot, window: MainWindow, corpus: Path) -> None:
    runner = window.start_import([str(corpus)])
    assert runner is not None
    with qtbot.waitSignal(runner.done, timeout=60000) as blocker:
        pass
    assert len(blocker.args[0]) >= 2


def library_index(window: MainWindow, article_id: int) -> QModelIndex:
    panel = window.library_panel
    assert panel is not None
    return panel.proxy.mapFromSource(panel.model.index_of_article(article_id))


def open_two_articles(qtbot, window: MainWindow, first: int, second: int) -> None:
    """Enter on a Library row opens it; Ctrl+T opens the selected row in a new pane."""
    panel = window.library_panel
    assert panel is not None
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(library_index(window, first))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    panel.tree.setCurrentIndex(library_index(window, second))
    window.open_current_in_new_pane()
    assert window.desk is not None
    assert [p.article_id for p in window.desk.panes] == [first, second]


def press_claim(qtbot, pane: ArticlePane, text: str, start: int, end: int) -> None:
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(utf16(text, start))
    cursor.setPosition(utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_C)


def type_into(qtbot, line_edit, text: str) -> None:
    """QTest synthesises Latin-1 keys only; other characters are inserted as typed."""
    line_edit.setFocus()
    for char in text:
        if ord(char) < 256:
            qtbot.keyClicks(line_edit, char)
        else:
            line_edit.insert(char)


def tag_in_inspector(qtbot, window: MainWindow) -> None:
    inspector = window.inspector
    assert inspector is not None
    inspector.actors.choice.setCurrentText("speaker")
    type_into(qtbot, inspector.actors.entry, ACTOR)
    qtbot.keyClick(inspector.actors.entry, Qt.Key.Key_Return)
    type_into(qtbot, inspector.dates.entry, "on Thursday")
    qtbot.waitUntil(lambda: inspector.dates.preview.text() == "→ 2017-05-18")
    qtbot.keyClick(inspector.dates.entry, Qt.Key.Key_Return)
    inspector.events.choice.setCurrentText("reports")
    type_into(qtbot, inspector.events.entry, EVENT)
    qtbot.keyClick(inspector.events.entry, Qt.Key.Key_Return)


def assert_fully_tagged(project, annotation_id: int) -> int:
    detail = project.annotation_detail(annotation_id)
    assert [(a.actor_name, str(a.role)) for a in detail.actors] == [(ACTOR, "speaker")]
    assert [(d.expression, d.label) for d in detail.dates] == [("on Thursday", "2017-05-18")]
    events = {e.id: e for e in project.events()}
    assert [(events[link.event_id].title, str(link.stance)) for link in detail.events] == [
        (EVENT, "reports")
    ]
    return detail.events[0].event_id


def test_read_annotate_tag_undo_redo_and_come_back(qtbot, settings, tmp_path, corpus_dir) -> None:
    path = tmp_path / "desk.parallax"
    window = show_window(qtbot, settings, path)
    import_corpus(qtbot, window, corpus_dir)
    activate(qtbot, window)  # the progress dialog had the focus; click back into the window
    project = window.session.project  # type: ignore[union-attr]
    summaries = project.article_summaries()
    rudaw = next(s for s in summaries if s.outlet == "Rudaw")
    other = next(s for s in summaries if s.id != rudaw.id and s.outlet)
    open_two_articles(qtbot, window, rudaw.id, other.id)
    pane, other_pane = window.desk.panes  # type: ignore[union-attr]

    # Make a claim on text after a U+00A0 (the navigation) and with curly quotes in it.
    text = project.article(rudaw.id).text
    start = text.index(CLAIM)
    assert "\u00a0" in text[:start]
    press_claim(qtbot, pane, text, start, start + len(CLAIM))
    annotations = project.annotations(rudaw.id)
    assert [(a.start, a.end, a.quote, str(a.kind)) for a in annotations] == [
        (start, start + len(CLAIM), CLAIM, "claim")
    ]
    annotation_id = annotations[0].id
    assert annotation_id in pane.highlighter.annotation_ids()
    assert window.inspector.annotation_id == annotation_id  # type: ignore[union-attr]

    tag_in_inspector(qtbot, window)
    event_id = assert_fully_tagged(project, annotation_id)
    assert window.events_model.rowCount() == 1  # type: ignore[union-attr]

    # Undo the event link and the date with Ctrl+Z in the article; redo with Ctrl+Shift+Z.
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL)
    assert project.events() == []
    assert project.annotation_detail(annotation_id).events == ()
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL)
    assert project.annotation_detail(annotation_id).dates == ()
    assert len(project.annotation_detail(annotation_id).actors) == 1
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL_SHIFT)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CTRL_SHIFT)
    assert assert_fully_tagged(project, annotation_id) == event_id  # same event id back
    assert window.events_model.rowCount() == 1  # type: ignore[union-attr]

    # Scroll both panes, remember where, close the window.
    pane.scroll_to_offset(text.index("Iraqi PM Abadi"))
    other_text = project.article(other.id).text
    other_pane.scroll_to_offset(other_text.index("\n", len(other_text) // 3) + 1)
    offsets = [pane.scroll_offset(), other_pane.scroll_offset()]
    assert offsets[0] > 0 and offsets[1] > 0
    window.close()
    assert window.session is None

    # A new window on the same project finds everything again.
    again = show_window(qtbot, settings, path)
    reopened = again.session.project  # type: ignore[union-attr]
    assert reopened.annotation(annotation_id).quote == CLAIM
    assert assert_fully_tagged(reopened, annotation_id) == event_id
    panes = again.desk.panes  # type: ignore[union-attr]
    assert [p.article_id for p in panes] == [rudaw.id, other.id]
    assert again.desk.current is panes[0]  # type: ignore[union-attr]
    for restored, expected in zip(panes, offsets, strict=True):
        qtbot.waitUntil(
            lambda p=restored, e=expected: p.offsets.to_offset(p.view.first_visible_position()) == e
        )
    assert annotation_id in panes[0].highlighter.annotation_ids()
    assert (
        again.library_panel.model.index_of_article(rudaw.id)
        .siblingAtColumn(  # type: ignore[union-attr]
            2
        )
        .data()
        == 1
    )
    assert library_index(again, rudaw.id).data(IdRole) == rudaw.id
    again.close()
