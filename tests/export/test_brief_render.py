"""The Word brief, read back with python-docx: structure, citations, links, RTL, clean text."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from parallax.domain.brief import (
    BriefClaim,
    BriefData,
    BriefEvent,
    BriefJudgment,
    BriefPassage,
    BriefSource,
)
from parallax.domain.model import Precision, Stance
from parallax.export import brief_text
from parallax.export.brief import default_template, render_brief, template_problems, write_brief
from parallax.export.docx_xml import (
    add_field,
    add_run_auto,
    clean_xml_text,
    has_rtl,
    mark_run_rtl,
    set_paragraph_rtl,
)

ARABIC = "الرئيس بشار الأسد"
LRM = "\u200e"
DIRTY = "The envoy\x00 arrived\x07 on Thursday\ud800 with a message."
LONG = "Officials restated their commitment to joint border security. " * 40
URL_RUDAW = "https://www.rudaw.net/english/middleeast/syria/18052017"


def sample() -> BriefData:
    sources = (
        BriefSource(1, 11, "Rudaw", "Assad, Iraqi adviser discuss cooperation", "Staff",
                    dt.date(2017, 5, 18), URL_RUDAW, dt.datetime(2024, 3, 2, 10, 0), "B",
                    "Kurdish outlet"),
        BriefSource(2, 12, "SANA", "الرئيس الأسد يستقبل الفياض", "", dt.date(2017, 5, 18),
                    "https://sana.sy/?p=1", None, "D"),
        BriefSource(3, 13, "Unnamed blog", "Envoy visit", published=None, reliability="F"),
    )  # fmt: skip
    meeting = BriefEvent(
        1, "Assad receives Iraqi adviser", dt.date(2017, 5, 18), None, Precision.DAY,
        "Damascus", "A verbal message on military cooperation.",
        (
            BriefPassage(101, 1, "Rudaw", dt.date(2017, 5, 18), "Assad and Iraq’s adviser met."),
            BriefPassage(102, 2, "SANA", dt.date(2017, 5, 18), f"استقبل {ARABIC} الفياض",
                         Stance.CORROBORATES, credibility=2, reliability="D"),
            BriefPassage(103, 3, "Unnamed blog", None, LONG, Stance.CONTRADICTS),
        ),
        ("Press TV",),
    )  # fmt: skip
    undated = BriefEvent(
        2, "Envoy visit on a Thursday",
        passages=(BriefPassage(104, 3, "Unnamed blog", None, DIRTY),),
    )  # fmt: skip
    return BriefData(
        title="Syrian–Iraqi contacts",
        author="J. Analyst",
        date=dt.date(2024, 3, 5),
        handling="For internal use only",
        bottom_line="Outlets agree the officials met.\n\nThey differ on the date.",
        judgments=(BriefJudgment("Contacts were regular", "likely", "moderate", (1, 2), "55–80%"),),
        events=(undated, meeting),
        actors=(),
        sources=sources,
        appendix=(BriefClaim(1, "Assad and Iraq’s adviser met.", "claim", tags=("meeting",)),),
    )


@pytest.fixture(scope="module")
def brief() -> DocxDocument:
    return docx.Document(io.BytesIO(render_brief(sample())))


def heading_level(p: Paragraph) -> int | None:
    name = p.style.name if p.style is not None else ""
    match = re.fullmatch(r"Heading (\d)", name)
    return int(match.group(1)) if match else None


def headings(doc: DocxDocument) -> list[tuple[int, str]]:
    return [(lvl, p.text) for p in doc.paragraphs if (lvl := heading_level(p)) is not None]


def section_paragraphs(doc: DocxDocument, title: str) -> list[Paragraph]:
    """Paragraphs after the Heading 1 `title`, up to the next Heading 1."""
    out: list[Paragraph] = []
    inside = False
    for p in doc.paragraphs:
        if heading_level(p) == 1:
            inside = p.text == title
            continue
        if inside:
            out.append(p)
    return out


def paragraph_with(doc: DocxDocument, text: str) -> Paragraph:
    return next(p for p in doc.paragraphs if text in p.text)


def test_headings_in_order_and_empty_sections_left_out(brief: DocxDocument) -> None:
    assert headings(brief) == [
        (1, "Bottom line"),
        (1, "Key judgments"),
        (1, "Timeline"),
        (1, "Reporting by event"),
        (2, "Assad receives Iraqi adviser — 18 May 2017"),
        (3, "Where sources disagree"),
        (2, "Envoy visit on a Thursday (undated)"),
        (1, "Sources"),
        (1, "Appendix: claims by source"),
        (2, "[1] Rudaw — Assad, Iraqi adviser discuss cooperation"),
    ]
    assert "Actors" not in [text for _, text in headings(brief)]
    assert brief.paragraphs[0].text == "For internal use only"
    assert brief.paragraphs[1].text == "Syrian–Iraqi contacts"


def test_no_heading_is_followed_by_a_heading_of_same_or_higher_level(brief: DocxDocument) -> None:
    body = [c for c in brief.element.body.iterchildren() if c.tag != qn("w:sectPr")]
    levels = [
        heading_level(Paragraph(c, brief._body)) if c.tag == qn("w:p") else None for c in body
    ]
    for here, after in zip(levels, [*levels[1:], 0], strict=True):
        if here is not None:
            assert after is None or after > here, levels
    assert levels[-1] is None


def test_timeline_table_has_header_and_one_row_per_event_in_date_order(
    brief: DocxDocument,
) -> None:
    table = brief.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["#", "Date", "Event", "Outlets reporting", "Agreement"]
    assert len(rows) == 1 + 2
    assert rows[1] == [
        "1",
        "18 May 2017",
        "Assad receives Iraqi adviser",
        "Rudaw, SANA, Unnamed blog",
        "contested (1 contradicts)",
    ]
    assert rows[2][1] == "undated"
    assert rows[2][4] == "single source"
    assert table.style.name == "Light Grid Accent 1"
    assert len(brief.tables) == 2  # timeline and disagreement; no actors table for no actors


def test_citations_in_event_sections_point_to_numbered_sources(brief: DocxDocument) -> None:
    listed = {}
    for p in section_paragraphs(brief, "Sources"):
        match = re.match(r"\[(\d+)\]\t(.*)", p.text)
        assert match, p.text
        listed[int(match.group(1))] = match.group(2)
    assert sorted(listed) == [1, 2, 3]
    cited = [
        int(n) for p in section_paragraphs(brief, "Reporting by event")
        for n in re.findall(r"\[(\d+)\]", p.text)
    ]  # fmt: skip
    assert set(cited) == {1, 2, 3}
    attribution = paragraph_with(brief, "— SANA")
    assert attribution.text.startswith("— SANA, 18 May 2017 [2]")
    assert attribution.text == (
        "— SANA, 18 May 2017 [2]  ·  corroborates  ·  source reliability D (not usually "
        "reliable)  ·  credibility 2 (probably true)"
    )
    assert listed[2].replace(LRM, "").startswith("SANA, “الرئيس الأسد يستقبل الفياض”, 18 May")


def test_sources_list_entry_reads_in_order_and_omits_empty_fields(brief: DocxDocument) -> None:
    entries = [p.text for p in section_paragraphs(brief, "Sources")]
    assert entries[0] == (
        f"[1]\tRudaw (Kurdish outlet), “Assad, Iraqi adviser discuss cooperation”, Staff, "
        f"18 May 2017, {URL_RUDAW}, imported 2 March 2024, reliability grade B (usually reliable)."
    )
    assert entries[2] == (
        "[3]\tUnnamed blog, “Envoy visit”, reliability grade F (cannot be judged)."
    )


def test_source_url_is_a_live_external_hyperlink(brief: DocxDocument) -> None:
    entry = section_paragraphs(brief, "Sources")[0]
    links = entry._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    rel = brief.part.rels[links[0].get(qn("r:id"))]
    assert rel.is_external
    assert rel.target_ref == URL_RUDAW
    run = links[0].find(qn("w:r"))
    assert run.find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val")) == "Hyperlink"


def test_arabic_quote_is_a_right_to_left_paragraph_with_rtl_runs(brief: DocxDocument) -> None:
    quote = paragraph_with(brief, ARABIC)
    p_pr = quote._p.pPr
    assert p_pr.find(qn("w:bidi")) is not None
    assert quote.alignment != WD_ALIGN_PARAGRAPH.RIGHT
    arabic_runs = [r for r in quote.runs if has_rtl(r.text)]
    assert arabic_runs
    assert all(r._r.rPr.find(qn("w:rtl")) is not None for r in arabic_runs)
    assert quote.style.name == "Brief Quote"


def test_control_characters_and_lone_surrogates_are_gone(brief: DocxDocument) -> None:
    quote = paragraph_with(brief, "The envoy")
    assert quote.text == "“The envoy arrived on Thursday with a message.”"
    xml = brief.element.xml
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", xml)


def test_footer_has_a_page_field_and_header_the_handling_line(brief: DocxDocument) -> None:
    section = brief.sections[0]
    footer_xml = section.footer._element.xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer_xml)
    assert footer_xml.index('w:fldCharType="begin"') < footer_xml.index('w:fldCharType="end"')
    assert section.header.paragraphs[0].text == "For internal use only"
    # Page 1 opens with the title block's handling line: no header there to repeat it,
    # but the page number all the same.
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    first_footer = section.first_page_footer._element.xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", first_footer)
    assert paragraph_with(brief, "For internal use only").style.name == "Handling"


def test_long_quote_is_shortened_with_a_note(brief: DocxDocument) -> None:
    quote = paragraph_with(brief, "Officials restated")
    assert quote.text.endswith("…”")
    assert len(quote.text) < 1500
    note = Paragraph(quote._p.getnext(), quote._parent)
    assert "(quote shortened; full text in source [3])" in note.text


def test_bottom_line_and_key_judgments(brief: DocxDocument) -> None:
    assert [p.text for p in section_paragraphs(brief, "Bottom line")] == [
        "Outlets agree the officials met.",
        "They differ on the date.",
    ]
    statement, rating = section_paragraphs(brief, "Key judgments")
    assert statement.text == "Contacts were regular. [1] [2]"
    assert statement.style.name == "List Number"
    # likelihood and confidence: their own paragraph, two sentences, never merged
    assert rating.text == "Likelihood: likely (55–80%). Confidence: moderate."


def test_where_sources_disagree_and_not_reported_by(brief: DocxDocument) -> None:
    texts = [p.text for p in section_paragraphs(brief, "Reporting by event")]
    assert "Unnamed blog [3] contradicts the account of Rudaw [1] and SANA [2]." in texts
    assert "Not reported by: Press TV." in texts
    table = brief.tables[1]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Contradicting passage", "Passages it contradicts"]
    ((against, opposed),) = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert against.startswith("“Officials restated") and "Unnamed blog; contradicts [3]" in against
    assert "Rudaw, 18 May 2017; reports [1]" in opposed and "SANA, 18 May 2017" in opposed
    assert len(against) < 700  # long quotes are shortened further in the table


def test_custom_template_missing_a_style_still_renders(tmp_path: Path) -> None:
    doc = docx.Document(io.BytesIO(default_template()))
    doc.styles["Brief Quote"].element.getparent().remove(doc.styles["Brief Quote"].element)
    template = tmp_path / "custom.docx"
    doc.save(str(template))

    problems = template_problems(template)
    assert len(problems) == 1
    assert "'Brief Quote'" in problems[0]
    assert "'Quote'" in problems[0]

    out = docx.Document(io.BytesIO(render_brief(sample(), template)))
    assert paragraph_with(out, "Assad and Iraq’s adviser met.").style.name == "Quote"


def test_plain_python_docx_template_renders_with_stand_in_styles(tmp_path: Path) -> None:
    template = tmp_path / "plain.docx"
    docx.Document().save(str(template))
    problems = template_problems(template)
    assert any("'Brief Source'" in p for p in problems)
    assert any("'Hyperlink'" in p and "direct formatting" in p for p in problems)
    out = docx.Document(io.BytesIO(render_brief(sample(), template)))
    assert [lvl for lvl, _ in headings(out)][:3] == [1, 1, 1]
    external = [
        h for h in out.element.body.iter(qn("w:hyperlink")) if h.get(qn("r:id")) is not None
    ]
    link_run = external[0].find(qn("w:r"))
    assert link_run.find(qn("w:rPr")).find(qn("w:u")) is not None


def test_shipped_template_is_complete_and_a4() -> None:
    assert template_problems(Path(str(_shipped()))) == []
    doc = docx.Document(io.BytesIO(default_template()))
    assert doc.paragraphs == [] and doc.tables == []
    assert abs(doc.sections[0].page_width.cm - 21.0) < 0.01


def _shipped() -> object:
    from importlib.resources import files

    return files("parallax.resources") / "brief-template.docx"


def test_unreadable_template_is_reported_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    assert "cannot be read" in template_problems(bad)[0]


def test_write_brief_replaces_the_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "brief.docx"
    target.write_bytes(b"old")
    assert write_brief(sample(), target) == target
    assert docx.Document(str(target)).paragraphs[1].text == "Syrian–Iraqi contacts"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


def test_minimal_brief_has_only_title_and_no_empty_headings() -> None:
    doc = docx.Document(io.BytesIO(render_brief(BriefData(title="Nothing yet"))))
    assert [p.text for p in doc.paragraphs] == ["Nothing yet"]
    assert doc.tables == []


# --- the low-level helpers -------------------------------------------------------------


def test_clean_xml_text_keeps_what_xml_carries_and_never_raises() -> None:
    assert clean_xml_text("a\x00b\x1fc\td\ne\rf") == "abc\td\ne\rf"
    assert clean_xml_text("x\ud800y\ufffez\uffff") == "xyz"
    assert clean_xml_text("\ud83d\ude00") == "\U0001f600"  # a valid pair is joined
    assert clean_xml_text(None) == ""
    assert clean_xml_text(ARABIC + "\u00a0") == ARABIC + "\u00a0"


def test_has_rtl() -> None:
    assert has_rtl(ARABIC)
    assert has_rtl("שלום")
    assert not has_rtl("Faleh al-Fayyad 2017")


def test_set_paragraph_rtl_puts_bidi_before_jc_and_drops_right_alignment() -> None:
    doc = docx.Document()
    para = doc.add_paragraph(ARABIC)
    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para.paragraph_format.space_after = Pt(3)
    set_paragraph_rtl(para)
    tags = [c.tag for c in para._p.pPr]
    assert qn("w:bidi") in tags
    assert tags.index(qn("w:bidi")) < tags.index(qn("w:spacing"))
    assert para.alignment is None
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_paragraph_rtl(para)
    tags = [c.tag for c in para._p.pPr]
    assert tags.count(qn("w:bidi")) == 1
    assert tags.index(qn("w:bidi")) < tags.index(qn("w:jc"))


def test_mark_run_rtl_copies_size_to_szcs() -> None:
    run = docx.Document().add_paragraph().add_run(ARABIC)
    run.font.size = Pt(11)
    mark_run_rtl(run)
    r_pr = run._r.rPr
    assert r_pr.find(qn("w:rtl")) is not None
    assert r_pr.find(qn("w:szCs")).get(qn("w:val")) == "22"
    tags = [c.tag for c in r_pr]
    assert tags.index(qn("w:sz")) < tags.index(qn("w:szCs")) < tags.index(qn("w:rtl"))


def test_add_run_auto_splits_mixed_text_and_marks_only_arabic_runs() -> None:
    para = docx.Document().add_paragraph()
    runs = add_run_auto(para, f"Title: {ARABIC}, 18 May\x00 2017", bold=True)
    rtl = [r.text for r in runs if r._r.rPr is not None and r._r.rPr.find(qn("w:rtl")) is not None]
    assert rtl == [ARABIC]
    assert para.text == f"Title: {ARABIC}{LRM}, 18 May 2017"  # the mark keeps "18" out of it
    assert all(r.bold for r in runs if r.text != LRM)


def test_add_field_writes_begin_instr_separate_end() -> None:
    para = docx.Document().add_paragraph()
    add_field(para, "PAGE")
    kinds = [
        el.get(qn("w:fldCharType")) or el.text
        for el in para._p.iter(qn("w:fldChar"), qn("w:instrText"))
    ]
    assert kinds == ["begin", " PAGE ", "separate", "end"]


@pytest.mark.parametrize(
    ("precision", "expected"),
    [(Precision.YEAR, "2017"), (Precision.MONTH, "May 2017"), (Precision.DAY, "18 May 2017")],
)
def test_dates_printed_per_precision(precision: Precision, expected: str) -> None:
    assert brief_text.format_date(dt.date(2017, 5, 18), precision) == expected


def test_agreement_wording() -> None:
    def event(*stances: tuple[str, Stance]) -> BriefEvent:
        passages = tuple(BriefPassage(i, 1, o, None, "q", s) for i, (o, s) in enumerate(stances))
        return BriefEvent(1, "e", passages=passages)

    assert brief_text.agreement(event(("A", Stance.REPORTS))) == "single source"
    assert brief_text.agreement(event(("A", Stance.REPORTS), ("B", Stance.CORROBORATES))) == (
        "corroborated"
    )
    contested = event(("A", Stance.REPORTS), ("B", Stance.CONTRADICTS), ("C", Stance.CONTRADICTS))
    assert brief_text.agreement(contested) == "contested (2 contradict)"
