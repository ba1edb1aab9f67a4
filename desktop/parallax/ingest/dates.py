"""Absolute dates as pages print them ("18/5/2017", "14 June 2017", "June 14, 2017").

Relative expressions ("on Thursday") are the assist layer's business; an importer only
needs the publication date a page states outright, so a small strict parser is safer than
dateparser, which reads "may" and "march" as dates.
"""

from __future__ import annotations

import datetime as dt
import re

FuzzyDate = tuple[dt.date, str]  # (first day, precision: "day", "month" or "year")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS = (
    re.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"\b(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]" + _YEAR + r"\b"),
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(r"\b" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
)


def find_date(text: str) -> FuzzyDate | None:
    """The first absolute date in `text`, with its precision, or None."""
    found = [(m.start(), m) for pattern in _PATTERNS for m in [pattern.search(text)] if m]
    for _start, match in sorted(found, key=lambda item: item[0]):
        value = _to_date(match)
        if value is not None:
            return value
    return None


def _to_date(match: re.Match[str]) -> FuzzyDate | None:
    groups = match.groupdict()
    year = int(groups["year"])
    try:
        if groups.get("a"):
            day, month = _day_month(int(groups["a"]), int(groups["b"]))
            return dt.date(year, month, day), "day"
        month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["month"].casefold()]
        if groups.get("day"):
            return dt.date(year, month, int(groups["day"])), "day"
        return dt.date(year, month, 1), "month"
    except ValueError:
        return None


def _day_month(a: int, b: int) -> tuple[int, int]:
    """Numeric dates are day first (as in "By Rudaw 18/5/2017") unless that is impossible
    ("9/22/2017 8:44 PM", the US order some comment systems use)."""
    if a <= 12 < b:
        return b, a
    return a, b
