"""A 1,000,000-character article: its highlights are indexed when it opens but formatted
as their blocks come into view, exactly after the emoji above them; a highlight made far
down shows at once; the annotation list reads quotes only for the rows it shows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor

import parallax
from parallax.domain.model import Annotation
from parallax.services.project import Project
from parallax.ui.annotation_list import PAGE, AnnotationListModel
from parallax.ui.article_pane import ArticlePane
from parallax.ui.session import ProjectSession

PARAGRAPHS = 4_800


def paragraph(n: int) -> str:
    """About 210 characters, with astral characters and Arabic in every one."""
    return (
        f"Item {n}: the delegation 😀 travelled by road, and officials said 🇮🇶 that the "
        f"crossing number {n} would reopen; قال الوفد إن المعبر {n} سيفتح. Marker-{n} ends "
        "the paragraph with a claim worth highlighting for the record."
    )


@pytest.fixture(scope="module")
def long_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, int]]:
    folder = tmp_path_factory.mktemp("long")
    source = folder / "long.txt"
    source.write_text("\n\n".join(paragraph(n) for n in range(PARAGRAPHS)) + "\n", "utf-8")
    project = parallax.open_project(folder / "long.parallax")
    (article,) = project.import_files([source])
    assert len(article.text) > 1_000_000
    if project.excluded_spans(article.id):
        project.unmark_boilerplate(article.id, 0, len(article.text))
    for n in range(0, PARAGRAPHS, 30):  # 160 highlights, from the top to the bottom
        note(project, article.id, f"Marker-{n} ends")
    yield project, article.id
    project.close()


def note(project: Project, article_id: int, needle: str, kind: str = "claim") -> int:
    text = project.article(article_id).text
    start = text.index(needle)
    return project.annotate(article_id, start, start + len(needle), kind=kind).id


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.fixture
def pane(qtbot, long_project: tuple[Project, int]) -> ArticlePane:
    project, article_id = long_project
    widget = ArticlePane(ProjectSession(project))
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_article(article_id)
    return widget


def formats_at(pane: ArticlePane, offset: int) -> tuple[int, list[tuple[int, int]]]:
    """The block position holding `offset` and its highlight ranges (Qt positions)."""
    block = pane.view.document().findBlock(pane.offsets.to_qt(offset))
    ranges = [(block.position() + f.start, f.length) for f in block.layout().formats()]
    return block.position(), sorted(ranges)


def test_far_highlights_are_formatted_exactly_once_scrolled_to(qtbot, pane) -> None:
    text = pane.article.text
    annotation_id = pane.session.project.annotation_spans(pane.article.id)[-3].id
    ann = pane.session.project.annotation(annotation_id)
    assert ann.start > 900_000
    assert formats_at(pane, ann.start)[1] == []  # far down: not formatted yet
    pane.scroll_to_offset(ann.start)
    QCoreApplication.processEvents()
    expected = (utf16(text, ann.start), utf16(text, ann.end) - utf16(text, ann.start))
    assert formats_at(pane, ann.start)[1] == [expected]
    assert pane.highlighter.annotations_at(expected[0] + 1) == [annotation_id]
    assert pane.offsets.to_qt(ann.start) == expected[0]


def test_a_highlight_far_down_shows_at_once(qtbot, pane) -> None:
    text = pane.article.text
    needle = f"crossing number {PARAGRAPHS - 7} would"
    start = text.index(needle)
    pane.scroll_to_offset(start)
    QCoreApplication.processEvents()
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(utf16(text, start))
    cursor.setPosition(utf16(text, start + len(needle)), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    annotation_id = pane.make_annotation("fact")
    assert annotation_id is not None
    stored = pane.session.project.annotation(annotation_id)
    assert (stored.start, stored.end, stored.quote) == (start, start + len(needle), needle)
    expected = (utf16(text, start), utf16(text, start + len(needle)) - utf16(text, start))
    assert expected in formats_at(pane, start)[1]
    pane.session.undo_stack.undo()  # leave the module's project as it was
    assert expected not in formats_at(pane, start)[1]


def test_the_list_reads_quotes_a_page_at_a_time(qtbot, long_project, monkeypatch) -> None:
    project, article_id = long_project
    spans = project.annotation_spans(article_id)
    assert len(spans) > 2 * PAGE
    model = AnnotationListModel(project)
    asked: list[int] = []
    read = project.annotations_with_ids

    def counting(ids: Iterable[int]) -> list[Annotation]:
        wanted = list(ids)
        asked.extend(wanted)
        return read(wanted)

    monkeypatch.setattr(project, "annotations_with_ids", counting)
    model.set_article(article_id, spans)
    assert asked == []  # the spans are all it needs to list the rows
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "Claim"
    assert model.index(last, 1).data() == f"Marker-{PARAGRAPHS - 30} ends"
    assert 0 < len(asked) <= PAGE
    assert model.index(last - 1, 1).data().startswith("Marker-")  # from the same page
    assert len(asked) <= PAGE
