"""Build resources/brief-template.docx: python-docx's default document with the brief's styles.

Run as `python -m parallax.export.make_template resources/brief-template.docx`.
"""

from __future__ import annotations

import argparse
import pathlib
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

from parallax.export.docx_xml import PPR_ORDER, RPR_ORDER, insert_in_order, sync_size_cs

SANS = "Calibri"  # Carlito, metric-compatible, stands in on Linux
ARABIC = "Arial"  # complex-script font: has Arabic on Windows and macOS
INK = "262626"
MUTED = "595959"
NAVY = "1F3864"
BLUE = "2E5496"
RULE = "B4C6E7"


@dataclass(frozen=True)
class Look:
    """How one style looks; None leaves the inherited value."""

    size: float | None = None
    color: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    before: float | None = None
    after: float | None = None
    left_cm: float | None = None
    right_cm: float | None = None
    first_line_cm: float | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    keep_next: bool | None = None
    line: float | None = None


LOOKS: dict[str, Look] = {
    "Normal": Look(size=10.5, color=INK, before=0, after=6, line=1.15),
    "Title": Look(size=22, color=NAVY, bold=True, before=6, after=4, line=1.0),
    "Subtitle": Look(size=11, color=MUTED, italic=False, after=6),
    "Heading 1": Look(size=14, color=NAVY, bold=True, before=18, after=6, keep_next=True),
    "Heading 2": Look(size=12, color=BLUE, bold=True, before=14, after=3, keep_next=True),
    "Heading 3": Look(size=10.5, color=NAVY, bold=True, before=10, after=2, keep_next=True),
    "Quote": Look(size=10.5, color=INK, italic=False, left_cm=0.75, right_cm=0.5),
    "List Number": Look(after=4),
    "List Bullet": Look(after=4),
    "Header": Look(size=8.5, color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER, after=0, line=1.0),
    "Footer": Look(size=8.5, color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER, after=0, line=1.0),
}

CUSTOM: dict[str, tuple[str, Look]] = {
    "Brief Meta": ("Normal", Look(size=10, color=MUTED, before=2, after=18)),
    "Handling": (
        "Normal",
        Look(size=9, color="404040", bold=True, caps=True, align=WD_ALIGN_PARAGRAPH.CENTER),
    ),
    "Brief Quote": (
        "Normal",
        Look(color=INK, before=6, after=1, left_cm=0.75, right_cm=0.5, keep_next=True),
    ),
    "Brief Attribution": ("Normal", Look(size=9, color=MUTED, after=8, left_cm=0.75)),
    "Brief Facts": ("Normal", Look(size=9, color=MUTED, after=6, keep_next=True)),
    "Brief Source": ("Normal", Look(size=9.5, after=4, left_cm=0.9, first_line_cm=-0.9)),
    "Brief Table Text": ("Normal", Look(size=9, before=2, after=2, line=1.0)),
    "Brief Assessment": ("Normal", Look(size=9.5, color=MUTED, after=8, left_cm=0.63)),
    "Brief Caption": ("Normal", Look(size=8.5, color=MUTED, italic=True, before=2, after=10)),
    "Brief Figure": ("Normal", Look(before=6, after=2, line=1.0, keep_next=True)),
    "Contents Heading": (
        "Normal",
        Look(size=12, color=NAVY, bold=True, before=6, after=4, keep_next=True),
    ),
    "TOC 1": ("Normal", Look(size=10, color=INK, before=2, after=1)),
    "TOC 2": ("Normal", Look(size=9.5, color=MUTED, after=1, left_cm=0.5)),
}


def build(path: pathlib.Path) -> pathlib.Path:
    """Write the template to `path` and return it."""
    doc = docx.Document()
    _page_setup(doc)
    _defaults(doc)
    for name, look in LOOKS.items():
        restyle(doc.styles[name], look)
    for name, (base, look) in CUSTOM.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.quick_style = True
        restyle(style, look)
    _finish_styles(doc)
    _clear_body(doc)
    props = doc.core_properties
    props.title, props.author, props.comments = "Parallax brief", "Parallax", ""
    props.last_modified_by, props.keywords, props.subject = "Parallax", "", ""
    doc.save(str(path))
    return path


def _page_setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)


def _defaults(doc: DocxDocument) -> None:
    """Fonts and language for everything, tables included: Latin sans, Arabic-capable cs."""
    r_pr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = insert_in_order(r_pr, OxmlElement("w:lang"), RPR_ORDER)
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:bidi"), "ar-SY")


def restyle(style: BaseStyle, look: Look) -> None:
    """Give `style` explicit fonts (no theme fonts) and the look's character/paragraph values."""
    _set_fonts(style.element.get_or_add_rPr())
    _character(style, look)
    _paragraph(style, look)


def _character(style: BaseStyle, look: Look) -> None:
    font = style.font
    if look.size is not None:
        font.size = Pt(look.size)
        sync_size_cs(style.element.get_or_add_rPr())
    if look.color is not None:
        font.color.rgb = RGBColor.from_string(look.color)
        color = style.element.rPr.find(qn("w:color"))
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(attr), None)
    for attr in ("bold", "italic"):
        if getattr(look, attr) is not None:
            setattr(font, attr, getattr(look, attr))
    if look.caps is not None:
        font.all_caps = look.caps


def _paragraph(style: BaseStyle, look: Look) -> None:
    fmt = style.paragraph_format
    for attr, value in (("space_before", look.before), ("space_after", look.after)):
        if value is not None:
            setattr(fmt, attr, Pt(value))
    for attr, value in (
        ("left_indent", look.left_cm),
        ("right_indent", look.right_cm),
        ("first_line_indent", look.first_line_cm),
    ):
        if value is not None:
            setattr(fmt, attr, Cm(value))
    if look.align is not None:
        fmt.alignment = look.align
    if look.keep_next is not None:
        fmt.keep_with_next = look.keep_next
    if look.line is not None:
        fmt.line_spacing = look.line


def _finish_styles(doc: DocxDocument) -> None:
    """Borders, tabs and the link style that the Look table cannot express."""
    styles = doc.styles
    _border(styles["Title"], "bottom", None)
    _border(styles["Brief Meta"], "bottom", (6, NAVY, 6))
    _border(styles["Heading 1"], "bottom", (4, RULE, 2))
    _border(styles["Brief Quote"], "left", (12, RULE, 8))
    for name in ("Header", "Footer"):
        tabs = styles[name].element.pPr.find(qn("w:tabs"))
        if tabs is not None:
            styles[name].element.pPr.remove(tabs)
    styles["Brief Source"].paragraph_format.tab_stops.add_tab_stop(Cm(0.9), WD_TAB_ALIGNMENT.LEFT)
    styles["Heading 1"].paragraph_format.keep_together = True
    link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.base_style = styles["Default Paragraph Font"]
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    link.unhide_when_used = True


def _border(style: BaseStyle, side: str, spec: tuple[int, str, int] | None) -> None:
    """Set (size in eighths of a point, colour, space in points) on one side, or remove all."""
    p_pr = style.element.get_or_add_pPr()
    old = p_pr.find(qn("w:pBdr"))
    if old is not None:
        p_pr.remove(old)
    if spec is None:
        return
    size, color, space = spec
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for attr, value in (("val", "single"), ("sz", size), ("space", space), ("color", color)):
        edge.set(qn(f"w:{attr}"), str(value))
    borders.append(edge)
    insert_in_order(p_pr, borders, PPR_ORDER)


def _set_fonts(r_pr: object) -> None:
    fonts = r_pr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = r_pr.get_or_add_rFonts()  # type: ignore[attr-defined]
    fonts.attrib.clear()
    for attr, value in (("ascii", SANS), ("hAnsi", SANS), ("eastAsia", SANS), ("cs", ARABIC)):
        fonts.set(qn(f"w:{attr}"), value)


def _clear_body(doc: DocxDocument) -> None:
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def main(argv: list[str] | None = None) -> int:
    """Command line: write the template to the given path."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=pathlib.Path, help="where to write the .docx template")
    args = parser.parse_args(argv)
    print(build(args.path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
