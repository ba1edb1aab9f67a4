"""A manifest beside the files supplies metadata the texts do not carry.

`manifest.json` holds a list (or {"articles": [...]}) of objects with "file" and any of
title, outlet, url, author, published (YYYY, YYYY-MM or YYYY-MM-DD), language.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from parallax.domain.errors import ImportFailedError

MANIFEST_NAMES = ("manifest.json", "parallax-manifest.json")
FIELDS = ("title", "outlet", "url", "author", "language")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    fields: dict[str, str]
    published: dt.date | None
    precision: str


def is_manifest(path: Path) -> bool:
    return path.name.lower() in MANIFEST_NAMES


def load_manifest(path: Path) -> dict[str, ManifestEntry]:
    """Entries by file name; raises ImportFailedError on a malformed manifest."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFailedError(str(path), f"the manifest could not be read: {exc}") from None
    items = raw.get("articles", []) if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise ImportFailedError(str(path), "the manifest must hold a list of articles")
    entries: dict[str, ManifestEntry] = {}
    for item in items:
        if not isinstance(item, dict) or not item.get("file"):
            continue
        published, precision = parse_published(str(item.get("published") or ""))
        fields = {k: str(item[k]) for k in FIELDS if item.get(k)}
        entries[str(item["file"])] = ManifestEntry(fields, published, precision)
    return entries


def parse_published(value: str) -> tuple[dt.date | None, str]:
    """An ISO date of any precision: (first day, precision)."""
    value = value.strip()
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1), "year"
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1), "month"
        if value:
            return dt.date.fromisoformat(value[:10]), "day"
    except ValueError:
        pass
    return None, "day"
