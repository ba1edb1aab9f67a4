"""The timeline chart: dated events on an axis a reader can use, one row per outlet."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image

from parallax.domain.brief import BriefEvent, BriefPassage
from parallax.domain.model import Precision, Stance
from parallax.export import chart
from parallax.export.chart_axis import DateAxis, lanes
from parallax.export.chart_fonts import Fonts


def event(n: int, when: dt.date | None, *outlets: tuple[str, Stance]) -> BriefEvent:
    passages = tuple(
        BriefPassage(n * 10 + i, i + 1, o, None, "q", s) for i, (o, s) in enumerate(outlets)
    )
    return BriefEvent(
        n, f"Event {n}", when, when, Precision.DAY if when else None, passages=passages
    )


def test_png_has_a_row_per_outlet_and_leaves_undated_events_out() -> None:
    events = [
        event(1, dt.date(2016, 7, 13), ("Press TV", Stance.REPORTS), ("SANA", Stance.CORROBORATES)),
        event(2, dt.date(2017, 5, 18), ("Rudaw", Stance.REPORTS), ("سانا", Stance.CONTRADICTS)),
        event(3, None, ("Rudaw", Stance.REPORTS)),
    ]
    assert [p.number for p in chart.chartable(events)] == [1, 2]
    png = chart.timeline_png(events)
    assert png is not None
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.width == chart.WIDTH
    assert 300 < image.height < chart.WIDTH  # wide, not tall, for four outlets
    assert chart._outlet_rows(chart.chartable(events))[0] in {"Press TV", "Rudaw", "SANA"}


def test_no_dated_event_means_no_chart() -> None:
    assert chart.timeline_png([event(1, None, ("Rudaw", Stance.REPORTS))]) is None
    assert chart.timeline_png([]) is None


def test_strongest_stance_shows_for_an_outlet() -> None:
    mixed = event(1, dt.date(2017, 1, 1), ("A", Stance.REPORTS), ("A", Stance.CONTRADICTS))
    assert chart._stance(mixed, "A") == Stance.CONTRADICTS
    assert chart._stance(mixed, "B") is None


def test_axis_ticks_fit_and_read_naturally() -> None:
    fonts = Fonts()
    days = DateAxis(dt.date(2017, 5, 1), dt.date(2017, 5, 20), 0, 1500).ticks(fonts)
    assert days and all(label[0].isdigit() for _, label in days)
    months = DateAxis(dt.date(2016, 1, 1), dt.date(2017, 1, 1), 0, 1500).ticks(fonts)
    labels = [label for _, label in months]
    assert any("2016" in x for x in labels) and any(x in ("Mar", "May", "Jul") for x in labels)
    years = DateAxis(dt.date(1990, 1, 1), dt.date(2020, 1, 1), 0, 1500).ticks(fonts)
    assert all(label.isdigit() for _, label in years) and 2 <= len(years) <= 8
    one_day = DateAxis(dt.date(2017, 5, 18), dt.date(2017, 5, 18), 100, 1100)
    assert 100 < one_day.x(dt.date(2017, 5, 18)) < 1100


def test_close_labels_go_to_separate_lanes() -> None:
    assert lanes([0, 100, 200], 40) == [0, 0, 0]
    assert lanes([0, 10, 20, 200], 40) == [0, 1, 2, 0]
    assert max(lanes([float(i) for i in range(20)], 40, most=4)) == 3


def test_long_labels_are_cut_with_an_ellipsis() -> None:
    fonts = Fonts()
    cut = fonts.fit("An outlet with a remarkably long and winding name", "label", 200)
    assert cut.endswith("…") and fonts.width(cut, "label") <= 200
