"""Plain-text wording of a brief: dates by precision, agreement, citations, shortened quotes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from parallax.domain.brief import BriefEvent, BriefPassage, BriefSource
from parallax.domain.model import Precision, Stance

QUOTE_LIMIT = 1500
"""Quotes longer than this many characters are shortened in the brief."""
QUOTE_KEEP = 900
"""How much of a shortened quote is kept, cut back to a word boundary."""

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(date: dt.date | None, precision: Precision | None = None) -> str:
    """'2017', 'March 2017' or '12 March 2017' as the precision allows; '' for no date."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return str(date.year)
    if precision == Precision.MONTH:
        return f"{_MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def format_span(
    start: dt.date | None, end: dt.date | None, precision: Precision | None = None
) -> str:
    """A date or a range ('12–14 March 2017', 'March – May 2017', '2016 – 2017')."""
    first = format_date(start, precision)
    last = format_date(end, precision)
    if not first or not last or first == last:
        return first or last
    same_month = start.year == end.year and start.month == end.month  # type: ignore[union-attr]
    if precision in (None, Precision.DAY) and same_month:
        return f"{start.day}–{last}"  # type: ignore[union-attr]
    return f"{first} – {last}"


def event_date(event: BriefEvent) -> str:
    """The event's date as printed, '' when undated."""
    return format_span(event.start, event.end, event.precision)


def chronological(events: Iterable[BriefEvent]) -> list[BriefEvent]:
    """Events by start date (then end date, then title); undated ones last, in given order."""
    listed = list(events)
    dated = [e for e in listed if e.start is not None or e.end is not None]
    undated = [e for e in listed if e.start is None and e.end is None]
    dated.sort(key=lambda e: (e.start or e.end, e.end or e.start, e.title.casefold()))
    return dated + undated


def in_brief_order(events: Iterable[BriefEvent], order: str = "chronological") -> list[BriefEvent]:
    """Chronological (undated last), or by importance: most sources first, ties by date."""
    dated = chronological(events)
    if order == "importance":
        return sorted(dated, key=lambda e: -e.importance)
    return dated


def contradicting_outlets(event: BriefEvent) -> list[str]:
    """Outlets with at least one passage that contradicts the event, in passage order."""
    return list(dict.fromkeys(p.outlet for p in event.passages if p.stance == Stance.CONTRADICTS))


def agreement(event: BriefEvent) -> str:
    """'corroborated', 'contested (1 contradicts)', 'single source' or 'no sources'."""
    outlets = event.outlets
    if not outlets:
        return "no sources"
    if len(outlets) == 1:
        return "single source"
    against = len(contradicting_outlets(event))
    if against:
        verb = "contradicts" if against == 1 else "contradict"
        return f"contested ({against} {verb})"
    return "corroborated"


def cite(*numbers: int) -> str:
    """Citation marks in the text: '[2]' or '[1] [3]' (sorted, unique)."""
    return " ".join(f"[{n}]" for n in sorted(set(numbers)))


def shorten(quote: str, limit: int = QUOTE_LIMIT, keep: int = QUOTE_KEEP) -> tuple[str, bool]:
    """Return (quote, False), or a shortened quote ending in '…' and True when over `limit`."""
    text = quote.strip()
    if len(text) <= limit:
        return text, False
    cut = text[:keep]
    space = cut.rfind(" ")
    if space > keep // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…", True


def passage_source(passage: BriefPassage) -> str:
    """'SANA, 12 March 2017' — who said it and when (the date as precise as known)."""
    parts = [passage.outlet]
    if passage.published is not None:
        parts.append(format_date(passage.published, passage.published_precision))
    return ", ".join(p for p in parts if p)


def passage_attribution(passage: BriefPassage) -> str:
    """'SANA, 12 March 2017; contradicts' — who said it, when, and how it bears on the event."""
    head = passage_source(passage)
    return f"{head}; {passage.stance.value}" if head else passage.stance.value


def source_fields(source: BriefSource) -> list[str]:
    """The fields of a sources-list entry before the URL, empty ones left out."""
    outlet = source.outlet
    if source.descriptor:
        outlet = f"{outlet} ({source.descriptor})" if outlet else source.descriptor
    title = f"“{source.title}”" if source.title else ""
    fields = [
        outlet,
        title,
        source.author,
        format_date(source.published, source.published_precision),
    ]
    return [f for f in fields if f]


def source_tail(source: BriefSource) -> list[str]:
    """The fields of a sources-list entry after the URL, empty ones left out."""
    fields = []
    if source.imported is not None:
        fields.append(f"imported {format_date(source.imported.date())}")
    if source.reliability:
        words = RELIABILITY_WORDS.get(source.reliability.upper())
        grade = f"reliability grade {source.reliability}"
        fields.append(f"{grade} ({words})" if words else grade)
    return fields


def disagreement_sentence(event: BriefEvent) -> str:
    """One sentence naming who contradicts whom, with citations; '' when nobody does."""
    against = [p for p in event.passages if p.stance == Stance.CONTRADICTS]
    if not against:
        return ""
    others = [p for p in event.passages if p.stance != Stance.CONTRADICTS]
    who = _outlets_with_cites(against)
    if not others:
        return f"The accounts of {who} contradict one another."
    verb = "contradicts" if len({p.outlet for p in against}) == 1 else "contradict"
    return f"{who} {verb} the account of {_outlets_with_cites(others)}."


def _outlets_with_cites(passages: list[BriefPassage]) -> str:
    by_outlet: dict[str, list[int]] = {}
    for p in passages:
        by_outlet.setdefault(p.outlet, []).append(p.source_number)
    named = [f"{outlet} {cite(*numbers)}" for outlet, numbers in by_outlet.items()]
    return join_words(named)


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
"""The Admiralty (NATO) source reliability grades."""

CREDIBILITY_WORDS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
"""The Admiralty (NATO) information credibility ratings."""


def reliability_phrase(grade: str) -> str:
    """'reliability B (usually reliable)'; '' for no grade."""
    grade = grade.strip().upper()
    if not grade:
        return ""
    words = RELIABILITY_WORDS.get(grade)
    return f"reliability {grade} ({words})" if words else f"reliability {grade}"


def credibility_phrase(credibility: int | None) -> str:
    """'credibility 2 (probably true)'; '' when the claim is not rated."""
    if credibility is None:
        return ""
    words = CREDIBILITY_WORDS.get(credibility)
    return f"credibility {credibility} ({words})" if words else f"credibility {credibility}"


def assessment(likelihood: str, likelihood_range: str, confidence: str) -> str:
    """'Likelihood: likely (55–80%). Confidence: moderate.' — two sentences, never one."""
    term = likelihood.strip()
    if likelihood_range:
        term = f"{term} ({likelihood_range})"
    return f"Likelihood: {term}. Confidence: {confidence.strip()}."
