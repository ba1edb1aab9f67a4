"""What a reader makes of one file, before it becomes an article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace


@dataclass(frozen=True, slots=True)
class ReadDocument:
    """Text and metadata found in one file; `text` is canonical (see domain.text)."""

    text: str
    title: str = ""
    outlet: str = ""
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
