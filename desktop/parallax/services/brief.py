"""Gather what a brief says from a project: events, their passages, numbered sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from parallax.domain.brief import (
    BriefActor,
    BriefClaim,
    BriefData,
    BriefEvent,
    BriefPassage,
    BriefSource,
)
from parallax.domain.model import Article, Event

if TYPE_CHECKING:
    from parallax.services.project import Project


def gather_brief(project: Project, **options: object) -> BriefData:
    """Collect the brief's content; sources are numbered in order of first citation."""
    outlets = {o.id: o for o in project.outlets()}
    articles: dict[int, Article] = {}
    numbers: dict[int, int] = {}

    def source_number(article_id: int) -> int:
        if article_id not in numbers:
            numbers[article_id] = len(numbers) + 1
            articles[article_id] = project.article(article_id)
        return numbers[article_id]

    events = [
        _brief_event(project, event, outlets, source_number, articles) for event in project.events()
    ]
    events = [e for e in events if e.passages]
    reporting = {p.outlet for e in events for p in e.passages}
    events = [replace(e, outlets_silent=tuple(sorted(reporting - set(e.outlets)))) for e in events]
    sources = tuple(
        _brief_source(articles[aid], num, outlets)
        for aid, num in sorted(numbers.items(), key=lambda x: x[1])
    )
    return BriefData(
        title=str(options.get("title") or _default_title(project)),
        author=str(options.get("author") or project.author),
        date=dt.date.today(),
        handling=str(options.get("handling") or ""),
        bottom_line=str(project.setting("memo", "") or ""),
        events=tuple(events),
        actors=_brief_actors(project),
        sources=sources,
        appendix=(),
        options=dict(options),
    )


def _brief_event(project, event: Event, outlets, source_number, articles) -> BriefEvent:
    passages = []
    for link in project.event_links(event.id):
        ann = project.annotation(link.annotation_id)
        number = source_number(ann.article_id)
        article = articles[ann.article_id]
        outlet = outlets.get(article.outlet_id) if article.outlet_id else None
        passages.append(
            BriefPassage(
                annotation_id=ann.id,
                source_number=number,
                outlet=article.outlet or "Unknown outlet",
                published=article.published,
                quote=ann.quote,
                stance=link.stance,
                kind=str(ann.kind),
                credibility=ann.credibility,
                reliability=outlet.reliability if outlet else "",
                note=ann.note,
            )
        )
    return BriefEvent(
        event_id=event.id,
        title=event.title,
        start=event.start,
        end=event.end,
        precision=event.precision,
        place=event.place,
        description=event.description,
        passages=tuple(passages),
    )


def _brief_source(article: Article, number: int, outlets) -> BriefSource:
    outlet = outlets.get(article.outlet_id) if article.outlet_id else None
    return BriefSource(
        number=number,
        article_id=article.id,
        outlet=article.outlet or "Unknown outlet",
        title=article.title,
        author=article.author,
        published=article.published,
        url=article.url,
        imported=article.imported_at,
        reliability=outlet.reliability if outlet else "",
        descriptor=outlet.note if outlet else "",
    )


def _brief_actors(project: Project) -> tuple[BriefActor, ...]:
    counts = project.actor_annotation_counts()
    return tuple(
        BriefActor(name=a.name, kind=str(a.kind), aliases=a.aliases)
        for a in project.actors()
        if counts.get(a.id)
    )


def _default_title(project: Project) -> str:
    name = project.path.stem if project.path else "Parallax project"
    return f"{name.replace('-', ' ').replace('_', ' ').title()}: source comparison"


__all__ = ["BriefClaim", "gather_brief"]
