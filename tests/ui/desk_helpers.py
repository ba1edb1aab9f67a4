"""Shared set-up for the reading-desk tests: two articles in different scripts whose
passages are linked to the same events, shown side by side on a desk.

Article A has emoji (outside the BMP) before every linked passage; article B has its
linked passages inside right-to-left Arabic paragraphs and after emoji.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QTextCursor

import parallax
from parallax.services.project import Project
from parallax.ui.article_pane import ArticlePane
from parallax.ui.desk import ReadingDesk
from parallax.ui.session import ProjectSession

FILLER = (
    "The delegation travelled by road and the officials spoke at length about the "
    "situation along the frontier, the supply routes and the weeks ahead. "
)


def _paragraphs(count: int, marker: str) -> list[str]:
    return [f"{marker} {n}. {FILLER * 2}" for n in range(count)]


def article_a() -> str:
    paragraphs = _paragraphs(40, "Section")
    paragraphs[3] = "Early 😀 note: 🇮🇶 the envoy met the president in Damascus on Thursday."
    paragraphs[30] = "Later 👍🏽 report: the border crossing at al-Qaim would reopen soon."
    return "Article A\n\n" + "\n\n".join(paragraphs) + "\n"


def article_b() -> str:
    paragraphs = _paragraphs(40, "Part")
    paragraphs[8] = "قال 😀 المبعوث إن الرئيس استقبل الوفد في دمشق يوم الخميس."
    paragraphs[25] = "وأضاف 🌍 أن معبر القائم الحدودي سيفتح قريبا أمام التجارة."
    return "Article B\n\n" + "\n\n".join(paragraphs) + "\n"


MEETING_A = "the envoy met the president in Damascus"
BORDER_A = "the border crossing at al-Qaim would reopen"
MEETING_B = "الرئيس استقبل الوفد في دمشق"
BORDER_B = "معبر القائم الحدودي سيفتح"


@dataclass
class Linked:
    """The project's ids: articles, the four linked annotations and the two events."""

    a: int
    b: int
    meeting_a: int
    meeting_b: int
    border_a: int
    border_b: int
    meeting: int
    border: int


def build_project(folder: Path) -> tuple[Project, Linked]:
    """A project with articles A and B and two events linking a passage of each."""
    source = folder / "in"
    source.mkdir()
    (source / "a.txt").write_text(article_a(), encoding="utf-8")
    (source / "b.txt").write_text(article_b(), encoding="utf-8")
    project = parallax.open_project(folder / "desk.parallax")
    imported = project.import_files([source / "a.txt", source / "b.txt"])
    assert len(imported) == 2, imported.failures
    a, b = sorted(imported, key=lambda article: article.title)
    for article in (a, b):  # the importer may guess boilerplate; these tests want none
        spans = project.excluded_spans(article.id)
        if spans:
            project.unmark_boilerplate(article.id, 0, len(article.text))

    def note(article_id: int, needle: str, kind: str = "claim") -> int:
        text = project.article(article_id).text
        start = text.index(needle)
        return project.annotate(article_id, start, start + len(needle), kind=kind).id

    ids = Linked(
        a.id,
        b.id,
        note(a.id, MEETING_A),
        note(b.id, MEETING_B),
        note(a.id, BORDER_A, "fact"),
        note(b.id, BORDER_B, "fact"),
        project.create_event("Envoy meets the president").id,
        project.create_event("Border crossing to reopen").id,
    )
    project.link(ids.meeting_a, ids.meeting, "reports")
    project.link(ids.meeting_b, ids.meeting, "corroborates")
    project.link(ids.border_a, ids.border, "reports")
    project.link(ids.border_b, ids.border, "contradicts")
    return project, ids


def show_desk(qtbot, project: Project, ids: Linked) -> ReadingDesk:
    """A desk with article A left of article B, shown at a size that needs scrolling."""
    session = ProjectSession(project)
    desk = ReadingDesk(session)
    qtbot.addWidget(desk)
    desk.resize(1000, 520)
    desk.show()
    qtbot.waitExposed(desk)
    desk.open_article(ids.a, new_pane=True)
    desk.open_article(ids.b, new_pane=True)
    return desk


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def select_text(pane: ArticlePane, needle: str) -> tuple[int, int]:
    """Select `needle` in the pane's view the way a user would; its stored span."""
    assert pane.article is not None
    text = pane.article.text
    start = text.index(needle)
    end = start + len(needle)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(utf16(text, start))
    cursor.setPosition(utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()
    return start, end
