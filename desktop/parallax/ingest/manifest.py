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
from parallax.ingest.document import ReadDocument

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


class Manifests:
    """Manifests by folder, each loaded once; a broken one is kept in `problems`."""

    def __init__(self) -> None:
        self._cache: dict[Path, dict[str, ManifestEntry]] = {}
        self.problems: list[tuple[str, str]] = []

    def entry_for(self, path: Path) -> ManifestEntry | None:
        folder = path.parent
        if folder not in self._cache:
            self._cache[folder] = {}
            try:
                candidates = sorted(folder.iterdir()) if folder.is_dir() else []
            except OSError:
                candidates = []
            for candidate in filter(is_manifest, candidates):
                try:
                    self._cache[folder].update(load_manifest(candidate))
                except ImportFailedError as exc:
                    self.problems.append((exc.path, exc.reason))
        return self._cache[folder].get(path.name)

    def apply(self, path: Path, doc: ReadDocument) -> ReadDocument:
        """The document with what its manifest entry states (the file's own values lose)."""
        entry = self.entry_for(path)
        if entry is None:
            return doc
        extra: dict[str, object] = dict(entry.fields)
        if entry.published is not None:
            extra.update(published=entry.published, published_precision=entry.precision)
        return doc.with_metadata(**extra)
