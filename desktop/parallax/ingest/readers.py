"""One reader per file format; each returns a ReadDocument or raises ImportFailedError."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from parallax.domain.errors import ImportFailedError
from parallax.domain.text import canonical_text
from parallax.ingest.byline import find_byline
from parallax.ingest.decode import decode_text
from parallax.ingest.document import ReadDocument

MAX_BYTES = 200 * 1024 * 1024

Reader = Callable[[Path, bytes], ReadDocument]


def read_plain(path: Path, data: bytes) -> ReadDocument:
    text = canonical_text(decode_text(data, str(path)))
    if not text.strip():
        raise ImportFailedError(str(path), "the file has no text")
    byline = find_byline(text)
    return ReadDocument(
        text=text,
        title=_first_line(text),
        outlet=byline.outlet,
        published=byline.published,
        original=data,
        original_type="text/plain",
        importer="text",
    )


def read_markdown(path: Path, data: bytes) -> ReadDocument:
    doc = read_plain(path, data)
    heading = re.search(r"^#\s+(.+)$", doc.text, re.MULTILINE)
    title = heading.group(1).strip() if heading else doc.title
    return doc.with_metadata(title=title, original_type="text/markdown", importer="markdown")


def read_html(path: Path, data: bytes) -> ReadDocument:
    """Extract the article from a saved page with trafilatura, offline; keep the markup."""
    import trafilatura

    markup = decode_text(data, str(path))
    extracted = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, favor_recall=True
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body:
        raise ImportFailedError(str(path), "no article text was found in this page")
    text = canonical_text(body)
    title = getattr(extracted, "title", "") or _first_line(text)
    published = _iso_date(getattr(extracted, "date", None))
    return ReadDocument(
        text=text,
        title=title,
        outlet=getattr(extracted, "sitename", "") or "",
        url=getattr(extracted, "url", "") or "",
        author=getattr(extracted, "author", "") or "",
        published=published,
        language=getattr(extracted, "language", "") or "",
        original=data,
        original_type="text/html",
        importer="html",
    )


READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}


def read_file(path: Path) -> ReadDocument:
    """Read one file with the reader for its extension."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ImportFailedError(
            str(path),
            f"Parallax cannot read {path.suffix or 'extension-less'} files (it reads {known})",
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailedError(
                str(path), f"the file is {size // 2**20} MB; the limit is {MAX_BYTES // 2**20} MB"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailedError(str(path), "the file no longer exists") from None
    except PermissionError:
        raise ImportFailedError(
            str(path), "permission denied; check the file's permissions"
        ) from None
    except IsADirectoryError:
        raise ImportFailedError(str(path), "this is a folder, not a file") from None
    except OSError as exc:
        raise ImportFailedError(str(path), f"it could not be read ({exc.strerror})") from None
    if not data.strip():
        raise ImportFailedError(str(path), "the file is empty")
    return reader(path, data)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return ""


def _iso_date(value: object):
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
