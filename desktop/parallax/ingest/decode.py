"""Bytes to text: BOMs, UTF-16, and the encodings news sites still use."""

from __future__ import annotations

import codecs
import unicodedata

from parallax.domain.errors import ImportFailedError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB, outside UTF-16/32."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head and _utf16_guess(head) is None:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.1


def _utf16_guess(head: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL in Latin text."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, name: str) -> str:
    """Decode file bytes to str, or raise ImportFailedError naming the file."""
    text = _decode(data, name)
    if not _mostly_text(text):
        raise ImportFailedError(
            name, "this is binary data, not text; was it saved in another format?"
        )
    return text


def _mostly_text(text: str) -> bool:
    """Reject decodings that are full of control characters or replacement marks."""
    sample = text[:20000]
    if not sample:
        return True
    odd = sum(
        1
        for c in sample
        if c == "\ufffd"
        or (unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn")
        and c not in "\t\n\r\f")
    )
    return odd / len(sample) < 0.05


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_guess(data[:8192])
    if utf16:
        return data.decode(utf16, errors="replace")
    if looks_binary(data):
        raise ImportFailedError(
            name, "this is binary data, not text; was it saved in another format?"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFailedError(name, "the text encoding could not be recognised")
    return str(best)
