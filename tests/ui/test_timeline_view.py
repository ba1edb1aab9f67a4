"""The timeline: a row per outlet, a mark per report coloured by stance, zoom and pan,
click to compare, export as PNG and SVG."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent

from parallax.ui import timeline_export as draw
from parallax.ui.session import ProjectSession
from parallax.ui.timeline_view import TimelinePanel
from tests.ui.demo_fixtures import (
    article_with,
    demo_path,
    demo_project,
    demo_template,
    runner,
    session,
)

__all__ = ["demo_path", "demo_project", "demo_template", "runner", "session"]

SHOTS = Path("/tmp/shots")


@pytest.fixture
def panel(qtbot, session: ProjectSession) -> TimelinePanel:
    widget = TimelinePanel(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 260)
    widget.show()
    qtbot.waitExposed(widget)
    widget.canvas.fit()
    return widget


def test_a_row_per_outlet_and_a_mark_per_report(panel) -> None:
    data = panel.canvas.timeline
    assert data.rows == ("Press TV", "Rudaw", "Syria Times")
    reports = {(data.rows[m.row], m.event_id, str(m.stance)) for m in data.marks}
    events = {e.title: e.id for e in panel.session.project.events()}
    receives = events["Assad receives Iraqi envoy Fayadh in Damascus"]
    meeting = events["Assad and Fayadh discuss direct military cooperation"]
    assert reports == {
        ("Press TV", receives, "reports"),
        ("Syria Times", receives, "corroborates"),
        ("Rudaw", meeting, "reports"),
        ("Syria Times", meeting, "corroborates"),
    }
    assert "2 events, 4 reports, 3 outlets" in panel.status.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / "timeline.png"))


def test_a_new_link_adds_a_mark_in_the_outlets_row(panel) -> None:
    project = panel.session.project
    rudaw = article_with(project, "Rudaw")
    event = project.events()[0]
    ann = project.annotate(rudaw.id, 0, 30)
    panel.session.run(_link(project, ann.id, event.id))
    marks = [m for m in panel.canvas.timeline.marks if m.event_id == event.id]
    assert panel.canvas.timeline.rows[max(m.row for m in marks)] in ("Rudaw", "Syria Times")
    assert len(marks) == 3 and any(str(m.stance) == "contradicts" for m in marks)


def _link(project, annotation_id: int, event_id: int):
    from parallax.ui.commands import LinkEventCommand

    return LinkEventCommand(project, annotation_id, event_id, "contradicts")


def test_clicking_a_mark_asks_for_the_comparison(qtbot, panel) -> None:
    canvas = panel.canvas
    mark = canvas.timeline.marks[0]
    centre = canvas.mark_centre(mark).toPoint()
    with qtbot.waitSignal(panel.event_activated) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre)
    assert blocker.args == [mark.event_id]
    assert canvas.click(QPoint(5, 5)) is None
    assert "Click to compare" in canvas.describe(mark)


def test_zoom_and_pan(qtbot, panel) -> None:
    canvas = panel.canvas
    before = canvas.scale.ppd
    canvas.zoom(draw.MAX_PPD)  # clamps
    assert canvas.scale.ppd == draw.MAX_PPD
    canvas.fit()
    assert canvas.scale.ppd == pytest.approx(before)
    wheel = QWheelEvent(
        QPointF(500, 100),
        QPointF(canvas.mapToGlobal(QPoint(500, 100))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    day_under = canvas.scale.day_at(500)
    canvas.wheelEvent(wheel)
    assert canvas.scale.ppd == pytest.approx(before * 1.25)
    assert abs((canvas.scale.day_at(500) - day_under).days) <= 1
    offset = canvas.scale.offset
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 120))
    qtbot.mouseMove(canvas, QPoint(300, 120))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 120))
    assert canvas.scale.offset == pytest.approx(offset + 100)


def test_ticks_show_years_months_and_days_as_room_allows() -> None:
    first, last = dt.date(2016, 1, 1), dt.date(2017, 12, 31)
    coarse = draw.ticks(first, last, 0.1)
    assert {t.level for t in coarse} == {0}
    months = draw.ticks(first, last, 2.0)
    assert any(t.label == "May" for t in months)
    days = draw.ticks(dt.date(2017, 5, 1), dt.date(2017, 5, 31), 30.0)
    assert any(t.level == 2 and t.label == "18" for t in days)


def test_export_png_and_svg(panel, tmp_path: Path) -> None:
    png = panel.export(tmp_path / "timeline.png")
    image = QImage(str(png))
    assert png.stat().st_size > 0 and image.width() == draw.EXPORT_WIDTH and image.height() > 100
    svg = panel.export(tmp_path / "timeline.svg")
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "Press TV" in svg.read_text(encoding="utf-8")
