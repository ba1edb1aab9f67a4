"""Link suggestions: ranked on the worker, accepted with one key as an undoable claim and
link, dismissed for good."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from parallax.domain.errors import NotFoundError
from parallax.ui.session import ProjectSession
from parallax.ui.suggestions_panel import SuggestionsPanel, title_from
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
def panel(qtbot, session: ProjectSession, runner) -> SuggestionsPanel:
    widget = SuggestionsPanel(session, runner)
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    return widget


def wait_rows(qtbot, panel: SuggestionsPanel) -> None:
    qtbot.waitUntil(
        lambda: panel.model.rowCount() > 0 and not panel.busy.isVisible(), timeout=15000
    )


def test_a_linked_claim_gets_suggestions_and_l_accepts(qtbot, qtmodeltester, panel) -> None:
    session, project = panel.session, panel.session.project
    rudaw = article_with(project, "Rudaw")
    claim = project.annotations(rudaw.id)[0]
    event_id = project.annotation_detail(claim.id).events[0].event_id
    session.select(claim.id)
    wait_rows(qtbot, panel)
    qtmodeltester.check(panel.model)
    assert not panel.new_event.isVisible()
    assert all(r.suggestion.article_id != rudaw.id for r in panel.model.records())
    first = panel.model.record_at(0)
    assert first.suggestion.reasons
    assert panel.model.index(0, 0).data() == f"{first.suggestion.score:.2f}"
    links_before = len(project.event_links(event_id))
    annotations_before = project.info().annotations
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_L)
    links = project.event_links(event_id)
    assert len(links) == links_before + 1
    new = [project.annotation(link.annotation_id) for link in links]
    spans = {(a.article_id, a.start, a.end) for a in new}
    suggested = first.suggestion
    assert (suggested.article_id, suggested.start, suggested.end) in spans
    assert project.info().annotations == annotations_before + 1
    session.undo_stack.undo()
    assert len(project.event_links(event_id)) == links_before
    assert project.info().annotations == annotations_before


def test_a_claim_without_event_creates_one_named_inline(qtbot, panel) -> None:
    session, project = panel.session, panel.session.project
    rudaw = article_with(project, "Rudaw")
    start = rudaw.text.index("Iraq’s National Security Advisor Falah al-Fayadh has delivered")
    claim_id = session.annotate(rudaw.id, start, start + 120, "claim")
    assert claim_id is not None
    wait_rows(qtbot, panel)
    assert panel.new_event.isVisible() and panel.new_event.text()
    panel.new_event.setText("Fayadh delivers Abadi's message")
    events_before = len(project.events())
    row = panel.model.record_at(0)
    assert panel.accept(row)
    events = project.events()
    assert len(events) == events_before + 1
    event = next(e for e in events if e.title == "Fayadh delivers Abadi's message")
    linked = {link.annotation_id for link in project.event_links(event.id)}
    assert claim_id in linked and len(linked) == 2
    new_id = next(iter(linked - {claim_id}))
    session.undo_stack.undo()
    assert len(project.events()) == events_before
    with pytest.raises(NotFoundError):
        project.annotation(new_id)
    assert project.annotation_detail(claim_id).events == ()
    session.undo_stack.redo()
    assert {link.annotation_id for link in project.event_links(event.id)} == linked


def test_dismissed_suggestions_do_not_come_back(qtbot, panel) -> None:
    session, project = panel.session, panel.session.project
    event = project.events()[0]
    session.select_event(event.id)
    wait_rows(qtbot, panel)
    gone = panel.model.record_at(0)
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    panel.dismiss_current()
    again = project.suggest_for_event(event.id, 10)
    gone_at = (gone.suggestion.article_id, gone.suggestion.start)
    assert all((s.article_id, s.start) != gone_at for s in again)


def test_event_titles_from_claims_are_short() -> None:
    assert title_from("Assad met Fayadh.") == "Assad met Fayadh"
    long = title_from("word " * 40)
    assert long.endswith("…") and len(long) <= 61
