"""The sections of a brief, one function each; a section with nothing to say writes nothing.

This module holds the front of the brief (title, contents, bottom line, key judgments,
timeline and chart) and `SECTIONS`, the order of the whole document.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.text.paragraph import Paragraph

from parallax.domain.brief import BriefData, BriefJudgment
from parallax.export.brief_doc import BriefWriter, Segment
from parallax.export.brief_events import events
from parallax.export.brief_lists import actors, appendix, sources
from parallax.export.brief_text import (
    agreement,
    assessment,
    chronological,
    cite,
    event_date,
    format_date,
)
from parallax.export.chart import chartable, timeline_png
from parallax.export.docx_xml import add_field, add_run_auto
from parallax.export.toc import contents, fill_contents

Section = Callable[[BriefWriter, BriefData], None]

TIMELINE_HEADER = ("Date", "Event", "Outlets reporting", "Agreement")


def title_block(w: BriefWriter, data: BriefData) -> None:
    """Handling line, title, author and date."""
    if data.handling.strip():
        w.paragraph(data.handling.strip(), "Handling")
    w.paragraph(data.title.strip() or "Untitled brief", "Title")
    meta = [f"Prepared by {data.author.strip()}" if data.author.strip() else ""]
    meta.append(format_date(data.date))
    if any(meta):
        w.paragraph("  ·  ".join(m for m in meta if m), "Brief Meta")


def page_furniture(w: BriefWriter, data: BriefData) -> None:
    """Handling line in the header, page numbers in the footer, unless the template has
    its own. Page 1 has no header of ours: its title block opens with the handling line,
    and the two at once read as a mistake."""
    section = w.doc.sections[0]
    ours = not _has_content(section.header.paragraphs) and not _has_content(
        section.footer.paragraphs
    )
    if data.handling.strip() and not _has_content(section.header.paragraphs):
        header = section.header.paragraphs[0]
        header.style = w.style("Header")
        add_run_auto(header, data.handling.strip(), caps=True)
    if _has_content(section.footer.paragraphs):
        return
    _page_numbers(w, section.footer.paragraphs[0])
    if ours and data.handling.strip():
        section.different_first_page_header_footer = True
        _page_numbers(w, section.first_page_footer.paragraphs[0])


def _page_numbers(w: BriefWriter, footer: Paragraph) -> None:
    footer.style = w.style("Footer")
    add_run_auto(footer, "Page ")
    add_field(footer, "PAGE")
    add_run_auto(footer, " of ")
    add_field(footer, "NUMPAGES")


def _has_content(paragraphs: list[Paragraph]) -> bool:
    return any(p.text.strip() or "fldChar" in p._p.xml for p in paragraphs)


def table_of_contents(w: BriefWriter, data: BriefData) -> None:
    """A contents field after the title block, filled in by `finish` once headings exist."""
    contents(w)


def bottom_line(w: BriefWriter, data: BriefData) -> None:
    """The project memo, up front: one paragraph per blank-line-separated block."""
    blocks = [b.strip() for b in data.bottom_line.split("\n\n") if b.strip()]
    if not blocks:
        return
    w.heading("Bottom line", 1)
    for block in blocks:
        w.paragraph(block, "Normal")


def key_judgments(w: BriefWriter, data: BriefData) -> None:
    """Each judgment, then its likelihood and its confidence as two separate sentences."""
    judgments = [j for j in data.judgments if j.statement.strip()]
    if not judgments:
        return
    w.heading("Key judgments", 1)
    for judgment in judgments:
        statement = w.parts("List Number", *_statement(judgment))
        statement.paragraph_format.keep_with_next = True
        w.paragraph(
            assessment(judgment.likelihood, judgment.likelihood_range, judgment.confidence),
            "Brief Assessment",
        )
    if data.yardstick:
        w.paragraph(
            f"Likelihood terms follow the {data.yardstick} yardstick; confidence (low, "
            "moderate, high) rates the evidence and reasoning behind each judgment. "
            "Numbers in brackets cite the sources listed under Sources.",
            "Brief Caption",
        )


def _statement(judgment: BriefJudgment) -> list[Segment]:
    statement = judgment.statement.strip()
    if statement[-1] not in ".!?":
        statement += "."
    segments: list[Segment] = [(statement, {"bold": True})]
    if judgment.citations:
        segments.append(" " + cite(*judgment.citations))
    return segments


def timeline(w: BriefWriter, data: BriefData) -> None:
    """A table of events in date order, and the chart of who reported what, when."""
    ordered = chronological(data.events)
    if not ordered:
        return
    w.heading("Timeline", 1)
    png = timeline_png(ordered) if data.chart else None
    header: tuple[str, ...] = TIMELINE_HEADER
    widths: tuple[float, ...] = (2.9, 6.4, 4.3, 3.0)
    rows = [
        [event_date(e) or "undated", e.title, ", ".join(e.outlets) or "—", agreement(e)]
        for e in ordered
    ]
    if png is not None:  # the chart numbers events as the table does
        header, widths = ("#", *header), (0.8, 2.7, 6.0, 4.1, 3.0)
        rows = [[str(n), *row] for n, row in enumerate(rows, start=1)]
    w.table(header, rows, widths)
    if png is not None:
        _chart(w, png, len(chartable(ordered)) < len(ordered))


def _chart(w: BriefWriter, png: bytes, some_undated: bool) -> None:
    w.picture(png).paragraph_format.keep_with_next = True
    caption = (
        "Figure 1. Events by date (numbered as in the table) and the outlets reporting "
        "them; each mark's shape and colour show the outlet's stance."
    )
    if some_undated:
        caption += " Undated events are not shown."
    w.paragraph(caption, "Brief Caption")


def finish(w: BriefWriter, data: BriefData) -> None:
    """Work that needs the whole document: the contents."""
    fill_contents(w)


SECTIONS: tuple[Section, ...] = (
    title_block,
    page_furniture,
    table_of_contents,
    bottom_line,
    key_judgments,
    timeline,
    events,
    actors,
    sources,
    appendix,
    finish,
)
"""The brief, top to bottom."""
