"""Sentence windows, date evidence and the ranking of link candidates."""

from __future__ import annotations

import datetime as dt
import itertools

from parallax.assist.link_suggest import (
    CONTEXT,
    PUBLISHED,
    DatedRange,
    Passage,
    Weights,
    candidate_passages,
    date_evidence,
    publication_range,
    rank_links,
    resolve_dates,
    sentence_spans,
)
from parallax.domain.model import Precision

D = dt.date


def test_sentences_respect_abbreviations_lines_and_excluded_spans() -> None:
    text = "Mr. al-Fayyad met H.E. President Assad. He left.\nNavigation here\nComments follow."
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Mr. al-Fayyad met H.E. President Assad.",
        "He left.",
        "Navigation here",
        "Comments follow.",
    ]
    nav = text.index("Navigation")
    kept = sentence_spans(text, [(nav, nav + 5)])
    assert "Navigation here" not in [text[s:e] for s, e in kept]


def test_relative_dates_resolve_against_day_or_month_publication_dates() -> None:
    assert resolve_dates("a meeting held on Thursday", D(2017, 5, 18)) == [
        DatedRange(D(2017, 5, 18), D(2017, 5, 18))
    ]
    # Published some time in July 2016: a Wednesday between late June and late July.
    [wide] = resolve_dates("during a Wednesday meeting", D(2016, 7, 1), Precision.MONTH)
    assert (wide.start, wide.end) == (D(2016, 6, 29), D(2016, 7, 27))
    assert resolve_dates("on Thursday", None) == []  # never guessed
    assert resolve_dates("On May 18, 2017, Assad", None) == [
        DatedRange(D(2017, 5, 18), D(2017, 5, 18))
    ]


def test_publication_range_is_a_weak_date_for_the_days_before() -> None:
    [r] = publication_range(D(2017, 5, 18), Precision.DAY)
    assert (r.start, r.end, r.weight) == (D(2017, 5, 12), D(2017, 5, 18), PUBLISHED)
    assert publication_range(None, None) == []


def test_date_evidence_rewards_agreement_and_penalises_distant_days() -> None:
    may18 = [DatedRange(D(2017, 5, 18), D(2017, 5, 18))]
    assert date_evidence(may18, may18)[0] == 1.0
    assert date_evidence(may18, [DatedRange(D(2017, 5, 20), D(2017, 5, 20))])[0] == 0.5
    value, why = date_evidence(may18, [DatedRange(D(2016, 7, 13), D(2016, 7, 13))])
    assert value == -1.0 and "different dates" in why
    assert date_evidence(may18, []) == (0.0, "")  # unknown is neutral
    context = [DatedRange(D(2017, 5, 18), D(2017, 5, 18), CONTEXT)]
    assert date_evidence(may18, context)[0] == CONTEXT
    year = [DatedRange(D(2014, 1, 1), D(2014, 12, 31))]
    assert -0.5 <= date_evidence(may18, year)[0] < 0  # background years count for little


def test_candidates_borrow_the_date_of_a_previous_sentence() -> None:
    text = "On July 13, 2016, Assad spoke. Al-Fayad conveyed then a letter from Abadi."
    first, second = candidate_passages(7, text)
    assert first.dates == (DatedRange(D(2016, 7, 13), D(2016, 7, 13)),)
    assert second.dates == (DatedRange(D(2016, 7, 13), D(2016, 7, 13), CONTEXT),)
    assert ("Al-Fayad",) in second.actors and first.article_id == 7


def _passage(article: int, text: str, day: dt.date | None = None) -> Passage:
    dates = (DatedRange(day, day),) if day else ()
    return Passage(article, 0, len(text), text, dates)


def test_rank_links_combines_text_actors_and_dates() -> None:
    source = Passage(
        1,
        0,
        60,
        "Assad and the Iraqi security adviser discussed military cooperation",
        (DatedRange(D(2017, 5, 18), D(2017, 5, 18)),),
        (("Falah al-Fayadh", "Fayadh"),),
    )
    candidates = [
        _passage(2, "Assad discussed military cooperation with Iraq", D(2016, 7, 13)),
        Passage(
            3, 0, 50, "Faleh al-Fayyad delivered a message to Assad", (), (("Faleh al-Fayyad",),)
        ),
        _passage(4, "Assad received a message on military matters", D(2017, 5, 18)),
        _passage(5, "Weather today", None),
    ]
    ranked = rank_links(source, candidates, limit=3)
    assert {s.article_id for s in ranked[:2]} == {3, 4}
    assert ranked[-1].article_id == 2  # wrong date pushes it down
    by_article = {s.article_id: s for s in ranked}
    assert any(r.startswith("same actors: Falah al-Fayadh") for r in by_article[3].reasons)
    assert any(r.startswith("same date") for r in by_article[4].reasons)
    assert all(s.score >= t.score for s, t in itertools.pairwise(ranked))
    text_only = rank_links(source, candidates, limit=1, weights=Weights(actors=0, dates=0))
    assert text_only[0].article_id == 2


def test_rank_links_filters_and_suggests_a_repeated_caption_once() -> None:
    caption = "Assad met the Iraqi adviser Fayadh in Damascus today"
    candidates = [
        Passage(2, 0, 52, caption),
        Passage(2, 60, 112, caption),
        Passage(3, 0, 52, caption),
    ]
    source = _passage(1, "Assad met the Iraqi adviser in Damascus")
    ranked = rank_links(source, candidates, keep=lambda p: p.article_id != 3)
    assert [(s.article_id, s.start) for s in ranked] == [(2, 0)]
