"""Dates in this article: values resolved against the publication date, doubts flagged,
one-click tagging of a highlight or of the date's sentence."""

from __future__ import annotations

import pytest

from parallax.ui.dates_panel import DatesPanel
from parallax.ui.session import ProjectSession
from tests.ui.demo_fixtures import (
    article_with,
    demo_path,
    demo_project,
    demo_template,
    runner,
    session,
)

__all__ = ["demo_path", "demo_project", "demo_template", "runner", "session"]


@pytest.fixture
def panel(qtbot, session: ProjectSession, runner) -> DatesPanel:
    widget = DatesPanel(session, runner)
    qtbot.addWidget(widget)
    widget.resize(700, 300)
    widget.show()
    return widget


def show(qtbot, panel: DatesPanel, article_id: int) -> None:
    panel.set_article(article_id)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0 and not panel.busy.isVisible())


def row_of(panel: DatesPanel, expression: str) -> int:
    return next(i for i, m in enumerate(panel.model.records()) if m.expression == expression)


def test_rudaw_on_thursday_is_the_publication_day(qtbot, qtmodeltester, panel) -> None:
    rudaw = article_with(panel.session.project, "Rudaw")
    show(qtbot, panel, rudaw.id)
    qtmodeltester.check(panel.model)
    row = row_of(panel, "on Thursday")
    assert panel.model.index(row, 1).data() == "2017-05-18"
    assert panel.model.index(row, 2).data() == ""
    assert "2017-05-18" in panel.heading.text()


def test_an_undated_article_flags_relative_dates(qtbot, panel) -> None:
    project = panel.session.project
    undated = article_with(project, text="on Tuesday")
    assert undated.published is None
    show(qtbot, panel, undated.id)
    row = row_of(panel, "on Tuesday")
    assert panel.model.index(row, 1).data() == "unresolved?"
    assert "publication date" in panel.model.index(row, 2).data()
    assert "flagged" in panel.heading.text()
    absolute = next(m for m in panel.model.records() if m.expression == "on May 29, 2017")
    assert not absolute.flagged and absolute.label == "2017-05-29"


def test_a_weekday_against_a_month_only_date_is_flagged(qtbot, panel) -> None:
    press_tv = article_with(panel.session.project, "Press TV")
    show(qtbot, panel, press_tv.id)
    wednesday = panel.model.record_at(row_of(panel, "Wednesday"))
    assert wednesday.flagged and "month" in wednesday.reason


def test_tag_makes_a_claim_of_the_sentence_and_undo_removes_it(qtbot, panel) -> None:
    project, stack = panel.session.project, panel.session.undo_stack
    rudaw = article_with(project, "Rudaw")
    show(qtbot, panel, rudaw.id)
    mention = next(m for m in panel.model.records() if m.expression == "on April 14")
    before = {a.id for a in project.annotations(rudaw.id)}
    panel.view.selectRow(panel.model.records().index(mention))
    assert panel.tag_current()
    new = [a for a in project.annotations(rudaw.id) if a.id not in before]
    assert len(new) == 1 and new[0].start <= mention.start < mention.end <= new[0].end
    assert new[0].quote.endswith(".") or "\n" not in new[0].quote
    assert [d.label for d in project.annotation_detail(new[0].id).dates] == ["2017-04-14"]
    assert panel.session.selected == new[0].id
    stack.undo()
    assert {a.id for a in project.annotations(rudaw.id)} == before


def test_tag_puts_the_date_on_the_selected_highlight(qtbot, panel) -> None:
    project = panel.session.project
    rudaw = article_with(project, "Rudaw")
    claim = project.annotations(rudaw.id)[0]
    panel.session.select(claim.id)
    show(qtbot, panel, rudaw.id)
    assert panel.tag_button.text() == "Tag selected highlight"
    mention = next(m for m in panel.model.records() if m.expression == "in February")
    assert panel.tag(mention)
    labels = [d.label for d in project.annotation_detail(claim.id).dates]
    assert "2017-02" in labels
    assert "as 2017-02" in panel.status.text()
