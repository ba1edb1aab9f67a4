"""The Python API, scripted as the issue's checker does: import, annotate, tag, link, reopen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import parallax
from parallax.domain.errors import InvalidInputError, NotFoundError
from parallax.domain.model import ActorRole, Changes, Precision, Stance
from tests.conftest import article_by_file


def test_sample_corpus_imports_five_articles_with_manifest_metadata(sample_project) -> None:
    articles = {Path(a.source_file).name[:3]: a for a in sample_project.articles()}
    assert sorted(articles) == ["000", "001", "002", "003", "004"]
    rudaw = articles["000"]
    assert rudaw.outlet == "Rudaw"
    assert rudaw.published == dt.date(2017, 5, 18)
    assert rudaw.title.startswith("Syrian President Assad, Iraqi security advisor")
    assert articles["004"].outlet == "Press TV"
    assert articles["004"].published_precision is Precision.MONTH
    assert articles["002"].outlet == "" and articles["002"].published is None
    assert "\u00a0" in articles["001"].text, "no-break spaces must survive import"
    assert "manifest" not in " ".join(a.source_file for a in articles.values())


def test_annotate_tag_link_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "flow.parallax"
    with parallax.open_project(path) as project:
        project.import_files([Path(__file__).parents[2] / "sample_corpus"])
        rudaw = article_by_file(project, "000")
        times = article_by_file(project, "001")
        s1 = rudaw.text.index("Syrian President Bashar al-Assad and Iraq")
        a1 = project.annotate(rudaw.id, s1, s1 + 80, kind="claim", note="n", credibility=2)
        s2 = times.text.index("On May 18, 2017")
        a2 = project.annotate(times.id, s2, s2 + 60, kind="quote")
        fayadh = project.add_actor("Falah al-Fayadh", "person", ["Faleh al-Fayyad"])
        assert project.tag_actor(a1.id, fayadh.id, role="speaker") is True
        assert project.tag_actor(a1.id, fayadh.id, role="speaker") is False
        project.tag_actor(a2.id, fayadh.id)
        d1 = project.tag_date(a1.id, "on Thursday")
        d2 = project.tag_date(a2.id, "May 18, 2017")
        event = project.create_event("Assad meets Fayadh", "2017-05-18", "Damascus")
        project.link(a1.id, event.id, "reports")
        project.link(a2.id, event.id, stance="corroborates")
        assert project.info().links == 2

    assert d1.start == dt.date(2017, 5, 18) and d1.precision is Precision.DAY
    assert d2.start == dt.date(2017, 5, 18)
    with parallax.open_project(path) as again:
        detail = again.annotation_detail(a1.id)
        assert detail.annotation.quote == rudaw.text[s1 : s1 + 80]
        assert detail.annotation.credibility == 2 and detail.annotation.note == "n"
        assert [(t.actor_name, t.role) for t in detail.actors] == [
            ("Falah al-Fayadh", ActorRole.SPEAKER)
        ]
        assert [t.expression for t in detail.dates] == ["on Thursday"]
        assert detail.dates[0].label == "2017-05-18"
        links = again.event_links(event.id)
        assert {(link.annotation_id, link.stance) for link in links} == {
            (a1.id, Stance.REPORTS),
            (a2.id, Stance.CORROBORATES),
        }
        assert again.event(event.id).place == "Damascus"
        assert again.event(event.id).start == dt.date(2017, 5, 18)


def test_offsets_are_code_points_even_after_emoji(project, tmp_path: Path) -> None:
    source = tmp_path / "emoji.txt"
    source.write_text("Title\n😀😀 then Faleh\u00a0al-Fayad spoke. الرئيس بشار الأسد", "utf-8")
    (article,) = project.import_files([source])
    start = article.text.index("Faleh")
    ann = project.annotate(article.id, start, start + len("Faleh\u00a0al-Fayad"))
    assert ann.quote == "Faleh\u00a0al-Fayad"
    arabic = article.text.index("الرئيس")
    ann2 = project.annotate(article.id, arabic, len(article.text))
    assert ann2.quote == "الرئيس بشار الأسد"


def test_delete_and_restore_keep_the_same_id_and_everything_on_it(sample_project) -> None:
    article = article_by_file(sample_project, "000")
    ann = sample_project.annotate(article.id, 100, 150)
    actor = sample_project.add_actor("Bashar al-Assad", "person")
    sample_project.tag_actor(ann.id, actor.id, "subject")
    sample_project.tag_date(ann.id, "18 May 2017")
    event = sample_project.create_event("Meeting")
    sample_project.link(ann.id, event.id, "adds detail")
    before = sample_project.annotation_detail(ann.id)

    gone = sample_project.delete_annotation(ann.id)
    with pytest.raises(NotFoundError):
        sample_project.annotation(ann.id)
    assert sample_project.event_links(event.id) == []
    sample_project.restore_annotation(gone)
    assert sample_project.annotation_detail(ann.id) == before


def test_edit_annotation_bumps_version(sample_project) -> None:
    article = article_by_file(sample_project, "001")
    ann = sample_project.annotate(article.id, 0, 10)
    edited = sample_project.update_annotation(ann.id, kind="opinion", note="check", credibility=5)
    assert (edited.kind, edited.note, edited.credibility, edited.version) == (
        "opinion",
        "check",
        5,
        2,
    )
    cleared = sample_project.update_annotation(ann.id, credibility=None)
    assert cleared.credibility is None and cleared.note == "check"


@pytest.mark.parametrize(
    ("start", "end", "kwargs"),
    [
        (5, 5, {}),
        (-1, 4, {}),
        (0, 10**9, {}),
        (0, 4, {"kind": "rumour"}),
        (0, 4, {"credibility": 7}),
    ],
)
def test_bad_annotations_are_refused_and_nothing_is_written(
    sample_project, start: int, end: int, kwargs: dict
) -> None:
    article = article_by_file(sample_project, "000")
    with pytest.raises(InvalidInputError):
        sample_project.annotate(article.id, start, end, **kwargs)
    assert sample_project.info().annotations == 0


def test_unknown_ids_raise_not_found(project) -> None:
    with pytest.raises(NotFoundError):
        project.annotate(999, 0, 1)
    with pytest.raises(NotFoundError):
        project.link(1, 1)
    with pytest.raises(InvalidInputError):
        project.create_event("  ")


def test_every_change_is_published_with_what_it_touched(sample_project) -> None:
    seen: list[Changes] = []
    unsubscribe = sample_project.subscribe(seen.append)
    article = article_by_file(sample_project, "000")
    ann = sample_project.annotate(article.id, 0, 5)
    actor = sample_project.add_actor("X", "organisation")
    sample_project.tag_actor(ann.id, actor.id)
    unsubscribe()
    sample_project.annotate(article.id, 6, 9)
    assert [sorted(c.annotations) for c in seen] == [[ann.id], [], [ann.id]]
    assert seen[1].actors == {actor.id}


def test_events_take_dates_as_expressions_with_precision(project) -> None:
    month = project.create_event("Offensive", "May 2017")
    assert (month.start, month.end, month.precision) == (
        dt.date(2017, 5, 1),
        dt.date(2017, 5, 31),
        Precision.MONTH,
    )
    with pytest.raises(InvalidInputError):
        project.create_event("Vague", "on Thursday")  # no publication date to resolve against


def test_settings_travel_with_the_project(tmp_path: Path) -> None:
    path = tmp_path / "s.parallax"
    with parallax.open_project(path) as p:
        p.set_setting("desk", {"panes": [1, 2], "scroll": [0, 120]})
        p.set_setting("desk", {"panes": [3]})
    with parallax.open_project(path) as p:
        assert p.setting("desk") == {"panes": [3]}
        assert p.setting("missing", 5) == 5


def test_spans_up_to_the_very_end_fit_and_one_past_it_does_not(project, tmp_path) -> None:
    """The quote is cut by substr() with one character to spare instead of comparing with
    length(); both ends of that check, with astral characters before the span."""
    text = "Title\n\n👍🏽 ok — 𝒳 end"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    project.import_files([tmp_path / "a.txt"])
    article = project.articles()[0]
    body = article.text
    last = len(body)
    ann = project.annotate(article.id, last - 3, last)
    assert ann.quote == body[last - 3 :] == "end"
    emoji = body.index("👍")
    assert project.annotate(article.id, emoji, emoji + 2).quote == body[emoji : emoji + 2]
    for start, end in ((last - 3, last + 1), (last, last), (5, 4)):
        with pytest.raises(InvalidInputError, match=f"length {last}"):
            project.annotate(article.id, start, end)
