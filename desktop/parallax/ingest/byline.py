"""Metadata that pasted articles state in their own words: by-lines ("By Rudaw 18/5/2017"),
date lines ("Published: 14 June 2017"), datelines ("DAMASCUS, (ST)_"), a signature under
the body, and footers that name the site ("Press TV's website can also be accessed at …").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.ingest.boilerplate import is_name_line
from parallax.ingest.dates import find_date
from parallax.ingest.lines import Line, split_lines

_BY = re.compile(r"by\s+(?P<rest>.{2,100})", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"(?P<label>first published|published|posted|last updated|updated|date)"
    r"(?:\s+on)?\s*:?\s*(?P<rest>.{4,80})",
    re.IGNORECASE,
)
_LABEL_RANK = {"first published": 0, "published": 0, "posted": 1, "date": 2}
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z .'’-]{2,40}?),?(?:\s+[A-Z][\w .'’-]{1,40}?)?\s*,?\s*"
    r"(?:\((?P<agency>[^)]{1,25})\))?\s*[—–_-]+"
)
_SITE_FOOTER = re.compile(
    r"(?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})['’]s (?:web)?site can (?:also )?be accessed"
)
# "© 2017 Rudaw. All rights reserved." on a line of its own (a © inside a photo caption
# credits the photographer, not the site).
_COPYRIGHT = re.compile(
    r"^[ \t\u00a0]*(?:[Cc]opyright[ \t]*)?(?:©|\([Cc]\))[ \t]*(?:(?:19|20)\d{2}[ \t]*[-–]?[ \t]*"
    r"(?:(?:19|20)\d{2})?[ \t]*)?(?P<name>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})",
    re.MULTILINE,
)
_OUTLET_WORDS = re.compile(
    r"\b(news|agency|tv|times|press|post|daily|herald|radio|network|media|online|tribune"
    r"|gazette|journal|telegraph|channel|reuters|afp|ap|bbc|cnn)\b",
    re.IGNORECASE,
)
_WIRES = {
    "AP": "Associated Press",
    "AFP": "AFP",
    "REUTERS": "Reuters",
    "SANA": "SANA",
    "IRNA": "IRNA",
    "TASS": "TASS",
    "XINHUA": "Xinhua",
    "UPI": "UPI",
    "DPA": "dpa",
    "ANADOLU": "Anadolu Agency",
    "KUNA": "KUNA",
    "WAM": "WAM",
}
_STAFF = re.compile(
    r"\s+(?:staff(?: writers?)?|newsroom|news desk|desk|editorial(?: board)?|team)$", re.IGNORECASE
)
_HONORIFICS = re.compile(r"^(?:by|dr|mr|mrs|ms|prof|sheikh)\.?\s+", re.IGNORECASE)
_HEAD_LINES = 40


@dataclass(frozen=True, slots=True)
class Byline:
    """What the text says about itself; empty fields where it says nothing."""

    outlet: str = ""
    author: str = ""
    published: dt.date | None = None
    precision: str = "day"
    place: str = ""


def find_byline(text: str, spans: Sequence[tuple[int, int]] = ()) -> Byline:
    """Outlet, author, publication date and dateline place stated in `text`.

    Lines inside the excluded `spans` are not read for the by-line and dates (a comment
    dated 9/22/2017 is not the publication date), but footers naming the site are.
    """
    lines = [ln for ln in split_lines(text) if ln.text and not _inside(ln, spans)]
    head = lines[:_HEAD_LINES]
    outlet, author, published = _by_line(head)
    dated = _date_line(head)
    place, agency = _dateline(head)
    return Byline(
        outlet=outlet or agency or _footer_outlet(text),
        author=author or _signature(lines),
        published=(dated or published or (None, "day"))[0],
        precision=(dated or published or (None, "day"))[1],
        place=place,
    )


def _inside(line: Line, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= line.start < e for s, e in spans)


def _by_line(head: list[Line]) -> tuple[str, str, tuple[dt.date, str] | None]:
    """ "By Rudaw 18/5/2017" names the outlet; "By Jane Doe, Reuters" an author and outlet."""
    for line in head:
        match = _BY.fullmatch(line.text)
        if match is None:
            continue
        rest = match["rest"]
        date = find_date(rest)
        who = re.split(r"\s*(?:\||\d{1,2}[/.]|\b(?:19|20)\d{2}\b|—|–|\s-\s)", rest)[0]
        who = _strip_date_words(who).strip(" ,;")
        parts = [p.strip() for p in who.split(",") if p.strip()]
        if not parts or len(parts[0]) > 60:
            continue
        if len(parts) > 1:
            return parts[1], parts[0], date
        staff = _STAFF.sub("", parts[0])
        if staff != parts[0]:
            return staff, "", date
        if len(parts[0].split()) == 1 or _OUTLET_WORDS.search(parts[0]):
            return parts[0], "", date
        return "", parts[0], date
    return "", "", None


_MONTH_TAIL = re.compile(
    r"\s+(?:on\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?$",
    re.IGNORECASE,
)


def _strip_date_words(who: str) -> str:
    return _MONTH_TAIL.sub("", who)


def _date_line(head: list[Line]) -> tuple[dt.date, str] | None:
    """The best labelled date: "Published" beats "Posted" beats "Updated"; else a line
    that is nothing but a date ("Thursday, 18 May 2017")."""
    ranked: list[tuple[int, tuple[dt.date, str]]] = []
    for line in head:
        match = _DATE_LINE.fullmatch(line.text)
        if match:
            found = find_date(match["rest"])
            if found:
                ranked.append((_LABEL_RANK.get(match["label"].casefold(), 3), found))
        elif len(line.text) <= 40 and len(line.text.split()) <= 6:
            found = find_date(line.text)
            if found:
                ranked.append((2, found))
    return min(ranked, key=lambda item: item[0])[1] if ranked else None


def _dateline(head: list[Line]) -> tuple[str, str]:
    """ "DAMASCUS, (ST)_ …" or "ERBIL, Kurdistan Region — …": the place, and a wire
    agency's name when the parenthesis holds one (an unknown abbreviation names nothing)."""
    for line in head[:8]:
        match = _DATELINE.match(line.text)
        if match and len(match["place"].strip()) >= 3:
            agency = (match["agency"] or "").strip()
            return match["place"].strip().title(), _WIRES.get(agency.upper(), "")
    return "", ""


def _footer_outlet(text: str) -> str:
    for pattern in (_SITE_FOOTER, _COPYRIGHT):
        match = pattern.search(text)
        name = re.split(r"\.\s|\s(?:All|Inc|Ltd|LLC)\b", match["name"])[0] if match else ""
        if name and name.casefold() not in ("all", "the", "copyright"):
            return name.strip(" .")
    return ""


def _signature(lines: list[Line]) -> str:
    """A name alone on the last line under the body: "Dr. Mohamad Abdo Al-Ibrahim"."""
    if len(lines) < 3:
        return ""
    last, before = lines[-1].text, lines[-2].text
    name = _HONORIFICS.sub("", last).strip()
    if 2 <= len(name.split()) <= 5 and is_name_line(name) and len(before.split()) >= 8:
        return name
    return ""
