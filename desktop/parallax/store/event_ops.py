"""Who reported which event: the one query behind the Events tab and the timeline."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parallax.store.tables import AnnotationRow, ArticleRow, EventLinkRow

# (event id, annotation id, article id, outlet id or None, stance)
ReportRow = tuple[int, int, int, int | None, str]


def event_reports(session: Session) -> list[ReportRow]:
    """Every event link with the article and outlet of its passage, by event then article."""
    rows = session.execute(
        select(
            EventLinkRow.event_id,
            EventLinkRow.annotation_id,
            AnnotationRow.article_id,
            ArticleRow.outlet_id,
            EventLinkRow.stance,
        )
        .join(AnnotationRow, AnnotationRow.id == EventLinkRow.annotation_id)
        .join(ArticleRow, ArticleRow.id == AnnotationRow.article_id)
        .order_by(EventLinkRow.event_id, AnnotationRow.article_id, AnnotationRow.start)
    )
    return [(e, a, art, o, s) for e, a, art, o, s in rows]
