"""Date normalisation: turn "on Thursday", "18/5/2017" or "last month" into a range of days.

News articles date things relative to their publication date (the anchor), and the
general-purpose parser gets that wrong (DESIGN.md, "Pitfalls already found"): relative
expressions are resolved here by fixed rules, and dateparser is only a fallback for
absolute dates in other wordings or languages. Nothing is guessed: without an anchor a
relative expression comes back ambiguous with no start.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parallax.assist import date_patterns as p
from parallax.domain.dates import NormalisedDate, span_of
from parallax.domain.model import Precision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

logger = logging.getLogger(__name__)

NEEDS_ANCHOR = "needs the article's publication date"
NOT_A_DATE = "not a date"
_DAY = dt.timedelta(days=1)
_FUTURE_REACH = 62  # days ahead a date without a year may still lie


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a rule read: a range of days and how precise the text really was."""

    start: dt.date
    end: dt.date
    precision: Precision
    ambiguous: bool = False
    reason: str = ""


@dataclass(frozen=True, slots=True)
class _Problem:
    """Why an expression has no start: not a date, or not resolvable without guessing."""

    reason: str
    ambiguous: bool = False


_Outcome = _Reading | _Problem
_Absolute = Callable[[re.Match[str]], _Outcome]
_Relative = Callable[[re.Match[str], dt.date], _Outcome]


def normalise_date(
    expression: str, anchor: dt.date | None = None, *, languages: tuple[str, ...] = ("en",)
) -> NormalisedDate:
    """Resolve a date expression an analyst typed or selected, against the publication date.

    Returns the inclusive first and last day covered. A relative expression without an
    anchor, a bare capitalised "May", or a numeric date whose day and month could be
    swapped come back `ambiguous` with a reason; the verb "may" and other non-dates come
    back with `start` None and the reason "not a date".
    """
    given = expression.strip()
    text = " ".join(given.split()).strip(" .,;:!?()[]\"'“”‘’")
    outcome = _read(text, anchor, languages) if text else _Problem("empty expression")
    if isinstance(outcome, _Problem):
        return NormalisedDate(given, None, None, None, anchor, outcome.ambiguous, outcome.reason)
    o = outcome
    return NormalisedDate(given, o.start, o.end, o.precision, anchor, o.ambiguous, o.reason)


def normalize_date(expression: str, published: dt.date | None = None) -> NormalisedDate | None:
    """The public API's spelling: `normalise_date`, or None when it cannot tell.

    The result carries `start`, `end` (inclusive) and `precision`; an expression read with
    a doubt (a day-first numeric date) comes back with `ambiguous` set, not as None.
    """
    date = normalise_date(expression, published)
    return date if date.start is not None else None


def find_date_expressions(
    text: str, anchor: dt.date | None = None
) -> list[tuple[int, int, NormalisedDate]]:
    """Every recognisable date expression in an article, in text order, as str offsets.

    For the "dates in this article" list: each hit is normalised against `anchor`. Hits
    that turn out not to be dates are dropped; ambiguous ones (a bare "May", a weekday with
    no anchor) are kept so the analyst sees them. Lower-case "may" never matches.
    """
    found: list[tuple[int, int, NormalisedDate]] = []
    for match in p.SCANNER.finditer(text):
        bare_year = match.group("year") and not (match.group("lead") or match.group("qual"))
        if bare_year and not p.YEAR_THEN_STOP.match(text, match.end()):
            continue  # a bare four-digit number is as often a count as a year
        date = normalise_date(match.group(0), anchor)
        if date.start is not None or date.ambiguous:
            found.append((match.start(), match.end(), date))
    return found


def _read(text: str, anchor: dt.date | None, languages: tuple[str, ...]) -> _Outcome:
    """Strip the leading words, apply the first rule that matches, then any qualifier."""
    parts = p.PREFIX.match(text)
    assert parts is not None  # the pattern matches any string
    lead, qual = parts.group("lead"), (parts.group("qual") or "").lower()
    core = p.TIME_SUFFIX.sub("", p.WEEKDAY_PREFIX.sub("", parts.group("core")))
    if not core:
        return _Problem(NOT_A_DATE)
    if not (lead or qual) and core.lower() in p.VERB_MONTHS:
        return _verb_month(core)
    outcome = _apply_rules(core, anchor)
    if outcome is None:
        outcome = _fallback(core, languages)
    if isinstance(outcome, _Reading) and qual:
        return _narrow(outcome, qual)
    return outcome


def _verb_month(word: str) -> _Problem:
    """ "may" is the verb; "May" alone could be either, so it is flagged, not guessed."""
    if word.islower():
        return _Problem(NOT_A_DATE)
    return _Problem(f"“{word}” alone may be the month or the verb: add a day or a year", True)


def _apply_rules(core: str, anchor: dt.date | None) -> _Outcome | None:
    """The first rule whose pattern matches the whole of `core`; None when none does."""
    try:
        for pattern, absolute in _ABSOLUTE:
            if match := pattern.fullmatch(core):
                return absolute(match)
        for pattern, relative in _RELATIVE:
            if match := pattern.fullmatch(core):
                if anchor is None:
                    return _Problem(NEEDS_ANCHOR, ambiguous=True)
                return relative(match, anchor)
    except (ValueError, OverflowError):  # 31 February, month 13, before year 1
        return _Problem("no such date")
    return None


def _narrow(reading: _Reading, qualifier: str) -> _Reading:
    """ "late 2016" is still a year, but the analyst meant its last third: say so in the range."""
    key = " ".join(w for w in qualifier.split() if w not in {"the", "of"})
    (low_num, low_den), (high_num, high_den) = p.QUALIFIER_SHARES[key]
    days = (reading.end - reading.start).days + 1
    if days < 3:
        return reading
    start = reading.start + dt.timedelta(days=days * low_num // low_den)
    end = reading.start + dt.timedelta(days=days * high_num // high_den - 1)
    return _Reading(start, end, reading.precision, reading.ambiguous, reading.reason)


# --- absolute dates -----------------------------------------------------------------


def _month_number(name: str) -> int:
    return int(name) if name.isdigit() else p.MONTHS[name.lower().rstrip(".")]


def _year(digits: str) -> int:
    """Two-digit years are read as 1970–2069, enough for news."""
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _day(date: dt.date) -> _Reading:
    return _Reading(date, date, Precision.DAY)


def _period(date: dt.date, precision: Precision) -> _Reading:
    return _Reading(*span_of(date, precision), precision)


def _year_only(m: re.Match[str]) -> _Outcome:
    return _period(dt.date(int(m["y"]), 1, 1), Precision.YEAR)


def _numeric(m: re.Match[str]) -> _Outcome:
    """Day first, as the seed outlets write; month first only when day first is impossible.

    "9/22/2017" can only be month first. "5/6/2017" could be either: read day first and
    flagged ambiguous, so the analyst confirms it.
    """
    a, b, year = int(m["a"]), int(m["b"]), _year(m["y"])
    if b > 12 >= a:
        return _day(dt.date(year, a, b))
    date = dt.date(year, b, a)
    if a <= 12 and a != b:
        other = f"{b} {calendar.month_name[a]} {year}"
        return _Reading(date, date, Precision.DAY, True, f"read day first; could be {other}")
    return _day(date)


def _named(m: re.Match[str]) -> _Outcome:
    return _day(dt.date(int(m["y"]), _month_number(m["month"]), int(m["d"])))


def _named_no_year(m: re.Match[str], anchor: dt.date) -> _Outcome:
    """ "On June 13": the occurrence nearest the anchor, so a date just before New Year's
    Day falls in the old year and a meeting announced for next week stays in this one; but
    news reports the past, so a date more than two months ahead is read as last year's."""
    month, day = _month_number(m["month"]), int(m["d"])
    candidates = [
        dt.date(year, month, day)
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if day <= calendar.monthrange(year, month)[1]
        and (dt.date(year, month, day) - anchor).days <= _FUTURE_REACH
    ]
    if not candidates:
        raise ValueError("no such date")
    return _day(min(candidates, key=lambda date: abs((date - anchor).days)))


def _month_year(m: re.Match[str]) -> _Outcome:
    return _period(dt.date(int(m["y"]), _month_number(m["month"]), 1), Precision.MONTH)


def _quarter(year: int, number: int) -> _Reading:
    """A quarter keeps month precision over its three months: 2017-Q3 is July–September."""
    start = dt.date(year, 3 * number - 2, 1)
    return _Reading(start, _shift_month(start, 3) - _DAY, Precision.MONTH)


def _quarter_with_year(m: re.Match[str]) -> _Outcome:
    groups = m.groupdict()
    digit = groups.get("q") or groups.get("q2")
    number = int(digit) if digit else p.QUARTERS[m["ord"].lower()]
    return _quarter(int(groups.get("y") or groups["y2"]), number)


def _fallback(core: str, languages: tuple[str, ...]) -> _Outcome:
    """dateparser for absolute dates worded otherwise ("18 мая 2017"), with a year required.

    Relative parsing is switched off and a year is required, so it can neither misread
    "Thursday" nor take the verb "march" for a month. Without a digit there is no year.
    """
    if not any(ch.isdigit() for ch in core):
        return _Problem(NOT_A_DATE)
    data = _date_parser(tuple(languages)).get_date_data(core)
    if data.date_obj is None:
        return _Problem(NOT_A_DATE)
    precision = {"year": Precision.YEAR, "month": Precision.MONTH}.get(data.period, Precision.DAY)
    logger.debug("dateparser read %r as %s (%s)", core, data.date_obj, data.period)
    return _period(data.date_obj.date(), precision)


@functools.cache
def _date_parser(languages: tuple[str, ...]) -> DateDataParser:
    """Imported here: dateparser takes a noticeable share of a second to import."""
    from dateparser.date import DateDataParser

    settings = {
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["year"],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=list(languages), settings=settings)


# --- relative to the anchor -----------------------------------------------------------


def _bare_month(m: re.Match[str], anchor: dt.date) -> _Outcome:
    """ "in February": the anchor's year, or the year before if February is still to come."""
    month = _month_number(m["month"])
    year = anchor.year if month <= anchor.month else anchor.year - 1
    return _period(dt.date(year, month, 1), Precision.MONTH)


def _weekday(m: re.Match[str], anchor: dt.date) -> _Outcome:
    """A bare weekday is the most recent one within the six days up to and including the
    anchor (DESIGN.md); "last" excludes the anchor day, "next" looks forward, "this" stays
    in the anchor's Monday–Sunday week."""
    wanted = p.WEEKDAYS[m["weekday"].lower()]
    which = (m["which"] or "").lower()
    today = anchor.weekday()
    if which == "last":
        back = (today - wanted - 1) % 7 + 1
    elif which == "next":
        back = -((wanted - today - 1) % 7 + 1)
    elif which == "this":
        back = today - wanted
    else:
        back = (today - wanted) % 7
    return _day(anchor - dt.timedelta(days=back))


def _quarter_no_year(m: re.Match[str], anchor: dt.date) -> _Outcome:
    """ "The third quarter": the latest such quarter to have begun by the anchor."""
    number = p.QUARTERS[m["ord"].lower()]
    year = anchor.year if 3 * number - 2 <= anchor.month else anchor.year - 1
    return _quarter(year, number)


def _todayish(m: re.Match[str], anchor: dt.date) -> _Outcome:
    shift = {"yesterday": -1, "tomorrow": 1}.get(m["word"].lower(), 0)
    return _day(anchor + dt.timedelta(days=shift))


def _shift_month(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _unit_span(unit: str, anchor: dt.date, offset: int) -> _Reading:
    """The whole week (Monday–Sunday, precision DAY), month or year `offset` units away."""
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday() - 7 * offset)
        return _Reading(monday, monday + dt.timedelta(days=6), Precision.DAY)
    if unit == "month":
        return _period(_shift_month(anchor, offset), Precision.MONTH)
    return _period(dt.date(anchor.year + offset, 1, 1), Precision.YEAR)


def _this_period(m: re.Match[str], anchor: dt.date) -> _Outcome:
    """ "last week" is the Monday–Sunday week before the anchor's week; likewise months."""
    offset = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    return _unit_span(m["unit"].lower(), anchor, offset)


def _part_of_period(m: re.Match[str], anchor: dt.date) -> _Outcome:
    """ "earlier this month": from the month's start to the day before the anchor."""
    whole = _unit_span(m["unit"].lower(), anchor, 0)
    if m["part"].lower() == "earlier":
        start, end = whole.start, max(whole.start, anchor - _DAY)
    else:
        start, end = min(anchor + _DAY, whole.end), whole.end
    return _Reading(start, end, whole.precision)


def _ago(m: re.Match[str], anchor: dt.date) -> _Outcome:
    """ "N days ago" is one day; "about"/"a few" widen it by a third either side."""
    word = " ".join(m["count"].lower().split())
    count = int(m["count"]) if m["count"].isdigit() else p.NUMBERS[word]
    unit = m["unit"].lower().rstrip("s")
    if unit in {"month", "year"}:
        return _unit_span(unit, anchor, -count)
    if unit in {"hour", "minute"}:
        hours = count if unit == "hour" else count / 60
        return _Reading(
            anchor - dt.timedelta(days=math.ceil(hours / 24)),
            anchor - dt.timedelta(days=math.floor(hours / 24)),
            Precision.DAY,
        )
    days = count * (7 if unit == "week" else 1)
    centre = anchor - dt.timedelta(days=days)
    if not (m["approx"] or word in p.FUZZY_COUNTS):
        return _day(centre)
    slack = dt.timedelta(days=max(1, round(days * 0.3)))
    return _Reading(centre - slack, min(anchor, centre + slack), Precision.DAY)


_ABSOLUTE: list[tuple[re.Pattern[str], _Absolute]] = [
    (p.ISO_DAY, _named),
    (p.ISO_MONTH, _month_year),
    (p.SLASHED, _numeric),
    (p.DOTTED, _numeric),
    (p.DAY_MONTH_YEAR, _named),
    (p.MONTH_DAY_YEAR, _named),
    (p.MONTH_YEAR, _month_year),
    (p.YEAR_QUARTER, _quarter_with_year),
    (p.QUARTER_OF_YEAR, _quarter_with_year),
    (p.SHORT_QUARTER, _quarter_with_year),
    (p.YEAR, _year_only),
]
_RELATIVE: list[tuple[re.Pattern[str], _Relative]] = [
    (p.DAY_MONTH, _named_no_year),
    (p.MONTH_DAY, _named_no_year),
    (p.BARE_MONTH, _bare_month),
    (p.QUARTER, _quarter_no_year),
    (p.WEEKDAY_RULE, _weekday),
    (p.TODAYISH, _todayish),
    (p.THIS_PERIOD, _this_period),
    (p.PART_OF_PERIOD, _part_of_period),
    (p.AGO, _ago),
]
