"""The dates written in one article, normalised against its publication date, with doubts.

What the "Dates in this article" list shows. An expression is flagged, never silently
resolved, when the normaliser was unsure (the reason says why), and also when it is
relative ("on Wednesday") but the article's publication date is known only to the month
or year: the day it resolves to then rests on a guess of the publication day.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from parallax.assist.dates import find_date_expressions, normalise_date
from parallax.assist.similarity import sentence_spans
from parallax.domain.dates import NormalisedDate, format_fuzzy
from parallax.domain.model import Article, Precision

if TYPE_CHECKING:
    from parallax.services.project import Project

ROUGH_ANCHOR = "resolved against a publication date known only to the {precision}"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at [start, end) of an article's text and what it means there."""

    start: int
    end: int
    value: NormalisedDate
    flagged: bool
    reason: str

    @property
    def expression(self) -> str:
        return self.value.expression

    @property
    def label(self) -> str:
        """The normalised value as a date tag shows it, or "unresolved"."""
        v = self.value
        if v.start is None or v.precision is None:
            return "unresolved"
        return format_fuzzy(v.start, v.precision, v.end)


def dates_in_article(project: Project, article_id: int) -> list[DateMention]:
    """Every date expression of an article outside boilerplate, in text order."""
    article = project.article(article_id)
    excluded = [(x.start, x.end) for x in project.excluded_spans(article_id)]
    return [
        m for m in find_dates(article) if not any(s < m.end and m.start < e for s, e in excluded)
    ]


def find_dates(article: Article) -> list[DateMention]:
    anchor = article.published
    found = []
    for start, end, value in find_date_expressions(article.text, anchor):
        flagged, reason = value.ambiguous or value.start is None, value.reason
        if not flagged and rests_on_rough_anchor(article, value.expression):
            flagged = True
            reason = ROUGH_ANCHOR.format(precision=article.published_precision)
        found.append(DateMention(start, end, value, flagged, reason))
    return found


def rests_on_rough_anchor(article: Article, expression: str) -> bool:
    """Whether `expression` is relative ("on Thursday" needs a publication date) and the
    article's publication date is known only to the month or year."""
    if article.published is None or article.published_precision == Precision.DAY:
        return False
    return normalise_date(expression, None).start is None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end) (widened to cover it), for a new claim."""
    for s, e in sentence_spans(text):
        if s <= start < e:
            return s, max(e, end)
    return start, end


def anchor_text(article: Article) -> str:
    """The publication date as the list's heading states it."""
    if article.published is None:
        return "no publication date: relative dates cannot be resolved"
    shown = format_fuzzy(article.published, article.published_precision)
    return f"resolved against the publication date {shown}"


__all__ = [
    "DateMention",
    "anchor_text",
    "dates_in_article",
    "find_dates",
    "rests_on_rough_anchor",
    "sentence_around",
]
