"""Date normalisation against the publication date, and finding dates in article text."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from parallax.assist import dates
from parallax.assist.dates import NEEDS_ANCHOR, NOT_A_DATE, find_date_expressions, normalise_date
from parallax.domain.model import Precision

D = dt.date
DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR
THU_18_MAY_2017 = D(2017, 5, 18)
THU_14_JUL_2016 = D(2016, 7, 14)
SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "sample_corpus"


@pytest.mark.parametrize(
    ("expression", "start", "end", "precision"),
    [
        ("18 May 2017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("May 18, 2017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("18/5/2017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("9/22/2017", D(2017, 9, 22), D(2017, 9, 22), DAY),
        ("9/22/2017 8:44:08 PM", D(2017, 9, 22), D(2017, 9, 22), DAY),
        ("18.5.2017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("18/5/17", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("2017-05-18", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("2017-05", D(2017, 5, 1), D(2017, 5, 31), MONTH),
        ("May 2017", D(2017, 5, 1), D(2017, 5, 31), MONTH),
        ("2017", D(2017, 1, 1), D(2017, 12, 31), YEAR),
        ("March 14, 2018", D(2018, 3, 14), D(2018, 3, 14), DAY),
        ("on July 13, 2016", D(2016, 7, 13), D(2016, 7, 13), DAY),
        ("On May 29, 2017.", D(2017, 5, 29), D(2017, 5, 29), DAY),
        ("since October 2016", D(2016, 10, 1), D(2016, 10, 31), MONTH),
        ("in June 2014", D(2014, 6, 1), D(2014, 6, 30), MONTH),
        ("since 2011", D(2011, 1, 1), D(2011, 12, 31), YEAR),
        ("18\u00a0May\u00a02017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("the 18th of May, 2017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("Jan. 5, 2017", D(2017, 1, 5), D(2017, 1, 5), DAY),
        ("Thursday, 18 May 2017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("18 may 2017", D(2017, 5, 18), D(2017, 5, 18), DAY),
        # "early", "mid", "late" narrow the range but keep the precision the text gave.
        ("early May 2017", D(2017, 5, 1), D(2017, 5, 10), MONTH),
        ("mid-May 2017", D(2017, 5, 11), D(2017, 5, 20), MONTH),
        ("late 2016", D(2016, 9, 1), D(2016, 12, 31), YEAR),
    ],
)
def test_absolute_dates_need_no_anchor(
    expression: str, start: dt.date, end: dt.date, precision: Precision
) -> None:
    date = normalise_date(expression)
    assert (date.start, date.end, date.precision) == (start, end, precision)
    assert date.resolved
    assert not date.reason


@pytest.mark.parametrize(
    ("expression", "anchor", "start", "end", "precision"),
    [
        # The seed rule: a bare weekday includes the publication day itself.
        ("on Thursday", THU_18_MAY_2017, D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("Wednesday", THU_14_JUL_2016, D(2016, 7, 13), D(2016, 7, 13), DAY),
        ("on Friday", THU_18_MAY_2017, D(2017, 5, 12), D(2017, 5, 12), DAY),
        ("last Thursday", THU_18_MAY_2017, D(2017, 5, 11), D(2017, 5, 11), DAY),
        ("next Monday", THU_18_MAY_2017, D(2017, 5, 22), D(2017, 5, 22), DAY),
        ("today", THU_18_MAY_2017, D(2017, 5, 18), D(2017, 5, 18), DAY),
        ("yesterday", THU_18_MAY_2017, D(2017, 5, 17), D(2017, 5, 17), DAY),
        ("tomorrow", THU_18_MAY_2017, D(2017, 5, 19), D(2017, 5, 19), DAY),
        # Weeks run Monday to Sunday; 2017-06-13 is a Tuesday.
        ("last week", D(2017, 6, 13), D(2017, 6, 5), D(2017, 6, 11), DAY),
        ("this week", D(2017, 6, 13), D(2017, 6, 12), D(2017, 6, 18), DAY),
        ("next week", D(2017, 6, 13), D(2017, 6, 19), D(2017, 6, 25), DAY),
        ("later this week", THU_14_JUL_2016, D(2016, 7, 15), D(2016, 7, 17), DAY),
        ("At the end of last month", THU_14_JUL_2016, D(2016, 6, 21), D(2016, 6, 30), MONTH),
        ("last month", D(2017, 1, 10), D(2016, 12, 1), D(2016, 12, 31), MONTH),
        ("earlier this month", THU_18_MAY_2017, D(2017, 5, 1), D(2017, 5, 17), MONTH),
        ("this year", THU_18_MAY_2017, D(2017, 1, 1), D(2017, 12, 31), YEAR),
        ("last year", THU_18_MAY_2017, D(2016, 1, 1), D(2016, 12, 31), YEAR),
        ("about a week ago", THU_18_MAY_2017, D(2017, 5, 9), D(2017, 5, 13), DAY),
        ("a week ago", THU_18_MAY_2017, D(2017, 5, 11), D(2017, 5, 11), DAY),
        ("3 days ago", THU_18_MAY_2017, D(2017, 5, 15), D(2017, 5, 15), DAY),
        ("two weeks ago", THU_18_MAY_2017, D(2017, 5, 4), D(2017, 5, 4), DAY),
        ("a few days ago", THU_18_MAY_2017, D(2017, 5, 14), D(2017, 5, 16), DAY),
        ("a month ago", THU_18_MAY_2017, D(2017, 4, 1), D(2017, 4, 30), MONTH),
        ("10 hours ago", THU_18_MAY_2017, D(2017, 5, 17), D(2017, 5, 18), DAY),
        # A month alone: the anchor's year, or the year before if it is still to come.
        ("in February", THU_18_MAY_2017, D(2017, 2, 1), D(2017, 2, 28), MONTH),
        ("in May", THU_18_MAY_2017, D(2017, 5, 1), D(2017, 5, 31), MONTH),
        ("in June", THU_18_MAY_2017, D(2016, 6, 1), D(2016, 6, 30), MONTH),
        ("in march", THU_18_MAY_2017, D(2017, 3, 1), D(2017, 3, 31), MONTH),
        # A day and month: the occurrence nearest the anchor.
        ("On June 13", THU_14_JUL_2016, D(2016, 6, 13), D(2016, 6, 13), DAY),
        ("on December 30", D(2017, 1, 3), D(2016, 12, 30), D(2016, 12, 30), DAY),
        ("on April 14", THU_18_MAY_2017, D(2017, 4, 14), D(2017, 4, 14), DAY),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(
    expression: str, anchor: dt.date, start: dt.date, end: dt.date, precision: Precision
) -> None:
    date = normalise_date(expression, anchor)
    assert (date.start, date.end, date.precision) == (start, end, precision)
    assert date.anchor == anchor
    assert date.resolved


@pytest.mark.parametrize(
    "expression",
    [
        "on Thursday",
        "Wednesday",
        "last week",
        "yesterday",
        "today",
        "in February",
        "about a week ago",
        "At the end of last month",
        "earlier this month",
        "On June 13",
    ],
)
def test_relative_dates_without_an_anchor_are_never_guessed(expression: str) -> None:
    date = normalise_date(expression)
    assert date.start is None and date.end is None and date.precision is None
    assert date.ambiguous
    assert date.reason == NEEDS_ANCHOR


@pytest.mark.parametrize(
    "expression", ["may", "troops march", "march", "hello", "", "   ", "12:30", "on", "Falah"]
)
def test_words_that_are_not_dates(expression: str) -> None:
    date = normalise_date(expression, THU_18_MAY_2017)
    assert date.start is None
    assert not date.ambiguous
    assert date.reason


def test_the_verb_may_is_not_a_date() -> None:
    assert normalise_date("may", THU_18_MAY_2017).reason == NOT_A_DATE


@pytest.mark.parametrize("anchor", [None, THU_18_MAY_2017])
@pytest.mark.parametrize("word", ["May", "March"])
def test_a_capitalised_month_that_is_also_a_verb_is_flagged(
    word: str, anchor: dt.date | None
) -> None:
    date = normalise_date(word, anchor)
    assert date.start is None
    assert date.ambiguous
    assert word in date.reason


def test_a_day_and_month_that_could_be_swapped_are_read_day_first_and_flagged() -> None:
    date = normalise_date("5/6/2017")
    assert (date.start, date.precision) == (D(2017, 6, 5), DAY)
    assert date.ambiguous
    assert "6 May 2017" in date.reason


@pytest.mark.parametrize("expression", ["31/2/2017", "2017-13", "30 February 2016"])
def test_impossible_dates_are_refused(expression: str) -> None:
    date = normalise_date(expression)
    assert date.start is None
    assert date.reason == "no such date"


def test_the_expression_is_kept_as_given_but_stripped() -> None:
    date = normalise_date("  on\u00a0Thursday \n", THU_18_MAY_2017)
    assert date.expression == "on\u00a0Thursday"
    assert date.start == THU_18_MAY_2017


def test_other_languages_go_to_dateparser_with_the_languages_given() -> None:
    date = normalise_date("18 мая 2017", languages=("ru",))
    assert (date.start, date.precision) == (D(2017, 5, 18), DAY)
    month = normalise_date("mars 2016", languages=("fr",))
    assert (month.start, month.end, month.precision) == (D(2016, 3, 1), D(2016, 3, 31), MONTH)


def test_dateparser_never_sees_relative_expressions_or_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(languages: tuple[str, ...]) -> None:
        raise AssertionError(f"dateparser consulted for {languages}")

    monkeypatch.setattr(dates, "_date_parser", refuse)
    for expression in ["on Thursday", "troops march", "last week", "May", "الخميس"]:
        normalise_date(expression, THU_18_MAY_2017)
    normalise_date("jeudi", THU_18_MAY_2017, languages=("fr",))


def test_importing_the_module_does_not_import_dateparser() -> None:
    code = "import sys, parallax.assist.dates; print('dateparser' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


PARAGRAPH = (
    "ERBIL, Kurdistan Region\u00a0— Syria's President met Faleh\u00a0al-Fayyad "
    "on\u00a0Thursday in Damascus, the talks having been planned since 18\u00a0May\u00a02016. "
    "Iraqi jets struck about a\u00a0week ago; at the end of last month the troops may "
    "return, and troops march at dawn. In February 2,000 fighters fled. "
    "فالح الفياض في دمشق 2014 and in 2014, and again 9/22/2017 8:44:08 PM."
)


def test_find_date_expressions_gives_str_offsets_through_nbsp_and_arabic() -> None:
    found = find_date_expressions(PARAGRAPH, THU_18_MAY_2017)
    assert [date.expression for _, _, date in found] == [
        "on\u00a0Thursday",
        "since 18\u00a0May\u00a02016",
        "about a\u00a0week ago",
        "at the end of last month",
        "In February",
        "in 2014",
        "9/22/2017",
    ]
    for start, end, date in found:
        assert PARAGRAPH[start:end] == date.expression
        assert date.resolved
    assert [start for start, _, _ in found] == sorted(start for start, _, _ in found)
    by_text = {date.expression: date for _, _, date in found}
    assert by_text["on\u00a0Thursday"].start == THU_18_MAY_2017
    assert by_text["at the end of last month"].precision is MONTH
    assert by_text["In February"].start == D(2017, 2, 1)


def test_find_date_expressions_counts_code_points_past_an_emoji() -> None:
    text = "🙂 Assad met al-Fayad on Thursday."
    [(start, end, date)] = find_date_expressions(text, THU_18_MAY_2017)
    assert (start, end) == (21, 32)  # UTF-16 would count the emoji twice: 22, 33
    assert text[start:end] == "on Thursday" == date.expression


def test_find_date_expressions_keeps_ambiguous_hits_and_skips_the_verb() -> None:
    text = "They may meet on Wednesday. May God help them, said a man in May."
    found = find_date_expressions(text)
    assert [(text[s:e], d.ambiguous, d.start) for s, e, d in found] == [
        ("on Wednesday", True, None),
        ("May", True, None),
        ("in May", True, None),
    ]
    anchored = find_date_expressions(text, THU_18_MAY_2017)
    assert [(text[s:e], d.start) for s, e, d in anchored] == [
        ("on Wednesday", D(2017, 5, 17)),
        ("May", None),
        ("in May", D(2017, 5, 1)),
    ]


@pytest.mark.parametrize(
    "text",
    ["some 2000 troops", "version 1.2.10", "call 10.0.0.1", "score 3/4", "Mayadeen", "Marchand"],
)
def test_find_date_expressions_ignores_numbers_and_names(text: str) -> None:
    assert find_date_expressions(text, THU_18_MAY_2017) == []


@pytest.mark.skipif(not SAMPLE_CORPUS.is_dir(), reason="sample corpus not present")
def test_find_date_expressions_on_the_press_tv_seed() -> None:
    text = (SAMPLE_CORPUS / "004_64b505ff80bb8e0d.txt").read_text(encoding="utf-8")
    found = {text[s:e]: d for s, e, d in find_date_expressions(text, THU_14_JUL_2016)}
    assert found["Wednesday"].start == D(2016, 7, 13)
    assert found["At the end of last month"].precision is MONTH
    assert found["At the end of last month"].end == D(2016, 6, 30)
    assert found["since March 2011"].start == D(2011, 3, 1)
