"""Date forms added after measuring on TimeBank: quarters, weekday-dated days, bare years
at a clause end, decades, and day-month dates far in the future read as last year's."""

from __future__ import annotations

import datetime as dt

import pytest

from parallax.assist.dates import find_date_expressions, normalise_date
from parallax.domain.model import Precision

D = dt.date
NOV_2_1989 = D(1989, 11, 2)


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("the third quarter", D(1989, 7, 1), D(1989, 9, 30)),
        ("third-quarter", D(1989, 7, 1), D(1989, 9, 30)),
        ("the fourth quarter", D(1989, 10, 1), D(1989, 12, 31)),  # begun by the anchor
        ("the 1988 second quarter", D(1988, 4, 1), D(1988, 6, 30)),
        ("the first quarter of 2017", D(2017, 1, 1), D(2017, 3, 31)),
        ("Q3 2017", D(2017, 7, 1), D(2017, 9, 30)),
    ],
)
def test_quarters_span_three_months(expression: str, start: dt.date, end: dt.date) -> None:
    date = normalise_date(expression, NOV_2_1989)
    assert (date.start, date.end, date.precision) == (start, end, Precision.MONTH)


def test_a_quarter_without_a_year_needs_the_anchor() -> None:
    assert normalise_date("the third quarter").ambiguous
    assert normalise_date("the Christian quarter", NOV_2_1989).start is None


def test_a_weekday_before_a_date_is_one_expression() -> None:
    text = "He left on Thursday, May 18, 2017 and came back Saturday, 20 May."
    found = [(text[s:e], d.start) for s, e, d in find_date_expressions(text, D(2017, 5, 22))]
    assert found == [
        ("on Thursday, May 18, 2017", D(2017, 5, 18)),
        ("Saturday, 20 May", D(2017, 5, 20)),
    ]


def test_bare_years_count_at_a_clause_end_only() -> None:
    text = (
        "Profit rose in the year to 1997. Some 2000 troops and 1990 budgets; sales for 1989, too."
    )
    assert [text[s:e] for s, e, _ in find_date_expressions(text)] == ["1997", "1989"]


def test_a_decade_is_not_its_first_year() -> None:
    assert find_date_expressions("in the late 1970s and the 1980’s") == []


def test_a_day_and_month_far_ahead_is_last_years() -> None:
    assert normalise_date("March 31", NOV_2_1989).start == D(1989, 3, 31)
    assert normalise_date("January 5", D(2016, 12, 20)).start == D(2017, 1, 5)


def test_normalize_date_returns_none_when_it_cannot_tell() -> None:
    from parallax.assist.dates import normalize_date

    date = normalize_date("on Thursday", D(2017, 5, 18))
    assert date is not None
    assert (date.start, date.end, date.precision) == (D(2017, 5, 18), D(2017, 5, 18), Precision.DAY)
    assert normalize_date("on Thursday") is None
    assert normalize_date("may") is None
    assert normalize_date("5/6/2017").ambiguous  # read day first, flagged
