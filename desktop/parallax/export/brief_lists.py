"""The reference part of a brief: actors, the numbered sources list, the claims appendix."""

from __future__ import annotations

from parallax.domain.brief import BriefClaim, BriefData, BriefSource
from parallax.export.brief_doc import BriefWriter, Segment
from parallax.export.brief_text import (
    cite,
    credibility_phrase,
    shorten,
    source_fields,
    source_tail,
)
from parallax.export.docx_xml import add_hyperlink, add_run_auto, safe_url, starts_rtl

MUTED = "595959"
ACTORS_HEADER = ("Name", "Aliases seen", "Kind", "Events")


def actors(w: BriefWriter, data: BriefData) -> None:
    """A table of actors: canonical name, the spellings the sources use, kind, events."""
    if not data.actors:
        return
    w.heading("Actors", 1)
    rows = [(a.name, "; ".join(a.aliases) or "—", a.kind, "; ".join(a.events)) for a in data.actors]
    w.table(ACTORS_HEADER, rows, (3.8, 5.0, 2.4, 5.4))


def sources(w: BriefWriter, data: BriefData) -> None:
    """The numbered sources list the citations point to, URLs as live links."""
    if not data.sources:
        return
    w.heading("Sources", 1)
    for source in sorted(data.sources, key=lambda s: s.number):
        source_entry(w, source)


def source_entry(w: BriefWriter, source: BriefSource) -> None:
    """'[n] Outlet (descriptor), “Title”, Author, date, URL, imported <date>, reliability.'"""
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
    """Every claim, grouped by the source it comes from, with its tags and note."""
    if not data.appendix:
        return
    w.heading("Appendix: claims by source", 1)
    by_number = {s.number: s for s in data.sources}
    for number in sorted({c.source_number for c in data.appendix}):
        source = by_number.get(number)
        name = f"{source.outlet} — {source.title}" if source else "Unlisted source"
        w.heading(f"[{number}] {name.strip(' —')}", 2)
        for claim in (c for c in data.appendix if c.source_number == number):
            segments = claim_segments(claim)
            if starts_rtl(claim.quote.strip()):
                # An Arabic quote gets its own right-to-left line; the English about it
                # follows left to right, so neither is reordered into the other.
                w.parts("List Bullet", segments[0])
                w.parts("Brief Assessment", *segments[1:], rtl=False)
            else:
                w.parts("List Bullet", *segments)


def claim_segments(claim: BriefClaim) -> list[Segment]:
    """'“quote” (claim; credibility 2 (probably true)) — note. Tags: …. Events: ….'"""
    quote, shortened = shorten(claim.quote)
    about = "; ".join(p for p in (claim.kind, credibility_phrase(claim.credibility)) if p)
    segments: list[Segment] = [f"“{quote}”", (f" ({about})", {"color": MUTED})]
    if starts_rtl(quote):
        segments[1] = (f"({about})", {"color": MUTED})
    if shortened:
        segments.append(f" (quote shortened; full text in source {cite(claim.source_number)})")
    if claim.note.strip():
        segments.append((f" — {claim.note.strip()}", {"italic": True}))
    if claim.tags:
        segments.append((f" Tags: {', '.join(claim.tags)}.", {"color": MUTED}))
    if claim.events:
        segments.append((f" Events: {'; '.join(claim.events)}.", {"color": MUTED}))
    return segments
