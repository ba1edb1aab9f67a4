"""What a reader makes of one file, before it becomes an article."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """Text and metadata found in one file; `text` is canonical (see domain.text).

    `site` is the host of the page's URL ("presstv.ir"), used to match outlets across
    saves; `excluded` holds boilerplate spans (code points into `text`).
    """

    text: str
    title: str = ""
    outlet: str = ""
    site: str = ""
    url: str = ""
    author: str = ""
    published: dt.date | None = None
    published_precision: str = "day"
    language: str = ""
    original: bytes | None = None
    original_type: str = ""
    importer: str = ""
    excluded: tuple[tuple[int, int], ...] = field(default=())

    def with_metadata(self, **fields: object) -> ReadDocument:
        """Fill in metadata; empty values never overwrite what the file itself said."""
        useful = {k: v for k, v in fields.items() if v not in (None, "")}
        return replace(self, **useful)

    def with_defaults(self, **fields: object) -> ReadDocument:
        """Fill in only what is still empty: the file's own metadata wins over guesses."""
        missing = {k: v for k, v in fields.items() if v not in (None, "") and not getattr(self, k)}
        return replace(self, **missing)


def iso_date(value: object) -> dt.date | None:
    """A date from the ISO string a metadata library returns, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - .*|untitled(?:\s*\d*)?|document\d*|title|"
    r".*\.(?:docx?|pdf|rtf|odt|txt|html?|indd|qxd))$",
    re.IGNORECASE,
)


def clean_meta_title(title: str | None) -> str:
    """A title from file properties, unless it is the junk tools write there
    ("Microsoft Word - draft3.doc", "untitled", a file name): then "" so the text decides."""
    title = " ".join((title or "").split())
    return "" if _JUNK_TITLE.match(title) else title


_GENERIC_AUTHORS = frozenset(
    {
        "user",
        "admin",
        "administrator",
        "author",
        "unknown",
        "owner",
        "python-docx",
        "microsoft office user",
        "windows user",
        "pc",
        "hp",
        "dell",
        "lenovo",
    }
)


def clean_meta_author(author: str | None) -> str:
    """An author from file properties, unless it is a machine's or a tool's default name."""
    author = " ".join((author or "").split())
    return "" if author.casefold() in _GENERIC_AUTHORS else author
