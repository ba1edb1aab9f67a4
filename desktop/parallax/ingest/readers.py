"""One reader per file format; `read_file` picks it, reads the bytes safely and refuses
what cannot be an article, each refusal an ImportFailedError naming the file.

Size limits (documented for users in the refusal itself): text and Markdown files up to
20 MB, HTML 50 MB, MHTML and .docx 100 MB, PDF 200 MB; and no article longer than
20 million characters once extracted. A bigger file is refused before it is read.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from parallax.domain.errors import ImportFailedError
from parallax.ingest.decode import decode_text, make_canonical
from parallax.ingest.document import ReadDocument
from parallax.ingest.html_page import read_html
from parallax.ingest.mhtml import looks_like_mhtml, read_mhtml
from parallax.ingest.pdf import read_pdf
from parallax.ingest.word import read_docx

Reader = Callable[[Path, bytes], ReadDocument]
MB = 2**20
MAX_TEXT_CHARS = 20_000_000


def read_plain(path: Path, data: bytes) -> ReadDocument:
    """Plain text in any common encoding; title and metadata are found later, once the
    boilerplate is known (the first line of a pasted page is often "Sign In / Up")."""
    text = make_canonical(decode_text(data, str(path)))
    if not text.strip():
        raise ImportFailedError(str(path), "the file has no text")
    return ReadDocument(text=text, original=data, original_type="text/plain", importer="text")


_FRONT_MATTER = re.compile(r"\A---\n(?P<body>(?:.*\n){0,60}?)---\n")
_FRONT_FIELD = re.compile(
    r"^(?P<key>title|author|date|published|url|source|outlet|lang)\s*:\s*"
    r"[\"']?(?P<value>.*?)[\"']?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_FRONT_KEYS = {"date": "published", "source": "url", "lang": "language"}


def read_markdown(path: Path, data: bytes) -> ReadDocument:
    """Markdown as text; a YAML front matter block gives metadata and is marked excluded,
    and the first "# heading" is the title."""
    doc = read_plain(path, data)
    front = _FRONT_MATTER.match(doc.text)
    fields: dict[str, object] = {}
    excluded: tuple[tuple[int, int], ...] = ()
    if front:
        for match in _FRONT_FIELD.finditer(front["body"]):
            key = match["key"].lower()
            fields[_FRONT_KEYS.get(key, key)] = match["value"]
        excluded = ((0, front.end() - 1),)
    heading = re.search(r"^#\s+(.+)$", doc.text, re.MULTILINE)
    published = fields.pop("published", "")
    return doc.with_metadata(
        title=fields.pop("title", "") or (heading.group(1).strip() if heading else ""),
        original_type="text/markdown",
        importer="markdown",
        excluded=excluded,
        **fields,
    ).with_metadata(**_published(str(published)))


def _published(value: str) -> dict[str, object]:
    from parallax.ingest.manifest import parse_published

    date, precision = parse_published(value)
    return {"published": date, "published_precision": precision} if date else {}


FORMATS: dict[str, tuple[str, Reader, int]] = {
    ".txt": ("text", read_plain, 20 * MB),
    ".text": ("text", read_plain, 20 * MB),
    ".md": ("markdown", read_markdown, 20 * MB),
    ".markdown": ("markdown", read_markdown, 20 * MB),
    ".html": ("html", read_html, 50 * MB),
    ".htm": ("html", read_html, 50 * MB),
    ".xhtml": ("html", read_html, 50 * MB),
    ".mhtml": ("mhtml", read_mhtml, 100 * MB),
    ".mht": ("mhtml", read_mhtml, 100 * MB),
    ".docx": ("docx", read_docx, 100 * MB),
    ".pdf": ("pdf", read_pdf, 200 * MB),
}


def format_of(path: Path) -> str:
    """The format name for a file's extension ("html", "pdf", …), or "" if unknown."""
    entry = FORMATS.get(path.suffix.lower())
    return entry[0] if entry else ""


def read_file(path: Path) -> ReadDocument:
    """Read one file with the reader for its extension (an .html that is really a saved
    MHTML page is read as MHTML)."""
    entry = FORMATS.get(path.suffix.lower())
    if entry is None:
        known = ", ".join(sorted(FORMATS))
        raise ImportFailedError(
            str(path),
            f"Parallax cannot read {path.suffix or 'extension-less'} files (it reads {known})",
        )
    kind, reader, limit = entry
    data = read_bytes(path, limit, kind)
    if kind == "html" and looks_like_mhtml(data):
        reader = read_mhtml
    doc = reader(path, data)
    if len(doc.text) > MAX_TEXT_CHARS:
        raise ImportFailedError(
            str(path),
            f"its text is {len(doc.text):,} characters long; the limit is {MAX_TEXT_CHARS:,}",
        )
    return doc


def read_bytes(path: Path, limit: int, kind: str) -> bytes:
    """The file's bytes, or a refusal saying why (missing, a folder, too big, no access)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailedError(str(path), "this is not a regular file")
        _check_size(path, info.st_size, limit, kind)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise ImportFailedError(
            str(path), "the file no longer exists (moved or deleted?)"
        ) from None
    except PermissionError:
        raise ImportFailedError(
            str(path), "permission denied; check the file's permissions"
        ) from None
    except IsADirectoryError:
        raise ImportFailedError(str(path), "this is a folder, not a file") from None
    except OSError as exc:
        raise ImportFailedError(str(path), f"it could not be read ({exc.strerror})") from None
    _check_size(path, len(data), limit, kind)
    if not data.strip():
        raise ImportFailedError(str(path), "the file is empty")
    return data


def _check_size(path: Path, size: int, limit: int, kind: str) -> None:
    if size > limit:
        raise ImportFailedError(
            str(path),
            f"the file is {size / MB:.0f} MB; Parallax imports {kind} files up to "
            f"{limit // MB} MB (split it into smaller files)",
        )
