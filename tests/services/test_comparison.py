"""Event comparison data: stance summaries, columns per source, what only one source
names, silent outlets, the timeline; and the dates written in an article."""

from __future__ import annotations

import datetime as dt

import pytest

from parallax.domain.model import Stance
from parallax.services.article_dates import dates_in_article, sentence_around
from parallax.services.comparison import (
    UNKNOWN_OUTLET,
    compare_event,
    overviews,
    stance_summary,
    timeline,
)
from parallax.services.demo import build_demo
from parallax.services.project import Project
from tests.conftest import SAMPLE_CORPUS, article_by_file


@pytest.fixture
def demo(project: Project) -> Project:
    build_demo(project, SAMPLE_CORPUS)
    return project


def event(project: Project, start: str):
    return next(e for e in project.events() if e.title.startswith(start))


def test_stance_summary_counts_sources() -> None:
    assert stance_summary({Stance.CORROBORATES: 2, Stance.CONTRADICTS: 1}) == (
        "corroborated by 2, contradicted by 1"
    )
    assert stance_summary({}) == "no sources yet"


def test_overviews_of_the_demo_events(demo: Project) -> None:
    found = overviews(demo.event_reports())
    receives = found[event(demo, "Assad receives").id]
    assert (receives.sources, receives.outlets) == (2, 2)
    assert receives.summary == "reported by 1, corroborated by 1"
    unnamed = article_by_file(demo, "002_")
    ann = demo.annotate(unnamed.id, 0, 20)
    demo.link(ann.id, receives.event_id, "contradicts")
    again = overviews(demo.event_reports())[receives.event_id]
    assert again.outlets == 3 and again.count(Stance.CONTRADICTS) == 1


def test_compare_event_columns_unique_content_and_silent_outlets(demo: Project) -> None:
    comparison = compare_event(demo, event(demo, "Assad receives").id)
    assert [c.outlet for c in comparison.sources] == ["Press TV", "Syria Times"]
    press_tv, syria_times = comparison.sources
    assert press_tv.reliability == "F" and press_tv.published == dt.date(2016, 7, 1)
    assert [str(p.stance) for p in press_tv.passages] == ["reports"]
    assert "Falah al-Fayadh" in press_tv.unique_actors
    assert "Bashar al-Assad" not in press_tv.unique_actors + syria_times.unique_actors
    assert "Damascus" in press_tv.unique_names
    assert press_tv.unique_dates == ("2016-06-29? (“Wednesday”)",)
    assert syria_times.unique_dates == ("2016-07-13 (“July 13, 2016”)",)
    assert comparison.silent_outlets == ("Rudaw",)


def test_compare_event_shares_dates_that_overlap(demo: Project) -> None:
    meeting = event(demo, "Assad and Fayadh")
    comparison = compare_event(demo, meeting.id)
    assert all(not c.unique_dates for c in comparison.sources)  # both say 18 May 2017


def test_timeline_rows_marks_and_undated_events(demo: Project) -> None:
    data = timeline(demo)
    assert data.rows == ("Press TV", "Rudaw", "Syria Times")
    assert len(data.marks) == 4
    assert data.span == (dt.date(2016, 7, 13), dt.date(2017, 5, 18))
    unnamed = article_by_file(demo, "003_")
    ann = demo.annotate(unnamed.id, 0, 20)
    undated = demo.create_event("Border talks")
    demo.link(ann.id, undated.id, "reports")
    data = timeline(demo)
    assert data.rows[-1] == UNKNOWN_OUTLET and data.undated == ("Border talks",)
    demo.tag_date(ann.id, "May 29, 2017")
    dated = [m for m in timeline(demo).marks if m.event_id == undated.id]
    assert [(m.start, m.row) for m in dated] == [(dt.date(2017, 5, 29), 3)]


def test_dates_in_article_flag_doubts(demo: Project) -> None:
    rudaw = article_by_file(demo, "000_")
    found = {m.expression: m for m in dates_in_article(demo, rudaw.id)}
    assert found["on Thursday"].label == "2017-05-18" and not found["on Thursday"].flagged
    undated = article_by_file(demo, "002_")
    tuesday = next(m for m in dates_in_article(demo, undated.id) if m.expression == "on Tuesday")
    assert tuesday.flagged and tuesday.label == "unresolved"
    start = rudaw.text.index("on Thursday")
    lo, hi = sentence_around(rudaw.text, start, start + 11)
    assert lo <= start and hi >= start + 11 and "\n" not in rudaw.text[lo:hi]


def test_boilerplate_dates_are_left_out(demo: Project) -> None:
    rudaw = article_by_file(demo, "000_")
    first = dates_in_article(demo, rudaw.id)[0]
    demo.mark_boilerplate(rudaw.id, first.start, first.end)
    assert all(m.start != first.start for m in dates_in_article(demo, rudaw.id))


def test_reports_and_counts_of_some_events_match_those_of_all(demo: Project) -> None:
    """The Events tab reads a block of events at a time: per event, the same figures as
    reading every event at once."""
    every = demo.events()
    assert [e.id for e in every] == demo.event_ids()
    some = [every[0].id, every[-1].id]
    assert demo.events_with_ids([some[1], some[0], 999_999]) == [every[0], every[-1]]
    all_counts = demo.event_source_counts()
    assert demo.event_source_counts(some) == {i: all_counts[i] for i in some if i in all_counts}
    wanted = [r for r in demo.event_reports() if r.event_id in some]
    assert demo.event_reports(some) == wanted
    assert demo.event_reports([]) == [] and demo.event_source_counts([]) == {}
