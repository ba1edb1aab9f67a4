"""Canonical article text and the folded form used to compare and search it."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence

_BOM = "\ufeff"


def canonical_text(text: str) -> str:
    """Make text canonical once, at import: no BOM, LF line ends, NFC.

    Offsets of annotations are code points into exactly this string, so it must never
    be computed differently for the same input.
    """
    if text.startswith(_BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fold(text: str) -> str:
    """Case-, diacritic- and whitespace-folded text for matching what people type.

    "Faleh\u00a0al-Fayad" and "faleh al-fayad" fold to the same string.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def validate_span(text: str, start: int, end: int) -> None:
    """Raise ValueError unless [start, end) is a non-empty span inside text."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span {start}–{end} is outside the text (length {len(text)})")


def blank_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with the spans (boilerplate) blanked to spaces, newlines kept.

    Matching and suggestions then skip boilerplate while every offset still holds.
    """
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
