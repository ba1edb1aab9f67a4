"""Who reported which event: the one query behind the Events tab and the timeline."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from parallax.store.batches import id_chunks
from parallax.store.tables import AnnotationRow, ArticleRow, EventLinkRow

# (event id, annotation id, article id, outlet id or None, stance)
ReportRow = tuple[int, int, int, int | None, str]

_LINKS = select(
    EventLinkRow.event_id,
    EventLinkRow.annotation_id,
    AnnotationRow.article_id,
    AnnotationRow.start,
    EventLinkRow.stance,
).join(AnnotationRow, AnnotationRow.id == EventLinkRow.annotation_id)


def event_reports(session: Session, event_ids: Iterable[int] | None = None) -> list[ReportRow]:
    """Every event link (of `event_ids`, or of every event) with the article and outlet of
    its passage, by event then article.

    Outlets of every article come from a separate scan of the (outlet, published) index:
    joining the article table row by row reads each article's first page, text and all,
    which cost ten times more on a 10,000-article project. For a few events, looking up
    just their articles by id is cheaper still.
    """
    if event_ids is None:
        links = list(session.execute(_LINKS).all())
        outlet_of = _all_outlets(session)
    else:
        links = []
        for chunk in id_chunks(event_ids):
            query = _LINKS.where(EventLinkRow.event_id.in_(chunk))
            links += session.connection().execute(query).all()
        outlet_of = _outlets_of(session, {r[2] for r in links})
    links.sort(key=lambda r: (r[0], r[2], r[3]))
    return [(e, a, art, outlet_of.get(art), s) for e, a, art, _start, s in links]


def _all_outlets(session: Session) -> dict[int, int | None]:
    query = select(ArticleRow.id, ArticleRow.outlet_id).with_hint(
        ArticleRow, "INDEXED BY ix_article_outlet_published", "sqlite"
    )
    return dict(session.execute(query).all())


def _outlets_of(session: Session, article_ids: Iterable[int]) -> dict[int, int | None]:
    outlet_of: dict[int, int | None] = {}
    for chunk in id_chunks(article_ids):
        query = select(ArticleRow.id, ArticleRow.outlet_id).where(ArticleRow.id.in_(chunk))
        outlet_of.update(session.connection().execute(query).all())
    return outlet_of
