"""Low-level WordprocessingML helpers that python-docx lacks: clean text, links, RTL, fields."""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run

logger = logging.getLogger(__name__)

# XML 1.0 "Char": everything except C0 controls other than TAB/LF/CR, surrogates and FFFE/FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RTL_CLASSES = frozenset({"R", "AL"})
# Every strong right-to-left character lies in these blocks; text without any (most of a
# brief) skips the per-character bidi lookup.
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_BREAKS = re.compile("[\t\n\r]")
_LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
_SAFE_SCHEMES = ("http://", "https://", "ftp://", "mailto:")
LRM = "\u200e"
RLM = "\u200f"

# Child order of w:pPr and w:rPr (ECMA-376 CT_PPrBase / CT_RPr): Word refuses other orders.
PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
    "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip


@functools.lru_cache(maxsize=64)
def _clark(tag: str) -> tuple[str, dict[str, str]]:
    prefix = tag.split(":", 1)[0]
    return qn(tag), {prefix: nsmap[prefix]}


def element(tag: str) -> BaseOxmlElement:
    """`OxmlElement(tag)` without re-reading the prefixed name each time (hot in a brief)."""
    clark, namespaces = _clark(tag)
    return oxml_parser.makeelement(clark, nsmap=namespaces)


def insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement, order: tuple[str, ...]):
    """Insert `child` into `parent` before every sibling that the schema `order` puts after it.

    Returns `child`. A tag missing from `order` is appended.
    """
    tag = child.tag
    names = [qn(t) for t in order]
    if tag in names:
        parent.insert_element_before(child, *order[names.index(tag) + 1 :])
    else:
        parent.append(child)
    return child


def sync_size_cs(r_pr: BaseOxmlElement) -> None:
    """Copy `w:sz` into `w:szCs`: Word sizes complex-script (Arabic) text by `w:szCs` alone."""
    size = r_pr.find(qn("w:sz"))
    if size is None:
        return
    sz_cs = r_pr.find(qn("w:szCs"))
    if sz_cs is None:
        sz_cs = insert_in_order(r_pr, OxmlElement("w:szCs"), RPR_ORDER)
    sz_cs.set(qn("w:val"), size.get(qn("w:val")))


def clean_xml_text(s: object) -> str:
    """Return `s` as text XML 1.0 can carry; never raises.

    Valid surrogate pairs (as left by `surrogateescape`-style decoding) are joined into the
    character they encode; NUL, C0 controls other than tab/LF/CR, lone surrogates and the
    non-characters U+FFFE/U+FFFF are dropped. `None` becomes the empty string.
    """
    if s is None:
        return ""
    text = s if isinstance(s, str) else str(s)
    if not _XML_ILLEGAL.search(text):
        return text
    with contextlib.suppress(UnicodeError):  # surrogatepass accepts every str; be safe
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _XML_ILLEGAL.sub("", text)


def has_rtl(text: str) -> bool:
    """True when `text` holds a strong right-to-left character (Arabic, Hebrew, Syriac, …)."""
    if not _MAYBE_RTL.search(text):
        return False
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def starts_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left (the paragraph's base direction)."""
    if not _MAYBE_RTL.search(text):
        return False
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL_CLASSES:
            return True
        if kind == "L":
            return False
    return False


def direction_chunks(text: str, base_rtl: bool = False) -> Iterator[tuple[str, bool]]:
    """Split `text` into (chunk, is_rtl) pieces, an RTL piece running from the first to the
    last strong RTL character of a stretch (neutrals and combining marks between them).

    With `base_rtl` (a right-to-left paragraph) neutrals at either end, such as quotation
    marks, join the neighbouring RTL piece.
    """
    spans = _rtl_spans(text) if _MAYBE_RTL.search(text) else []
    if base_rtl and spans:
        spans[0] = (0, spans[0][1])
        if not any(unicodedata.bidirectional(c) == "L" for c in text[spans[-1][1] :]):
            spans[-1] = (spans[-1][0], len(text))
    pos = 0
    for start, end in spans:
        if start > pos:
            yield text[pos:start], False
        yield text[start:end], True
        pos = end
    if pos < len(text):
        yield text[pos:], False


def _rtl_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start: int | None = None
    last = 0
    for i, ch in enumerate(text):
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL_CLASSES:
            start = i if start is None else start
            last = i
        elif kind == "NSM" and start is not None and last == i - 1:
            last = i  # a combining mark stays with its base letter
        elif kind == "L" and start is not None:
            spans.append((start, last + 1))
            start = None
    if start is not None:
        spans.append((start, last + 1))
    return spans


def set_paragraph_rtl(paragraph: Paragraph) -> None:
    """Make `paragraph` right-to-left: `w:bidi` in schema order, no right alignment.

    In a bidi paragraph the start edge is the right one, so an explicit right (or end)
    alignment would be drawn flush left; it is removed.
    """
    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        insert_in_order(p_pr, OxmlElement("w:bidi"), PPR_ORDER)
    if paragraph.alignment in (WD_ALIGN_PARAGRAPH.RIGHT,):
        paragraph.alignment = None
    jc = p_pr.find(qn("w:jc"))
    if jc is not None and jc.get(qn("w:val")) == "end":
        p_pr.remove(jc)


def is_paragraph_rtl(paragraph: Paragraph) -> bool:
    """True when the paragraph carries `w:bidi` (directly, not through its style)."""
    p_pr = paragraph._p.pPr
    bidi = None if p_pr is None else p_pr.find(qn("w:bidi"))
    return bidi is not None and bidi.get(qn("w:val"), "1") not in ("0", "false", "off")


def mark_run_rtl(run: Run) -> None:
    """Mark `run` right-to-left (`w:rtl`) and mirror its size into `w:szCs`.

    Word sizes complex-script text by `w:szCs` alone, so a size set with python-docx would
    otherwise be ignored for Arabic.
    """
    r_pr = run._r.get_or_add_rPr()
    r_pr.get_or_add_rtl()
    sync_size_cs(r_pr)


def apply_format(run: Run, fmt: dict[str, Any]) -> None:
    """Apply simple character formatting: bold, italic, caps, size (pt), color (hex), style.

    A run without properties gets them written directly, in schema order: python-docx's
    per-property setters search the children each time, which dominates a long brief.
    """
    if not any(fmt.get(k) is not None for k in ("style", "bold", "italic", "caps", "size")) and (
        not fmt.get("color")
    ):
        return
    if run._r.rPr is None:
        _fresh_properties(run, fmt)
        return
    style = fmt.get("style")
    style_id = character_style_id(run._parent, style) if style else None  # type: ignore[arg-type]
    if style_id:
        run._r.get_or_add_rPr().style = style_id
    for key, attr in (("bold", "bold"), ("italic", "italic"), ("caps", "all_caps")):
        if fmt.get(key) is not None:
            setattr(run.font, attr, fmt[key])
    if fmt.get("size") is not None:
        run.font.size = Pt(fmt["size"])
    if fmt.get("color"):
        run.font.color.rgb = RGBColor.from_string(fmt["color"])


def _fresh_properties(run: Run, fmt: dict[str, Any]) -> None:
    style = fmt.get("style")
    style_id = character_style_id(run._parent, style) if style else None  # type: ignore[arg-type]
    values: list[tuple[str, str | None]] = []
    if style_id:
        values.append(("w:rStyle", style_id))
    for key, tag in (("bold", "w:b"), ("italic", "w:i"), ("caps", "w:caps")):
        if fmt.get(key) is not None:
            values.append((tag, None if fmt[key] else "0"))
    if fmt.get("color"):
        values.append(("w:color", str(RGBColor.from_string(fmt["color"]))))
    if fmt.get("size") is not None:
        values.append(("w:sz", str(round(float(fmt["size"]) * 2))))
    r_pr = element("w:rPr")
    for tag, value in values:
        child = element(tag)
        if value is not None:
            child.set(qn("w:val"), value)
        r_pr.append(child)
    run._r.insert(0, r_pr)


def add_run_auto(paragraph: Paragraph, text: object, **fmt: Any) -> list[Run]:
    """Append cleaned `text` to `paragraph`, one run per direction, RTL runs marked.

    Keyword formatting: bold, italic, size (points), color ("1F3864"), style (character
    style name, which must exist). In a paragraph already marked right-to-left, neutral
    characters at the ends go with the Arabic. In a left-to-right paragraph each Arabic
    stretch is closed by an invisible LEFT-TO-RIGHT MARK, so that following digits and
    punctuation ("…”, 18 May 2017") are not drawn into it (and the mirror case with a
    RIGHT-TO-LEFT MARK). Returns the runs added (none for empty text).
    """
    base_rtl = is_paragraph_rtl(paragraph)
    runs: list[Run] = []
    for chunk, rtl in direction_chunks(clean_xml_text(text), base_rtl=base_rtl):
        run = new_run(paragraph, chunk)
        apply_format(run, fmt)
        if rtl:
            mark_run_rtl(run)
        runs.append(run)
        if rtl != base_rtl and _has_strong(chunk, rtl):
            mark = new_run(paragraph, RLM if base_rtl else LRM)
            if base_rtl:
                mark_run_rtl(mark)
            runs.append(mark)
    return runs


def new_run(paragraph: Paragraph, text: str) -> Run:
    """`paragraph.add_run(text)` without python-docx's per-character rebuild for plain text.

    Tabs and line breaks still go through python-docx, which writes `w:tab` and `w:br`.
    """
    if _BREAKS.search(text):
        return paragraph.add_run(text)
    r = element("w:r")
    t = element("w:t")
    t.text = text
    if text != text.strip():
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    paragraph._p.append(r)
    return Run(r, paragraph)


def _has_strong(chunk: str, rtl: bool) -> bool:
    return has_rtl(chunk) if rtl else any(unicodedata.bidirectional(c) == "L" for c in chunk)


def mirror_border(paragraph: Paragraph) -> None:
    """Move the paragraph style's left border to the right, for a right-to-left paragraph.

    `w:bidi` mirrors indents and alignment but not borders, so a quote bar set on the left
    would sit at the far end of Arabic text.
    """
    style = paragraph.style
    style_ppr = style.element.pPr if style is not None else None
    style_bdr = style_ppr.find(qn("w:pBdr")) if style_ppr is not None else None
    left = style_bdr.find(qn("w:left")) if style_bdr is not None else None
    if left is None:
        return
    p_pr = paragraph._p.get_or_add_pPr()
    old = p_pr.find(qn("w:pBdr"))
    if old is not None:
        p_pr.remove(old)
    borders = insert_in_order(p_pr, OxmlElement("w:pBdr"), PPR_ORDER)
    no_left = OxmlElement("w:left")
    no_left.set(qn("w:val"), "nil")
    right = OxmlElement("w:right")
    for name, value in left.attrib.items():
        right.set(name, value)
    borders.extend([no_left, right])


def safe_url(url: str) -> str:
    """Return `url` cleaned for a relationship target, or "" when it is not a web/mail link."""
    clean = re.sub(r"\s", "%20", clean_xml_text(url).strip())
    if clean.lower().startswith("www."):
        clean = "https://" + clean
    return clean if clean.lower().startswith(_SAFE_SCHEMES) else ""


def add_hyperlink(
    paragraph: Paragraph, url: str, text: str, style: str | None = "Hyperlink"
) -> Hyperlink:
    """Append a live external link (`w:hyperlink` with an `r:id`) showing `text`.

    The run takes the character `style` when the document has it, otherwise blue
    underlined direct formatting.
    """
    part = paragraph.part
    r_id = part.relate_to(clean_xml_text(url), RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    run = Run(OxmlElement("w:r"), paragraph)
    link.append(run._r)
    run.text = clean_xml_text(text)
    style_id = character_style_id(paragraph, style) if style else None
    if style_id:
        run._r.get_or_add_rPr().style = style_id
    else:
        run.font.color.rgb = _LINK_COLOUR
        run.font.underline = True
    return Hyperlink(link, paragraph)


def character_style_id(paragraph: Paragraph, name: str) -> str | None:
    """The id of the character style called `name`, or None when the document lacks it.

    A direct scan: python-docx's own name lookup walks every style twice per call.
    """
    styles = paragraph.part.package.main_document_part.styles.element
    wanted = name.casefold()
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) != "character":
            continue
        label = style.find(qn("w:name"))
        if label is not None and label.get(qn("w:val"), "").casefold() == wanted:
            return style.get(qn("w:styleId"))
    return None


def add_field(paragraph: Paragraph, instr: str, placeholder: str = "1") -> list[Run]:
    """Append a complex field (PAGE, NUMPAGES, TOC …): begin, instrText, separate, end.

    `placeholder` is the result shown until the reader's word processor updates the field.
    A TOC field is marked dirty so that Word offers to fill it on opening.
    """
    begin = _fld_char("begin")
    if instr.strip().upper().startswith("TOC"):
        begin.set(qn("w:dirty"), "true")
    runs = [_run_with(paragraph, begin)]
    instr_text = OxmlElement("w:instrText")
    instr_text.set(qn("xml:space"), "preserve")
    instr_text.text = f" {clean_xml_text(instr).strip()} "
    runs.append(_run_with(paragraph, instr_text))
    runs.append(_run_with(paragraph, _fld_char("separate")))
    runs.append(paragraph.add_run(clean_xml_text(placeholder)))
    runs.append(_run_with(paragraph, _fld_char("end")))
    return runs


def _fld_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _run_with(paragraph: Paragraph, child: BaseOxmlElement) -> Run:
    run = paragraph.add_run()
    run._r.append(child)
    return run
