"""The table of contents: a real TOC field, pre-filled with the brief's headings.

Word fills a TOC field only when asked (the field is marked dirty, so it offers to on
opening) and LibreOffice never does, so the field result is written here: one linked
line per heading, without page numbers (only the word processor knows them), and a
last line telling Word users how to add them.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from parallax.export.brief_doc import BriefWriter
from parallax.export.docx_xml import add_run_auto, clean_xml_text

TOC_INSTR = 'TOC \\o "1-2" \\h \\z \\u'
HINT = "Right-click to update the table of contents"
MIN_SECTIONS = 3  # fewer top-level sections than this need no contents
MARK = "contents"


def contents(w: BriefWriter) -> None:
    """Reserve the place of the contents; `fill_contents` writes it once headings exist."""
    w.marks[MARK] = w.paragraph("Contents", "Contents Heading")


def fill_contents(w: BriefWriter) -> None:
    """Write the TOC field after the Contents line, or drop the line for a short brief."""
    title = w.marks.pop(MARK, None)
    if title is None:
        return
    listed = [(level, para) for level, para in w.headings if level <= 2]
    if sum(1 for level, _ in listed if level == 1) < MIN_SECTIONS:
        title._p.getparent().remove(title._p)
        return
    anchor = title._p
    entries = []
    for number, (level, heading) in enumerate(listed, start=1):
        name = _bookmark(heading, number)
        entry = _new_after(anchor, w, f"TOC {level}")
        _linked_text(entry, name, heading.text)
        entries.append(entry)
        anchor = entry._p
    hint = _new_after(anchor, w, "Brief Caption")
    add_run_auto(hint, f"{HINT} (Update Field) to add page numbers.", italic=True)
    _begin(entries[0])
    _field_char(hint._p, "end")


def _new_after(anchor: object, w: BriefWriter, style: str) -> Paragraph:
    p = OxmlElement("w:p")
    anchor.addnext(p)  # type: ignore[attr-defined]
    return w.new_paragraph(style, Paragraph(p, w.doc._body))


def _bookmark(heading: Paragraph, number: int) -> str:
    """Put a hidden `_Toc…` bookmark around the heading's text; returns its name."""
    name = f"_Toc{100000 + number}"
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p_pr = heading._p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        heading._p.insert(0, start)
    heading._p.append(end)
    return name


def _linked_text(entry: Paragraph, bookmark: str, text: str) -> None:
    """The heading's text as a link to its bookmark (Ctrl+click in Word, a PDF link)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    for run in add_run_auto(entry, clean_xml_text(text)):
        link.append(run._r)
    entry._p.append(link)


def _begin(entry: Paragraph) -> None:
    """Open the field before the first entry: begin, the instruction, separate."""
    first = entry._p.find(qn("w:hyperlink"))
    begin = _field_char(None, "begin")
    begin[0].set(qn("w:dirty"), "true")
    instr = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {TOC_INSTR} "
    instr.append(text)
    for run in (begin, instr, _field_char(None, "separate")):
        first.addprevious(run)


def _field_char(parent: object, kind: str) -> object:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    if parent is not None:
        parent.append(run)  # type: ignore[attr-defined]
    return run
