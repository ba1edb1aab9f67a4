"""The analyst's vocabulary as plain frozen records: what the store hands out and the UI shows.

Nothing here knows about Qt or SQLAlchemy, so records cross threads and layers freely and
never lazy-load behind a view.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple, NewType

OutletId = NewType("OutletId", int)
ArticleId = NewType("ArticleId", int)
AnnotationId = NewType("AnnotationId", int)
ActorId = NewType("ActorId", int)
DateTagId = NewType("DateTagId", int)
EventId = NewType("EventId", int)
TagId = NewType("TagId", int)
MemoId = NewType("MemoId", int)
JudgmentId = NewType("JudgmentId", int)
SpanId = NewType("SpanId", int)


class AnnotationKind(StrEnum):
    CLAIM = "claim"
    QUOTE = "quote"
    FACT = "fact"
    OPINION = "opinion"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    ARMED_GROUP = "armed group"
    MEDIA = "media"


class ActorRole(StrEnum):
    SPEAKER = "speaker"
    SUBJECT = "subject"
    TARGET = "target"
    MENTIONED = "mentioned"


class Stance(StrEnum):
    REPORTS = "reports"
    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"
    ADDS_DETAIL = "adds detail"


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Likelihood(StrEnum):
    """The ICD 203 yardstick, lowest to highest."""

    ALMOST_NO_CHANCE = "almost no chance"
    VERY_UNLIKELY = "very unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN = "roughly even chance"
    LIKELY = "likely"
    VERY_LIKELY = "very likely"
    ALMOST_CERTAIN = "almost certain"


class Confidence(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_RANGE = range(1, 7)


@dataclass(frozen=True, slots=True)
class Outlet:
    id: OutletId
    name: str
    country: str = ""
    kind: str = ""
    reliability: str = "F"
    note: str = ""
    descriptor: str = ""  # one line for the brief's sources list: access, record, known bias


@dataclass(frozen=True, slots=True)
class Article:
    """An imported text. `text` is canonical (NFC, LF) and never changes after import."""

    id: ArticleId
    title: str
    outlet: str
    outlet_id: OutletId | None
    published: dt.date | None
    text: str
    url: str = ""
    author: str = ""
    language: str = ""
    published_precision: Precision = Precision.DAY
    sha256: str = ""
    source_file: str = ""
    imported_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article without its text, for lists that must stay fast at 10,000 rows."""

    id: ArticleId
    title: str
    outlet: str
    outlet_id: OutletId | None
    published: dt.date | None
    annotation_count: int = 0
    published_precision: Precision = Precision.DAY


@dataclass(frozen=True, slots=True)
class ExcludedSpan:
    id: SpanId
    article_id: ArticleId
    start: int
    end: int
    reason: str = "boilerplate"


@dataclass(frozen=True, slots=True)
class Annotation:
    id: AnnotationId
    article_id: ArticleId
    start: int
    end: int
    quote: str
    kind: AnnotationKind = AnnotationKind.CLAIM
    note: str = ""
    credibility: int | None = None
    author: str = ""
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    version: int = 1


class AnnotationSpan(NamedTuple):
    """Where an annotation sits and what kind it is: all a highlight needs. A tuple, not a
    full `Annotation`, so that showing an article with thousands of highlights reads and
    keeps only this (quotes and notes are read for the rows a list actually shows)."""

    id: AnnotationId
    start: int
    end: int
    kind: str  # an AnnotationKind value


@dataclass(frozen=True, slots=True)
class Actor:
    id: ActorId
    name: str
    kind: ActorKind = ActorKind.PERSON
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorTag:
    """An actor attached to an annotation in a role."""

    annotation_id: AnnotationId
    actor_id: ActorId
    actor_name: str
    role: ActorRole = ActorRole.MENTIONED


@dataclass(frozen=True, slots=True)
class DateTag:
    id: DateTagId
    annotation_id: AnnotationId
    expression: str
    start: dt.date | None
    end: dt.date | None
    precision: Precision | None
    anchor: dt.date | None = None
    ambiguous: bool = False

    @property
    def label(self) -> str:
        """The normalised value as an analyst would write it."""
        from parallax.domain.dates import format_fuzzy

        if self.start is None or self.precision is None:
            return "unresolved"
        return format_fuzzy(self.start, self.precision, self.end)


@dataclass(frozen=True, slots=True)
class Event:
    id: EventId
    title: str
    start: dt.date | None = None
    end: dt.date | None = None
    precision: Precision | None = None
    place: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class EventLink:
    annotation_id: AnnotationId
    event_id: EventId
    stance: Stance = Stance.REPORTS


@dataclass(frozen=True, slots=True)
class Tag:
    id: TagId
    name: str
    parent_id: TagId | None = None
    colour: str = ""


@dataclass(frozen=True, slots=True)
class Memo:
    id: MemoId
    text: str
    event_id: EventId | None = None
    actor_id: ActorId | None = None


@dataclass(frozen=True, slots=True)
class Judgment:
    id: JudgmentId
    statement: str
    likelihood: str  # a term of the project's yardstick (see domain/yardsticks.py)
    confidence: Confidence
    annotation_ids: tuple[AnnotationId, ...] = ()


@dataclass(frozen=True, slots=True)
class AnnotationDetail:
    """Everything hung on one annotation: what the Inspector shows and undo restores."""

    annotation: Annotation
    actors: tuple[ActorTag, ...] = ()
    dates: tuple[DateTag, ...] = ()
    events: tuple[EventLink, ...] = ()
    tag_ids: tuple[TagId, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A match in an article's text, or in an annotation's note (then annotation_id is set).

    `start`/`end` are code points into the article text (for a note: the annotation's span).
    """

    article_id: ArticleId
    start: int
    end: int
    snippet: str
    score: float = 0.0
    annotation_id: AnnotationId | None = None


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    outlets: int
    articles: int
    annotations: int
    actors: int
    events: int
    links: int


@dataclass(frozen=True, slots=True)
class Changes:
    """What one user action changed, so that each view refreshes only that.

    Ids name the rows that were added, changed or removed; a view re-reads those.
    """

    articles: frozenset[int] = field(default_factory=frozenset)
    annotations: frozenset[int] = field(default_factory=frozenset)
    actors: frozenset[int] = field(default_factory=frozenset)
    events: frozenset[int] = field(default_factory=frozenset)
    outlets: frozenset[int] = field(default_factory=frozenset)
    tags: frozenset[int] = field(default_factory=frozenset)
    memos: frozenset[int] = field(default_factory=frozenset)
    judgments: frozenset[int] = field(default_factory=frozenset)
    spans: frozenset[int] = field(default_factory=frozenset)

    def merged(self, other: Changes) -> Changes:
        return Changes(
            **{name: getattr(self, name) | getattr(other, name) for name in _CHANGE_FIELDS}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in _CHANGE_FIELDS)


_CHANGE_FIELDS = (
    "articles",
    "annotations",
    "actors",
    "events",
    "outlets",
    "tags",
    "memos",
    "judgments",
    "spans",
)
