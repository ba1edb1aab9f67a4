"""Briefs of a finished analysis exported with different options, read back with python-docx."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import RGBColor

import parallax
from parallax.cli import main as cli_main
from parallax.domain.errors import InvalidInputError
from parallax.export.brief import default_template
from parallax.export.docx_xml import has_rtl, is_paragraph_rtl
from parallax.export.toc import HINT
from parallax.services.project import Project
from tests.export import rich_project as rich

PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}pic"
WP_INLINE = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    folder = tmp_path_factory.mktemp("rich")
    with parallax.open_project(folder / "rich.parallax") as opened:
        rich.build_rich(opened)
        yield opened


@pytest.fixture(scope="module")
def full(project: Project, tmp_path_factory: pytest.TempPathFactory) -> DocxDocument:
    out = tmp_path_factory.mktemp("full") / "brief.docx"
    project.export_brief(out, title="Coordination", handling="Unclassified")
    return docx.Document(str(out))


def export(project: Project, tmp_path: Path, **options: object) -> DocxDocument:
    return docx.Document(str(project.export_brief(tmp_path / "brief.docx", **options)))


def headings(doc: DocxDocument, level: int | None = None) -> list[str]:
    found = []
    for p in doc.paragraphs:
        name = p.style.name if p.style is not None else ""
        if name.startswith("Heading") and (level is None or name == f"Heading {level}"):
            found.append(p.text)
    return found


def texts(doc: DocxDocument) -> list[str]:
    return [p.text.replace("\u200e", "") for p in doc.paragraphs]


def heading_index(doc: DocxDocument, text: str) -> int:
    """Where the heading `text` is (not its line in the contents)."""
    return next(
        i for i, p in enumerate(doc.paragraphs) if p.text == text and p.style.name == "Heading 1"
    )


def inline_pictures(doc: DocxDocument) -> list[object]:
    return [i for i in doc.element.body.iter(WP_INLINE) if next(i.iter(PIC), None) is not None]


def test_table_of_contents_is_a_field_whose_result_holds_the_hint(full: DocxDocument) -> None:
    body = full.element.body
    instr = [t.text for t in body.iter(qn("w:instrText")) if "TOC" in t.text]
    assert instr == [' TOC \\o "1-2" \\h \\z \\u ']
    sequence = []
    for el in body.iter(qn("w:fldChar"), qn("w:t")):
        sequence.append(el.get(qn("w:fldCharType")) or el.text)
    begin = sequence.index("begin")
    result = sequence[sequence.index("separate", begin) : sequence.index("end", begin)]
    assert any(HINT in text for text in result)
    assert "Reporting by event" in result and "Sources" in result
    contents = [p for p in full.paragraphs if p.style.name == "TOC 2"]
    assert rich.BAGHDAD in " ".join(p.text for p in contents)


def test_judgments_state_likelihood_and_confidence_apart_with_citations(
    full: DocxDocument,
) -> None:
    all_text = texts(full)
    start = heading_index(full, "Key judgments")
    statement, rating = all_text[start + 1], all_text[start + 2]
    assert re.fullmatch(r"Officials coordinated directly on the border\. \[1\] \[2\]", statement)
    assert rating == "Likelihood: likely (55–80%). Confidence: moderate."
    assert "Likelihood: very likely (80–95%). Confidence: high." in all_text
    assert not any("likely" in t and "Confidence" in t and ";" in t for t in all_text)
    sources = [t for t in all_text if re.match(r"\[\d+\]\t", t)]
    assert sources[0].startswith("[1]\tPress TV (Iranian state broadcaster)")
    assert sources[1].startswith("[2]\tSyria Times (Syrian state-owned English daily)")


def test_every_citation_resolves_to_a_listed_source(full: DocxDocument) -> None:
    all_text = "\n".join(texts(full))
    for table in full.tables:
        all_text += "\n".join(c.text for row in table.rows for c in row.cells)
    listed = {int(n) for n in re.findall(r"^\[(\d+)\]\t", all_text, re.M)}
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", all_text)}
    assert cited == listed == set(range(1, len(listed) + 1))


def test_chart_is_an_inline_picture_after_the_timeline_table(full: DocxDocument) -> None:
    (inline,) = inline_pictures(full)
    blip = next(inline.iter(qn("a:blip")))
    part = full.part.related_parts[blip.get(qn("r:embed"))]
    assert part.content_type == "image/png" and part.blob.startswith(b"\x89PNG")
    timeline = full.tables[0]
    assert [c.text for c in timeline.rows[0].cells][:2] == ["#", "Date"]
    assert [r.cells[0].text for r in timeline.rows[1:]] == ["1", "2", "3"]
    assert any(t.startswith("Figure 1.") for t in texts(full))


def test_event_sections_quote_rate_and_compare(full: DocxDocument) -> None:
    all_text = texts(full)
    assert "Unnamed outlet (source 4) [4]  ·  contradicts  ·  credibility 4 (doubtful)" in (
        " ".join(all_text)
    )
    assert any(
        t.startswith("— Rudaw, 18 May 2017 [3]  ·  reports  ·  source reliability B")
        for t in all_text
    )
    assert "Where sources disagree" in headings(full, 3)
    table = next(t for t in full.tables if t.rows[0].cells[0].text == "Contradicting passage")
    assert rich.CONTRADICTION in table.rows[1].cells[0].text
    assert "Rudaw" in table.rows[1].cells[1].text
    assert "Not reported by: Rudaw." in all_text


def test_bottom_line_and_event_memo(full: DocxDocument) -> None:
    all_text = texts(full)
    assert all_text[heading_index(full, "Bottom line") + 1] == rich.BOTTOM_LINE
    assert f"Analyst's note: {rich.EVENT_MEMO}" in all_text


def test_actors_table_lists_aliases_the_sources_spell(full: DocxDocument) -> None:
    table = next(t for t in full.tables if t.rows[0].cells[0].text == "Name")
    assert [c.text for c in table.rows[0].cells] == ["Name", "Aliases seen", "Kind", "Events"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert "Faleh al-Fayyad" in rows["Falah al-Fayadh"][1]
    assert rows["Falah al-Fayadh"][2] == "person"


def test_appendix_lists_claims_with_tags_notes_and_arabic_right_to_left(
    full: DocxDocument,
) -> None:
    appendix = full.paragraphs[heading_index(full, "Appendix: claims by source") :]
    tagged = next(p.text for p in appendix if "Syrian Defense Ministry" in p.text)
    assert "Tags: Military/Border." in tagged and "Statement by Iraq's Defence Ministry" in tagged
    kurdish = next(p for p in appendix if rich.KURDISH in p.text)
    assert is_paragraph_rtl(kurdish)
    assert all(r._r.rPr.find(qn("w:rtl")) is not None for r in kurdish.runs if has_rtl(r.text))
    about = kurdish._p.getnext()
    assert "Tags: Military." in "".join(t.text for t in about.iter(qn("w:t")))


def test_no_appendix_and_no_chart(project: Project, tmp_path: Path) -> None:
    doc = export(project, tmp_path, appendix=False, chart=False)
    assert not any(h.startswith("Appendix") for h in headings(doc))
    assert inline_pictures(doc) == []
    assert [c.text for c in doc.tables[0].rows[0].cells] == [
        "Date", "Event", "Outlets reporting", "Agreement",
    ]  # fmt: skip
    assert not any(t.startswith("Figure 1.") for t in texts(doc))


def test_event_subset_brings_only_its_sources(project: Project, tmp_path: Path) -> None:
    baghdad = next(e for e in project.events() if e.title == rich.BAGHDAD)
    doc = export(project, tmp_path, event_ids=[baghdad.id], appendix=True)
    assert headings(doc, 2)[0].startswith(rich.BAGHDAD)
    events = [h for h in headings(doc, 2) if not h.startswith("[")]
    assert events == [f"{rich.BAGHDAD} — June 2017"]
    appendix_sources = [h for h in headings(doc, 2) if h.startswith("[")]
    listed = [t for t in texts(doc) if re.match(r"\[\d+\]\t", t)]
    assert len(appendix_sources) == len(listed)  # the appendix covers only cited sources


def test_tag_and_date_range_choose_events(project: Project, tmp_path: Path) -> None:
    by_tag = export(project, tmp_path, tag="military", appendix=False)
    assert [h for h in headings(by_tag, 2)] == [f"{rich.BAGHDAD} — June 2017"]
    by_dates = export(project, tmp_path, date_from="2017-01-01", date_to="2017-05-31")
    assert [h.split(" — ")[0] for h in headings(by_dates, 2) if not h.startswith("[")] == [
        "Assad and Fayadh discuss direct military cooperation"
    ]


def test_order_by_importance_puts_most_sourced_events_first(
    project: Project, tmp_path: Path
) -> None:
    doc = export(project, tmp_path, order="importance", appendix=False)
    events = headings(doc, 2)
    assert events[0].startswith("Assad and Fayadh discuss")  # three sources
    chronological = [r.cells[2].text for r in doc.tables[0].rows[1:]]
    assert chronological[0].startswith("Assad receives")  # the timeline stays in date order


def test_custom_template_styles_are_used(project: Project, tmp_path: Path) -> None:
    template = docx.Document(io.BytesIO(default_template()))
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x80, 0x00, 0x20)
    template.styles["Brief Quote"].font.name = "Georgia"
    path = tmp_path / "house.docx"
    template.save(str(path))
    doc = export(project, tmp_path, template=path)
    assert doc.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x20)
    quote = next(p for p in doc.paragraphs if p.text.startswith("“Assad made the remark"))
    assert quote.style.name == "Brief Quote" and quote.style.font.name == "Georgia"


def test_unknown_option_is_refused(project: Project, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="appendx"):
        project.export_brief(tmp_path / "x.docx", appendx=False)
    with pytest.raises(InvalidInputError, match="chronological or importance"):
        project.export_brief(tmp_path / "x.docx", order="random")
    assert not (tmp_path / "x.docx").exists()


def test_cli_takes_the_same_options(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "cli.docx"
    code = cli_main(
        ["export", "brief", str(project.path), "-o", str(out), "--no-appendix", "--no-chart",
         "--order", "importance", "--from", "2017-01-01", "--title", "From the shell"]
    )  # fmt: skip
    assert code == 0
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text == "From the shell"
    assert inline_pictures(doc) == []
    assert not any(h.startswith("Appendix") for h in headings(doc))
    assert headings(doc, 2)[0].startswith("Assad and Fayadh discuss")
    assert all("2016" not in h for h in headings(doc, 2))


def test_cli_reports_a_bad_date(project: Project, tmp_path: Path, capsys) -> None:
    code = cli_main(
        ["export", "brief", str(project.path), "-o", str(tmp_path / "b.docx"), "--from", "May"]
    )
    assert code == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
