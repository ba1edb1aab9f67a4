"""Events, the links that tie annotations to them, and date tags on annotations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from parallax.domain.dates import NormalisedDate
from parallax.domain.errors import NotFoundError
from parallax.domain.model import (
    AnnotationId,
    DateTag,
    Event,
    EventId,
    EventLink,
    Precision,
    Stance,
)
from parallax.store import convert
from parallax.store.batches import id_chunks
from parallax.store.tables import (
    AnnotationRow,
    ArticleRow,
    DateTagRow,
    EventLinkRow,
    EventRow,
)


def create_event(
    session: Session,
    title: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    precision: Precision | None = None,
    place: str = "",
    description: str = "",
    event_id: int | None = None,
) -> Event:
    row = EventRow(
        id=event_id,
        title=title,
        start=start,
        end=end,
        precision=str(precision) if precision else None,
        place=place,
        description=description,
    )
    session.add(row)
    session.flush()
    return convert.event(row)


def get_event(session: Session, event_id: int) -> Event:
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError(f"No event {event_id} in this project.")
    return convert.event(row)


def update_event(session: Session, event_id: int, **fields: object) -> Event:
    row = session.get(EventRow, event_id)
    if row is None:
        raise NotFoundError(f"No event {event_id} in this project.")
    for name, value in fields.items():
        setattr(row, name, str(value) if name == "precision" and value else value)
    session.flush()
    return convert.event(row)


def delete_event(session: Session, event_id: int) -> tuple[Event, list[EventLink]]:
    """Delete an event and return it with its links, so that undo can restore both."""
    event = get_event(session, event_id)
    links = links_for_event(session, event_id)
    session.delete(session.get(EventRow, event_id))
    session.flush()
    return event, links


_EVENT_COLUMNS = (
    EventRow.id,
    EventRow.title,
    EventRow.start,
    EventRow.end,
    EventRow.precision,
    EventRow.place,
    EventRow.description,
)
_EVENT_ORDER = (EventRow.start.is_(None), EventRow.start, EventRow.id)


def _event(row: Sequence[Any]) -> Event:
    i, t, s, e, p, pl, d = row
    return Event(EventId(i), t, s, e, Precision(p) if p else None, pl, d)


def list_events(session: Session) -> list[Event]:
    """Every event, dated ones first by date. Built from column tuples, not ORM objects:
    the Events tab and the timeline read thousands of them when a project opens."""
    rows = session.execute(select(*_EVENT_COLUMNS).order_by(*_EVENT_ORDER))
    return [_event(row) for row in rows]


def list_event_ids(session: Session) -> list[int]:
    """The ids of every event, in the order of `list_events`: enough for a table to know
    its rows before it reads the few on screen."""
    query = select(EventRow.id).order_by(*_EVENT_ORDER)
    return list(session.connection().execute(query).scalars())


def events_with_ids(session: Session, event_ids: Iterable[int]) -> list[Event]:
    """The events with these ids that still exist, in the order of `list_events`."""
    found: list[Event] = []
    for chunk in id_chunks(event_ids):
        query = select(*_EVENT_COLUMNS).where(EventRow.id.in_(chunk))
        found += [_event(row) for row in session.connection().execute(query)]
    return sorted(found, key=_event_order)


def _event_order(event: Event) -> tuple[bool, dt.date, int]:
    return (event.start is None, event.start or dt.date.min, event.id)


def link(session: Session, annotation_id: int, event_id: int, stance: Stance) -> None:
    if session.get(AnnotationRow, annotation_id) is None:
        raise NotFoundError(f"No annotation {annotation_id} in this project.")
    if session.get(EventRow, event_id) is None:
        raise NotFoundError(f"No event {event_id} in this project.")
    row = session.get(EventLinkRow, (annotation_id, event_id))
    if row is None:
        session.add(
            EventLinkRow(annotation_id=annotation_id, event_id=event_id, stance=str(stance))
        )
    else:
        row.stance = str(stance)
    session.flush()


def unlink(session: Session, annotation_id: int, event_id: int) -> EventLink | None:
    row = session.get(EventLinkRow, (annotation_id, event_id))
    if row is None:
        return None
    gone = EventLink(AnnotationId(annotation_id), EventId(event_id), Stance(row.stance))
    session.delete(row)
    session.flush()
    return gone


def links_for_event(session: Session, event_id: int) -> list[EventLink]:
    rows = session.execute(
        select(EventLinkRow.annotation_id, EventLinkRow.stance)
        .join(AnnotationRow, AnnotationRow.id == EventLinkRow.annotation_id)
        .join(ArticleRow, ArticleRow.id == AnnotationRow.article_id)
        .where(EventLinkRow.event_id == event_id)
        .order_by(
            ArticleRow.published.is_(None),
            ArticleRow.published,
            AnnotationRow.article_id,
            AnnotationRow.start,
        )
    )
    return [EventLink(AnnotationId(a), EventId(event_id), Stance(s)) for a, s in rows]


def source_counts(
    session: Session, event_ids: Iterable[int] | None = None
) -> dict[int, tuple[int, int]]:
    """Per event (of `event_ids`, or every one): (linked passages, distinct articles)."""
    query = (
        select(
            EventLinkRow.event_id,
            func.count(),
            func.count(func.distinct(AnnotationRow.article_id)),
        )
        .join(AnnotationRow, AnnotationRow.id == EventLinkRow.annotation_id)
        .group_by(EventLinkRow.event_id)
    )
    if event_ids is None:
        return {eid: (n, a) for eid, n, a in session.execute(query)}
    counts: dict[int, tuple[int, int]] = {}
    for chunk in id_chunks(event_ids):
        rows = session.connection().execute(query.where(EventLinkRow.event_id.in_(chunk)))
        counts.update((eid, (n, a)) for eid, n, a in rows)
    return counts


def links_for_article(session: Session, article_id: int) -> list[EventLink]:
    """Every event link of an article's annotations (one query: connectors need them all)."""
    rows = session.execute(
        select(EventLinkRow.annotation_id, EventLinkRow.event_id, EventLinkRow.stance)
        .join(AnnotationRow, AnnotationRow.id == EventLinkRow.annotation_id)
        .where(AnnotationRow.article_id == article_id)
        .order_by(AnnotationRow.start, EventLinkRow.event_id)
    )
    return [EventLink(AnnotationId(a), EventId(e), Stance(s)) for a, e, s in rows]


def add_date_tag(
    session: Session, annotation_id: int, value: NormalisedDate, *, tag_id: int | None = None
) -> DateTag:
    if session.get(AnnotationRow, annotation_id) is None:
        raise NotFoundError(f"No annotation {annotation_id} in this project.")
    row = DateTagRow(
        id=tag_id,
        annotation_id=annotation_id,
        expression=value.expression,
        start=value.start,
        end=value.end,
        precision=str(value.precision) if value.precision else None,
        anchor=value.anchor,
        ambiguous=value.ambiguous,
    )
    session.add(row)
    session.flush()
    return convert.date_tag(row)


def delete_date_tag(session: Session, tag_id: int) -> DateTag:
    row = session.get(DateTagRow, tag_id)
    if row is None:
        raise NotFoundError(f"No date tag {tag_id} in this project.")
    gone = convert.date_tag(row)
    session.execute(delete(DateTagRow).where(DateTagRow.id == tag_id))
    return gone
