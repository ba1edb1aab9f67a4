"""How sources report events: stance summaries, one event side by side, and a timeline.

Everything is computed from the event links and what the linked passages name; nothing
is guessed. "Only in this source" is deliberately simple: the actors, other names and
dates found in one source's passages that no other source's passages name.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parallax.domain.model import (
    Actor,
    AnnotationDetail,
    Article,
    Event,
    Outlet,
    Precision,
    Stance,
)
from parallax.domain.text import fold
from parallax.store import event_ops
from parallax.store.engine import Store

if TYPE_CHECKING:
    from parallax.services.project import Project

logger = logging.getLogger(__name__)

UNKNOWN_OUTLET = "Unknown outlet"
STANCE_ORDER = (Stance.REPORTS, Stance.CORROBORATES, Stance.CONTRADICTS, Stance.ADDS_DETAIL)
# The stance a timeline mark shows when one outlet's passages differ: the most telling.
STANCE_PRIORITY = (Stance.CONTRADICTS, Stance.CORROBORATES, Stance.ADDS_DETAIL, Stance.REPORTS)
_STANCE_WORDS = {
    Stance.REPORTS: "reported by",
    Stance.CORROBORATES: "corroborated by",
    Stance.CONTRADICTS: "contradicted by",
    Stance.ADDS_DETAIL: "detail added by",
}


@dataclass(frozen=True, slots=True)
class EventReport:
    """One linked passage: which event, which article and outlet, in which stance."""

    event_id: int
    annotation_id: int
    article_id: int
    outlet_id: int | None
    stance: Stance


def event_reports(store: Store, event_ids: Iterable[int] | None = None) -> list[EventReport]:
    """Every event link (only those of `event_ids`, when given) as an `EventReport`."""
    with store.reading() as s:
        rows = event_ops.event_reports(s, event_ids)
    return [EventReport(e, a, art, o, Stance(st)) for e, a, art, o, st in rows]


def stance_summary(sources_by_stance: Mapping[Stance, int]) -> str:
    """ "reported by 1, corroborated by 2, contradicted by 1" (sources per stance)."""
    parts = [
        f"{_STANCE_WORDS[s]} {sources_by_stance[s]}"
        for s in STANCE_ORDER
        if sources_by_stance.get(s)
    ]
    return ", ".join(parts) or "no sources yet"


@dataclass(frozen=True, slots=True)
class EventOverview:
    """What the Events tab shows beside an event's date and title."""

    event_id: int
    sources: int  # distinct articles
    outlets: int  # distinct outlets; each article without an outlet counts as its own
    stances: tuple[tuple[Stance, int], ...]  # sources per stance

    @property
    def summary(self) -> str:
        return stance_summary(dict(self.stances))

    def count(self, stance: Stance) -> int:
        return dict(self.stances).get(stance, 0)


def _outlet_key(report: EventReport) -> tuple[str, int]:
    if report.outlet_id is None:
        return ("article", report.article_id)
    return ("outlet", report.outlet_id)


def overviews(reports: Iterable[EventReport]) -> dict[int, EventOverview]:
    """Per event id: sources, outlets and sources per stance."""
    by_event: dict[int, list[EventReport]] = defaultdict(list)
    for report in reports:
        by_event[report.event_id].append(report)
    found = {}
    for event_id, rows in by_event.items():
        stances: Counter[Stance] = Counter()
        for stance in STANCE_ORDER:
            stances[stance] = len({r.article_id for r in rows if r.stance == stance})
        found[event_id] = EventOverview(
            event_id,
            len({r.article_id for r in rows}),
            len({_outlet_key(r) for r in rows}),
            tuple((s, n) for s, n in stances.items() if n),
        )
    return found


# --- one event, side by side -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ComparedPassage:
    annotation_id: int
    start: int
    end: int
    quote: str
    kind: str
    stance: Stance
    credibility: int | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class SourceColumn:
    """One source (article) of an event with its passages and what only it names."""

    article_id: int
    title: str
    outlet: str
    reliability: str  # A–F, "" for an article without an outlet
    published: dt.date | None
    precision: Precision
    url: str
    passages: tuple[ComparedPassage, ...]
    actors: tuple[str, ...]
    names: tuple[str, ...]
    dates: tuple[str, ...]
    unique_actors: tuple[str, ...]
    unique_names: tuple[str, ...]
    unique_dates: tuple[str, ...]

    @property
    def says_more(self) -> bool:
        return bool(self.unique_actors or self.unique_names or self.unique_dates)


@dataclass(frozen=True, slots=True)
class EventComparison:
    event: Event
    sources: tuple[SourceColumn, ...]
    silent_outlets: tuple[str, ...]  # outlets of the project that did not report it
    summary: str


@dataclass(frozen=True, slots=True)
class _Named:
    """What one source's passages name: actors by id, other names by folded form,
    dates as (start, end, label)."""

    actors: dict[int, str]
    names: dict[str, str]
    dates: list[tuple[dt.date, dt.date, str]]


def compare_event(project: Project, event_id: int) -> EventComparison:
    """One column per source of the event, in publication order, with what only it says."""
    event = project.event(event_id)
    links = project.event_links(event_id)
    details = [project.annotation_detail(link.annotation_id) for link in links]
    stance_of = {link.annotation_id: link.stance for link in links}
    by_article: dict[int, list[AnnotationDetail]] = defaultdict(list)
    for detail in details:
        by_article[detail.annotation.article_id].append(detail)
    outlets = {o.id: o for o in project.outlets()}
    actors = project.actors()
    articles = {aid: project.article(aid) for aid in by_article}
    named = {aid: _named_in(articles[aid], ds, actors) for aid, ds in by_article.items()}
    sources = tuple(
        _column(articles[aid], outlets, by_article[aid], stance_of, named, aid)
        for aid in by_article
    )
    reporting = {articles[aid].outlet_id for aid in by_article}
    silent = tuple(o.name for o in outlets.values() if o.id not in reporting)
    stances: Counter[Stance] = Counter()
    for stance in STANCE_ORDER:
        stances[stance] = len(
            {d.annotation.article_id for d in details if stance_of[d.annotation.id] == stance}
        )
    return EventComparison(event, sources, tuple(sorted(silent)), stance_summary(stances))


def _column(
    article: Article,
    outlets: Mapping[int, Outlet],
    details: Sequence[AnnotationDetail],
    stance_of: Mapping[int, Stance],
    named: Mapping[int, _Named],
    article_id: int,
) -> SourceColumn:
    outlet = outlets.get(article.outlet_id) if article.outlet_id is not None else None
    mine = named[article_id]
    others = [n for aid, n in named.items() if aid != article_id]
    passages = tuple(
        ComparedPassage(
            d.annotation.id,
            d.annotation.start,
            d.annotation.end,
            d.annotation.quote,
            str(d.annotation.kind),
            stance_of[d.annotation.id],
            d.annotation.credibility,
            d.annotation.note,
        )
        for d in sorted(details, key=lambda d: d.annotation.start)
    )
    return SourceColumn(
        article.id,
        article.title,
        article.outlet or UNKNOWN_OUTLET,
        outlet.reliability if outlet else "",
        article.published,
        article.published_precision,
        article.url,
        passages,
        tuple(mine.actors.values()),
        tuple(mine.names.values()),
        tuple(label for _s, _e, label in mine.dates),
        tuple(n for i, n in mine.actors.items() if not any(i in o.actors for o in others)),
        tuple(n for k, n in mine.names.items() if not any(k in o.names for o in others)),
        tuple(
            label
            for s, e, label in mine.dates
            if not any(s <= oe and os_ <= e for o in others for os_, oe, _l in o.dates)
        ),
    )


def _named_in(article: Article, details: Sequence[AnnotationDetail], actors: list[Actor]) -> _Named:
    from parallax.assist.aliases import match_actor
    from parallax.assist.mentions import find_name_candidates

    found = _Named({}, {}, [])
    by_id = {a.id: a for a in actors}
    for detail in details:
        for tag in detail.actors:
            found.actors[tag.actor_id] = tag.actor_name
        for candidate in find_name_candidates(detail.annotation.quote):
            actor = match_actor(candidate.name, actors)
            if actor is not None:
                found.actors.setdefault(actor.id, by_id[actor.id].name)
            else:
                found.names.setdefault(fold(candidate.name), candidate.name)
    found.dates.extend(_dates_named(article, details))
    return found


def _dates_named(
    article: Article, details: Sequence[AnnotationDetail]
) -> list[tuple[dt.date, dt.date, str]]:
    """Tagged dates and dates written in the passages, one per range of days. A relative
    date in an article dated only to the month or year is marked "?"."""
    from parallax.assist.dates import find_date_expressions
    from parallax.services.article_dates import rests_on_rough_anchor

    values: list[tuple[dt.date, dt.date, Precision | None, str]] = []
    for detail in details:
        values += [
            (t.start, t.end or t.start, t.precision, t.expression)
            for t in detail.dates
            if t.start is not None and not t.ambiguous
        ]
        values += [
            (v.start, v.end or v.start, v.precision, v.expression)
            for _s, _e, v in find_date_expressions(detail.annotation.quote, article.published)
            if v.start is not None and not v.ambiguous
        ]
    by_range: dict[tuple[dt.date, dt.date], str] = {}
    for start, end, precision, expression in values:
        doubt = "?" if rests_on_rough_anchor(article, expression) else ""
        label = f"{_fuzzy(start, precision, end)}{doubt} (“{' '.join(expression.split())}”)"
        by_range.setdefault((start, end), label)
    return [(s, e, label) for (s, e), label in sorted(by_range.items())]


def _fuzzy(start: dt.date, precision: Precision | None, end: dt.date | None) -> str:
    from parallax.domain.dates import format_fuzzy

    return format_fuzzy(start, precision or Precision.DAY, end)


# --- timeline ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """One outlet's report of one event: a mark in the outlet's row at the event's date."""

    event_id: int
    title: str
    start: dt.date
    end: dt.date
    precision: Precision
    row: int
    stance: Stance  # the most telling of the outlet's stances (STANCE_PRIORITY)
    article_ids: tuple[int, ...]
    passages: int


@dataclass(frozen=True, slots=True)
class Timeline:
    rows: tuple[str, ...]  # outlet names, then UNKNOWN_OUTLET when some source has none
    marks: tuple[TimelineMark, ...]
    undated: tuple[str, ...]  # titles of reported events with no date to place them at

    @property
    def span(self) -> tuple[dt.date, dt.date] | None:
        if not self.marks:
            return None
        return min(m.start for m in self.marks), max(m.end for m in self.marks)


def timeline(project: Project) -> Timeline:
    """Every reported event at its date, a row per outlet of the project.

    An event without a date is placed at the earliest date tagged on its passages; one
    with neither is listed in `undated`.
    """
    outlets = sorted(project.outlets(), key=lambda o: o.name.casefold())
    reports = project.event_reports()
    row_of: dict[int | None, int] = {o.id: i for i, o in enumerate(outlets)}
    rows = [o.name for o in outlets]
    if any(r.outlet_id is None for r in reports):
        row_of[None] = len(rows)
        rows.append(UNKNOWN_OUTLET)
    by_event: dict[int, list[EventReport]] = defaultdict(list)
    for report in reports:
        by_event[report.event_id].append(report)
    marks, undated = [], []
    for event in project.events():
        linked = by_event.get(event.id)
        if not linked:
            continue
        when = _event_when(project, event, linked)
        if when is None:
            undated.append(event.title)
            continue
        marks.extend(_marks(event, when, linked, row_of))
    return Timeline(tuple(rows), tuple(marks), tuple(undated))


def _event_when(
    project: Project, event: Event, linked: Sequence[EventReport]
) -> tuple[dt.date, dt.date, Precision] | None:
    if event.start is not None:
        return event.start, event.end or event.start, event.precision or Precision.DAY
    tags = [
        t
        for r in linked
        for t in project.annotation_detail(r.annotation_id).dates
        if t.start is not None and not t.ambiguous
    ]
    if not tags:
        return None
    first = min(tags, key=lambda t: t.start)  # type: ignore[arg-type,return-value]
    assert first.start is not None
    return first.start, first.end or first.start, first.precision or Precision.DAY


def _marks(
    event: Event,
    when: tuple[dt.date, dt.date, Precision],
    linked: Sequence[EventReport],
    row_of: Mapping[int | None, int],
) -> list[TimelineMark]:
    by_row: dict[int, list[EventReport]] = defaultdict(list)
    for report in linked:
        by_row[row_of[report.outlet_id]].append(report)
    marks = []
    for row, reports in sorted(by_row.items()):
        stances = {r.stance for r in reports}
        stance = next(s for s in STANCE_PRIORITY if s in stances)
        articles = tuple(dict.fromkeys(r.article_id for r in reports))
        marks.append(
            TimelineMark(event.id, event.title, *when, row, stance, articles, len(reports))
        )
    return marks
