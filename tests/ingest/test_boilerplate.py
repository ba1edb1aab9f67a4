"""Boilerplate on the five seed articles and on texts built to tempt the rules into error."""

from __future__ import annotations

import itertools
import time

import pytest

from parallax.domain.text import canonical_text
from parallax.ingest.boilerplate import find_boilerplate
from parallax.ingest.lines import body_text
from tests.conftest import SAMPLE_CORPUS


def seed(prefix: str) -> str:
    path = next(SAMPLE_CORPUS.glob(f"{prefix}_*.txt"))
    return canonical_text(path.read_text(encoding="utf-8"))


def covered(text: str, spans: list[tuple[int, int]], needle: str) -> bool:
    """Every occurrence of `needle` lies wholly inside one span."""
    starts = [i for i in range(len(text)) if text.startswith(needle, i)]
    assert starts, f"{needle!r} is not in the text"
    return all(any(s <= i and i + len(needle) <= e for s, e in spans) for i in starts)


def untouched(text: str, spans: list[tuple[int, int]], needle: str) -> bool:
    """No character of `needle` lies inside any span."""
    start = text.index(needle)
    return all(e <= start or s >= start + len(needle) for s, e in spans)


def paragraphs_between(text: str, first: str, last: str) -> list[str]:
    start, end = text.index(first), text.index(last) + len(last)
    return [p.strip() for p in text[start:end].split("\n") if p.strip()]


SEEDS = {
    "000": {
        "marked": [
            "Sign In / Up",
            "Add contribution as a guest",
            "Your email will not be displayed publicly",
            "Benefit of signing in/signing up to personalize comment",
            "Forgot Password",
            "or connect using",
            "Dutchman | 18/5/2017",
            "It will not happen in the near future and it will not happen ever.",
            "camel farmer | 19/5/2017",
            "this fool will have a very complicated future. or rather zero future.",
            "Be Part of Your Rudaw!",
            "What You Say",
            "Ghjk | 9/22/2017 8:44:08 PM",
            "Kurdistan drops ration card requirement for diaspora e-voters",
            "| 10 hours ago | (5)",
            "First vote cast in Kurdistan independence referendum",
            "1.156 seconds",
        ],
        "kept": [
            "Syrian President Assad, Iraqi security advisor discuss 'direct' military cooperation",
            "By Rudaw 18/5/2017",
            "ERBIL, Kurdistan Region",
            "Iraqi PM Abadi also ordered airstrikes against ISIS positions in February inside "
            "Syria for the first time since the country started to fight against the extremist "
            "group in 2014.",
        ],
        "body": ("Syrian President Bashar al-Assad met", "extremist group in 2014."),
    },
    "001": {
        "marked": [],
        "kept": ["Syrian-Iraqi Coordination in the fight against terrorism", "Al-Ibrahim"],
        "body": ("DAMASCUS, (ST)_", "a serious threat to the region and the entire world."),
    },
    "002": {
        "marked": [
            "Latest developmentsMiddle EastOthersWorld News",
            "Related Articles",
            "Leave a Reply",
            "Back to top button",
        ],
        "kept": ["Syrian delegation in Baghdad discusses border security"],
        "body": ("A high-level delegation from the Syrian", "operating in the Middle East."),
    },
    "003": {
        "marked": [
            "Expo Marker",
            "The two countries, Iraq and Syria, are resisting the western oppression",
            "Amon -Ra- DeArmond",
            "Brad Isherwood",
            "How many ISUS going to pack it in now",
            "The largest terrorist groups in the world are CIA and Pentagon",
            "The US is petrified of North Korea",
            "getting publicity for them!",
        ],
        "kept": [
            "Syria And Iraq Agree To Boost Military Cooperation And Coordination In Border "
            "Area (Video)",
            "Moreover, coordinated operations of the SAA and the Iraqi Popular Mobilization "
            "Units soon will likely be launched in the Syrian-Iraqi border area.",
        ],
        "body": ("On June 13, the Chief of Staff", "in the Syrian-Iraqi border area."),
    },
    "004": {
        "marked": [
            "website can also be accessed at the following alternate addresses:",
            "www.presstv.co.uk",
            "SHARE THIS ARTICLE",
            "Press TV News Roku",
        ],
        "kept": ["Syria\u2019s Assad hails Iraqi government\u2019s gains against Daesh"],
        "body": ("Syrian President Bashar al-Assad (R)", "it receives from various sources."),
    },
}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_chrome_and_comments_are_marked(prefix: str) -> None:
    text = seed(prefix)
    spans = find_boilerplate(text)
    for needle in SEEDS[prefix]["marked"]:
        assert covered(text, spans, needle), f"{prefix}: {needle!r} should be marked"


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_title_and_whole_body_stay_unmarked(prefix: str) -> None:
    text = seed(prefix)
    spans = find_boilerplate(text)
    for needle in SEEDS[prefix]["kept"]:
        assert untouched(text, spans, needle), f"{prefix}: {needle!r} must not be marked"
    first, last = SEEDS[prefix]["body"]
    for paragraph in paragraphs_between(text, first, last):
        assert untouched(text, spans, paragraph), f"{prefix}: body paragraph marked: {paragraph}"


def test_breadcrumbs_above_the_title_are_marked() -> None:
    text = seed("004")
    crumbs = text.split("\n", 1)[0].strip()
    assert crumbs.replace("\u00a0", " ").split() == ["News", "/", "Iraq", "/", "Syria"]
    assert covered(text, find_boilerplate(text), crumbs)


def test_seed_bodies_survive_in_body_text() -> None:
    text = seed("000")
    body = body_text(text, find_boilerplate(text))
    assert "Iraqi PM Abadi also ordered airstrikes" in body
    assert "Dutchman" not in body and "Sign In" not in body


def test_spans_are_sorted_disjoint_and_trimmed() -> None:
    for prefix in SEEDS:
        text = seed(prefix)
        spans = find_boilerplate(text)
        assert spans == sorted(spans)
        assert all(a[1] < b[0] for a, b in itertools.pairwise(spans))
        for start, end in spans:
            assert 0 <= start < end <= len(text)
            assert text[start] not in " \n\u00a0" and text[end - 1] not in " \n\u00a0"


ARTICLE_WITH_HEADINGS = (
    "\n\n".join(
        [
            "Iraq and Syria agree on border plan",
            "By Jane Doe",
            (
                "BAGHDAD — Iraqi and Syrian commanders agreed on Tuesday to coordinate operations "
                "along the border, officials from both countries said in separate statements."
            ),
            (
                "The agreement follows weeks of talks in Damascus and Baghdad about how to prevent "
                "fighters from crossing the desert frontier."
            ),
            "Military Cooperation",
            (
                "“I am confident that this coordination will deliver results,” the Iraqi chief of "
                "staff told reporters after the meeting, adding that intelligence would be shared "
                "daily."
            ),
            (
                "Both sides said joint patrols would begin next month, though neither gave details "
                "about the number of troops involved in the operation."
            ),
            "What Comes Next",
            (
                "Analysts said the plan would test the two armies’ ability to work together after "
                "years of fighting separate wars against the same enemy."
            ),
            (
                "The U.S.-led coalition declined to comment on the agreement, which was "
                "announced by state media in both countries on Tuesday evening."
            ),
            "Jane Doe",
        ]
    )
    + "\n"
)


def test_an_article_with_headings_and_quotes_is_left_alone() -> None:
    assert find_boilerplate(ARTICLE_WITH_HEADINGS) == []


def test_a_wordpress_thread_after_the_body_is_marked() -> None:
    text = ARTICLE_WITH_HEADINGS + (
        "\n3 thoughts on “Iraq and Syria agree on border plan”\n\nAbu Omar\n"
        "June 14, 2017 at 10:12 am\nthis will never work!!! they said the same last year\n"
        "Reply\n\nMark T\nJune 14, 2017 at 11:40 am\nGood news for once :)\nReply\n"
    )
    spans = find_boilerplate(text)
    assert covered(text, spans, "3 thoughts on")
    assert covered(text, spans, "Good news for once :)")
    assert untouched(text, spans, "The U.S.-led coalition declined to comment")


def test_commenters_after_an_article_with_headings_are_marked_but_not_the_headings() -> None:
    text = ARTICLE_WITH_HEADINGS + (
        "\nAbu Omar\n\nthis will never work!!! they said the same last year\n\nMark T\n\n"
        "Good news for once :) isnt it\n"
    )
    spans = find_boilerplate(text)
    assert covered(text, spans, "Abu Omar") and covered(text, spans, "Good news for once")
    for kept in ("Military Cooperation", "What Comes Next"):
        assert untouched(text, spans, kept)
    signature = text.rindex("Jane Doe")
    assert not any(s <= signature < e for s, e in spans)


def test_a_lone_byline_with_a_pipe_is_not_a_comment() -> None:
    text = (
        "Talks in Damascus\nBy Reuters | 18/5/2017\n"
        + "Officials from Syria and Iraq met in Damascus on Thursday to discuss the border. " * 3
        + "\n"
        + "The meeting ended without a joint statement, officials said afterwards. " * 3
    )
    assert find_boilerplate(text) == []


def test_teasers_are_marked_with_their_headline() -> None:
    text = (
        "Body sentence one that is long enough to be a body paragraph, officials said.\n"
        "Barzani: On Sept 25 the choice is between subordination and freedom\n"
        "| 10 hours ago | (5)\n"
    )
    spans = find_boilerplate(text)
    assert covered(text, spans, "Barzani: On Sept 25")
    assert untouched(text, spans, "Body sentence one")


def test_a_huge_single_line_is_classified_quickly() -> None:
    text = "word " * 1_000_000
    started = time.perf_counter()
    assert find_boilerplate(text) == []
    assert time.perf_counter() - started < 2
