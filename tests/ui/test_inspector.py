"""The Inspector shows the selected annotation and turns each edit into an undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from parallax.services.project import Project
from parallax.ui.inspector import Inspector
from parallax.ui.session import ProjectSession
from tests.ui.window_spy import windows_shown


@pytest.fixture
def setup(qtbot, corpus_project: Project) -> tuple[ProjectSession, Inspector, int]:
    session = ProjectSession(corpus_project)
    inspector = Inspector(session)
    qtbot.addWidget(inspector)
    inspector.show()
    rudaw = next(s for s in corpus_project.article_summaries() if s.outlet == "Rudaw")
    text = corpus_project.article(rudaw.id).text
    start = text.index("Falah al-Fayadh")
    annotation_id = session.annotate(rudaw.id, start, start + 40, "claim")
    assert annotation_id is not None
    return session, inspector, annotation_id


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user; QTest can only synthesise Latin-1 keys, so others are inserted."""
    widget.setFocus()
    for char in text:
        if ord(char) < 256:
            qtbot.keyClicks(widget, char)
        else:
            widget.insert(char)


def type_and_enter(qtbot, widget, text: str) -> None:
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_shows_the_selected_annotation_or_a_placeholder(setup) -> None:
    session, inspector, annotation_id = setup
    assert inspector.annotation_id == annotation_id
    assert inspector.quote.toPlainText() == session.project.annotation(annotation_id).quote
    assert inspector.stack.currentIndex() == 1
    session.select(None)
    assert inspector.stack.currentIndex() == 0


def test_kind_and_credibility_are_undoable(setup) -> None:
    session, inspector, annotation_id = setup
    inspector.kind.setCurrentText("opinion")
    inspector.credibility.setCurrentIndex(3)
    ann = session.project.annotation(annotation_id)
    assert (ann.kind, ann.credibility) == ("opinion", 3)
    session.undo_stack.undo()
    assert session.project.annotation(annotation_id).credibility is None
    assert inspector.credibility.currentIndex() == 0


def test_note_is_committed_after_a_pause(qtbot, setup) -> None:
    session, inspector, annotation_id = setup
    inspector.note.setFocus()
    qtbot.keyClicks(inspector.note, "Check against SANA")
    qtbot.waitUntil(lambda: session.project.annotation(annotation_id).note == "Check against SANA")
    assert session.undo_stack.undoText() == "Change note"


def test_actor_added_with_role_through_the_entry(qtbot, setup) -> None:
    session, inspector, annotation_id = setup
    inspector.actors.choice.setCurrentText("speaker")
    type_and_enter(qtbot, inspector.actors.entry, "Falah al-Fayadh")
    actors = session.project.annotation_detail(annotation_id).actors
    assert [(a.actor_name, a.role) for a in actors] == [("Falah al-Fayadh", "speaker")]
    assert inspector.actors.model.rowCount() == 1
    assert inspector.actors.entry.text() == ""
    completions = inspector.actors.entry.completer().model().stringList()
    assert "Falah al-Fayadh" in completions
    inspector.actors.list.setCurrentIndex(inspector.actors.model.index(0))
    qtbot.keyClick(inspector.actors.list, Qt.Key.Key_Delete)
    assert session.project.annotation_detail(annotation_id).actors == ()


def test_date_preview_then_tag(qtbot, setup) -> None:
    session, inspector, annotation_id = setup
    inspector.dates.entry.setFocus()
    qtbot.keyClicks(inspector.dates.entry, "on Thursday")
    qtbot.waitUntil(lambda: inspector.dates.preview.text() == "→ 2017-05-18")
    qtbot.keyClick(inspector.dates.entry, Qt.Key.Key_Return)
    dates = session.project.annotation_detail(annotation_id).dates
    assert [(d.expression, d.label) for d in dates] == [("on Thursday", "2017-05-18")]
    assert "on Thursday → 2017-05-18" in inspector.dates.model.index(0).data()


def test_unreadable_date_shows_why(qtbot, setup) -> None:
    _session, inspector, _annotation_id = setup
    inspector.dates.entry.setText("blue moon")
    inspector.update_date_preview()
    assert inspector.dates.preview.text().startswith("?")


def test_event_linked_with_stance_and_created_when_new(qtbot, setup) -> None:
    session, inspector, annotation_id = setup
    inspector.events.choice.setCurrentText("corroborates")
    type_and_enter(qtbot, inspector.events.entry, "Assad–Fayadh meeting, Damascus")
    links = session.project.annotation_detail(annotation_id).events
    assert [str(link.stance) for link in links] == ["corroborates"]
    label = inspector.events.model.index(0).data()
    assert label == "Assad–Fayadh meeting, Damascus — corroborates"
    session.undo_stack.undo()
    assert session.project.events() == []
    assert inspector.events.model.rowCount() == 0


def test_completions_are_read_when_an_annotation_is_first_shown(
    qtbot, corpus_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a project shows the placeholder, which needs no actor or event list."""
    reads: list[str] = []
    for name in ("actors", "events"):
        read = getattr(corpus_project, name)
        monkeypatch.setattr(corpus_project, name, lambda r=read, n=name: reads.append(n) or r())
    session = ProjectSession(corpus_project)
    inspector = Inspector(session)
    qtbot.addWidget(inspector)
    corpus_project.add_actor("Haider al-Abadi")
    corpus_project.create_event("Mosul offensive begins")
    assert reads == []
    article = corpus_project.article_summaries()[0]
    session.annotate(article.id, 0, 10, "claim")
    assert sorted(reads) == ["actors", "events"]
    assert "Haider al-Abadi" in inspector.actors.entry.completer().model().stringList()
    assert "Mosul offensive begins" in inspector.events.entry.completer().model().stringList()
    corpus_project.add_actor("Hadi al-Amiri")  # while shown: the list follows at once
    assert "Hadi al-Amiri" in inspector.actors.entry.completer().model().stringList()


def test_the_editing_page_is_made_for_the_first_annotation_shown(
    qtbot, corpus_project: Project
) -> None:
    session = ProjectSession(corpus_project)
    inspector = Inspector(session)
    qtbot.addWidget(inspector)
    inspector.show()
    assert inspector._page is None and inspector.stack.currentIndex() == 0
    article = corpus_project.article_summaries()[0]
    annotation_id = session.annotate(article.id, 0, 10, "claim")
    assert inspector._page is not None and inspector.stack.currentIndex() == 1
    assert inspector.quote.toPlainText() == corpus_project.annotation(annotation_id).quote


def test_a_section_never_shows_a_window_of_its_own(qtbot) -> None:
    """Made while the main window is up, a parentless combo shown too early flashed up as
    a window and took the focus away (Ctrl+Z then no longer reached the undo stack)."""
    from parallax.ui.inspector_sections import DetailSection

    with windows_shown() as seen:
        section: DetailSection[str] = DetailSection("Actors", str, "Add actor", ["speaker"])
    qtbot.addWidget(section)
    assert seen == []
    assert not section.choice.isHidden() and section.preview.isHidden()
