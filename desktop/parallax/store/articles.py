"""Outlets, articles and their boilerplate spans."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
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
from parallax.store.tables import AnnotationRow, ArticleRow, ExcludedSpanRow, OutletRow


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
    session: Session, *, offset: int = 0, limit: int | None = None
) -> list[ArticleSummary]:
    """Articles without their text, ordered by outlet then date: what the Library shows."""
    counts = (
        select(AnnotationRow.article_id, func.count().label("n"))
        .group_by(AnnotationRow.article_id)
        .subquery()
    )
    query = (
        select(
            ArticleRow.id,
            ArticleRow.title,
            OutletRow.name,
            ArticleRow.outlet_id,
            ArticleRow.published,
            func.coalesce(counts.c.n, 0),
            ArticleRow.published_precision,
        )
        .outerjoin(OutletRow, OutletRow.id == ArticleRow.outlet_id)
        .outerjoin(counts, counts.c.article_id == ArticleRow.id)
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
