"""Fuzzy dates: a day, a month or a year, and the text an analyst would write for one."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from parallax.domain.model import Precision


@dataclass(frozen=True, slots=True)
class NormalisedDate:
    """A date expression resolved to a range of days.

    `start`/`end` are inclusive first and last days; `precision` says how much of `start`
    the text really gave. `ambiguous` marks an expression that was not guessed
    (a bare weekday with no publication date, the verb "may"); `reason` says why.
    """

    expression: str
    start: dt.date | None
    end: dt.date | None
    precision: Precision | None
    anchor: dt.date | None = None
    ambiguous: bool = False
    reason: str = ""

    @property
    def resolved(self) -> bool:
        return self.start is not None and not self.ambiguous


def span_of(start: dt.date, precision: Precision) -> tuple[dt.date, dt.date]:
    """The first and last day covered by a date at a precision."""
    if precision is Precision.YEAR:
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)
    if precision is Precision.MONTH:
        last = calendar.monthrange(start.year, start.month)[1]
        return dt.date(start.year, start.month, 1), dt.date(start.year, start.month, last)
    return start, start


def format_fuzzy(start: dt.date, precision: Precision, end: dt.date | None = None) -> str:
    """ISO-style text that shows only the precision known: 2017, 2017-05 or 2017-05-18."""
    if precision is Precision.YEAR:
        text = f"{start.year:04d}"
        natural_end = dt.date(start.year, 12, 31)
    elif precision is Precision.MONTH:
        text = f"{start.year:04d}-{start.month:02d}"
        natural_end = span_of(start, precision)[1]
    else:
        text = start.isoformat()
        natural_end = start
    if end is not None and end != natural_end and end > start:
        text += f" – {end.isoformat()}"
    return text
