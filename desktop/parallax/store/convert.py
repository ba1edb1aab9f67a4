"""Rows to frozen domain records: the only place that knows both shapes."""

from __future__ import annotations

from parallax.domain.model import (
    Actor,
    ActorId,
    ActorKind,
    Annotation,
    AnnotationId,
    AnnotationKind,
    Article,
    ArticleId,
    DateTag,
    DateTagId,
    Event,
    EventId,
    ExcludedSpan,
    Outlet,
    OutletId,
    Precision,
    SpanId,
    Tag,
    TagId,
)
from parallax.store.tables import (
    ActorRow,
    AnnotationRow,
    ArticleRow,
    DateTagRow,
    EventRow,
    ExcludedSpanRow,
    OutletRow,
    TagRow,
)


def outlet(row: OutletRow) -> Outlet:
    return Outlet(
        id=OutletId(row.id),
        name=row.name,
        country=row.country,
        kind=row.kind,
        reliability=row.reliability,
        note=row.note,
        descriptor=row.descriptor or "",
    )


def article(row: ArticleRow, outlet_name: str) -> Article:
    return Article(
        id=ArticleId(row.id),
        title=row.title,
        outlet=outlet_name,
        outlet_id=OutletId(row.outlet_id) if row.outlet_id is not None else None,
        published=row.published,
        text=row.text,
        url=row.url,
        author=row.author,
        language=row.language,
        published_precision=Precision(row.published_precision),
        sha256=row.sha256,
        source_file=row.source_file,
        imported_at=row.imported_at,
    )


def annotation(row: AnnotationRow) -> Annotation:
    return Annotation(
        id=AnnotationId(row.id),
        article_id=ArticleId(row.article_id),
        start=row.start,
        end=row.end,
        quote=row.quote,
        kind=AnnotationKind(row.kind),
        note=row.note,
        credibility=row.credibility,
        author=row.author,
        created=row.created,
        updated=row.updated,
        version=row.version,
    )


def actor(row: ActorRow, aliases: tuple[str, ...]) -> Actor:
    return Actor(id=ActorId(row.id), name=row.name, kind=ActorKind(row.kind), aliases=aliases)


def date_tag(row: DateTagRow) -> DateTag:
    return DateTag(
        id=DateTagId(row.id),
        annotation_id=AnnotationId(row.annotation_id),
        expression=row.expression,
        start=row.start,
        end=row.end,
        precision=Precision(row.precision) if row.precision else None,
        anchor=row.anchor,
        ambiguous=row.ambiguous,
    )


def event(row: EventRow) -> Event:
    return Event(
        id=EventId(row.id),
        title=row.title,
        start=row.start,
        end=row.end,
        precision=Precision(row.precision) if row.precision else None,
        place=row.place,
        description=row.description,
    )


def span(row: ExcludedSpanRow) -> ExcludedSpan:
    return ExcludedSpan(
        id=SpanId(row.id),
        article_id=ArticleId(row.article_id),
        start=row.start,
        end=row.end,
        reason=row.reason,
    )


def tag(row: TagRow) -> Tag:
    return Tag(
        id=TagId(row.id),
        name=row.name,
        parent_id=TagId(row.parent_id) if row.parent_id is not None else None,
        colour=row.colour,
    )
