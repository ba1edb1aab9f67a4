"""Counts of what a project holds, for `parallax info` and the status bar."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parallax.domain.model import ProjectInfo
from parallax.store.tables import (
    ActorRow,
    AnnotationRow,
    ArticleRow,
    EventLinkRow,
    EventRow,
    OutletRow,
)


def project_info(session: Session) -> ProjectInfo:
    def count(table: type) -> int:
        return session.scalar(select(func.count()).select_from(table)) or 0

    return ProjectInfo(
        outlets=count(OutletRow),
        articles=count(ArticleRow),
        annotations=count(AnnotationRow),
        actors=count(ActorRow),
        events=count(EventRow),
        links=count(EventLinkRow),
    )
