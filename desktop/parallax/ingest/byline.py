"""By-lines and date lines at the top of pasted articles ("By Rudaw 18/5/2017")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_BYLINE = re.compile(
    r"^[ \t\u00a0]*By[ \t\u00a0]+(?P<who>[^\n\d|]{2,80}?)[ \t\u00a0]+"
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})[ \t\u00a0]*$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Byline:
    outlet: str = ""
    published: dt.date | None = None


def find_byline(text: str, *, within: int = 3000) -> Byline:
    """The first "By NAME D/M/YYYY" line near the top of the text, if any."""
    match = _BYLINE.search(text[:within])
    if match is None:
        return Byline()
    try:
        published = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        published = None
    return Byline(outlet=match["who"].strip(), published=published)
