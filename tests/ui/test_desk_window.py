"""The desk in the window: highlights after emoji and in Arabic land on exactly the
selected characters after a restart; reveal from elsewhere; the keyboard reference
and focus order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QApplication

import parallax
from parallax.ui.main_window import MainWindow
from parallax.ui.underlines import underline_segments
from tests.ui.conftest import TRICKY_TEXT
from tests.ui.desk_helpers import select_text, utf16

# (needle, key, kind): after a flag emoji; with a combining mark and a skin-tone emoji;
# inside a right-to-left Arabic paragraph; after a mathematical script letter (non-BMP).
PASSAGES = [
    ("in Damascus", Qt.Key.Key_Q, "quote"),
    ("q\u0307uiet diplomacy 👍🏽", Qt.Key.Key_F, "fact"),
    ("فالح الفياض", Qt.Key.Key_O, "opinion"),
    ("the border would reopen", Qt.Key.Key_C, "claim"),
]


def open_window(qtbot, settings: QSettings, path: Path) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_project(str(path))
    return window


@pytest.fixture
def tricky_path(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mixed.txt").write_text(TRICKY_TEXT, encoding="utf-8")
    path = tmp_path / "tricky.parallax"
    with parallax.open_project(path) as project:
        assert len(project.import_files([folder / "mixed.txt"])) == 1
    return path


def block_ranges(pane, qt_position: int) -> tuple[int, list[tuple[int, int, QTextCharFormat]]]:
    block = pane.view.document().findBlock(qt_position)
    ranges = [
        (r.start, r.start + r.length, QTextCharFormat(r.format)) for r in block.layout().formats()
    ]
    return block.position(), sorted(ranges, key=lambda r: r[0])


def test_highlights_in_any_script_land_exactly_after_a_restart(
    qtbot, settings, tricky_path
) -> None:
    window = open_window(qtbot, settings, tricky_path)
    project = window.session.project  # type: ignore[union-attr]
    (summary,) = project.article_summaries()
    pane = window.open_article(summary.id)
    assert pane is not None
    made = {}
    for needle, key, kind in PASSAGES:
        start, end = select_text(pane, needle)
        qtbot.keyClick(pane.view, key)
        made[needle] = (start, end, kind)
    window.close()

    again = open_window(qtbot, settings, tricky_path)
    (pane,) = again.desk.panes  # type: ignore[union-attr]
    text = pane.article.text  # type: ignore[union-attr]
    stored = {a.quote: a for a in again.session.project.annotations(summary.id)}  # type: ignore[union-attr]
    for needle, (start, end, kind) in made.items():
        ann = stored[needle]
        assert (ann.start, ann.end, str(ann.kind)) == (start, end, kind)
        qt_start, qt_end = utf16(text, start), utf16(text, end)
        block_start, ranges = block_ranges(pane, qt_start)
        coloured = [
            (s, e) for s, e, fmt in ranges if fmt.background().style() != Qt.BrushStyle.NoBrush
        ]
        first, last = qt_start - block_start, qt_end - block_start
        # exactly the selected characters: the range itself, nothing touching it
        assert (first, last) in coloured, needle
        assert not [r for r in coloured if r != (first, last) and r[0] <= last and r[1] >= first]
        block = pane.view.document().findBlock(qt_start)

        def underlined(block=block, first=first, last=last) -> bool:
            lines = underline_segments(block.layout(), first, last, 0)  # once laid out again
            return bool(lines) and all(line.length() > 0 for line in lines)

        qtbot.waitUntil(underlined)
    again.close()


def test_arabic_underline_sits_under_its_own_letters(qtbot, settings, tricky_path) -> None:
    window = open_window(qtbot, settings, tricky_path)
    (summary,) = window.session.project.article_summaries()  # type: ignore[union-attr]
    pane = window.open_article(summary.id)
    text = pane.article.text  # type: ignore[union-attr]
    whole = "قَالَ فالح الفياض إن التعاون مستمر."
    part = "الفياض"
    block = pane.view.document().findBlock(utf16(text, text.index(whole)))
    layout = block.layout()
    relative = utf16(text, text.index(part)) - block.position()
    (line,) = underline_segments(layout, relative, relative + len(part), 0)
    first = layout.lineAt(0)
    # in a right-to-left line the name's glyphs lie between the cursor x of its two ends
    ends = sorted(first.cursorToX(p)[0] for p in (relative, relative + len(part)))
    assert ends[0] - 1 <= line.x1() <= line.x2() <= ends[1] + 1
    window.close()


def test_window_reveal_and_the_keyboard_reference(qtbot, settings, tmp_path, corpus_dir) -> None:
    path = tmp_path / "corpus.parallax"
    with parallax.open_project(path) as project:
        project.import_files([corpus_dir])
        article = project.articles()[0]
        ann = project.annotate(article.id, 10, 30, kind="claim")
    window = open_window(qtbot, settings, path)
    pane = window.reveal_annotation(ann.id)
    assert pane is not None and pane.article_id == article.id
    assert window.inspector.annotation_id == ann.id  # type: ignore[union-attr]
    assert window.reveal_span(article.id, 40, 50) is pane
    assert pane.selected_span() == (40, 50)

    dialog = window.show_shortcuts()
    rows = {(r.action, r.keys.split("  ")[0]) for r in dialog.model.rows}
    for expected in [
        ("Make Claim", "C"),
        ("Mark as Boilerplate", "Ctrl+B"),
        ("Unmark Boilerplate", "Ctrl+Shift+B"),
        ("Next Pane", "F6"),
        ("Synchronise Scrolling", "Ctrl+Shift+L"),
        ("Keyboard Shortcuts", "F1"),
        ("Delete the selected actor", "Del"),  # a panel's own keys are listed too
        ("Accept the selected suggestion", "L"),
    ]:
        assert expected in rows
    assert dialog.model.rowCount() == len(dialog.model.rows) > 20
    dialog.close()
    window.close()


def test_no_two_window_actions_share_a_key(qtbot, settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    seen: dict[str, str] = {}
    from parallax.ui.shortcuts_dialog import collect_shortcuts

    for row in collect_shortcuts(window):
        for keys in row.keys.split("  ")[0].split(", "):
            assert keys not in seen, f"{keys}: {seen.get(keys)} and {row.action}"
            seen[keys] = row.action
    assert QKeySequence("F6").toString() in seen


def test_tab_walks_from_the_library_through_the_panes(
    qtbot, settings, tmp_path, corpus_dir
) -> None:
    path = tmp_path / "tab.parallax"
    with parallax.open_project(path) as project:
        project.import_files([corpus_dir])
        first, second = (a.id for a in project.articles()[:2])
    window = open_window(qtbot, settings, path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    left = window.open_article(first)
    right = window.open_article(second, new_pane=True)
    window.library_panel.tree.setFocus()  # type: ignore[union-attr]
    qtbot.keyClick(window.library_panel.tree, Qt.Key.Key_Tab)  # type: ignore[union-attr]
    assert QApplication.focusWidget() is left.view  # type: ignore[union-attr]
    qtbot.keyClick(left.view, Qt.Key.Key_Tab)  # type: ignore[union-attr]
    assert QApplication.focusWidget() is right.view  # type: ignore[union-attr]
    qtbot.keyClick(right.view, Qt.Key.Key_F6)  # type: ignore[union-attr]
    assert QApplication.focusWidget() is left.view  # type: ignore[union-attr]
    window.close()
