"""Connectors between panes: bands start and end on the linked passages' lines (after
emoji, in Arabic paragraphs), follow scrolling, reach the edge for off-screen passages,
carry the stance colours and select their event when clicked."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from parallax.ui import style
from parallax.ui.article_pane import ArticlePane
from parallax.ui.connectors import Band, ConnectorHandle
from parallax.ui.desk import ReadingDesk
from parallax.ui.link_geometry import Where
from tests.ui.desk_helpers import BORDER_B, MEETING_A, MEETING_B, Linked, build_project, show_desk
from tests.ui.desk_helpers import utf16 as to_qt


@pytest.fixture
def linked(tmp_path: Path):
    project, ids = build_project(tmp_path)
    yield project, ids
    project.close()


@pytest.fixture
def desk(qtbot, linked) -> ReadingDesk:
    return show_desk(qtbot, *linked)


def show_passage(pane: ArticlePane, needle: str) -> None:
    assert pane.article is not None
    start = pane.article.text.index(needle)
    pane.reveal(start, start + len(needle))


def gutter_of(desk: ReadingDesk) -> ConnectorHandle:
    (gutter,) = desk.splitter.gutters()
    return gutter


def band_for(gutter: ConnectorHandle, event_id: int) -> Band:
    (band,) = [b for b in gutter.bands() if b.event_id == event_id]
    return band


def expected_range(pane: ArticlePane, gutter: ConnectorHandle, needle: str) -> tuple[float, float]:
    """The passage's lines from QPlainTextEdit.cursorRect, in the gutter's coordinates;
    Qt positions computed from UTF-16 lengths, independently of OffsetMap."""
    assert pane.article is not None
    text = pane.article.text
    start = text.index(needle)
    rects = []
    for offset in (start, start + len(needle) - 1):
        cursor = QTextCursor(pane.view.document())
        cursor.setPosition(to_qt(text, offset))
        rects.append(pane.view.cursorRect(cursor))
    shift = pane.view.viewport().mapTo(gutter.parentWidget(), QPoint(0, 0)).y() - gutter.y()
    return rects[0].top() + shift, rects[1].bottom() + 1 + shift


def assert_close(actual: tuple[float, float], expected: tuple[float, float]) -> None:
    assert actual == pytest.approx(expected, abs=1.5)


def test_bands_match_the_passages_lines_and_follow_scrolling(qtbot, desk, linked) -> None:
    _project, ids = linked
    left, right = desk.panes
    gutter = gutter_of(desk)
    show_passage(left, MEETING_A)
    show_passage(right, MEETING_B)
    qtbot.waitUntil(lambda: band_for(gutter, ids.meeting).left_extent.where == Where.VISIBLE)
    for step in (0, 2, -3):
        bar = right.view.verticalScrollBar()
        bar.setValue(bar.value() + step)
        band = band_for(gutter, ids.meeting)
        assert band.left_extent.where == band.right_extent.where == Where.VISIBLE
        left_range = (band.left_extent.top, band.left_extent.bottom)
        right_range = (band.right_extent.top, band.right_extent.bottom)
        assert_close(left_range, expected_range(left, gutter, MEETING_A))
        assert_close(right_range, expected_range(right, gutter, MEETING_B))
    assert (band.left.stance, band.right.stance) == ("reports", "corroborates")


def test_off_screen_passages_are_drawn_to_the_edge(qtbot, desk, linked) -> None:
    _project, ids = linked
    left, right = desk.panes
    gutter = gutter_of(desk)
    show_passage(left, MEETING_A)
    right.view.verticalScrollBar().setValue(right.view.verticalScrollBar().maximum())
    band = band_for(gutter, ids.meeting)
    assert band.left_extent.where == Where.VISIBLE
    assert band.right_extent.where == Where.ABOVE
    top = right.view.viewport().mapTo(gutter.parentWidget(), QPoint(0, 0)).y() - gutter.y()
    assert band.right_extent.top == band.right_extent.bottom == pytest.approx(top)
    border = band_for(gutter, ids.border)  # from below the left view to above the right one
    assert (border.left_extent.where, border.right_extent.where) == (Where.BELOW, Where.ABOVE)
    # both ends below the views: the border band is left out altogether
    right.view.verticalScrollBar().setValue(0)
    assert [b.event_id for b in gutter.bands()] == [ids.meeting]


def test_stance_colours_are_painted_at_each_end(qtbot, desk, linked) -> None:
    _project, ids = linked
    left, right = desk.panes
    show_passage(left, "the border crossing")
    show_passage(right, BORDER_B)
    gutter = gutter_of(desk)
    band = band_for(gutter, ids.border)
    image = gutter.grab().toImage()
    ratio = image.devicePixelRatio()

    def colour_at(x: float, extent) -> str:
        y = (extent.top + extent.bottom) / 2
        return image.pixelColor(int(x * ratio), int(y * ratio)).name()

    assert colour_at(1, band.left_extent) == style.STANCE_COLOURS["reports"]
    assert colour_at(gutter.width() - 1.5, band.right_extent) == style.STANCE_COLOURS["contradicts"]
    colours = {QColor(c).name() for c in style.STANCE_COLOURS.values()}
    assert len(colours) == 4


def test_clicking_a_band_selects_its_event(qtbot, desk, linked) -> None:
    _project, ids = linked
    left, _right = desk.panes
    show_passage(left, MEETING_A)
    gutter = gutter_of(desk)
    band = band_for(gutter, ids.meeting)
    point = QPoint(2, int((band.left_extent.top + band.left_extent.bottom) / 2))
    assert "Envoy meets the president" in gutter.tooltip_at(point)
    with qtbot.waitSignal(desk.session.event_selected, timeout=1000) as selected:
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=point)
    assert selected.args == [ids.meeting]
    assert desk.splitter.current_events == {ids.meeting}
    assert "contradicts" in gutter.tooltip_at(QPoint(gutter.width() // 2, 1))  # the legend


def test_links_made_or_removed_elsewhere_update_the_connectors(qtbot, desk, linked) -> None:
    project, ids = linked
    gutter = gutter_of(desk)
    show_passage(desk.panes[0], MEETING_A)
    assert [b.event_id for b in gutter.bands()] == [ids.meeting]
    project.unlink(ids.meeting_b, ids.meeting)
    assert gutter.bands() == []
    project.link(ids.meeting_b, ids.meeting, "adds detail")
    assert band_for(gutter, ids.meeting).right.stance == "adds detail"


def test_no_connectors_for_a_single_pane(qtbot, linked) -> None:
    project, ids = linked
    desk = show_desk(qtbot, project, Linked(**{**ids.__dict__}))
    desk.close_pane(desk.panes[1])
    assert desk.splitter.gutters() == []
