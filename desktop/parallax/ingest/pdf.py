"""PDFs with a text layer, read with pypdf, lines rejoined into paragraphs.

PDF text comes out one printed line at a time, with words hyphenated at line ends
("coordi-" / "nation"). Offsets of annotations point into the text, so it is made readable
once, here: hyphenated breaks are rejoined, the lines of a paragraph joined by spaces, and
a paragraph ends at a blank line or at a short line that ends a sentence.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from pathlib import Path

from parallax.domain.errors import ImportFailedError
from parallax.ingest.decode import make_canonical
from parallax.ingest.document import ReadDocument, clean_meta_author, clean_meta_title

logger = logging.getLogger(__name__)

MAX_PAGES = 2000
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)]$")
_STARTS_ITEM = re.compile(r"^(?:[•▪◦*·-]\s|\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.IGNORECASE)


def read_pdf(path: Path, data: bytes) -> ReadDocument:
    """Text of every page, reflowed; refuses encrypted and image-only PDFs by name."""
    name = str(path)
    reader = _open(data, name)
    pages = _page_texts(reader, name)
    if sum(len(re.findall(r"\w", p)) for p in pages) < 20:
        raise ImportFailedError(
            name,
            "this PDF has no text layer (it is probably a scan); it needs OCR before it can "
            "be imported — run it through an OCR tool and import the result",
        )
    title, author = _metadata(reader)
    return ReadDocument(
        text=make_canonical(reflow(pages)),
        title=title,
        author=author,
        original=data,
        original_type="application/pdf",
        importer="pdf",
    )


def _open(data: bytes, name: str) -> object:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, RecursionError) as exc:
        logger.info("pypdf could not open %s: %r", name, exc)
        raise ImportFailedError(name, "this PDF is damaged or incomplete") from None
    if encrypted:
        try:
            opened = reader.decrypt("")  # "owner password only" PDFs open for reading
        except (DependencyError, NotImplementedError, PyPdfError):
            opened = 0
        if not opened:
            raise ImportFailedError(
                name,
                "this PDF is encrypted with a password; open it in a PDF reader, save an "
                "unprotected copy and import that",
            )
    return reader


def _page_texts(reader: object, name: str) -> list[str]:
    from pypdf.errors import PyPdfError

    try:
        pages = reader.pages  # type: ignore[attr-defined]
        if len(pages) > MAX_PAGES:
            raise ImportFailedError(name, f"it has {len(pages)} pages; the limit is {MAX_PAGES}")
        return [page.extract_text() or "" for page in pages]
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, RecursionError) as exc:
        logger.info("pypdf could not read %s: %r", name, exc)
        raise ImportFailedError(name, "this PDF is damaged or incomplete") from None


def _metadata(reader: object) -> tuple[str, str]:
    try:
        info = reader.metadata  # type: ignore[attr-defined]
    except Exception:
        return "", ""
    if info is None:
        return "", ""
    return clean_meta_title(str(info.title or "")), clean_meta_author(str(info.author or ""))


def reflow(pages: list[str]) -> str:
    """Paragraphs from printed lines, page after page; paragraphs may cross pages.

    Page numbers alone on a line are layout, like line ends and hyphens, and are dropped.
    """
    lines = [line.strip() for page in pages for line in [*page.splitlines(), ""]]
    widths = [len(line) for line in lines if len(line) > 20]
    width = statistics.median(widths) if widths else 60.0
    paragraphs: list[str] = []
    current, prev, gap = "", "", False
    for line in lines:
        if not line or _PAGE_NUMBER.match(line):
            gap = True
            continue
        if current and _starts_paragraph(prev, line, width, gap=gap):
            paragraphs.append(current)
            current = ""
        if not current:
            current = line
        elif _HYPHENATED.search(prev) and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        prev, gap = line, False
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _starts_paragraph(prev: str, line: str, width: float, *, gap: bool) -> bool:
    """After a blank line or page break, a new paragraph unless the last one stopped
    mid-sentence; otherwise at a list item, or after a short line ending a sentence."""
    mid_sentence = not _ENDS_SENTENCE.search(prev) and line[:1].islower()
    if gap:
        return not mid_sentence
    if _STARTS_ITEM.match(line):
        return True
    return bool(_ENDS_SENTENCE.search(prev)) and len(prev) < 0.8 * width
