"""The brief exported from the sample corpus, read back with python-docx."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

import parallax
from parallax.services.demo import build_demo
from tests.conftest import SAMPLE_CORPUS


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> tuple[docx.document.Document, object]:
    folder = tmp_path_factory.mktemp("brief")
    with parallax.open_project(folder / "demo.parallax") as project:
        build_demo(project, SAMPLE_CORPUS)
        data = project.brief_data(title="Syria–Iraq coordination")
        out = project.export_brief(folder / "brief.docx", title="Syria–Iraq coordination")
    return docx.Document(str(out)), data


def _texts(document) -> list[str]:
    return [p.text.replace("\u200e", "") for p in document.paragraphs]


def test_each_event_is_a_section_with_both_sources_quoted(brief) -> None:
    document, data = brief
    texts = _texts(document)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for event in data.events:
        assert any(event.title in h for h in headings), event.title
        assert len(event.outlets) == 2
        for passage in event.passages:
            assert any(passage.quote in t for t in texts), passage.quote
    body = "\n".join(texts)
    assert "Faleh al-Fayyad" not in headings  # quotes are quoted, not promoted to headings
    assert "Rudaw" in body and "Syria Times" in body and "Press TV" in body


def test_citations_resolve_to_numbered_sources(brief) -> None:
    document, data = brief
    body = "\n".join(_texts(document))
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
    numbers = {s.number for s in data.sources}
    assert cited == numbers == {1, 2, 3}
    for source in data.sources:
        assert any(
            t.startswith(f"[{source.number}]") and source.outlet in t for t in _texts(document)
        ), source


def test_timeline_table_lists_events_in_order(brief) -> None:
    document, data = brief
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["#", "Date", "Event"]
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert [r[2] for r in rows] == [e.title for e in data.events]
    assert rows[0][1].endswith("2016") and rows[1][1].endswith("2017")


def _heading_level(block) -> int | None:
    if isinstance(block, Paragraph) and block.style.name.startswith("Heading"):
        return int(block.style.name[-1])
    return None


def test_no_empty_headings(brief) -> None:
    document, _ = brief
    blocks = [
        b for b in document.iter_inner_content() if not isinstance(b, Paragraph) or b.text.strip()
    ]
    for this, after in itertools.pairwise([*blocks, None]):
        level = _heading_level(this)
        if level is not None:
            following = _heading_level(after) if after is not None else 0
            assert following is None or following > level, f"empty section: {this.text}"


def test_dates_keep_their_precision(brief) -> None:
    document, _ = brief
    body = "\n".join(_texts(document))
    assert "Press TV, July 2016" in body
    assert "1 July 2016" not in body


def test_brief_is_valid_zip_and_has_no_hyperlink_without_target(brief, tmp_path: Path) -> None:
    document, _ = brief
    rels = document.part.rels
    bookmarks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    for link in document.element.body.iter(qn("w:hyperlink")):
        if link.get(qn("w:anchor")) is not None:  # contents entries jump to their heading
            assert link.get(qn("w:anchor")) in bookmarks
        else:
            assert rels[link.get(qn("r:id"))].is_external


def test_actors_table_names_the_events_they_appear_in(brief) -> None:
    document, _ = brief
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Name")
    rows = {r.cells[0].text: r.cells[3].text for r in table.rows[1:]}
    assert "Assad receives Iraqi envoy Fayadh in Damascus" in rows["Falah al-Fayadh"]
    assert "direct military cooperation" in rows["Haider al-Abadi"]
