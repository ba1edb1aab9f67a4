"""Panes on the desk: reorder (with buttons, or by dragging a header), focus with F6,
synchronised scrolling by linked passages, revealing annotations and spans, and colouring
highlights by tag."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from parallax.ui.article_drops import (
    ARTICLE_MIME_TYPE,
    article_mime_data,
    dragged_article,
    drop_place,
)
from parallax.ui.article_pane import ArticlePane
from parallax.ui.desk import ReadingDesk
from parallax.ui.highlighter import BY_TAG
from parallax.ui.import_flow import ImportFlow
from parallax.ui.link_geometry import VisibleBlocks
from parallax.ui.main_window import MainWindow
from parallax.ui.models.library_model import IdRole, LibraryModel
from parallax.ui.pane_drag import MIME_TYPE, drop_slot, gap_x, pane_mime_data, slot_target
from parallax.ui.pane_header import ElidedLabel
from tests.ui.desk_helpers import BORDER_A, BORDER_B, MEETING_A, build_project, show_desk
from tests.ui.test_import_dialog import review, write_batch


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


def test_three_panes_leave_the_docks_room_on_a_laptop_screen(qtbot, desk, linked) -> None:
    """Each pane gives way down to 210 px, its header too (a long outlet name gives up
    its end, "…", and keeps the full text in its tooltip): three panes left the Library
    150 px at 1280 px."""
    _project, ids = linked
    desk.open_article(ids.a, new_pane=True)
    assert len(desk.panes) == 3
    assert desk.minimumSizeHint().width() <= 760  # 520 px for the Library and Inspector
    header = desk.panes[0].header
    assert header.minimumSizeHint().width() <= desk.panes[0].minimumWidth()
    label = ElidedLabel()
    qtbot.addWidget(label)
    bold = label.font()
    bold.setBold(True)
    label.setFont(bold)
    label.show()
    for name in ("Syria Times", "Rudaw", "Al-Ahram Weekly"):  # given what it asks: whole
        label.set_full_text(name)
        label.resize(label.sizeHint())
        qtbot.waitUntil(lambda name=name: label.text() == name)
    label.set_full_text("The Syrian Arab News Agency, English service")
    label.resize(label.minimumSizeHint().width() + 30, label.height())
    qtbot.waitUntil(lambda: label.text().endswith("…"))
    assert label.full_text == "The Syrian Arab News Agency, English service"
    assert label.sizeHint().width() > label.width()  # it asks for the whole, takes less


# ------------------------------------------------------------ dragging panes by the header
def drag_distance() -> int:
    return QApplication.startDragDistance()


def bare_point(header: QWidget) -> QPoint:
    """A point on the header itself, not on one of its labels or buttons."""
    point = QPoint(4, header.height() // 2)  # in the left margin
    assert header.childAt(point) is None
    return point


def test_a_header_starts_a_drag_once_the_mouse_has_moved_far_enough(qtbot, desk) -> None:
    header = desk.panes[0].header
    started: list[QPoint] = []
    header.drag_started.connect(started.append)
    at = bare_point(header)
    qtbot.mousePress(header, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(header, at + QPoint(drag_distance() - 1, 0))
    assert started == []  # a hand that trembles while clicking does not drag
    qtbot.mouseMove(header, at + QPoint(drag_distance() * 3, 0))
    qtbot.mouseMove(header, at + QPoint(drag_distance() * 6, 0))
    assert started == [at]  # once per press, with the press as the drag's hot spot
    qtbot.mouseRelease(header, Qt.MouseButton.LeftButton, pos=at + QPoint(60, 0))
    # the title takes its own presses (its text is selectable): a drag from it works too
    title_at = QPoint(10, header.title.height() // 2)
    qtbot.mousePress(header.title, Qt.MouseButton.LeftButton, pos=title_at)
    qtbot.mouseMove(header.title, title_at + QPoint(0, drag_distance() * 3))
    assert started == [at, header.title.mapTo(header, title_at)]
    qtbot.mouseRelease(header.title, Qt.MouseButton.LeftButton, pos=title_at)


def test_a_click_or_a_press_on_a_button_does_not_drag(qtbot, desk) -> None:
    left, right = desk.panes
    header = left.header
    started: list[QPoint] = []
    header.drag_started.connect(started.append)
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton, pos=bare_point(header))
    qtbot.mouseMove(header, bare_point(header) + QPoint(drag_distance() * 3, 0))  # no button
    close = next(b for b in header.findChildren(QToolButton) if "Close" in b.toolTip())
    qtbot.mousePress(close, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    qtbot.mouseMove(close, QPoint(drag_distance() * 4, 2))
    qtbot.mouseRelease(close, Qt.MouseButton.LeftButton, pos=QPoint(drag_distance() * 4, 2))
    assert started == []
    assert desk.panes == [left, right]  # let go off the button: not a click either
    assert desk.drops.drag(left, QPoint()) is not None
    desk.close_pane(right)
    assert desk.drops.drag(left, QPoint()) is None  # a pane alone has nowhere to go


def test_a_click_on_a_header_makes_its_pane_current(qtbot, desk) -> None:
    left, right = desk.panes
    desk.set_current(right)
    right.view.setFocus()
    qtbot.mouseClick(left.header, Qt.MouseButton.LeftButton, pos=bare_point(left.header))
    qtbot.waitUntil(lambda: desk.current is left)
    qtbot.mouseClick(right.header.title, Qt.MouseButton.LeftButton, pos=QPoint(10, 5))
    qtbot.waitUntil(lambda: desk.current is right)
    at = bare_point(left.header)  # a drag is not a click
    qtbot.mousePress(left.header, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(left.header, at + QPoint(drag_distance() * 3, 0))
    qtbot.mouseRelease(left.header, Qt.MouseButton.LeftButton, pos=at)
    assert desk.current is right


def test_where_a_dragged_pane_lands() -> None:
    centres = [200.0, 600.0, 1000.0]  # three panes
    assert [drop_slot(centres, x) for x in (10, 199, 201, 599, 650, 1100)] == [0, 0, 1, 1, 2, 3]
    # the first pane, dropped over the right half of the last: last place
    assert slot_target(drop_slot(centres, 1100), 0) == 2
    assert slot_target(drop_slot(centres, 650), 0) == 1
    # the gaps on either side of a pane leave it where it is
    assert slot_target(1, 1) == 1 and slot_target(2, 1) == 1
    assert slot_target(0, 2) == 0 and slot_target(1, 2) == 1
    edges = [(0, 400), (452, 852), (904, 1304)]
    assert [gap_x(edges, slot) for slot in range(4)] == [7, 426, 878, 1297]


def drag_event(
    kind: type[QDragEnterEvent] | type[QDragMoveEvent], at: QPoint, data: QMimeData
) -> QDragMoveEvent:
    return kind(
        at,
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def drop_event(at: QPoint, data: QMimeData) -> QDropEvent:
    return QDropEvent(
        QPointF(at),
        Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def hover(widget: QWidget, at: QPoint, data: QMimeData) -> QDragMoveEvent:
    """A drag entering `widget` and moving over it, as Qt delivers them (an event a
    widget ignores goes on to its parents); the DragMove, to see if it was taken."""
    enter = drag_event(QDragEnterEvent, at, data)
    QApplication.sendEvent(widget, enter)
    move = drag_event(QDragMoveEvent, at, data)
    QApplication.sendEvent(widget, move)
    return move


def test_dropping_the_first_pane_on_the_right_moves_it_last(qtbot, desk, linked) -> None:
    _project, ids = linked
    third = desk.open_article(ids.a, new_pane=True)
    first, second, _ = desk.panes
    drag = desk.drops.drag(first, QPoint(5, 5))
    data = drag.mimeData()
    assert data.formats() == [MIME_TYPE]
    assert not drag.pixmap().isNull()
    assert drag.pixmap().deviceIndependentSize().toSize() == first.header.size()
    # over the right half of the last pane's text, as a user would let go of it
    viewport = third.view.viewport()
    at = QPoint(viewport.width() - 20, viewport.height() // 2)
    move = hover(viewport, at, data)
    assert move.isAccepted() and move.dropAction() == Qt.DropAction.MoveAction
    indicator = desk.drops.indicator
    assert indicator.isVisible()
    right_edge = third.mapTo(desk, QPoint(third.width(), 0)).x()
    assert right_edge - 12 <= indicator.geometry().center().x() <= right_edge
    assert indicator.geometry().right() <= right_edge
    assert indicator.height() == desk.splitter.height()
    drop = drop_event(at, data)
    with qtbot.waitSignal(desk.layout_changed):
        QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    assert desk.panes == [second, third, first]
    assert [p["article"] for p in desk.state()["panes"]] == [ids.b, ids.a, ids.a]  # type: ignore[index]
    assert not indicator.isVisible()
    assert first.header.left.isEnabled() and not first.header.right.isEnabled()  # now last


def test_a_pane_dropped_on_its_own_place_stays(qtbot, desk) -> None:
    left, right = desk.panes
    data = desk.drops.drag(left, QPoint(5, 5)).mimeData()
    viewport = left.view.viewport()
    at = QPoint(viewport.width() - 10, 40)  # its own right half: the gap after it
    assert hover(viewport, at, data).isAccepted()
    assert not desk.drops.indicator.isVisible()  # nothing would change: nothing shown
    with qtbot.assertNotEmitted(desk.layout_changed):
        QApplication.sendEvent(viewport, drop_event(at, data))
    assert desk.panes == [left, right]


def test_a_drag_that_leaves_the_desk_takes_its_indicator_along(qtbot, desk) -> None:
    left, right = desk.panes
    data = desk.drops.drag(right, QPoint(5, 5)).mimeData()
    assert hover(left.view.viewport(), QPoint(10, 40), data).isAccepted()
    assert desk.drops.indicator.isVisible()
    QApplication.sendEvent(left.view.viewport(), QDragLeaveEvent())
    assert not desk.drops.indicator.isVisible()
    assert desk.panes == [left, right]


def file_urls(path: Path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    return data


def test_the_desk_takes_no_drags_but_its_own_panes(qtbot, desk, tmp_path) -> None:
    text = QMimeData()
    text.setText("a headline")
    elsewhere = pane_mime_data("another-window", 0)  # a pane of another desk
    for data in (file_urls(tmp_path), text, elsewhere):
        enter = drag_event(QDragEnterEvent, QPoint(500, 100), data)
        QApplication.sendEvent(desk, enter)
        assert not enter.isAccepted()
        assert not desk.drops.indicator.isVisible()
    left, right = desk.panes
    desk.dropEvent(drop_event(QPoint(900, 100), elsewhere))
    assert desk.panes == [left, right]


def test_files_dropped_over_the_desk_are_imported_by_the_window(
    qtbot, settings, linked, tmp_path
) -> None:
    """The desk ignores them, so Qt offers them to the window, which imports them."""
    project, ids = linked
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.attach_project(project)
    window.show()
    qtbot.waitExposed(window)
    assert window.desk is not None
    pane = window.desk.open_article(ids.a)
    folder = tmp_path / "dropped"
    write_batch(folder, 2)
    data = file_urls(folder)
    viewport = pane.view.viewport()
    enter = drag_event(QDragEnterEvent, QPoint(40, 40), data)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()  # by the window, the desk having passed it on
    assert not window.desk.drops.indicator.isVisible()
    QApplication.sendEvent(viewport, drop_event(QPoint(40, 40), data))
    assert isinstance(window._import, ImportFlow)
    dialog = review(qtbot, window._import)
    assert dialog.model.rowCount() == 2
    dialog.reject()


# ------------------------------------------------------ dragging articles from the Library
def test_where_a_dropped_article_goes() -> None:
    edges = [(0, 400), (410, 800)]
    assert drop_place(edges, 200, room=True) == ("into", 0)
    assert drop_place(edges, 50, room=True) == ("beside", 0)  # the outer quarter: new pane
    assert drop_place(edges, 390, room=True) == ("beside", 1)
    assert drop_place(edges, 405, room=True) == ("beside", 1)  # the gutter between them
    assert drop_place(edges, 600, room=True) == ("into", 1)
    assert drop_place(edges, 790, room=True) == ("beside", 2)
    assert drop_place(edges, 50, room=False) == ("into", 0)  # a full desk: replace
    assert drop_place([], 300, room=True) == ("beside", 0)


def third_article(project, tmp_path: Path) -> int:
    source = tmp_path / "third.txt"
    source.write_text("A third report\n\nOfficials met again in Baghdad on Monday.\n", "utf-8")
    (article,) = project.import_files([source])
    return article.id


def test_an_article_dropped_on_a_pane_is_shown_in_it(qtbot, desk, linked, tmp_path) -> None:
    project, ids = linked
    third = third_article(project, tmp_path)
    left, right = desk.panes
    desk.set_current(left)  # dropped on the current pane, which then shows another article
    data = article_mime_data(third)
    viewport = left.view.viewport()
    at = QPoint(viewport.width() // 2, 60)
    move = hover(viewport, at, data)
    assert move.isAccepted()
    outline = desk.article_drops.outline
    assert outline.isVisible() and outline.geometry().contains(left.mapTo(desk, QPoint(5, 5)))
    with qtbot.waitSignal(desk.current_changed) as changed:  # the Library follows it
        QApplication.sendEvent(viewport, drop_event(at, data))
    assert changed.args == [left] and left.article_id == third
    assert not outline.isVisible()
    assert desk.panes == [left, right]
    assert (left.article_id, right.article_id) == (third, ids.b)
    assert desk.current is left


def test_an_article_dropped_by_a_pane_edge_opens_beside_it(qtbot, desk, linked, tmp_path) -> None:
    project, ids = linked
    third = third_article(project, tmp_path)
    left, right = desk.panes
    data = article_mime_data(third)
    viewport = right.view.viewport()
    at = QPoint(6, 60)  # the left quarter of the right-hand pane: a new pane between them
    assert hover(viewport, at, data).isAccepted()
    indicator = desk.drops.indicator
    assert indicator.isVisible() and not desk.article_drops.outline.isVisible()
    QApplication.sendEvent(viewport, drop_event(at, data))
    assert not indicator.isVisible()
    new = desk.panes[1]
    assert desk.panes == [left, new, right] and new.article_id == third
    assert desk.current is new
    # an article already on the desk is not opened twice: its pane becomes current
    shown = article_mime_data(ids.b)  # kept: the events hold it without owning it
    hover(new.view.viewport(), QPoint(6, 60), shown)
    QApplication.sendEvent(new.view.viewport(), drop_event(QPoint(6, 60), shown))
    assert len(desk.panes) == 3 and desk.current is right


def test_the_library_drags_articles_not_outlets(qtbot, linked) -> None:
    project, ids = linked
    model = LibraryModel(project)
    outlet = model.index(0, 0)
    assert not model.flags(outlet) & Qt.ItemFlag.ItemIsDragEnabled
    model.fetchMore(outlet)  # an outlet's articles are read when it is opened
    article = model.index(0, 0, outlet)
    assert model.flags(article) & Qt.ItemFlag.ItemIsDragEnabled
    data = model.mimeData([article])
    assert data is not None and data.formats() == [ARTICLE_MIME_TYPE]
    assert dragged_article(data) == article.data(IdRole) in (ids.a, ids.b)
    assert model.mimeData([outlet]) is None
    assert dragged_article(pane_mime_data("desk", 0)) is None  # a pane is not an article


def test_an_article_dropped_on_an_empty_desk_opens_in_a_pane(qtbot, desk, linked) -> None:
    _project, ids = linked
    while desk.panes:
        desk.close_pane(desk.panes[0])
    data = article_mime_data(ids.b)
    at = QPoint(desk.width() // 2, desk.height() // 3)
    assert hover(desk, at, data).isAccepted()
    assert desk.article_drops.outline.isVisible()  # the whole desk is where it goes
    QApplication.sendEvent(desk, drop_event(at, data))
    assert [p.article_id for p in desk.panes] == [ids.b]
    assert not desk.article_drops.outline.isVisible()
