"""What a brief says, gathered from a project before any rendering.

The services gather a `BriefData`; `export/` renders it on a template. Keeping the two
apart lets the renderer be tested on hand-made data and the gathering on a real project.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from parallax.domain.model import Precision, Stance


@dataclass(frozen=True, slots=True)
class BriefSource:
    """One article in the numbered sources list; citations in the text use `number`."""

    number: int
    article_id: int
    outlet: str
    title: str
    author: str = ""
    published: dt.date | None = None
    url: str = ""
    imported: dt.datetime | None = None
    reliability: str = ""
    descriptor: str = ""
    published_precision: Precision = Precision.DAY


@dataclass(frozen=True, slots=True)
class BriefPassage:
    """A quoted passage linked to an event, with the source it cites."""

    annotation_id: int
    source_number: int
    outlet: str
    published: dt.date | None
    quote: str
    stance: Stance = Stance.REPORTS
    kind: str = "claim"
    credibility: int | None = None
    reliability: str = ""
    note: str = ""
    published_precision: Precision = Precision.DAY


@dataclass(frozen=True, slots=True)
class BriefEvent:
    event_id: int
    title: str
    start: dt.date | None = None
    end: dt.date | None = None
    precision: Precision | None = None
    place: str = ""
    description: str = ""
    passages: tuple[BriefPassage, ...] = ()
    outlets_silent: tuple[str, ...] = ()
    memo: str = ""  # the analyst's memo on the event

    @property
    def outlets(self) -> tuple[str, ...]:
        """Outlets that reported the event, in order of first passage."""
        return tuple(dict.fromkeys(p.outlet for p in self.passages))

    @property
    def importance(self) -> int:
        """How many distinct sources report the event: the "by importance" order."""
        return len({p.source_number for p in self.passages})


@dataclass(frozen=True, slots=True)
class BriefActor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefJudgment:
    statement: str
    likelihood: str
    confidence: str
    citations: tuple[int, ...] = ()
    likelihood_range: str = ""  # '55–80%', from the project's yardstick


@dataclass(frozen=True, slots=True)
class BriefClaim:
    """A line of the appendix: every claim, by article."""

    source_number: int
    quote: str
    kind: str
    note: str = ""
    tags: tuple[str, ...] = ()
    credibility: int | None = None
    events: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefData:
    title: str
    author: str = ""
    date: dt.date | None = None
    handling: str = ""
    bottom_line: str = ""
    judgments: tuple[BriefJudgment, ...] = ()
    events: tuple[BriefEvent, ...] = ()
    actors: tuple[BriefActor, ...] = ()
    sources: tuple[BriefSource, ...] = ()
    appendix: tuple[BriefClaim, ...] = ()
    options: dict[str, object] = field(default_factory=dict)
    order: str = "chronological"  # or "importance": events by number of sources
    chart: bool = True  # draw the timeline chart under the timeline table
    yardstick: str = ""  # the likelihood yardstick the judgments use, named in the brief
