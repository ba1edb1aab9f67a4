"""Single-file web page saves (.mhtml/.mht): a MIME message whose text/html part is the page.

Parsed with the standard library's `email` package, which decodes quoted-printable and
base64; the page part then goes through the HTML reader. Images and other parts are
ignored (nothing in them is run or fetched).
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path

from parallax.domain.errors import ImportFailedError
from parallax.ingest.document import ReadDocument
from parallax.ingest.html_page import decode_markup, html_document


def read_mhtml(path: Path, data: bytes) -> ReadDocument:
    """The article in the page part; the page's markup (not the images) is kept."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    part = _page_part(message)
    if part is None:
        raise ImportFailedError(
            str(path),
            "no web page was found inside this MHTML file (its MIME parts are damaged or "
            "its boundary is missing); save the page again",
        )
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ImportFailedError(str(path), "the web page inside this MHTML file is empty")
    markup = _decode_part(part, payload, str(path))
    url = message.get("Snapshot-Content-Location") or part.get("Content-Location") or ""
    return html_document(
        markup,
        name=str(path),
        original=payload,
        original_type="text/html",
        importer="mhtml",
        url=str(url).strip() if str(url).startswith("http") else "",
    )


def looks_like_mhtml(head: bytes) -> bool:
    """A MIME message header at the top of a file saved with an .html name."""
    top = head[:2048].lower()
    return b"mime-version:" in top and b"multipart/related" in top


def _page_part(message: Message) -> Message | None:
    """The text/html part the snapshot points at, else the first one."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    wanted = str(message.get("Snapshot-Content-Location") or "")
    pages = [p for p in message.walk() if p.get_content_type() == "text/html"]
    for page in pages:
        if wanted and str(page.get("Content-Location") or "") == wanted:
            return page
    return pages[0] if pages else None


def _decode_part(part: Message, payload: bytes, name: str) -> str:
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset, errors="replace")
        except LookupError:
            pass
    return decode_markup(payload, name)
