"""Library filters: by text, outlet, date range, tag and "has annotations", in SQL and paged."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from parallax.services.project import Project
from parallax.ui.library_filter import NO_OUTLET
from parallax.ui.models.library_model import KindRole, LibraryModel
from parallax.ui.panels import LibraryPanel


def titles(project: Project, **filters: object) -> set[str]:
    return {s.title for s in project.article_summaries(**filters)}  # type: ignore[arg-type]


@pytest.fixture
def coded(corpus_project: Project) -> Project:
    """The corpus with one tagged annotation in the Rudaw article."""
    rudaw = next(s for s in corpus_project.article_summaries() if s.outlet == "Rudaw")
    annotation = corpus_project.annotate(rudaw.id, 0, 10)
    top = corpus_project.add_tag("Security")
    low = corpus_project.add_tag("Border", top.id)
    corpus_project.tag_annotation(annotation.id, low.id)
    return corpus_project


def test_service_filters(coded: Project) -> None:
    everything = titles(coded)
    assert len(everything) == 5
    outlets = {o.name: o.id for o in coded.outlets()}
    rudaw = titles(coded, outlet_ids=[outlets["Rudaw"]])
    assert len(rudaw) == 1
    assert len(titles(coded, outlet_ids=[None])) == 2  # the two without an outlet
    assert titles(coded, annotated=True) == rudaw
    assert titles(coded, annotated=False) == everything - rudaw
    top = next(t for t in coded.tags() if t.name == "Security")
    assert titles(coded, tag_id=top.id) == rudaw  # a sub-tag counts for its parent
    assert titles(coded, date_from=dt.date(2017, 1, 1)) == rudaw
    assert len(titles(coded, date_to=dt.date(2016, 12, 31))) == 1  # Press TV, July 2016
    assert titles(coded, text="ASSAD") == {t for t in everything if "assad" in t.lower()}
    assert titles(coded, text="100%_") == set()  # LIKE wildcards are taken literally
    assert titles(coded, text="rudaw") == rudaw  # the outlet's name counts too
    assert coded.article_summaries(offset=1, limit=1, annotated=False)[0].title in everything


@pytest.fixture
def panel(qtbot, coded: Project) -> LibraryPanel:
    model = LibraryModel(coded)
    widget = LibraryPanel(model)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def article_titles(model: LibraryModel) -> set[str]:
    found = set()
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            assert index.data(KindRole) == "article"
            found.add(index.data())
    return found


def test_filter_bar_narrows_the_library(qtbot, panel: LibraryPanel, coded: Project) -> None:
    bar, model = panel.filter, panel.model
    assert len(article_titles(model)) == 5
    qtbot.keyClicks(bar.text, "assad")
    qtbot.waitUntil(lambda: model.filters == {"text": "assad"}, timeout=2000)
    assert article_titles(model) == titles(coded, text="assad")
    bar.text.clear()
    bar.toggle.click()
    assert bar.details.isVisible()
    bar.annotated.setCurrentIndex(bar.annotated.findData(True))
    assert article_titles(model) == titles(coded, annotated=True)
    assert bar.toggle.text() == "Filters (1)"
    bar.reset()
    bar.outlet.setCurrentIndex(bar.outlet.findData(NO_OUTLET))
    assert model.filters == {"outlet_ids": [None]}
    assert article_titles(model) == titles(coded, outlet_ids=[None])
    bar.reset()
    bar.date_from.setDate(QDate(2017, 1, 1))
    assert article_titles(model) == titles(coded, date_from=dt.date(2017, 1, 1))
    bar.reset()
    border = next(t for t in coded.tags() if t.name == "Border")
    bar.set_tag(border.id)
    assert article_titles(model) == titles(coded, annotated=True)
    bar.reset()
    assert model.filters == {} and len(article_titles(model)) == 5


def test_new_tags_and_outlets_reach_the_choices(qtbot, panel: LibraryPanel, coded) -> None:
    from parallax.domain.model import Changes

    assert panel.filter.outlet.count() == 0  # read when the filters are first shown
    panel.filter.toggle.click()
    assert panel.filter.outlet.findData(NO_OUTLET) >= 0
    tag = coded.add_tag("Fresh")
    panel.filter.apply_changes(Changes(tags=frozenset({tag.id})))
    assert panel.filter.tag.findData(tag.id) >= 0
    panel.filter.set_tag(tag.id)
    assert panel.model.filters == {"tag_id": tag.id} and article_titles(panel.model) == set()
    coded.delete_tag(tag.id)
    assert coded.article_summaries(tag_id=tag.id) == []  # a deleted tag matches nothing
    panel.filter.apply_changes(Changes(tags=frozenset({tag.id})))
    assert panel.model.filters == {} and len(article_titles(panel.model)) == 5


def test_titles_get_the_room_of_a_narrow_library(qtbot, panel: LibraryPanel) -> None:
    """At the first-start dock width the Article column read "Syrian …": the Date and
    # columns and the indent are sized to their content, and counts line up right."""
    panel.resize(250, 400)
    metrics = panel.tree.fontMetrics()
    header = panel.tree.header()
    assert header.sectionSize(1) <= metrics.horizontalAdvance("2017-05-18") + 16
    assert header.sectionSize(2) <= metrics.horizontalAdvance("9999") + 16
    assert panel.tree.indentation() <= metrics.horizontalAdvance("M") + 6
    model = panel.model
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for group in range(model.rowCount()):
        outlet = model.index(group, 2)
        assert outlet.data(Qt.ItemDataRole.TextAlignmentRole) == int(right)
        for row in range(model.rowCount(model.index(group, 0))):
            article = model.index(row, 2, model.index(group, 0))
            assert article.data(Qt.ItemDataRole.TextAlignmentRole) == int(right)
