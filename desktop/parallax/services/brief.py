"""Gather what a brief says from a project, then write it as Word (and PDF) files.

Gathering reads whole sets in a few queries (`parallax.store.brief`) so that a brief of
500 claims exports in well under the three-second budget. Sources are numbered in the
order a reader first meets their citations: key judgments, then the events as ordered.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.domain import yardsticks
from parallax.domain.brief import (
    BriefActor,
    BriefClaim,
    BriefData,
    BriefEvent,
    BriefJudgment,
    BriefPassage,
    BriefSource,
)
from parallax.domain.model import Annotation, Event, EventLink
from parallax.export.brief_text import in_brief_order
from parallax.services.brief_options import BriefOptions, matching_tags, overlaps, parse_options
from parallax.store import brief as brief_repo
from parallax.store import judgments as judgment_repo

if TYPE_CHECKING:
    from parallax.services.project import Project

logger = logging.getLogger(__name__)

UNNAMED = "Unnamed outlet"


def gather_brief(project: Project, **options: object) -> BriefData:
    """Collect the brief's content for these options (see `BriefOptions`)."""
    return gather(project, parse_options(options))


def gather(project: Project, opts: BriefOptions) -> BriefData:
    gatherer = _Gatherer(project, opts)
    judgments = gatherer.judgments()
    events = gatherer.numbered(gatherer.events())
    appendix = gatherer.appendix() if opts.appendix else ()
    return BriefData(
        title=opts.title or _default_title(project),
        author=opts.author or project.author,
        date=dt.date.today(),
        handling=opts.handling,
        bottom_line=project.memo(),
        judgments=judgments,
        events=tuple(events),
        actors=gatherer.actors(events),
        sources=gatherer.sources(),
        appendix=appendix,
        options={k: v for k, v in vars(opts).items() if k != "cancelled"},
        order=opts.order,
        chart=opts.chart,
        yardstick=gatherer.yardstick if judgments else "",
    )


class _Gatherer:
    """Reads the project once per set and numbers sources as the reader meets them."""

    def __init__(self, project: Project, opts: BriefOptions) -> None:
        self.project = project
        self.opts = opts
        self.store = project._store  # bulk reads: services may use the project's store
        self.numbers: dict[int, int] = {}
        self.facts: dict[int, BriefSource] = {}
        self.claims: dict[int, list[tuple[EventLink, Annotation]]] = {}
        self.yardstick = project.yardstick()
        self._tag_paths: dict[int, str] | None = None
        self.all_events = project.events()
        self.memos: dict[int, str] = {}

    # ------------------------------------------------------------- numbering
    def number(self, article_id: int) -> int:
        if article_id not in self.numbers:
            self.numbers[article_id] = len(self.numbers) + 1
        return self.numbers[article_id]

    def _load_facts(self, article_ids: Iterable[int]) -> None:
        missing = [a for a in article_ids if a not in self.facts]
        if missing:
            with self.store.reading() as s:
                self.facts.update(brief_repo.sources(s, missing))

    def sources(self) -> tuple[BriefSource, ...]:
        self._load_facts(self.numbers)
        ordered = sorted(self.numbers.items(), key=lambda item: item[1])
        return tuple(
            replace(self.facts[aid], number=n, outlet=self.facts[aid].outlet or UNNAMED)
            for aid, n in ordered
        )

    def tag_paths(self) -> dict[int, str]:
        if self._tag_paths is None:
            self._tag_paths = {int(k): v for k, v in self.project.tag_paths().items()}
        return self._tag_paths

    # ---------------------------------------------------------------- events
    def events(self) -> list[BriefEvent]:
        """The chosen events with passages, in the order the brief presents them."""
        opts = self.opts
        chosen = [
            e
            for e in self.all_events
            if (opts.event_ids is None or e.id in opts.event_ids)
            and overlaps(e.start, e.end, opts.date_from, opts.date_to)
        ]
        with self.store.reading() as s:
            for link, ann in brief_repo.linked_claims(s, [e.id for e in chosen]):
                self.claims.setdefault(link.event_id, []).append((link, ann))
        if opts.tag:
            chosen = [e for e in chosen if self._has_tag(e.id, opts.tag)]
        articles = {a.article_id for e in chosen for _, a in self.claims.get(e.id, ())}
        self._load_facts(articles)
        with self.store.reading() as s:
            self.memos = judgment_repo.event_memos(s, [e.id for e in chosen])
        events = [self.event(e) for e in chosen if self.claims.get(e.id)]
        return in_brief_order(events, opts.order)

    def _has_tag(self, event_id: int, tag: str) -> bool:
        wanted = matching_tags(self.tag_paths(), tag)
        ids = [a.id for _, a in self.claims.get(event_id, ())]
        with self.store.reading() as s:
            tagged = brief_repo.tag_ids(s, ids)
        return any(wanted & set(t) for t in tagged.values())

    def event(self, event: Event) -> BriefEvent:
        passages = tuple(self.passage(link, ann) for link, ann in self.claims[event.id])
        return BriefEvent(
            event_id=event.id,
            title=event.title,
            start=event.start,
            end=event.end,
            precision=event.precision,
            place=event.place,
            description=event.description,
            passages=passages,
            memo=self.memos.get(event.id, ""),
        )

    def passage(self, link: EventLink, ann: Annotation) -> BriefPassage:
        source = self.facts[ann.article_id]
        return BriefPassage(
            annotation_id=ann.id,
            source_number=0,
            outlet=source.outlet,
            published=source.published,
            published_precision=source.published_precision,
            quote=ann.quote,
            stance=link.stance,
            kind=str(ann.kind),
            credibility=ann.credibility,
            reliability=source.reliability,
            note=ann.note,
        )

    def numbered(self, events: list[BriefEvent]) -> list[BriefEvent]:
        """Number the events' sources after the judgments' (the order of reading), name
        outlet-less sources by their number, and note which outlets left each event out."""
        article_of = {a.id: a.article_id for claims in self.claims.values() for _, a in claims}
        named = {p.outlet for e in events for p in e.passages if p.outlet}
        done = []
        for event in events:
            passages = []
            for p in event.passages:
                n = self.number(article_of[p.annotation_id])
                outlet = p.outlet or f"{UNNAMED} (source {n})"
                passages.append(replace(p, source_number=n, outlet=outlet))
            silent = sorted(named - {p.outlet for p in event.passages}, key=str.casefold)
            done.append(replace(event, passages=tuple(passages), outlets_silent=tuple(silent)))
        return done

    # ------------------------------------------------------------- judgments
    def judgments(self) -> tuple[BriefJudgment, ...]:
        found = self.project.judgments()
        cited = {a for j in found for a in j.annotation_ids}
        with self.store.reading() as s:
            article_of = {a.id: a.article_id for a in brief_repo.annotations(s, cited)}
        out = []
        for judgment in found:
            articles = [article_of[a] for a in judgment.annotation_ids if a in article_of]
            term = yardsticks.find_term(self.yardstick, judgment.likelihood)
            term = term or yardsticks.any_term(judgment.likelihood)
            out.append(
                BriefJudgment(
                    statement=judgment.statement,
                    likelihood=judgment.likelihood,
                    confidence=str(judgment.confidence),
                    citations=tuple(dict.fromkeys(self.number(a) for a in articles)),
                    likelihood_range=term.range_label if term else "",
                )
            )
        return tuple(out)

    # -------------------------------------------------------------- appendix
    def appendix(self) -> tuple[BriefClaim, ...]:
        """Every claim of the brief's sources (of every annotated article for a full brief)."""
        with self.store.reading() as s:
            scope = list(self.numbers)
            if not self.opts.filtered:
                scope += [a for a in brief_repo.annotated_articles(s) if a not in self.numbers]
            claims = brief_repo.annotations_of_articles(s, scope)
            tags = brief_repo.tag_ids(s, (c.id for c in claims))
            linked = brief_repo.events_of(s, (c.id for c in claims))
        titles = {e.id: e.title for e in self.all_events}
        paths = self.tag_paths() if tags else {}
        claims.sort(key=lambda c: (self.number(c.article_id), c.start))
        return tuple(
            BriefClaim(
                source_number=self.number(c.article_id),
                quote=c.quote,
                kind=str(c.kind),
                note=c.note,
                tags=tuple(sorted(paths[t] for t in tags.get(c.id, ()) if t in paths)),
                credibility=c.credibility,
                events=tuple(titles[e] for e in linked.get(c.id, ()) if e in titles),
            )
            for c in claims
        )

    # ---------------------------------------------------------------- actors
    def actors(self, events: Iterable[BriefEvent]) -> tuple[BriefActor, ...]:
        """Actors tagged on the brief's passages, with the aliases its sources spell out."""
        titles_of: dict[int, list[str]] = {}
        for event in events:
            for p in event.passages:
                titles_of.setdefault(p.annotation_id, []).append(event.title)
        with self.store.reading() as s:
            tagged = brief_repo.actor_ids(s, titles_of)
            texts = brief_repo.texts(s, self.numbers) if tagged else {}
        events_of: dict[int, list[str]] = {}
        for annotation_id, actor_ids in tagged.items():
            for actor_id in actor_ids:
                titles = events_of.setdefault(actor_id, [])
                titles.extend(t for t in titles_of[annotation_id] if t not in titles)
        corpus = _fold(" \n ".join(texts.values()))
        return tuple(
            BriefActor(
                name=a.name,
                kind=str(a.kind),
                aliases=tuple(x for x in a.aliases if _fold(x) in corpus),
                events=tuple(events_of[a.id]),
            )
            for a in self.project.actors()
            if a.id in events_of
        )


def _fold(text: str) -> str:
    """Case- and space-folded (U+00A0 included) for "does this source spell it so"."""
    return " ".join(text.split()).casefold()


def _default_title(project: Project) -> str:
    name = project.path.stem if project.path else "Parallax project"
    return f"{name.replace('-', ' ').replace('_', ' ').title()}: source comparison"


# ------------------------------------------------------------------- writing
def export_brief(project: Project, path: Path, **options: object) -> Path:
    """Write the brief to `path`; a .pdf path (or pdf=True) also converts it to PDF.

    Returns the file written last (the PDF when one was asked for). Raises KnownError
    for an unusable template or folder, a missing LibreOffice, or a cancelled export
    (`ExportCancelled`); a failed export leaves no half-written file behind.
    """
    from parallax.export.brief import ExportCancelled, write_brief
    from parallax.export.pdf import convert_to_pdf

    opts = parse_options(options)
    as_pdf = opts.pdf or path.suffix.lower() == ".pdf"
    data = gather(project, opts)
    if opts.is_cancelled():
        raise ExportCancelled("The export was cancelled; nothing was written.")
    if not as_pdf:
        return write_brief(data, path, opts.template, cancelled=opts.cancelled)
    if path.suffix.lower() == ".pdf":
        with tempfile.TemporaryDirectory(prefix="parallax-brief-") as tmp:
            docx_path = write_brief(data, Path(tmp) / f"{path.stem}.docx", opts.template)
            return convert_to_pdf(docx_path, path, cancelled=opts.cancelled)
    docx_path = write_brief(data, path, opts.template, cancelled=opts.cancelled)
    return convert_to_pdf(docx_path, path.with_suffix(".pdf"), cancelled=opts.cancelled)
