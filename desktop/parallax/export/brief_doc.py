"""The brief being written: template styles with fallbacks, and paragraph/heading/table helpers."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length
from docx.table import Table
from docx.text.paragraph import Paragraph

from parallax.export.docx_xml import add_run_auto, clean_xml_text, set_paragraph_rtl, starts_rtl

logger = logging.getLogger(__name__)

Segment = str | tuple[str, dict[str, object]]
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
        para = para if para is not None else self.doc.add_paragraph()
        resolved = self.style(style)
        if resolved is not None:
            para._p.get_or_add_pPr().style = self._ids[resolved]
        return para

    def paragraph(self, text: str = "", style: str = "Normal", **fmt: object) -> Paragraph:
        """A new body paragraph holding `text`; right-to-left when the text starts so."""
        return self.parts(style, (text, fmt))

    def parts(self, style: str, *segments: Segment) -> Paragraph:
        """A new paragraph of differently formatted segments: "text" or ("text", {fmt})."""
        para = self.new_paragraph(style)
        pieces = [(s, {}) if isinstance(s, str) else s for s in segments]
        if starts_rtl(clean_xml_text("".join(text for text, _ in pieces))):
            set_paragraph_rtl(para)
        for text, fmt in pieces:
            add_run_auto(para, text, **{k: v for k, v in fmt.items() if v is not None})
        return para

    def heading(self, text: str, level: int) -> Paragraph:
        """A heading; call it only when content follows (empty sections are left out)."""
        para = self.paragraph(text, f"Heading {level}")
        if self.style(f"Heading {level}") != f"Heading {level}":
            for run in para.runs:
                run.bold = True
        return para

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths_cm: Sequence[float]
    ) -> Table:
        """A table with a repeated header row, fixed column widths and compact cell text."""
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.style(TABLE_STYLE)
        table.autofit = False
        _table_look(table)
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            self._cell_text(cell.paragraphs[0], text, bold=True)
        _repeat_header(table)
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                self._cell_text(cell.paragraphs[0], text)
        _column_widths(table, self._fit(widths_cm))
        return table

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


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def _column_widths(table: Table, widths: list[int]) -> None:
    """Widths in EMU on the grid and on every cell (Word reads cells, LibreOffice the grid)."""
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(sum(Length(w).twips for w in widths)))
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = Length(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Length(width)
        row._tr.get_or_add_trPr()
        if row._tr.trPr.find(qn("w:cantSplit")) is None:
            row._tr.trPr.insert(0, OxmlElement("w:cantSplit"))
