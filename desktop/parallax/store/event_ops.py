"""Who reported which event: the one query behind the Events tab and the timeline."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parallax.store.tables import AnnotationRow, ArticleRow, EventLinkRow

# (event id, annotation id, article id, outlet id or None, stance)
ReportRow = tuple[int, int, int, int | None, str]


def event_reports(session: Session) -> list[ReportRow]:
    """Every event link with the article and outlet of its passage, by event then article.

    Outlets come from a separate scan of the (outlet, published) index: joining the
    article table row by row reads each article's first page, text and all, which cost
    ten times more on a 10,000-article project.
    """
    links = session.execute(
        select(
            EventLinkRow.event_id,
            EventLinkRow.annotation_id,
            AnnotationRow.article_id,
            AnnotationRow.start,
            EventLinkRow.stance,
        ).join(AnnotationRow, AnnotationRow.id == EventLinkRow.annotation_id)
    ).all()
    outlet_of = dict(
        session.execute(
            select(ArticleRow.id, ArticleRow.outlet_id).with_hint(
                ArticleRow, "INDEXED BY ix_article_outlet_published", "sqlite"
            )
        ).all()
    )
    links.sort(key=lambda r: (r[0], r[2], r[3]))
    return [(e, a, art, outlet_of.get(art), s) for e, a, art, _start, s in links]
