"""Panes on the desk: reorder, focus with F6, synchronised scrolling by linked passages,
revealing annotations and spans, and colouring highlights by tag."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint

from parallax.ui.article_pane import ArticlePane
from parallax.ui.desk import ReadingDesk
from parallax.ui.highlighter import BY_TAG
from parallax.ui.link_geometry import VisibleBlocks
from tests.ui.desk_helpers import BORDER_A, BORDER_B, MEETING_A, build_project, show_desk


@pytest.fixture
def linked(tmp_path: Path):
    project, ids = build_project(tmp_path)
    yield project, ids
    project.close()


@pytest.fixture
def desk(qtbot, linked) -> ReadingDesk:
    return show_desk(qtbot, *linked)


def line_top_in(desk: ReadingDesk, pane: ArticlePane, annotation_id: int) -> float:
    """Where a linked passage starts, in the desk's coordinates."""
    passage = next(p for p in pane.linked if p.annotation_id == annotation_id)
    top = VisibleBlocks(pane.view).line_top(passage.qt_start)
    return top + pane.view.viewport().mapTo(desk, QPoint(0, 0)).y()


def test_panes_move_left_and_right_and_keep_their_articles(qtbot, desk, linked) -> None:
    _project, ids = linked
    left, right = desk.panes
    assert not left.header.left.isEnabled() and left.header.right.isEnabled()
    with qtbot.waitSignal(desk.layout_changed):
        assert desk.move_pane(right, -1)
    assert desk.panes == [right, left]
    assert [p.article_id for p in desk.panes] == [ids.b, ids.a]
    assert right.header.right.isEnabled() and not right.header.left.isEnabled()
    assert not desk.move_pane(right, -1)  # already leftmost
    left.header.left.click()  # the header's own button
    assert desk.panes == [left, right]
    assert [p["article"] for p in desk.state()["panes"]] == [ids.a, ids.b]  # type: ignore[index]


def test_f6_cycles_the_keyboard_focus_through_the_panes(qtbot, desk) -> None:
    left, right = desk.panes
    desk.set_current(left)
    assert desk.focus_pane(1) is right and desk.current is right
    assert desk.focus_pane(1) is left
    assert desk.focus_pane(-1) is right


def test_the_current_pane_has_an_accent_line(qtbot, desk) -> None:
    from PySide6.QtGui import QPalette

    left, right = desk.panes
    accent = left.header.palette().color(QPalette.ColorRole.Highlight).name()

    def top_line(pane) -> str:
        return pane.header.grab().toImage().pixelColor(pane.header.width() // 2, 1).name()

    desk.set_current(left)
    assert top_line(left) == accent != top_line(right)
    desk.set_current(right)
    assert top_line(right) == accent != top_line(left)


def test_open_in_the_pane_already_showing_the_article(qtbot, desk, linked) -> None:
    _project, ids = linked
    left, right = desk.panes
    desk.set_current(right)
    assert desk.open_article(ids.a) is left
    assert desk.current is left and len(desk.panes) == 2


def test_synchronised_scrolling_aligns_the_linked_passage(qtbot, desk, linked) -> None:
    _project, ids = linked
    left, right = desk.panes
    desk.set_sync(True)
    assert desk.footer.sync.isChecked()
    start = left.article.text.index(MEETING_A)  # type: ignore[union-attr]
    left.reveal(start, start + 3)
    line = right.view.fontMetrics().lineSpacing() * 1.6
    qtbot.waitUntil(
        lambda: (
            abs(line_top_in(desk, left, ids.meeting_a) - line_top_in(desk, right, ids.meeting_b))
            <= line
        )
    )
    # scrolling on by a few lines keeps them level
    bar = left.view.verticalScrollBar()
    bar.setValue(bar.value() + 3)
    assert (
        abs(line_top_in(desk, left, ids.meeting_a) - line_top_in(desk, right, ids.meeting_b))
        <= line
    )
    # the next linked passage takes the lead once it is the topmost one in view
    start = left.article.text.index(BORDER_A)  # type: ignore[union-attr]
    left.reveal(start, start + 3)
    assert (
        abs(line_top_in(desk, left, ids.border_a) - line_top_in(desk, right, ids.border_b)) <= line
    )
    desk.set_sync(False)
    before = right.view.verticalScrollBar().value()
    bar.setValue(0)
    assert right.view.verticalScrollBar().value() == before


def test_synchronised_scrolling_follows_whichever_pane_is_scrolled(qtbot, desk, linked) -> None:
    """Scrolling the right pane brings the left one along too (it used to stay put)."""
    _project, ids = linked
    left, right = desk.panes
    desk.set_sync(True)
    start = right.article.text.index(BORDER_B)  # type: ignore[union-attr]
    right.reveal(start, start + 3)
    line = right.view.fontMetrics().lineSpacing() * 1.6
    qtbot.waitUntil(
        lambda: (
            abs(line_top_in(desk, left, ids.border_a) - line_top_in(desk, right, ids.border_b))
            <= line
        )
    )
    before = right.view.verticalScrollBar().value()
    left.view.verticalScrollBar().setValue(left.view.verticalScrollBar().value() + 2)
    assert abs(right.view.verticalScrollBar().value() - before) <= 3  # led, then followed


def test_reveal_annotation_opens_its_article_and_scrolls_to_it(qtbot, desk, linked) -> None:
    project, ids = linked
    desk.close_pane(desk.panes[1])
    (only,) = desk.panes
    assert only.article_id == ids.a
    desk.session.reveal_annotation(ids.border_b)  # as the Events tab or Search would
    assert only.article_id == ids.b  # opened in the current pane
    assert desk.session.selected == ids.border_b
    assert only.highlighter.selected == ids.border_b
    ann = project.annotation(ids.border_b)
    qt_span = only.offsets.span_to_qt(ann.start, ann.end)
    qtbot.waitUntil(lambda: only.span_visible(*qt_span))
    # selecting one that a pane already shows focuses that pane instead
    other = desk.open_article(ids.a, new_pane=True)
    assert desk.current is other
    desk.session.select(ids.meeting_b)
    assert desk.current is only
    assert [p.article_id for p in desk.panes] == [ids.b, ids.a]


def test_reveal_span_selects_exactly_the_hit(qtbot, desk, linked) -> None:
    _project, ids = linked
    left = desk.panes[0]
    text = left.article.text  # type: ignore[union-attr]
    start = text.index(BORDER_A)
    desk.session.reveal_span(ids.a, start, start + len(BORDER_A))
    assert left.selected_span() == (start, start + len(BORDER_A))
    qtbot.waitUntil(lambda: left.span_visible(*left.offsets.span_to_qt(start, start + 5)))


def test_colour_by_tag_uses_the_tag_colour(qtbot, desk, linked) -> None:
    project, ids = linked
    left = desk.panes[0]
    tag = project.add_tag("Border", colour="#123456")
    project.tag_annotation(ids.border_a, tag.id)
    claim_colour = left.highlighter.colour_of(ids.border_a).name()
    desk.set_colour_mode(BY_TAG)
    assert desk.footer.by_tag.isChecked()
    assert left.highlighter.colour_of(ids.border_a).name() == "#123456"
    assert left.highlighter.colour_of(ids.meeting_a).name() != claim_colour  # untagged: grey
    project.set_tag_colour(tag.id, "#654321")  # a recolour elsewhere shows at once
    assert left.highlighter.colour_of(ids.border_a).name() == "#654321"
    assert desk.state()["colour"] == "tag"
    desk.footer.by_tag.click()
    assert left.highlighter.colour_of(ids.border_a).name() == claim_colour


def test_an_article_opened_in_tag_mode_shows_tag_colours(qtbot, desk, linked) -> None:
    project, ids = linked
    tag = project.add_tag("Border", colour="#123456")
    project.tag_annotation(ids.border_b, tag.id)
    desk.set_colour_mode(BY_TAG)
    desk.close_pane(desk.panes[1])
    right = desk.open_article(ids.b, new_pane=True)
    assert right.highlighter.colour_of(ids.border_b).name() == "#123456"
    ann = project.annotation(ids.border_b)
    right.reveal(ann.start, ann.end)
    block = right.view.document().findBlock(right.offsets.to_qt(ann.start))
    (fill,) = {f.format.background().color().name() for f in block.layout().formats()}
    desk.set_colour_mode("kind")  # the same highlight, coloured by its kind again
    (by_kind,) = {f.format.background().color().name() for f in block.layout().formats()}
    assert fill != by_kind


def test_blocks_get_their_formats_as_they_come_into_view(qtbot, desk, linked) -> None:
    project, ids = linked
    left = desk.panes[0]
    left.view.verticalScrollBar().setValue(0)
    ann = project.annotation(ids.border_a)
    qt_start = left.offsets.to_qt(ann.start)
    block = left.view.document().findBlock(qt_start)
    assert left.highlighter.has_pending  # far down the article: not formatted yet
    assert not block.layout().formats()
    left.reveal(ann.start, ann.end)
    assert [(f.start, f.length) for f in block.layout().formats()] == [
        (qt_start - block.position(), left.offsets.to_qt(ann.end) - qt_start)
    ]


def test_long_titles_take_two_lines_and_keep_their_full_text(qtbot) -> None:
    from parallax.ui.pane_header import TitleLabel

    label = TitleLabel()
    qtbot.addWidget(label)
    label.resize(160, 200)
    label.show()
    title = "Syria And Iraq Agree To Boost Military Cooperation And Coordination In Border Area"
    label.set_title(title)
    assert label.text().endswith("…") and title.startswith(label.text()[:-1])
    assert label.toolTip() == title
    two_lines = label.height()
    label.set_title("Short")
    assert label.text() == "Short" and label.height() == two_lines  # panes stay level


def test_closed_pane_stops_following_edits(qtbot, desk, linked) -> None:
    """A closed pane waiting for deletion must not react to later edits (it did: every
    pane ever closed re-read each new highlight until the event loop deleted it)."""
    from PySide6.QtCore import SIGNAL

    del linked  # the desk fixture opened it
    bus = desk.session.bus
    before = bus.receivers(SIGNAL("changes_applied(PyObject)"))
    article_id = desk.panes[0].article_id
    for _ in range(3):
        pane = desk.open_article(article_id, new_pane=True)
        desk.close_pane(pane)
    assert bus.receivers(SIGNAL("changes_applied(PyObject)")) == before


def test_two_panes_fit_beside_the_docks_on_a_laptop_screen(qtbot, desk) -> None:
    """The connector legend wraps instead of setting the desk's minimum width (it asked
    for 846 px, leaving the Library too narrow to read its titles at 1280 px)."""
    assert len(desk.panes) == 2
    assert desk.minimumSizeHint().width() <= 640
