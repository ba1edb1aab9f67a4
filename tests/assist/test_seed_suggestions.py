"""The seed check: for events two seed outlets report, the other outlet's passage is
suggested among the top three; dismissals stick; actors and aliases are proposed."""

from __future__ import annotations

from pathlib import Path

import pytest

import parallax
from parallax.services import suggestions
from parallax.services.project import Project
from tests.conftest import SAMPLE_CORPUS, article_by_file

pytestmark = pytest.mark.skipif(not SAMPLE_CORPUS.is_dir(), reason="sample corpus absent")

RUDAW_THURSDAY = (
    "Syrian President Bashar al-Assad and Iraq’s top security advisor have discussed "
    "“direct” military cooperation on their shared border in the near future against the "
    "ISIS group in a meeting held on Thursday in Damascus."
)
PRESS_TV_WEDNESDAY = (
    "Assad made the remark during a Wednesday meeting in Damascus with Iraqi National "
    "Security Adviser Faleh al-Fayad"
)
GHANMI_002 = (
    "Lieutenant General Othman al-Ghanmi, the army’s chief of staff, met with a "
    "“high-level delegation” from Syria"
)


def _annotate(project: Project, prefix: str, passage: str) -> int:
    """Annotate `passage` as written (spaces in it may be U+00A0 in the article)."""
    article = article_by_file(project, prefix)
    start = article.text.replace("\u00a0", " ").index(passage)
    return project.annotate(article.id, start, start + len(passage)).id


def _top(project: Project, annotation_id: int, k: int = 3) -> list[tuple[str, str]]:
    names = {a.id: Path(a.source_file).name[:3] for a in project.articles()}
    found = suggestions.suggest_links(project, annotation_id, limit=k)
    return [(names[s.article_id], " ".join(s.text.split())) for s in found]


@pytest.mark.parametrize(
    ("source", "passage", "target", "expected"),
    [
        ("000", RUDAW_THURSDAY, "001", ("On May 18, 2017, President Assad received",)),
        (
            "004",
            PRESS_TV_WEDNESDAY,
            "001",
            (
                "On July 13, 2016, President Assad stressed",
                "Iraq's National Security Adviser al-Fayad conveyed then",
            ),
        ),
        (
            "002",
            GHANMI_002,
            "003",
            ("On June 13, the Chief of Staff of the Iraqi Army General, Osman Al-Ghanmi",),
        ),
    ],
)
def test_the_other_outlets_passage_is_in_the_top_three(
    sample_project: Project, source: str, passage: str, target: str, expected: tuple[str, ...]
) -> None:
    annotation_id = _annotate(sample_project, source, passage)
    top = _top(sample_project, annotation_id)
    assert any(article == target and text.startswith(expected) for article, text in top), top
    assert all(article != source for article, _ in top)


def test_suggestions_explain_themselves(sample_project: Project) -> None:
    annotation_id = _annotate(sample_project, "000", RUDAW_THURSDAY)
    [best] = suggestions.suggest_links(sample_project, annotation_id, limit=1)
    assert best.text.startswith("On May 18, 2017")
    assert any(r.startswith("same date (2017-05-18)") for r in best.reasons)
    assert any("Bashar al-Assad" in r for r in best.reasons)
    article = sample_project.article(best.article_id)
    assert article.text[best.start : best.end] == best.text


def test_dismissed_suggestions_do_not_come_back_even_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "dismiss.parallax"
    with parallax.open_project(path) as project:
        project.import_files([SAMPLE_CORPUS])
        annotation_id = _annotate(project, "002", GHANMI_002)
        first = suggestions.suggest_links(project, annotation_id, limit=5)[0]
        suggestions.dismiss_link(project, first, annotation_id=annotation_id)
        suggestions.dismiss_link(project, first, annotation_id=annotation_id)  # idempotent
        assert len(project.setting(suggestions.DISMISSED_LINKS)) == 1
    with parallax.open_project(path) as again:
        after = suggestions.suggest_links(again, annotation_id, limit=5)
        assert (first.article_id, first.start) not in {(s.article_id, s.start) for s in after}
        other = _annotate(again, "000", RUDAW_THURSDAY)  # a dismissal is per annotation
        assert suggestions.suggest_links(again, other, limit=50)
        with pytest.raises(ValueError):
            suggestions.dismiss_link(again, first)


def test_passages_already_linked_to_the_event_are_not_suggested(sample_project: Project) -> None:
    source = _annotate(sample_project, "002", GHANMI_002)
    best = suggestions.suggest_links(sample_project, source, limit=1)[0]
    accepted = sample_project.annotate(best.article_id, best.start, best.end)
    event = sample_project.create_event("Ghanmi meets Syrian delegation", "June 2017")
    sample_project.link(source, event.id)
    sample_project.link(accepted.id, event.id, "corroborates")
    after = suggestions.suggest_links(sample_project, source, limit=10)
    assert all(
        not (s.article_id == best.article_id and s.start < best.end and best.start < s.end)
        for s in after
    )
    for_event = suggestions.suggest_for_event(sample_project, event.id, limit=5)
    linked_articles = {sample_project.annotation(source).article_id, best.article_id}
    assert for_event and not {s.article_id for s in for_event} & linked_articles


def test_event_suggestions_find_the_second_source(sample_project: Project) -> None:
    rudaw = _annotate(sample_project, "000", RUDAW_THURSDAY)
    event = sample_project.create_event("Assad receives Fayadh", "2017-05-18", "Damascus")
    sample_project.link(rudaw, event.id)
    top = suggestions.suggest_for_event(sample_project, event.id, limit=3)
    texts = [" ".join(s.text.split()) for s in top]
    assert any(t.startswith("On May 18, 2017, President Assad received") for t in texts), texts
    suggestions.dismiss_link(sample_project, top[0], event_id=event.id)
    again = suggestions.suggest_for_event(sample_project, event.id, limit=3)
    assert (top[0].article_id, top[0].start) not in {(s.article_id, s.start) for s in again}


def test_actor_mentions_across_the_seed_articles(sample_project: Project) -> None:
    fayadh = sample_project.add_actor("Falah al-Fayadh", "person")
    mentions = suggestions.find_actor_mentions(sample_project, fayadh.id)
    by_file = {}
    for m in mentions:
        article = sample_project.article(m.article_id)
        assert article.text[m.start : m.end] == m.surface
        by_file.setdefault(Path(article.source_file).name[:3], set()).add(
            " ".join(m.surface.split())
        )
    assert {"Falah al-Fayadh", "Fayadh"} <= by_file["000"]
    assert {"Faleh al-Fayyad", "Faleh al-Fayad", "al-Fayyad"} <= by_file["001"]
    assert {"Faleh al-Fayad", "Fayad"} <= by_file["004"]
    assert "002" not in by_file and "003" not in by_file
    triples = suggestions.actor_mentions(sample_project, fayadh.id)
    assert triples == [(m.article_id, m.start, m.end) for m in mentions]


def test_alias_groups_across_the_project(sample_project: Project) -> None:
    groups = [set(g) for g in suggestions.suggest_aliases(sample_project)]

    def group_of(name: str) -> set[str]:
        return next(g for g in groups if name in g)

    assert {"Falah al-Fayadh", "Faleh al-Fayyad", "Faleh al-Fayad"} <= group_of("Falah al-Fayadh")
    assert {"Haider al-Abadi", "Haidar Abadi", "Haydar al-Abadi"} <= group_of("Haider al-Abadi")
    assert {"Bashar al-Assad", "Bashar Al-Assad", "Al-Assad"} <= group_of("Bashar al-Assad")
    assert {"Othman al-Ghanmi", "Osman Al-Ghanmi"} <= group_of("Othman al-Ghanmi")
    assert "Adel Abdalmehdi" not in group_of("Haider al-Abadi")
    suggestions.dismiss_alias_group(sample_project, sorted(group_of("Othman al-Ghanmi")))
    after = suggestions.suggest_aliases(sample_project)
    assert not any("Othman al-Ghanmi" in g for g in after)


def test_actor_suggestions_skip_known_actors_and_dismissed_names(sample_project: Project) -> None:
    found = {s.name: s for s in suggestions.suggest_actors(sample_project)}
    assert {"Bashar al-Assad", "Haider al-Abadi", "Othman al-Ghanmi"} <= set(found)
    fayadh = next(s for s in found.values() if "Falah al-Fayadh" in (s.name, *s.aliases))
    assert len(fayadh.articles) == 3 and fayadh.kind == "person"
    assert "Adel Abdalmehdi" not in found  # one article only
    sample_project.add_actor("Bashar al-Assad", "person")
    suggestions.dismiss_actor_suggestion(sample_project, "Osman Al-Ghanmi")
    names = {s.name for s in suggestions.suggest_actors(sample_project)}
    assert "Bashar al-Assad" not in names and "Othman al-Ghanmi" not in names
    assert "Haider al-Abadi" in names


def test_the_cache_is_reused_and_sees_new_articles(sample_project: Project, tmp_path: Path) -> None:
    cache = suggestions.SuggestionCache()
    annotation_id = _annotate(sample_project, "002", GHANMI_002)
    before = suggestions.suggest_links(sample_project, annotation_id, limit=3, cache=cache)
    pool = cache.pool(sample_project)
    assert cache.pool(sample_project) is pool  # nothing changed: nothing rebuilt
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "Ghanmi talks\n\nIraqi chief of staff General Othman al-Ghanmi met a high-level "
        "Syrian delegation from the Defense Ministry.\n",
        encoding="utf-8",
    )
    [article] = sample_project.import_files([extra])
    after = suggestions.suggest_links(sample_project, annotation_id, limit=3, cache=cache)
    assert cache.pool(sample_project) is not pool
    assert article.id in {s.article_id for s in after}
    assert before[0].article_id in {s.article_id for s in after}


def test_a_large_project_ranks_only_the_articles_the_index_finds_related(
    sample_project: Project, tmp_path: Path
) -> None:
    """Above FULL_SCAN_ARTICLES, candidates come from the articles closest to the query in
    the full-text index, and the other outlet's report is still found first."""
    filler = tmp_path / "filler"
    filler.mkdir()
    for n, topic in enumerate(("football", "weather", "markets", "cinema", "gardening")):
        (filler / f"{topic}.txt").write_text(
            f"A {topic} column\n\nThe {topic} season opened on Monday in Lisbon, where "
            f"crowds met the new {topic} programme {n} with polite interest.\n",
            encoding="utf-8",
        )
    assert len(sample_project.import_files([filler])) == 5
    claim = _annotate(sample_project, "000", RUDAW_THURSDAY)
    narrow = suggestions.SuggestionCache(full_scan_articles=3, related_articles=2)
    found = suggestions.suggest_links(sample_project, claim, limit=3, cache=narrow)
    pool = narrow.pool(sample_project, RUDAW_THURSDAY)
    assert len({c.article_id for c in pool.candidates}) <= 2
    names = {a.id: Path(a.source_file).name for a in sample_project.articles()}
    assert names[found[0].article_id].startswith("001")
    assert "On May 18, 2017, President Assad received" in " ".join(found[0].text.split())
    fillers = {a.id for a in sample_project.articles() if "filler" in a.source_file}
    assert not fillers & {f.article_id for f in found}


def test_related_articles_ranks_by_shared_rare_words(sample_project: Project) -> None:
    words = ["Fayyad", "Damascus", "Baghdad", "Ghanmi"]
    related = sample_project.related_articles(words, limit=10)
    assert related, "the index finds the seed articles naming these"
    assert sample_project.related_articles([], limit=10) == []
    assert sample_project.related_articles(['AND "x', "OR", "NEAR("], limit=10) is not None
