"""From a path to a finished ReadDocument: read, mark boilerplate, find metadata.

The same steps serve the import preview and the import itself, so what the user
reviewed is what gets imported. Any unexpected failure inside a third-party parser is
the file's fault (hostile or broken input), so it becomes a refusal naming the file
instead of stopping the batch.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from parallax.domain.errors import ImportFailedError
from parallax.ingest.boilerplate import find_boilerplate
from parallax.ingest.byline import find_byline
from parallax.ingest.document import ReadDocument
from parallax.ingest.html_page import site_of
from parallax.ingest.language import detect_language
from parallax.ingest.lines import body_text, split_lines
from parallax.ingest.readers import format_of, read_file

logger = logging.getLogger(__name__)

_NOT_A_TITLE = re.compile(
    r"(?:by\s|published|posted|updated|last updated|date\s*:)|[\d\s/.:,-]+$", re.IGNORECASE
)
_TITLE_LIMIT = 300
# Formats whose author comes from file properties: often whoever saved the file.
_FILE_PROPERTIES = ("docx", "pdf")


def read_document(path: Path) -> ReadDocument:
    """Read `path` and complete its metadata; raises ImportFailedError naming the file."""
    try:
        return finish(read_file(path))
    except ImportFailedError:
        raise
    except MemoryError:
        raise ImportFailedError(str(path), "it is too large to read into memory") from None
    except Exception as exc:
        logger.warning("reading %s failed", path, exc_info=True)
        kind = format_of(path) or "this kind of"
        raise ImportFailedError(
            str(path),
            f"it could not be read as a {kind} file; it may be damaged ({exc.__class__.__name__})",
        ) from None


def finish(doc: ReadDocument) -> ReadDocument:
    """Boilerplate spans, then metadata from the text where the file had none."""
    spans = merge_spans(doc.excluded, find_boilerplate(doc.text))
    byline = find_byline(doc.text, spans)
    doc = doc.with_defaults(
        title=find_title(doc.text, spans),
        outlet=byline.outlet,
        author=byline.author,
        site=site_of(doc.url),
        language=detect_language(body_text(doc.text, spans)),
    )
    if doc.importer in _FILE_PROPERTIES and byline.author:
        doc = doc.with_metadata(author=byline.author)  # the text's by-line beats properties
    if doc.published is None and byline.published is not None:
        doc = doc.with_metadata(published=byline.published, published_precision=byline.precision)
    return doc.with_metadata(excluded=tuple(spans))


def find_title(text: str, spans: list[tuple[int, int]]) -> str:
    """The first line outside the boilerplate that is not a by-line or a bare date."""
    for line in split_lines(text[:50_000]):
        if not line.text or any(s <= line.start < e for s, e in spans):
            continue
        if _NOT_A_TITLE.match(line.text) and len(line.text) < 120:
            continue
        return _shorten(line.text)
    return ""


def _shorten(line: str) -> str:
    """A title, cut at a word boundary when the first line is a whole paragraph."""
    if len(line) <= _TITLE_LIMIT:
        return line
    return line[:_TITLE_LIMIT].rsplit(" ", 1)[0] + "…"


def merge_spans(
    *groups: tuple[tuple[int, int], ...] | list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for group in groups for span in group):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
