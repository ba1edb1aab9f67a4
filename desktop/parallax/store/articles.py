"""Outlets, articles and their boilerplate spans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session

from parallax.domain.errors import NotFoundError
from parallax.domain.model import (
    Article,
    ArticleId,
    ArticleSummary,
    ExcludedSpan,
    Outlet,
    OutletId,
    Precision,
)
from parallax.store import convert
from parallax.store.tables import (
    AnnotationRow,
    AnnotationTagRow,
    ArticleRow,
    ExcludedSpanRow,
    OutletRow,
)


@dataclass(frozen=True, slots=True)
class NewArticle:
    """What an importer hands the store for one file."""

    text: str
    sha256: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: dt.date | None = None
    published_precision: str = "day"
    language: str = ""
    original: bytes | None = None
    original_type: str = ""
    site: str = ""
    source_file: str = ""
    importer: str = ""
    excluded: tuple[tuple[int, int], ...] = ()


def outlet_id_for(session: Session, name: str, site: str = "") -> int | None:
    """The id of the outlet with this name or site, creating it when new."""
    name = name.strip()
    if not name:
        return None
    row = session.scalar(select(OutletRow).where(func.lower(OutletRow.name) == name.lower()))
    if row is None and site:
        row = session.scalar(select(OutletRow).where(OutletRow.site == site))
    if row is not None and site and not row.site:
        row.site = site  # an outlet first met in a by-line learns its site
    if row is None:
        row = OutletRow(name=name, site=site)
        session.add(row)
        session.flush()
    return row.id


def list_outlets(session: Session) -> list[Outlet]:
    rows = session.scalars(select(OutletRow).order_by(func.lower(OutletRow.name)))
    return [convert.outlet(r) for r in rows]


def get_outlet(session: Session, outlet_id: int) -> Outlet:
    row = session.get(OutletRow, outlet_id)
    if row is None:
        raise NotFoundError(f"No outlet {outlet_id} in this project.")
    return convert.outlet(row)


def update_outlet(session: Session, outlet_id: int, **fields: str) -> Outlet:
    row = session.get(OutletRow, outlet_id)
    if row is None:
        raise NotFoundError(f"No outlet {outlet_id} in this project.")
    for name, value in fields.items():
        setattr(row, name, value)
    session.flush()
    return convert.outlet(row)


def article_id_by_sha(session: Session, sha256: str) -> int | None:
    return session.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == sha256))


def add_article(session: Session, new: NewArticle) -> Article:
    outlet_id = outlet_id_for(session, new.outlet, new.site)
    row = ArticleRow(
        outlet_id=outlet_id,
        title=new.title,
        url=new.url,
        author=new.author,
        published=new.published,
        published_precision=new.published_precision,
        language=new.language,
        text=new.text,
        sha256=new.sha256,
        original=new.original,
        original_type=new.original_type,
        source_file=new.source_file,
        importer=new.importer,
    )
    session.add(row)
    session.flush()
    for start, end in new.excluded:
        session.add(ExcludedSpanRow(article_id=row.id, start=start, end=end))
    session.flush()
    return convert.article(row, new.outlet.strip())


def text_slice(session: Session, article_id: int, start: int, end: int) -> tuple[int, str]:
    """(a lower bound of the text's length, text[start:end]) without reading the text.

    SQLite's and PostgreSQL's substr() and length() count characters (code points), the
    same unit as our offsets. Both scan the text, so length() (the whole of it) is run
    only when the span does not fit: one character past `end` proves that it does. A
    highlight in a 1,000,000-character article stays cheap. The bound is `end` when the
    span fits, else the true length.
    """
    start, end = max(start, 0), max(end, start)
    row = session.execute(
        select(func.substr(ArticleRow.text, start + 1, end - start + 1)).where(
            ArticleRow.id == article_id
        )
    ).first()
    if row is None:
        raise NotFoundError(f"No article {article_id} in this project.")
    piece = row[0] or ""
    if end > start and len(piece) >= end - start:
        return end, piece[: end - start]
    length = session.scalar(select(func.length(ArticleRow.text)).where(ArticleRow.id == article_id))
    return int(length or 0), piece[: end - start]


def get_article(session: Session, article_id: int) -> Article:
    result = session.execute(
        select(ArticleRow, OutletRow.name)
        .outerjoin(OutletRow, OutletRow.id == ArticleRow.outlet_id)
        .where(ArticleRow.id == article_id)
    ).first()
    if result is None:
        raise NotFoundError(f"No article {article_id} in this project.")
    return convert.article(result[0], result[1] or "")


def list_articles(session: Session) -> list[Article]:
    rows = session.execute(
        select(ArticleRow, OutletRow.name)
        .outerjoin(OutletRow, OutletRow.id == ArticleRow.outlet_id)
        .order_by(ArticleRow.id)
    )
    return [convert.article(row, name or "") for row, name in rows]


def list_summaries(
    session: Session, *, offset: int = 0, limit: int | None = None, **filters: Any
) -> list[ArticleSummary]:
    """Articles without their text, ordered by outlet then date: what the Library shows.

    `filters` narrow the list in SQL before paging (see `summary_conditions`).
    """
    # Counted per returned row through ix_annotation_article: a page of 500 costs 500
    # index lookups instead of grouping every annotation of the project.
    count = (
        select(func.count())
        .where(AnnotationRow.article_id == ArticleRow.id)
        .correlate(ArticleRow)
        .scalar_subquery()
    )
    query = (
        select(
            ArticleRow.id,
            ArticleRow.title,
            OutletRow.name,
            ArticleRow.outlet_id,
            ArticleRow.published,
            count,
            ArticleRow.published_precision,
        )
        .outerjoin(OutletRow, OutletRow.id == ArticleRow.outlet_id)
        .where(*summary_conditions(session, **filters))
        .order_by(
            func.lower(func.coalesce(OutletRow.name, "")), ArticleRow.published, ArticleRow.id
        )
        .offset(offset)
        .limit(limit)
    )
    return [
        ArticleSummary(
            id=ArticleId(aid),
            title=title,
            outlet=outlet or "",
            outlet_id=OutletId(oid) if oid is not None else None,
            published=published,
            annotation_count=n,
            published_precision=Precision(precision),
        )
        for aid, title, outlet, oid, published, n, precision in session.execute(query)
    ]


def outlet_groups(session: Session, **filters: Any) -> list[tuple[int | None, str, int, int]]:
    """(outlet id, outlet name, articles, annotations) per outlet, in the Library's order.

    One grouped query: the Library shows every outlet at once and reads an outlet's
    articles only when it is opened.
    """
    per_article = (
        select(
            ArticleRow.outlet_id.label("outlet_id"),
            func.coalesce(OutletRow.name, "").label("name"),
            select(func.count())
            .where(AnnotationRow.article_id == ArticleRow.id)
            .correlate(ArticleRow)
            .scalar_subquery()
            .label("n"),
        )
        .outerjoin(OutletRow, OutletRow.id == ArticleRow.outlet_id)
        .where(*summary_conditions(session, **filters))
        .subquery()
    )
    rows = session.execute(
        select(
            per_article.c.outlet_id,
            per_article.c.name,
            func.count(),
            func.sum(per_article.c.n),
        )
        .group_by(per_article.c.outlet_id, per_article.c.name)
        .order_by(func.lower(per_article.c.name))
    )
    return [(oid, name or "", n, int(annotations or 0)) for oid, name, n, annotations in rows]


def summary_conditions(
    session: Session,
    *,
    outlet_ids: Sequence[int | None] | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    tag_id: int | None = None,
    annotated: bool | None = None,
    text: str | None = None,
    article_ids: Sequence[int] | None = None,
) -> list[ColumnElement[bool]]:
    """WHERE conditions for the Library's filters; None means "do not filter on this".

    `outlet_ids` may hold None for articles without an outlet; `tag_id` matches articles
    with an annotation carrying the tag or one of its sub-tags; `text` is a
    case-insensitive substring of the title, outlet, author or URL.
    """
    where: list[ColumnElement[bool]] = []
    if outlet_ids is not None:
        known = [o for o in outlet_ids if o is not None]
        either = [ArticleRow.outlet_id.in_(known)]
        if None in outlet_ids:
            either.append(ArticleRow.outlet_id.is_(None))
        where.append(or_(*either))
    if date_from is not None:
        where.append(ArticleRow.published >= date_from)
    if date_to is not None:
        where.append(ArticleRow.published <= date_to)
    if annotated is not None:
        has = exists().where(AnnotationRow.article_id == ArticleRow.id)
        where.append(has if annotated else ~has)
    if tag_id is not None:
        where.append(_has_tag(session, tag_id))
    if text and text.strip():
        where.append(_text_matches(text))
    if article_ids is not None:
        where.append(ArticleRow.id.in_(list(article_ids)))
    return where


def _has_tag(session: Session, tag_id: int) -> ColumnElement[bool]:
    from parallax.store.tags import subtree

    try:
        tag_ids = [t.id for t in subtree(session, tag_id)]
    except NotFoundError:  # deleted meanwhile: nothing carries it
        tag_ids = [tag_id]
    return (
        exists()
        .where(AnnotationRow.article_id == ArticleRow.id)
        .where(AnnotationTagRow.annotation_id == AnnotationRow.id)
        .where(AnnotationTagRow.tag_id.in_(tag_ids))
    )


def _text_matches(text: str) -> ColumnElement[bool]:
    escaped = text.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    columns = (ArticleRow.title, OutletRow.name, ArticleRow.author, ArticleRow.url)
    return or_(*(func.lower(c).like(pattern, escape="\\") for c in columns))


def spans_for(session: Session, article_id: int) -> list[ExcludedSpan]:
    rows = session.scalars(
        select(ExcludedSpanRow)
        .where(ExcludedSpanRow.article_id == article_id)
        .order_by(ExcludedSpanRow.start)
    )
    return [convert.span(r) for r in rows]


def spans_by_article(session: Session) -> dict[int, list[ExcludedSpan]]:
    """Every boilerplate span, by article, in one query."""
    found: dict[int, list[ExcludedSpan]] = {}
    rows = session.scalars(
        select(ExcludedSpanRow).order_by(ExcludedSpanRow.article_id, ExcludedSpanRow.start)
    )
    for row in rows:
        found.setdefault(row.article_id, []).append(convert.span(row))
    return found


def add_spans(session: Session, article_id: int, spans: Sequence[tuple[int, int]]) -> list[int]:
    rows = [ExcludedSpanRow(article_id=article_id, start=s, end=e) for s, e in spans]
    session.add_all(rows)
    session.flush()
    return [r.id for r in rows]


def delete_spans(session: Session, span_ids: Sequence[int]) -> list[ExcludedSpan]:
    removed = []
    for span_id in span_ids:
        row = session.get(ExcludedSpanRow, span_id)
        if row is not None:
            removed.append(convert.span(row))
            session.delete(row)
    session.flush()
    return removed
