"""Gather what a brief says from a project: events, their passages, numbered sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from parallax.domain.brief import (
    BriefActor,
    BriefData,
    BriefEvent,
    BriefPassage,
    BriefSource,
)
from parallax.domain.model import Article, Event, EventLink, Outlet

if TYPE_CHECKING:
    from parallax.services.project import Project


def gather_brief(project: Project, **options: object) -> BriefData:
    """Collect the brief's content; sources are numbered in order of first citation."""
    gatherer = _Gatherer(project)
    wanted = options.get("event_ids")
    chosen = [e for e in project.events() if wanted is None or e.id in wanted]  # type: ignore[operator]
    events = [e for e in map(gatherer.event, chosen) if e.passages]
    reporting = {p.outlet for e in events for p in e.passages}
    events = [replace(e, outlets_silent=tuple(sorted(reporting - set(e.outlets)))) for e in events]
    return BriefData(
        title=str(options.get("title") or _default_title(project)),
        author=str(options.get("author") or project.author),
        date=dt.date.today(),
        handling=str(options.get("handling") or ""),
        bottom_line=str(project.setting("memo", "") or ""),
        events=tuple(events),
        actors=gatherer.actors(),
        sources=gatherer.sources(),
        options=dict(options),
    )


class _Gatherer:
    """Walks the events once, numbering sources and noting each actor's events."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.outlets: dict[int, Outlet] = {o.id: o for o in project.outlets()}
        self.articles: dict[int, Article] = {}
        self.numbers: dict[int, int] = {}
        self.actor_events: dict[int, list[str]] = {}

    def number(self, article_id: int) -> int:
        if article_id not in self.numbers:
            self.numbers[article_id] = len(self.numbers) + 1
            self.articles[article_id] = self.project.article(article_id)
        return self.numbers[article_id]

    def reliability(self, article: Article) -> str:
        outlet = self.outlets.get(article.outlet_id) if article.outlet_id else None
        return outlet.reliability if outlet else ""

    def event(self, event: Event) -> BriefEvent:
        passages = tuple(self.passage(event, link) for link in self.project.event_links(event.id))
        return BriefEvent(
            event_id=event.id,
            title=event.title,
            start=event.start,
            end=event.end,
            precision=event.precision,
            place=event.place,
            description=event.description,
            passages=passages,
        )

    def passage(self, event: Event, link: EventLink) -> BriefPassage:
        detail = self.project.annotation_detail(link.annotation_id)
        for tag in detail.actors:
            titles = self.actor_events.setdefault(tag.actor_id, [])
            if event.title not in titles:
                titles.append(event.title)
        ann = detail.annotation
        number = self.number(ann.article_id)
        article = self.articles[ann.article_id]
        return BriefPassage(
            annotation_id=ann.id,
            source_number=number,
            outlet=article.outlet or "Unknown outlet",
            published=article.published,
            published_precision=article.published_precision,
            quote=ann.quote,
            stance=link.stance,
            kind=str(ann.kind),
            credibility=ann.credibility,
            reliability=self.reliability(article),
            note=ann.note,
        )

    def sources(self) -> tuple[BriefSource, ...]:
        ordered = sorted(self.numbers.items(), key=lambda item: item[1])
        return tuple(self.source(self.articles[aid], number) for aid, number in ordered)

    def source(self, article: Article, number: int) -> BriefSource:
        outlet = self.outlets.get(article.outlet_id) if article.outlet_id else None
        return BriefSource(
            number=number,
            article_id=article.id,
            outlet=article.outlet or "Unknown outlet",
            title=article.title,
            author=article.author,
            published=article.published,
            published_precision=article.published_precision,
            url=article.url,
            imported=article.imported_at,
            reliability=outlet.reliability if outlet else "",
            descriptor=outlet.note if outlet else "",
        )

    def actors(self) -> tuple[BriefActor, ...]:
        """Actors tagged on any claim, with the events their claims are linked to."""
        counts = self.project.actor_annotation_counts()
        return tuple(
            BriefActor(
                name=a.name,
                kind=str(a.kind),
                aliases=a.aliases,
                events=tuple(self.actor_events.get(a.id, ())),
            )
            for a in self.project.actors()
            if counts.get(a.id)
        )


def _default_title(project: Project) -> str:
    name = project.path.stem if project.path else "Parallax project"
    return f"{name.replace('-', ' ').replace('_', ' ').title()}: source comparison"
