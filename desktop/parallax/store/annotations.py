"""Annotations and everything hung on them: actor tags, date tags, event links, tags."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from parallax.domain.errors import NotFoundError
from parallax.domain.model import (
    ActorId,
    ActorRole,
    ActorTag,
    Annotation,
    AnnotationDetail,
    AnnotationId,
    AnnotationKind,
    AnnotationSpan,
    ArticleId,
    EventId,
    EventLink,
    Stance,
    TagId,
)
from parallax.store import convert
from parallax.store.tables import (
    ActorRow,
    AnnotationActorRow,
    AnnotationRow,
    AnnotationTagRow,
    DateTagRow,
    EventLinkRow,
    utcnow,
)


def _row(session: Session, annotation_id: int) -> AnnotationRow:
    row = session.get(AnnotationRow, annotation_id)
    if row is None:
        raise NotFoundError(f"No annotation {annotation_id} in this project.")
    return row


def add_annotation(
    session: Session, annotation: Annotation, *, keep_id: bool = False
) -> Annotation:
    """Insert an annotation; with keep_id, under the id it had (undo of a delete)."""
    row = AnnotationRow(
        id=annotation.id if keep_id else None,
        article_id=annotation.article_id,
        start=annotation.start,
        end=annotation.end,
        quote=annotation.quote,
        kind=str(annotation.kind),
        note=annotation.note,
        credibility=annotation.credibility,
        author=annotation.author,
    )
    if keep_id and annotation.created is not None:
        row.created = annotation.created
        row.updated = annotation.updated or annotation.created
        row.version = annotation.version
    session.add(row)
    session.flush()
    return convert.annotation(row)


def get_annotation(session: Session, annotation_id: int) -> Annotation:
    return convert.annotation(_row(session, annotation_id))


def update_annotation(session: Session, annotation_id: int, **fields: object) -> Annotation:
    row = _row(session, annotation_id)
    for name, value in fields.items():
        setattr(row, name, str(value) if name == "kind" else value)
    row.updated = utcnow()
    row.version += 1
    session.flush()
    return convert.annotation(row)


_COLUMNS = (
    AnnotationRow.id,
    AnnotationRow.article_id,
    AnnotationRow.start,
    AnnotationRow.end,
    AnnotationRow.quote,
    AnnotationRow.kind,
    AnnotationRow.note,
    AnnotationRow.credibility,
    AnnotationRow.author,
    AnnotationRow.created,
    AnnotationRow.updated,
    AnnotationRow.version,
)


_IDS_PER_QUERY = 500  # well under every database's limit of bound parameters


def for_article(session: Session, article_id: int) -> list[Annotation]:
    """An article's annotations by position. Plain column tuples on the session's
    connection, not ORM objects nor the ORM's result machinery: a list of 2,000 must
    read in a few milliseconds."""
    rows = session.connection().execute(
        select(*_COLUMNS)
        .where(AnnotationRow.article_id == article_id)
        .order_by(AnnotationRow.start, AnnotationRow.id)
    )
    return [_annotation(r) for r in rows]


def with_ids(session: Session, annotation_ids: Iterable[int]) -> list[Annotation]:
    """The annotations with these ids that still exist, by position (one query): the
    rows a list is about to show, when it holds only spans."""
    wanted = sorted(set(annotation_ids))
    found: list[Annotation] = []
    for first in range(0, len(wanted), _IDS_PER_QUERY):
        rows = session.connection().execute(
            select(*_COLUMNS).where(AnnotationRow.id.in_(wanted[first : first + _IDS_PER_QUERY]))
        )
        found += [_annotation(r) for r in rows]
    return sorted(found, key=lambda a: (a.article_id, a.start, a.id))


def spans_for_article(session: Session, article_id: int) -> list[AnnotationSpan]:
    """Id, start, end and kind of an article's annotations by position: what the
    highlights need, without quotes, notes or dates (a fifth of the cost of
    `for_article` for 2,000 annotations, and far fewer objects to keep)."""
    rows = session.connection().execute(
        select(AnnotationRow.id, AnnotationRow.start, AnnotationRow.end, AnnotationRow.kind)
        .where(AnnotationRow.article_id == article_id)
        .order_by(AnnotationRow.start, AnnotationRow.id)
    )
    return list(map(AnnotationSpan._make, rows))


def _annotation(r: Sequence[Any]) -> Annotation:
    return Annotation(
        AnnotationId(r[0]),
        ArticleId(r[1]),
        r[2],
        r[3],
        r[4],
        AnnotationKind(r[5]),
        r[6],
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
    )


def counts_for(session: Session, article_ids: list[int]) -> dict[int, int]:
    """Annotation counts of the given articles (absent ones have none)."""
    rows = session.execute(
        select(AnnotationRow.article_id, func.count())
        .where(AnnotationRow.article_id.in_(article_ids))
        .group_by(AnnotationRow.article_id)
    )
    return {article_id: n for article_id, n in rows}


def detail(session: Session, annotation_id: int) -> AnnotationDetail:
    ann = get_annotation(session, annotation_id)
    actor_rows = session.execute(
        select(AnnotationActorRow.actor_id, ActorRow.name, AnnotationActorRow.role)
        .join(ActorRow, ActorRow.id == AnnotationActorRow.actor_id)
        .where(AnnotationActorRow.annotation_id == annotation_id)
        .order_by(ActorRow.name)
    )
    actors = tuple(
        ActorTag(AnnotationId(annotation_id), ActorId(aid), name, ActorRole(role))
        for aid, name, role in actor_rows
    )
    dates = tuple(
        convert.date_tag(r)
        for r in session.scalars(
            select(DateTagRow).where(DateTagRow.annotation_id == annotation_id)
        )
    )
    events = tuple(
        EventLink(AnnotationId(annotation_id), EventId(eid), Stance(stance))
        for eid, stance in session.execute(
            select(EventLinkRow.event_id, EventLinkRow.stance).where(
                EventLinkRow.annotation_id == annotation_id
            )
        )
    )
    tag_ids = tuple(
        TagId(t)
        for t in session.scalars(
            select(AnnotationTagRow.tag_id).where(AnnotationTagRow.annotation_id == annotation_id)
        )
    )
    return AnnotationDetail(ann, actors, dates, events, tag_ids)


def delete_annotation(session: Session, annotation_id: int) -> AnnotationDetail:
    """Delete an annotation and return all it carried, so that undo can restore it."""
    gone = detail(session, annotation_id)
    session.delete(_row(session, annotation_id))
    session.flush()
    return gone


def restore_annotation(session: Session, gone: AnnotationDetail) -> Annotation:
    """Put a deleted annotation back with the same id and everything it carried."""
    ann = add_annotation(session, gone.annotation, keep_id=True)
    for tag in gone.actors:
        session.add(AnnotationActorRow(annotation_id=ann.id, actor_id=tag.actor_id, role=tag.role))
    for date in gone.dates:
        session.add(
            DateTagRow(
                id=date.id,
                annotation_id=ann.id,
                expression=date.expression,
                start=date.start,
                end=date.end,
                precision=str(date.precision) if date.precision else None,
                anchor=date.anchor,
                ambiguous=date.ambiguous,
            )
        )
    for link in gone.events:
        session.add(
            EventLinkRow(annotation_id=ann.id, event_id=link.event_id, stance=str(link.stance))
        )
    for tag_id in gone.tag_ids:
        session.add(AnnotationTagRow(annotation_id=ann.id, tag_id=tag_id))
    session.flush()
    return ann


def tag_actor(session: Session, annotation_id: int, actor_id: int, role: ActorRole) -> bool:
    """Attach an actor in a role; False when it was already attached so."""
    _row(session, annotation_id)
    key = (annotation_id, actor_id, str(role))
    if session.get(AnnotationActorRow, key) is not None:
        return False
    if session.get(ActorRow, actor_id) is None:
        raise NotFoundError(f"No actor {actor_id} in this project.")
    session.add(AnnotationActorRow(annotation_id=annotation_id, actor_id=actor_id, role=str(role)))
    session.flush()
    return True


def untag_actor(session: Session, annotation_id: int, actor_id: int, role: ActorRole) -> bool:
    result = session.execute(
        delete(AnnotationActorRow).where(
            AnnotationActorRow.annotation_id == annotation_id,
            AnnotationActorRow.actor_id == actor_id,
            AnnotationActorRow.role == str(role),
        )
    )
    return bool(result.rowcount)


def tags_for_article(session: Session, article_id: int) -> dict[AnnotationId, tuple[TagId, ...]]:
    """The tag ids of each tagged annotation of an article (one query, for colouring)."""
    rows = session.execute(
        select(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id)
        .join(AnnotationRow, AnnotationRow.id == AnnotationTagRow.annotation_id)
        .where(AnnotationRow.article_id == article_id)
        .order_by(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id)
    )
    tags: dict[AnnotationId, tuple[TagId, ...]] = {}
    for annotation_id, tag_id in rows:
        key = AnnotationId(annotation_id)
        tags[key] = (*tags.get(key, ()), TagId(tag_id))
    return tags
