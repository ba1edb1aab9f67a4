"""The chart's date axis: where a date falls, tick marks a reader can use, and spacing
marks apart so that events on the same day stay distinct."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Protocol

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# (unit, count): steps tried from fine to coarse until the labels fit.
STEPS = (
    ("day", 1), ("day", 2), ("day", 7), ("day", 14), ("month", 1), ("month", 2),
    ("month", 3), ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10),
    ("year", 25), ("year", 50), ("year", 100),
)  # fmt: skip
LABEL_ROOM = 230  # pixels per tick label, with space between


class Measures(Protocol):
    def width(self, text: str, size: str) -> int: ...


class DateAxis:
    """Maps dates to x between `left` and `right`, padded so marks stay off the edges."""

    def __init__(self, first: dt.date, last: dt.date, left: float, right: float) -> None:
        span = (last - first).days
        pad = dt.timedelta(days=15) if span == 0 else dt.timedelta(days=max(3, span * 0.06))
        self.first, self.last = first - pad, last + pad
        self.left, self.right = left, right
        self.days = max((self.last - self.first).days, 1)

    def x(self, when: dt.date) -> float:
        return self.left + (when - self.first).days / self.days * (self.right - self.left)

    def ticks(self, fonts: Measures) -> list[tuple[dt.date, str]]:
        """Tick dates and labels at the finest step whose labels fit side by side."""
        room = max(int((self.right - self.left) // LABEL_ROOM), 2)
        for unit, count in STEPS:
            dates = list(_dates(self.first, self.last, unit, count))
            if 0 < len(dates) <= room:
                labels = _labels(dates, unit)
                widest = max(fonts.width(label, "small") for label in labels)
                if len(dates) * (widest + 40) <= self.right - self.left + widest:
                    return list(zip(dates, labels, strict=True))
        return []


def _dates(first: dt.date, last: dt.date, unit: str, count: int) -> Iterator[dt.date]:
    if unit == "day":
        day = first + dt.timedelta(days=(-first.toordinal()) % count)
        while day <= last:
            yield day
            day += dt.timedelta(days=count)
        return
    if unit == "month":
        months = first.year * 12 + first.month - 1
        months += -months % count
        if dt.date(months // 12, months % 12 + 1, 1) < first:
            months += count
        while (day := dt.date(months // 12, months % 12 + 1, 1)) <= last:
            yield day
            months += count
        return
    year = first.year + (-first.year) % count
    if dt.date(year, 1, 1) < first:
        year += count
    while (day := dt.date(year, 1, 1)) <= last:
        yield day
        year += count


def _labels(dates: list[dt.date], unit: str) -> list[str]:
    """'13 Jul' (with the year where it changes), 'Jul 2016' or '2016'."""
    if unit == "year":
        return [str(d.year) for d in dates]
    out: list[str] = []
    year = None
    for d in dates:
        month = _MONTHS[d.month - 1]
        head = month if unit == "month" else f"{d.day} {month}"
        out.append(head if d.year == year else f"{head} {d.year}")
        year = d.year
    return out


def lanes(xs: Sequence[float], width: float, most: int = 4) -> list[int]:
    """A lane (0 = nearest the plot) for each label centred at `xs`, so that labels in one
    lane stay `width` apart; past `most` lanes the least crowded one is shared."""
    ends = [float("-inf")] * most
    out = [0] * len(xs)
    for i in sorted(range(len(xs)), key=lambda i: xs[i]):
        lane = next((n for n, end in enumerate(ends) if xs[i] - end >= width), None)
        if lane is None:
            lane = min(range(most), key=lambda n: ends[n])
        out[i] = lane
        ends[lane] = xs[i]
    return out
