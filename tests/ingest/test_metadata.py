"""Metadata the texts state about themselves: by-lines, date lines, datelines, language."""

from __future__ import annotations

import datetime as dt

import pytest

from parallax.ingest.boilerplate import find_boilerplate
from parallax.ingest.byline import find_byline
from parallax.ingest.dates import find_date
from parallax.ingest.language import detect_language
from parallax.ingest.pipeline import find_title
from tests.ingest.test_boilerplate import seed

BODY = "Officials from Syria and Iraq met in Damascus on Thursday to discuss the border.\n" * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Rudaw 18/5/2017", (dt.date(2017, 5, 18), "day")),
        ("9/22/2017 8:44:08 PM", (dt.date(2017, 9, 22), "day")),
        ("Published: 14 June 2017", (dt.date(2017, 6, 14), "day")),
        ("Posted on June 14, 2017 at 10:12", (dt.date(2017, 6, 14), "day")),
        ("Thursday, 18th May 2017", (dt.date(2017, 5, 18), "day")),
        ("2016-07-13T10:00:00Z", (dt.date(2016, 7, 13), "day")),
        ("July 2016", (dt.date(2016, 7, 1), "month")),
        ("31/2/2017", None),
        ("they may march on", None),
    ],
)
def test_absolute_dates(text: str, expected: tuple[dt.date, str] | None) -> None:
    assert find_date(text) == expected


def test_rudaw_byline_gives_outlet_and_date_and_comments_give_nothing() -> None:
    text = seed("000")
    byline = find_byline(text, find_boilerplate(text))
    assert byline.outlet == "Rudaw"
    assert byline.published == dt.date(2017, 5, 18) and byline.precision == "day"
    assert byline.place == "Erbil"


def test_signature_under_the_body_is_the_author() -> None:
    text = seed("001")
    byline = find_byline(text, find_boilerplate(text))
    assert byline.author == "Mohamad Abdo Al-Ibrahim"
    assert byline.place == "Damascus"
    assert byline.outlet == "", "an unknown agency abbreviation (ST) names no outlet"


def test_alternate_address_footer_names_the_site() -> None:
    text = seed("004")
    byline = find_byline(text, find_boilerplate(text))
    assert byline.outlet == "Press TV", "a © in a photo caption is not the site"


@pytest.mark.parametrize(
    ("head", "outlet", "author", "published"),
    [
        ("By Jane Doe\nPublished: 14 June 2017\n", "", "Jane Doe", dt.date(2017, 6, 14)),
        (
            "By Jane Doe, Reuters\nUpdated: 15 June 2017\n",
            "Reuters",
            "Jane Doe",
            dt.date(2017, 6, 15),
        ),
        (
            "Updated: 15 June 2017\nPublished: 14 June 2017\n",
            "",
            "",
            dt.date(2017, 6, 14),
        ),
        ("BAGHDAD, June 13 (Reuters) - \n", "Reuters", "", None),
        ("By Al-Monitor Staff | 13/6/2017\n", "Al-Monitor", "", dt.date(2017, 6, 13)),
    ],
)
def test_by_lines_and_date_lines(head: str, outlet: str, author: str, published) -> None:
    byline = find_byline("Headline\n" + head + BODY)
    assert (byline.outlet, byline.author, byline.published) == (outlet, author, published)


def test_copyright_footer_names_the_outlet() -> None:
    assert (
        find_byline("Headline\n" + BODY + "© 2017 Rudaw. All rights reserved.\n").outlet == "Rudaw"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Syrian President Bashar al-Assad met with Iraq's security advisor in Damascus.", "en"),
        (
            "قال الرئيس السوري بشار الأسد إن التعاون بين سوريا والعراق في الحرب على الإرهاب مهم",
            "ar",
        ),
        ("رئیس جمهور سوریه در دیدار با مشاور امنیت ملی عراق گفت که همکاری دو کشور مهم است", "fa"),
        ("Le président syrien a reçu à Damas le conseiller irakien à la sécurité nationale.", "fr"),
        (
            "Der syrische Präsident empfing den irakischen Sicherheitsberater in der Hauptstadt.",
            "de",
        ),
        ("El presidente sirio recibió en Damasco al asesor de seguridad nacional de Irak.", "es"),
        (
            "Президент Сирии встретился в Дамаске с советником по безопасности Ирака, и это было",
            "ru",
        ),
        (
            "Suriye Devlet Başkanı, Irak Ulusal Güvenlik Danışmanı ile görüştü ve bu konuda "
            "anlaştı",
            "tr",
        ),
        ("Hello", ""),
        ("", ""),
    ],
)
def test_language_from_the_words(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        (
            "000",
            "Syrian President Assad, Iraqi security advisor discuss 'direct' military cooperation",
        ),
        ("002", "Syrian delegation in Baghdad discusses border security"),
        ("004", "Syria\u2019s Assad hails Iraqi government\u2019s gains against Daesh"),
    ],
)
def test_title_is_the_first_line_outside_the_chrome(prefix: str, title: str) -> None:
    text = seed(prefix)
    assert find_title(text, find_boilerplate(text)) == title


def test_a_byline_or_a_date_is_not_a_title() -> None:
    assert find_title("By Rudaw 18/5/2017\n18/5/2017\nThe real headline\n" + BODY, []) == (
        "The real headline"
    )
