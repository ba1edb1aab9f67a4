"""Bulk reads for the brief: every linked claim, source, tag and actor in a few queries.

A brief of 500 claims must export in well under three seconds; reading each claim's
detail one by one costs a query (and a session) per claim, so these read whole sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from parallax.domain.brief import BriefSource
from parallax.domain.model import (
    Annotation,
    AnnotationId,
    AnnotationKind,
    ArticleId,
    EventId,
    EventLink,
    Precision,
    Stance,
)
from parallax.store.batches import id_chunks
from parallax.store.tables import (
    AnnotationActorRow,
    AnnotationRow,
    AnnotationTagRow,
    ArticleRow,
    EventLinkRow,
    OutletRow,
)

_ANNOTATION = (
    AnnotationRow.id,
    AnnotationRow.article_id,
    AnnotationRow.start,
    AnnotationRow.end,
    AnnotationRow.quote,
    AnnotationRow.kind,
    AnnotationRow.note,
    AnnotationRow.credibility,
)


def _annotation(row: Sequence[object]) -> Annotation:
    aid, article_id, start, end, quote, kind, note, credibility = row[:8]
    return Annotation(
        AnnotationId(aid),  # type: ignore[arg-type]
        ArticleId(article_id),  # type: ignore[arg-type]
        start,  # type: ignore[arg-type]
        end,  # type: ignore[arg-type]
        quote,  # type: ignore[arg-type]
        AnnotationKind(kind),
        note or "",  # type: ignore[arg-type]
        credibility,  # type: ignore[arg-type]
    )


def _by_article_order(query: Select) -> Select:  # type: ignore[type-arg]
    """Order claims as a reader meets them: by article date, article, then position."""
    return query.join(ArticleRow, ArticleRow.id == AnnotationRow.article_id).order_by(
        ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id, AnnotationRow.start
    )


def linked_claims(session: Session, event_ids: Sequence[int]) -> list[tuple[EventLink, Annotation]]:
    """Each event link of these events with its annotation, by event then reading order."""
    found: list[tuple[EventLink, Annotation]] = []
    for chunk in id_chunks(event_ids):
        query = select(EventLinkRow.event_id, EventLinkRow.stance, *_ANNOTATION).join(
            AnnotationRow, AnnotationRow.id == EventLinkRow.annotation_id
        )
        query = _by_article_order(query.where(EventLinkRow.event_id.in_(chunk)))
        for event_id, stance, *rest in session.execute(query):
            ann = _annotation(rest)
            found.append((EventLink(ann.id, EventId(event_id), Stance(stance)), ann))
    return found


def annotations(session: Session, annotation_ids: Iterable[int]) -> list[Annotation]:
    """These annotations in reading order (missing ids are left out)."""
    found: list[Annotation] = []
    for chunk in id_chunks(annotation_ids):
        query = _by_article_order(select(*_ANNOTATION).where(AnnotationRow.id.in_(chunk)))
        found.extend(_annotation(r) for r in session.execute(query))
    return found


def annotations_of_articles(session: Session, article_ids: Iterable[int]) -> list[Annotation]:
    """Every annotation of these articles, by article then position."""
    found: list[Annotation] = []
    for chunk in id_chunks(article_ids):
        query = select(*_ANNOTATION).where(AnnotationRow.article_id.in_(chunk))
        found.extend(_annotation(r) for r in session.execute(_by_article_order(query)))
    return found


def annotated_articles(session: Session) -> list[int]:
    """Ids of the articles holding at least one annotation, by date then id."""
    query = (
        select(ArticleRow.id)
        .where(ArticleRow.id.in_(select(AnnotationRow.article_id)))
        .order_by(ArticleRow.published.is_(None), ArticleRow.published, ArticleRow.id)
    )
    return list(session.scalars(query))


def sources(session: Session, article_ids: Iterable[int]) -> dict[int, BriefSource]:
    """Sources-list facts of these articles (number 0: the gatherer numbers them)."""
    found: dict[int, BriefSource] = {}
    columns = (
        ArticleRow.id,
        OutletRow.name,
        ArticleRow.title,
        ArticleRow.author,
        ArticleRow.published,
        ArticleRow.url,
        ArticleRow.imported_at,
        OutletRow.reliability,
        OutletRow.descriptor,
        ArticleRow.published_precision,
    )
    for chunk in id_chunks(article_ids):
        query = (
            select(*columns)
            .outerjoin(OutletRow, OutletRow.id == ArticleRow.outlet_id)
            .where(ArticleRow.id.in_(chunk))
        )
        for (
            aid,
            outlet,
            title,
            author,
            published,
            url,
            imported,
            grade,
            desc,
            prec,
        ) in session.execute(query):
            found[aid] = BriefSource(
                0, aid, outlet or "", title or "", author or "", published, url or "",
                imported, grade or "", desc or "", Precision(prec or "day"),
            )  # fmt: skip
    return found


def texts(session: Session, article_ids: Iterable[int]) -> dict[int, str]:
    """The full text of these articles (to see which actor aliases they spell out)."""
    found: dict[int, str] = {}
    for chunk in id_chunks(article_ids):
        query = select(ArticleRow.id, ArticleRow.text).where(ArticleRow.id.in_(chunk))
        found.update((aid, text) for aid, text in session.execute(query))
    return found


def actor_ids(session: Session, annotation_ids: Iterable[int]) -> dict[int, list[int]]:
    """The actors tagged on each of these annotations."""
    found: dict[int, list[int]] = {}
    for chunk in id_chunks(annotation_ids):
        query = (
            select(AnnotationActorRow.annotation_id, AnnotationActorRow.actor_id)
            .where(AnnotationActorRow.annotation_id.in_(chunk))
            .order_by(AnnotationActorRow.annotation_id, AnnotationActorRow.actor_id)
        )
        for annotation_id, actor_id in session.execute(query):
            actors = found.setdefault(annotation_id, [])
            if actor_id not in actors:
                actors.append(actor_id)
    return found


def tag_ids(session: Session, annotation_ids: Iterable[int]) -> dict[int, list[int]]:
    """The codebook tags on each of these annotations."""
    found: dict[int, list[int]] = {}
    for chunk in id_chunks(annotation_ids):
        query = select(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id).where(
            AnnotationTagRow.annotation_id.in_(chunk)
        )
        for annotation_id, tag_id in session.execute(query):
            found.setdefault(annotation_id, []).append(tag_id)
    return found


def events_of(session: Session, annotation_ids: Iterable[int]) -> dict[int, list[int]]:
    """The events each of these annotations is linked to."""
    found: dict[int, list[int]] = {}
    for chunk in id_chunks(annotation_ids):
        query = select(EventLinkRow.annotation_id, EventLinkRow.event_id).where(
            EventLinkRow.annotation_id.in_(chunk)
        )
        for annotation_id, event_id in session.execute(query):
            found.setdefault(annotation_id, []).append(event_id)
    return found
