"""The brief being written: template styles with fallbacks, and paragraph/heading/table helpers."""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from parallax.export.docx_xml import (
    add_run_auto,
    clean_xml_text,
    element,
    set_paragraph_rtl,
    starts_rtl,
)

logger = logging.getLogger(__name__)

Segment = str | tuple[str, dict[str, object]]
CellParagraph = tuple[str, Sequence[Segment]]  # (style, segments)
Cell = str | Sequence[CellParagraph]
P = WD_STYLE_TYPE.PARAGRAPH
C = WD_STYLE_TYPE.CHARACTER
T = WD_STYLE_TYPE.TABLE

# Every style the brief uses, its type, and what stands in when a template lacks it.
STYLE_FALLBACKS: dict[str, tuple[WD_STYLE_TYPE, tuple[str, ...]]] = {
    "Normal": (P, ()),
    "Title": (P, ("Heading 1", "Normal")),
    "Brief Meta": (P, ("Subtitle", "Normal")),
    "Handling": (P, ("Normal",)),
    "Heading 1": (P, ("Normal",)),
    "Heading 2": (P, ("Heading 1", "Normal")),
    "Heading 3": (P, ("Heading 2", "Normal")),
    "Brief Quote": (P, ("Quote", "Normal")),
    "Brief Attribution": (P, ("Normal",)),
    "Brief Facts": (P, ("Brief Attribution", "Normal")),
    "Brief Source": (P, ("Normal",)),
    "Brief Table Text": (P, ("Normal",)),
    "Brief Assessment": (P, ("Brief Attribution", "Normal")),
    "Brief Caption": (P, ("Caption", "Brief Attribution", "Normal")),
    "Brief Figure": (P, ("Normal",)),
    "Contents Heading": (P, ("TOC Heading", "Brief Meta", "Normal")),
    "TOC 1": (P, ("Normal",)),
    "TOC 2": (P, ("TOC 1", "Normal")),
    "List Number": (P, ("List Bullet", "Normal")),
    "List Bullet": (P, ("Normal",)),
    "Header": (P, ("Normal",)),
    "Footer": (P, ("Normal",)),
    "Hyperlink": (C, ()),
    "Light Grid Accent 1": (T, ("Table Grid",)),
}
TABLE_STYLE = "Light Grid Accent 1"


def style_problems(doc: DocxDocument) -> list[str]:
    """One line per style the brief needs that `doc` lacks, naming what stands in for it."""
    available = _available(doc)
    problems = []
    for name, (kind, fallbacks) in STYLE_FALLBACKS.items():
        if available.get(name) == kind:
            continue
        stand_in = next((f for f in fallbacks if available.get(f) == kind), None)
        what = _KIND_WORDS[kind]
        instead = f"using '{stand_in}' instead" if stand_in else "using direct formatting"
        found = " (it exists with another type)" if name in available else ""
        problems.append(f"missing {what} style '{name}'{found}; {instead}")
    return problems


_KIND_WORDS = {P: "paragraph", C: "character", T: "table"}


def _available(doc: DocxDocument) -> dict[str, WD_STYLE_TYPE]:
    return {s.name: s.type for s in doc.styles if s.name}


@dataclass
class BriefWriter:
    """Appends to a template document, always through styles that exist in it."""

    doc: DocxDocument
    text_width: Length = field(default=Cm(16.6))
    _resolved: dict[str, str | None] = field(default_factory=dict)
    _ids: dict[str, str] = field(default_factory=dict)
    headings: list[tuple[int, Paragraph]] = field(default_factory=list)
    marks: dict[str, Paragraph] = field(default_factory=dict)  # places filled in later

    def __post_init__(self) -> None:
        section = self.doc.sections[-1]
        if section.page_width and section.left_margin is not None:
            width = section.page_width - section.left_margin - (section.right_margin or 0)
            self.text_width = Length(width)
        available = _available(self.doc)
        for name, (kind, fallbacks) in STYLE_FALLBACKS.items():
            chain = (name, *fallbacks)
            self._resolved[name] = next((s for s in chain if available.get(s) == kind), None)
        # python-docx looks a style name up by scanning every style: resolve ids once.
        self._ids = {s.name: s.style_id for s in self.doc.styles if s.name}

    def style(self, name: str) -> str | None:
        """The template's style for `name`, a stand-in, or None (the document default)."""
        return self._resolved.get(name, name)

    def new_paragraph(self, style: str, para: Paragraph | None = None) -> Paragraph:
        """An empty body paragraph (or `para`) in `style` or its stand-in."""
        para = para if para is not None else self._body_paragraph()
        resolved = self.style(style)
        if resolved is None:
            return para
        if para._p.pPr is None:  # the common case, written directly (python-docx searches)
            p_pr = element("w:pPr")
            p_style = element("w:pStyle")
            p_style.set(qn("w:val"), self._ids[resolved])
            p_pr.append(p_style)
            para._p.insert(0, p_pr)
        else:
            para._p.get_or_add_pPr().style = self._ids[resolved]
        return para

    def _body_paragraph(self) -> Paragraph:
        """A new last body paragraph, placed before the section properties directly:
        python-docx looks for them by scanning the whole body, once per paragraph."""
        p = element("w:p")
        self._append(p)
        return Paragraph(p, self.doc._body)

    def _append(self, element: BaseOxmlElement) -> None:
        body = self.doc.element.body
        last = body[-1] if len(body) else None
        if last is not None and last.tag == qn("w:sectPr"):
            last.addprevious(element)
        else:
            body.append(element)

    def paragraph(self, text: str = "", style: str = "Normal", **fmt: object) -> Paragraph:
        """A new body paragraph holding `text`; right-to-left when the text starts so."""
        return self.parts(style, (text, fmt))

    def parts(self, style: str, *segments: Segment, rtl: bool | None = None) -> Paragraph:
        """A new paragraph of differently formatted segments: "text" or ("text", {fmt}).

        The paragraph is right-to-left when its text starts so, unless `rtl` says.
        """
        return self.fill_parts(self.new_paragraph(style), segments, rtl)

    def heading(self, text: str, level: int) -> Paragraph:
        """A heading; call it only when content follows (empty sections are left out)."""
        para = self.paragraph(text, f"Heading {level}")
        if self.style(f"Heading {level}") != f"Heading {level}":
            for run in para.runs:
                run.bold = True
        self.headings.append((level, para))
        return para

    def picture(self, png: bytes, style: str = "Brief Figure") -> Paragraph:
        """An inline picture as wide as the text, in a paragraph of its own."""
        para = self.new_paragraph(style)
        para.add_run().add_picture(io.BytesIO(png), width=Length(self.text_width))
        return para

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[Cell]], widths_cm: Sequence[float]
    ) -> Table:
        """A table with a repeated header row, fixed column widths and compact cell text.

        A cell is plain text or a list of (style, segments) paragraphs.
        """
        table = self.doc.add_table(rows=0, cols=len(header))
        self._append(table._tbl)  # python-docx put it at the end, after sectPr's search
        table.style = self.style(TABLE_STYLE)
        table.autofit = False
        _table_look(table)
        widths = self._fit(widths_cm)
        _grid_widths(table, widths)
        twips = [str(Length(w).twips) for w in widths]
        self._row(table, [str(h) for h in header], twips, header=True)
        for values in rows:
            self._row(table, values, twips)
        return table

    def _row(
        self, table: Table, values: Sequence[Cell], twips: list[str], header: bool = False
    ) -> None:
        """One row written as XML: widths on every cell (Word reads cells, LibreOffice the
        grid), rows kept whole on a page, the header repeated on each page."""
        tr = OxmlElement("w:tr")
        tr_pr = OxmlElement("w:trPr")
        tr_pr.append(OxmlElement("w:cantSplit"))
        if header:
            tr_pr.append(OxmlElement("w:tblHeader"))
        tr.append(tr_pr)
        table._tbl.append(tr)
        for value, width in zip(values, twips, strict=True):
            tc = element("w:tc")
            tc_pr = element("w:tcPr")
            tc_w = element("w:tcW")
            tc_w.set(qn("w:w"), width)
            tc_w.set(qn("w:type"), "dxa")
            tc_pr.append(tc_w)
            tc.append(tc_pr)
            tc.append(element("w:p"))
            tr.append(tc)
            cell = _Cell(tc, table)
            if header:
                self._cell_text(cell.paragraphs[0], str(value), bold=True)
            else:
                self._cell(cell, value)

    def _cell(self, cell: _Cell, value: Cell) -> None:
        if isinstance(value, str):
            self._cell_text(cell.paragraphs[0], value)
            return
        for i, (style, segments) in enumerate(value):
            para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            self.fill_parts(self.new_paragraph(style, para), segments)

    def fill_parts(
        self, para: Paragraph, segments: Sequence[Segment], rtl: bool | None = None
    ) -> Paragraph:
        """Add formatted segments to `para`, right-to-left when their text starts so."""
        pieces = [(s, {}) if isinstance(s, str) else s for s in segments]
        if rtl is None:
            rtl = starts_rtl(clean_xml_text("".join(text for text, _ in pieces)))
        if rtl:
            set_paragraph_rtl(para)
        for text, fmt in pieces:
            add_run_auto(para, text, **{k: v for k, v in fmt.items() if v is not None})
        return para

    def _cell_text(self, para: Paragraph, text: str, bold: bool | None = None) -> None:
        fill(self.new_paragraph("Brief Table Text", para), text, bold=bold)

    def _fit(self, widths_cm: Sequence[float]) -> list[int]:
        total = sum(widths_cm)
        return [int(self.text_width * w / total) for w in widths_cm]


def fill(para: Paragraph, text: str, **fmt: object) -> None:
    """Add `text` to `para`, marking Arabic runs RTL and the paragraph RTL if it starts so."""
    clean = clean_xml_text(text)
    if starts_rtl(clean):
        set_paragraph_rtl(para)
    add_run_auto(para, clean, **{k: v for k, v in fmt.items() if v is not None})


def _table_look(table: Table) -> None:
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    for attr, value in (("val", "0420"), ("firstRow", "1"), ("firstColumn", "0")):
        look.set(qn(f"w:{attr}"), value)
    for attr in ("lastRow", "lastColumn", "noHBand"):
        look.set(qn(f"w:{attr}"), "0")
    look.set(qn("w:noVBand"), "1")


def _grid_widths(table: Table, widths: list[int]) -> None:
    """Column widths (EMU) on the grid and the table width, in twips."""
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(sum(Length(w).twips for w in widths)))
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = Length(width)
