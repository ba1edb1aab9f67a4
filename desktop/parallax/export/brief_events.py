"""One section per event: what happened, each source's passages, where sources disagree,
and which outlets stayed silent."""

from __future__ import annotations

from collections.abc import Sequence

from parallax.domain.brief import BriefData, BriefEvent, BriefPassage
from parallax.domain.model import Stance
from parallax.export.brief_doc import BriefWriter, CellParagraph, Segment
from parallax.export.brief_text import (
    agreement,
    cite,
    credibility_phrase,
    disagreement_sentence,
    event_date,
    in_brief_order,
    passage_attribution,
    passage_source,
    reliability_phrase,
    shorten,
)
from parallax.export.docx_xml import is_paragraph_rtl, mirror_border

MUTED = "595959"
TABLE_QUOTE_LIMIT = 700
TABLE_QUOTE_KEEP = 450
OPPOSED_LIMIT = 4  # passages listed against one contradicting passage
DISAGREE_HEADER = ("Contradicting passage", "Passages it contradicts")


def events(w: BriefWriter, data: BriefData) -> None:
    """One section per event, in the order chosen for the brief."""
    ordered = in_brief_order(data.events, data.order)
    if not ordered:
        return
    w.heading("Reporting by event", 1)
    if data.order == "importance":
        w.paragraph("Events are ordered by the number of sources reporting them.", "Brief Caption")
    for event in ordered:
        event_section(w, event)


def event_section(w: BriefWriter, event: BriefEvent) -> None:
    """Heading, what happened, quoted passages, disagreement and silence."""
    when = event_date(event)
    w.heading(f"{event.title} — {when}" if when else f"{event.title} (undated)", 2)
    facts = [
        f"Place: {event.place}" if event.place.strip() else "",
        f"Agreement: {agreement(event)}",
        f"Sources: {event.importance}",
    ]
    w.paragraph("  ·  ".join(f for f in facts if f), "Brief Facts")
    if event.description.strip():
        w.paragraph(event.description.strip(), "Normal")
    if event.memo.strip():
        w.parts("Normal", ("Analyst's note: ", {"bold": True}), (event.memo.strip(), {}))
    for passage in event.passages:
        quoted_passage(w, passage)
    disagreement(w, event)
    if event.outlets_silent:
        silent = ", ".join(event.outlets_silent)
        w.parts("Normal", ("Not reported by: ", {"italic": True}), f"{silent}.")


def quoted_passage(w: BriefWriter, passage: BriefPassage) -> None:
    """The quote in quotation marks, then who said it, when, the citation and the ratings."""
    quote, shortened = shorten(passage.quote)
    para = w.paragraph(f"“{quote}”", "Brief Quote")
    if is_paragraph_rtl(para):
        mirror_border(para)
    w.parts("Brief Attribution", *attribution(passage, shortened))


def attribution(passage: BriefPassage, shortened: bool = False) -> list[Segment]:
    """'— Rudaw, 18 May 2017 [3] · reports · reliability B (…) · credibility 2 (…)'."""
    parts = [f"— {passage_source(passage)} {cite(passage.source_number)}"]
    parts.append(str(passage.stance))
    parts += [p for p in (_reliability(passage), credibility_phrase(passage.credibility)) if p]
    segments: list[Segment] = ["  ·  ".join(parts)]
    if shortened:
        segments.append(f" (quote shortened; full text in source {cite(passage.source_number)})")
    if passage.note.strip():
        segments.append((f" Note: {passage.note.strip()}", {"italic": True}))
    return segments


def _reliability(passage: BriefPassage) -> str:
    phrase = reliability_phrase(passage.reliability)
    return f"source {phrase}" if phrase else ""


def disagreement(w: BriefWriter, event: BriefEvent) -> None:
    """'Where sources disagree': a sentence, then each contradicting passage beside the
    passages it contradicts."""
    sentence = disagreement_sentence(event)
    if not sentence:
        return
    w.heading("Where sources disagree", 3)
    w.paragraph(sentence, "Normal").paragraph_format.keep_with_next = True
    against = [p for p in event.passages if p.stance == Stance.CONTRADICTS]
    others = [p for p in event.passages if p.stance != Stance.CONTRADICTS]
    rows = []
    for passage in against:
        opposed = others or [p for p in against if p is not passage]
        rows.append([_cell([passage]), _cell(opposed)])
    w.table(DISAGREE_HEADER, rows, (8.3, 8.3))
    w.paragraph("", "Normal").paragraph_format.space_after = 0


def _cell(passages: Sequence[BriefPassage]) -> list[CellParagraph]:
    paragraphs: list[CellParagraph] = []
    for passage in passages[:OPPOSED_LIMIT]:
        quote, shortened = shorten(passage.quote, TABLE_QUOTE_LIMIT, TABLE_QUOTE_KEEP)
        paragraphs.append(("Brief Table Text", [f"“{quote}”"]))
        who = f"— {passage_attribution(passage)} {cite(passage.source_number)}"
        if shortened:
            who += " (shortened)"
        paragraphs.append(("Brief Table Text", [(who, {"color": MUTED})]))
    more = len(passages) - OPPOSED_LIMIT
    if more > 0:
        noun = "passage" if more == 1 else "passages"
        paragraphs.append(("Brief Table Text", [(f"… and {more} more {noun} quoted above.", {})]))
    return paragraphs or [("Brief Table Text", ["—"])]
