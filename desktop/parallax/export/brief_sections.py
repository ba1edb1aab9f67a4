"""The sections of a brief, one function each; a section with nothing to say writes nothing."""

from __future__ import annotations

from collections.abc import Callable

from docx.text.paragraph import Paragraph

from parallax.domain.brief import (
    BriefClaim,
    BriefData,
    BriefEvent,
    BriefJudgment,
    BriefPassage,
    BriefSource,
)
from parallax.export.brief_doc import BriefWriter, Segment
from parallax.export.brief_text import (
    agreement,
    chronological,
    cite,
    disagreement_sentence,
    event_date,
    format_date,
    passage_attribution,
    shorten,
    source_fields,
    source_tail,
)
from parallax.export.docx_xml import (
    add_field,
    add_hyperlink,
    add_run_auto,
    is_paragraph_rtl,
    mirror_border,
    safe_url,
)

Section = Callable[[BriefWriter, BriefData], None]

MUTED = "595959"
TIMELINE_HEADER = ("Date", "Event", "Outlets reporting", "Agreement")
ACTORS_HEADER = ("Name", "Kind", "Aliases", "Events")


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
    """Handling line in the header, page numbers in the footer, unless the template has its own."""
    section = w.doc.sections[0]
    header = section.header.paragraphs[0]
    if data.handling.strip() and not _has_content(section.header.paragraphs):
        header.style = w.style("Header")
        add_run_auto(header, data.handling.strip(), caps=True)
    if _has_content(section.footer.paragraphs):
        return
    footer = section.footer.paragraphs[0]
    footer.style = w.style("Footer")
    add_run_auto(footer, "Page ")
    add_field(footer, "PAGE")
    add_run_auto(footer, " of ")
    add_field(footer, "NUMPAGES")


def _has_content(paragraphs: list[Paragraph]) -> bool:
    return any(p.text.strip() or "fldChar" in p._p.xml for p in paragraphs)


def bottom_line(w: BriefWriter, data: BriefData) -> None:
    """The project memo, up front: one paragraph per blank-line-separated block."""
    blocks = [b.strip() for b in data.bottom_line.split("\n\n") if b.strip()]
    if not blocks:
        return
    w.heading("Bottom line", 1)
    for block in blocks:
        w.paragraph(block, "Normal")


def key_judgments(w: BriefWriter, data: BriefData) -> None:
    """Each judgment with its likelihood and confidence stated apart, and its citations."""
    judgments = [j for j in data.judgments if j.statement.strip()]
    if not judgments:
        return
    w.heading("Key judgments", 1)
    for judgment in judgments:
        w.parts("List Number", *_judgment_segments(judgment))


def _judgment_segments(judgment: BriefJudgment) -> list[Segment]:
    statement = judgment.statement.strip()
    if statement[-1] not in ".!?":
        statement += "."
    segments: list[Segment] = [(statement, {"bold": True})]
    segments.append(f" Likelihood: {judgment.likelihood}; Confidence: {judgment.confidence}.")
    if judgment.citations:
        segments.append(" " + cite(*judgment.citations))
    return segments


def timeline(w: BriefWriter, data: BriefData) -> None:
    """A table of events in date order: date, title, outlets reporting, agreement."""
    events = chronological(data.events)
    if not events:
        return
    w.heading("Timeline", 1)
    rows = [
        (event_date(e) or "undated", e.title, ", ".join(e.outlets) or "—", agreement(e))
        for e in events
    ]
    w.table(TIMELINE_HEADER, rows, (2.9, 6.4, 4.3, 3.0))


def events(w: BriefWriter, data: BriefData) -> None:
    """One section per event, in date order, comparing what each source said."""
    ordered = chronological(data.events)
    if not ordered:
        return
    w.heading("Reporting by event", 1)
    for event in ordered:
        event_section(w, event)


def event_section(w: BriefWriter, event: BriefEvent) -> None:
    """Heading, facts, description, quoted passages, disagreement and silence."""
    when = event_date(event)
    w.heading(f"{event.title} — {when}" if when else f"{event.title} (undated)", 2)
    facts = [f"Place: {event.place}" if event.place else "", f"Agreement: {agreement(event)}"]
    w.paragraph("  ·  ".join(f for f in facts if f), "Brief Facts")
    if event.description.strip():
        w.paragraph(event.description.strip(), "Normal")
    for passage in event.passages:
        quoted_passage(w, passage)
    disagreement = disagreement_sentence(event)
    if disagreement:
        w.parts("Normal", ("Where sources disagree. ", {"bold": True}), disagreement)
    if event.outlets_silent:
        silent = ", ".join(event.outlets_silent)
        w.parts("Normal", ("Not reported by: ", {"italic": True}), f"{silent}.")


def quoted_passage(w: BriefWriter, passage: BriefPassage) -> None:
    """The quote in quotation marks, then who said it, when, the stance and the citation."""
    quote, shortened = shorten(passage.quote)
    para = w.paragraph(f"“{quote}”", "Brief Quote")
    if is_paragraph_rtl(para):
        mirror_border(para)
    segments: list[Segment] = [f"— {passage_attribution(passage)}"]
    rating = _rating(passage)
    if rating:
        segments.append(f"; {rating}")
    segments.append(f" {cite(passage.source_number)}")
    if shortened:
        segments.append(f" (quote shortened; full text in source {cite(passage.source_number)})")
    if passage.note.strip():
        segments.append((f" Note: {passage.note.strip()}", {"italic": True}))
    w.parts("Brief Attribution", *segments)


def _rating(passage: BriefPassage) -> str:
    parts = []
    if passage.reliability:
        parts.append(f"reliability {passage.reliability}")
    if passage.credibility is not None:
        parts.append(f"credibility {passage.credibility}")
    return ", ".join(parts)


def actors(w: BriefWriter, data: BriefData) -> None:
    """A table of actors with their aliases and the events they appear in."""
    if not data.actors:
        return
    w.heading("Actors", 1)
    rows = [(a.name, a.kind, "; ".join(a.aliases), "; ".join(a.events)) for a in data.actors]
    w.table(ACTORS_HEADER, rows, (4.0, 2.6, 5.0, 5.0))


def sources(w: BriefWriter, data: BriefData) -> None:
    """The numbered sources list the citations point to, URLs as live links."""
    if not data.sources:
        return
    w.heading("Sources", 1)
    for source in sorted(data.sources, key=lambda s: s.number):
        source_entry(w, source)


def source_entry(w: BriefWriter, source: BriefSource) -> None:
    """'[n] Outlet, “Title”, Author, date, URL, imported <date>, reliability grade X.'"""
    url = source.url.strip()
    items: list[tuple[str, str]] = [(f, "") for f in source_fields(source)]
    if url:
        items.append((url, safe_url(url)))
    items += [(f, "") for f in source_tail(source)]
    para = w.parts("Brief Source", f"[{source.number}]\t")
    for i, (text, target) in enumerate(items):
        if i:
            add_run_auto(para, ", ")
        if target:
            add_hyperlink(para, target, text, style=w.style("Hyperlink"))
        else:
            add_run_auto(para, text)
    add_run_auto(para, ".")


def appendix(w: BriefWriter, data: BriefData) -> None:
    """Every claim, grouped by the source it comes from."""
    if not data.appendix:
        return
    w.heading("Appendix: claims by source", 1)
    by_number = {s.number: s for s in data.sources}
    for number in sorted({c.source_number for c in data.appendix}):
        source = by_number.get(number)
        name = f"{source.outlet} — {source.title}" if source else "Unlisted source"
        w.heading(f"[{number}] {name.strip(' —')}", 2)
        for claim in (c for c in data.appendix if c.source_number == number):
            w.parts("List Bullet", *_claim_segments(claim))


def _claim_segments(claim: BriefClaim) -> list[Segment]:
    quote, shortened = shorten(claim.quote)
    segments: list[Segment] = [f"“{quote}”", (f" ({claim.kind})", {"color": MUTED})]
    if shortened:
        segments.append(f" (quote shortened; full text in source {cite(claim.source_number)})")
    if claim.note.strip():
        segments.append((f" — {claim.note.strip()}", {"italic": True}))
    if claim.tags:
        segments.append((f" Tags: {', '.join(claim.tags)}.", {"color": MUTED}))
    return segments


SECTIONS: tuple[Section, ...] = (
    title_block,
    page_furniture,
    bottom_line,
    key_judgments,
    timeline,
    events,
    actors,
    sources,
    appendix,
)
"""The brief, top to bottom; a later issue adds the timeline chart and a table of contents."""
