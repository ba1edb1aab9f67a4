"""The Brief dock: key judgments edited through undoable commands, the memo saved as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester

from parallax.domain.errors import NotFoundError
from parallax.services.project import Project
from parallax.ui.judgments_panel import BriefPanel, JudgmentsPanel
from parallax.ui.main_window import MainWindow
from parallax.ui.memo_editor import MemoEditor
from parallax.ui.session import ProjectSession


@pytest.fixture
def session(qtbot, corpus_project: Project) -> ProjectSession:
    return ProjectSession(corpus_project)


@pytest.fixture
def panel(qtbot, session: ProjectSession) -> JudgmentsPanel:
    widget = JudgmentsPanel(session)
    qtbot.addWidget(widget)
    return widget


def claim(session: ProjectSession, offset: int = 0) -> int:
    article = session.project.article_summaries()[0].id
    annotation_id = session.annotate(article, offset, offset + 8, "claim")
    assert annotation_id is not None
    return annotation_id


def test_model_passes_the_qt_model_tester(qtbot, panel: JudgmentsPanel) -> None:
    panel.add_judgment(("Contacts were regular", "likely", "moderate"))
    panel.add_judgment(("The envoy travelled", "unlikely", "low"))
    ModelTester(None).check(panel.model)
    assert panel.model.rowCount() == 2
    assert panel.model.index(0, 1).data() == "likely (55–80%)"
    assert panel.model.index(0, 2).data() == "moderate"


def test_add_cites_the_selected_claim_and_undo_redo(panel: JudgmentsPanel) -> None:
    session, project = panel.session, panel.session.project
    annotation_id = claim(session)
    assert panel.add_judgment(("Contacts were regular", "likely", "moderate"))
    (judgment,) = project.judgments()
    assert judgment.annotation_ids == (annotation_id,)
    assert panel.model.index(0, 3).data() == "1 claim"
    session.undo_stack.undo()
    assert project.judgments() == [] and panel.model.rowCount() == 0
    session.undo_stack.redo()
    assert project.judgments() == [judgment]
    assert panel.model.rowCount() == 1


def test_edit_delete_move_and_cite_are_undoable(panel: JudgmentsPanel) -> None:
    session, project = panel.session, panel.session.project
    session.select(None)
    for n in range(3):
        panel.add_judgment((f"Judgment {n}", "likely", "low"))
    first, second, third = (j.id for j in project.judgments())
    panel.select(first)
    assert panel.edit_selected(("Judgment zero", "very likely", "high"))
    assert project.judgment(first).likelihood == "very likely"
    session.undo_stack.undo()
    assert project.judgment(first).statement == "Judgment 0"
    assert str(project.judgment(first).confidence) == "low"

    panel.select(third)
    assert panel.move_selected(-1)
    assert [j.id for j in project.judgments()] == [first, third, second]
    session.undo_stack.undo()
    assert [j.id for j in project.judgments()] == [first, second, third]

    panel.select(second)
    assert panel.delete_selected()
    with pytest.raises(NotFoundError):
        project.judgment(second)
    session.undo_stack.undo()
    assert [j.id for j in project.judgments()] == [first, second, third]

    annotation_id = claim(session, 20)
    panel.select(second)
    assert panel.cite_button.isEnabled()
    assert panel.cite_selected_claim()
    assert project.judgment(second).annotation_ids == (annotation_id,)
    assert not panel.cite_button.isEnabled()  # already cited
    session.undo_stack.undo()
    assert project.judgment(second).annotation_ids == ()


def test_yardstick_choice_converts_terms_and_undoes(qtbot, panel: JudgmentsPanel) -> None:
    session, project = panel.session, panel.session.project
    panel.add_judgment(("A judgment", "roughly even chance", "low"))
    panel.yardstick.setCurrentText("UK PHIA")
    panel.yardstick.activated.emit(1)
    assert project.yardstick() == "UK PHIA"
    assert panel.model.index(0, 1).data() == "realistic possibility (40–50%)"
    session.undo_stack.undo()
    assert project.yardstick() == "ICD 203"
    assert panel.yardstick.currentText() == "ICD 203"
    assert project.judgments()[0].likelihood == "roughly even chance"


def test_refused_judgment_is_reported_not_pushed(qtbot, panel: JudgmentsPanel) -> None:
    with qtbot.waitSignal(panel.session.failed) as blocker:
        assert not panel.add_judgment(("   ", "likely", "low"))
    assert "statement" in blocker.args[0]
    assert panel.session.undo_stack.count() == 0


def test_memo_is_saved_after_typing_stops(qtbot, corpus_project: Project) -> None:
    corpus_project.set_setting("memo", "Imported bottom line.")
    editor = MemoEditor(corpus_project)
    qtbot.addWidget(editor)
    assert editor.text() == "Imported bottom line."
    editor.editor.setPlainText("Officials met twice.\n\nDates differ.")
    assert corpus_project.memo() == "Imported bottom line."  # not yet: debounced
    with qtbot.waitSignal(editor.saved, timeout=3000):
        pass
    assert corpus_project.memo() == "Officials met twice.\n\nDates differ."
    editor.editor.setPlainText("Changed again.")
    assert editor.commit()  # closing or exporting saves at once
    assert corpus_project.memo() == "Changed again."
    assert not editor.commit()


def test_brief_dock_in_the_window(qtbot, settings, tmp_path: Path, corpus_dir: Path) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.open_project(str(tmp_path / "w.parallax"))
    assert isinstance(window.brief_panel, BriefPanel)
    assert window.brief_dock in window.docks()
    window.brief_panel.memo.editor.setPlainText("Bottom line typed in the window.")
    window.close_project()  # saves the memo on the way out
    import parallax

    with parallax.open_project(tmp_path / "w.parallax") as project:
        assert project.memo() == "Bottom line typed in the window."
