"""Bytes to text: BOMs, UTF-16 without a BOM, mixed encodings, and the legacy code pages
(cp1252, windows-1256) news sites still use.

Every failure is an ImportFailedError naming the file, because the user has to act on it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from parallax.domain.errors import ImportFailedError
from parallax.domain.text import canonical_text

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Formats people save with a .txt/.md/.html name by mistake, and what to tell them.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (perhaps a Word .docx file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc); save it as .docx"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF document; save it as .docx or .txt"),
)

BINARY_REASON = "this is binary data, not text; was it saved in another format?"

# C0 controls other than tab, LF, CR; DEL; and the non-characters XML cannot carry.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_SAMPLE = 65536


def sniff_binary_kind(data: bytes) -> str:
    """What a file really is when its bytes start with a known signature, else ""."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return ""


def looks_binary(data: bytes) -> bool:
    """NUL or other control bytes early on, and not UTF-16/32 text.

    Real text has almost none (tab, newlines and form feed aside), random or structured
    binary data has about one in ten; two in a hundred is the line.
    """
    head = data[:8192]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if _utf16_guess(head) is not None:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 11)
    return controls > len(head) // 50


def _utf16_guess(head: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII spaces, digits and newlines put NULs in every other byte.

    Arabic or Cyrillic text has few such NULs (only at spaces), so the test asks for 5 %
    NULs on one side and none on the other, then checks that the bytes really decode.
    """
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd > 0.05 and zero_even < 0.01:
        candidate = "utf-16-le"
    elif zero_even > 0.05 and zero_odd < 0.01:
        candidate = "utf-16-be"
    else:
        return None
    try:
        sample = head.decode(candidate)
    except UnicodeDecodeError:
        return None
    odd_chars = sum(
        1
        for c in sample
        if unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs") and c not in "\t\n\r\f"
    )
    return candidate if odd_chars < 0.02 * len(sample) else None


def decode_text(data: bytes, name: str) -> str:
    """Decode file bytes to clean str, or raise ImportFailedError naming the file."""
    kind = sniff_binary_kind(data)
    if kind:
        raise ImportFailedError(name, f"this is {kind}, not text")
    text = _decode(data, name)
    if not _mostly_text(text):
        raise ImportFailedError(name, BINARY_REASON)
    return clean_controls(text)


def clean_controls(text: str) -> str:
    """Drop NULs and other control characters a reader can neither see nor export.

    Stray NULs in otherwise good text come from broken editors and copy tools; they carry
    nothing, and the original bytes are kept for provenance anyway.
    """
    return _CONTROLS.sub("", text)


def make_canonical(text: str) -> str:
    """Clean controls, then the canonical form offsets are counted in."""
    return canonical_text(clean_controls(text))


def _mostly_text(text: str) -> bool:
    """Reject decodings full of replacement marks, private-use or unassigned code points."""
    sample = text[:_SAMPLE]
    if not sample:
        return True
    odd = sum(
        1
        for c in sample
        if c == "\ufffd"
        or (c not in "\t\n\r\f" and unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn"))
    )
    return odd / len(sample) < 0.05


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_guess(data[:8192])
    if utf16:
        return data[: len(data) - len(data) % 2].decode(utf16, errors="replace")
    data = data.rstrip(b"\x00")  # NUL padding left by crashed editors
    if looks_binary(data):
        raise ImportFailedError(name, BINARY_REASON)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _has_utf8_sequences(data):
        return _decode_mixed(data)
    return _decode_legacy(data, name)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")


def _has_utf8_sequences(data: bytes) -> bool:
    """Valid UTF-8 multi-byte sequences in bytes that are not UTF-8 as a whole: mixed."""
    return len(_UTF8_MULTIBYTE.findall(data[:1_000_000])) >= 3


def _decode_mixed(data: bytes) -> str:
    """Lines pasted from different sources: each line as UTF-8 if it is, else the legacy
    encoding the non-UTF-8 lines have in common (cp1252 when nothing better is found)."""
    lines = data.split(b"\n")
    bad = [line for line in lines if not _is_utf8(line)]
    fallback = _guess_legacy(b"\n".join(bad)) or "cp1252"
    return "\n".join(
        line.decode("utf-8") if _is_utf8(line) else line.decode(fallback, errors="replace")
        for line in lines
    )


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess_legacy(data: bytes) -> str | None:
    """The single-byte code page of text that is not UTF-8.

    Accented Latin text (accents inside mostly-ASCII words) is settled by counting the
    letters each Latin code page would produce, since charset-normalizer often mistakes
    French cp1252 for cp1250; other scripts (Arabic, Cyrillic) go to charset-normalizer.
    """
    sample = data[: _SAMPLE * 4]
    if _accented_latin(sample.decode("cp1252", errors="replace")):
        return max(_LATIN, key=lambda enc: _latin_score(sample, enc))
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return best.encoding if best is not None else None


_LATIN = {  # insertion order breaks ties: cp1252 first
    "cp1252": frozenset("àâäçéèêëîïôöùûüÿñßœæáíóúãõåøìòÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÑÁÍÓÚÃÕ€“”‘’–—…«»"),
    "cp1250": frozenset("ąćęłńśźżčďěňřšťůžőűĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰ"),
    "cp1254": frozenset("ğışĞİŞ"),
}


def _latin_score(sample: bytes, encoding: str) -> int:
    letters = _LATIN[encoding]
    return sum(1 for c in sample.decode(encoding, errors="replace") if c in letters)


def _accented_latin(text: str) -> bool:
    """Non-ASCII letters sit alone inside ASCII words ("président"), not in runs.

    Arabic or Cyrillic bytes read as cp1252 come out as long runs of accented letters.
    """
    alone = runs = 0
    for i, c in enumerate(text[1:-1], start=1):
        if c < "\x80" or not c.isalpha():
            continue
        if text[i - 1] >= "\x80" and text[i + 1] >= "\x80":
            runs += 1
        else:
            alone += 1
    return alone + runs > 0 and runs < alone


def _decode_legacy(data: bytes, name: str) -> str:
    encoding = _guess_legacy(data)
    if encoding is None:
        raise ImportFailedError(name, "the text encoding could not be recognised")
    return data.decode(encoding, errors="replace")
