"""The one place that converts Qt text positions to stored offsets and back.

Stored offsets are code point indices into `Article.text` (Python `str` indices). A
QTextDocument filled with `setPlainText(article.text)` counts UTF-16 code units, and each
block separator (the `\\n` of the text) is one position, so the two scales differ only by
one for every character outside the Basic Multilingual Plane (an emoji) that comes before
the position. U+00A0 and combining marks are one unit on both scales.

Never read `toPlainText()` back for storage: it turns U+00A0 into a space. Quotes are cut
from `Article.text` with offsets converted here.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate, repeat
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCursor

_ABOVE_ZERO = bytes([0] + [1] * 255)  # a translation table: every plane but the BMP's → 1
# What setPlainText turns into a block separator (one position each). Canonical article
# text has no CR, so the CRLF pair Qt would merge into one position never occurs.
_BLOCK_SEPARATOR = re.compile("[\n\r\u2029\ufdd0\ufdd1]")
_RARE_SEPARATORS = "\r\u2029\ufdd0\ufdd1"


class OffsetMap:
    """Converts between positions in a QTextDocument and code point offsets in its text.

    Build one per article text; conversions are O(log n) in the number of non-BMP
    characters and free for text without any. Building one is linear but runs at the
    speed of C string operations (a 1,000,000-character article takes a few ms).
    """

    __slots__ = ("_astral", "_astral_qt", "_block_starts", "_length", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._block_starts: list[int] | None = None
        self._length = len(text)
        # Code point index of each non-BMP character, and where Qt puts its high surrogate.
        self._astral = _astral_indexes(text)
        self._astral_qt = [index + n for n, index in enumerate(self._astral)]

    @property
    def length(self) -> int:
        """The text length in code points."""
        return self._length

    @property
    def qt_length(self) -> int:
        """The text length in UTF-16 code units (the document's last cursor position)."""
        return self._length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """The Qt position of a code point offset (0 ≤ offset ≤ length)."""
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} is outside the text (length {self._length})")
        return offset + bisect_left(self._astral, offset)

    def to_offset(self, position: int, *, round_up: bool = False) -> int:
        """The code point offset of a Qt position.

        A position between the two halves of a surrogate pair is moved to the start of
        the character, or past it with `round_up` (use that for the end of a span).
        """
        if not 0 <= position <= self.qt_length:
            raise ValueError(f"position {position} is outside the text ({self.qt_length} units)")
        before = bisect_left(self._astral_qt, position)
        offset = position - before
        if round_up and before and self._astral_qt[before - 1] == position - 1:
            offset += 1
        return offset

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Qt positions for a stored [start, end) span."""
        return self.to_qt(start), self.to_qt(end)

    def span_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """A stored [start, end) span for Qt positions; never cuts a character in half."""
        low, high = min(start, end), max(start, end)
        return self.to_offset(low), self.to_offset(high, round_up=True)

    @property
    def astral_offsets(self) -> list[int]:
        """Sorted offsets of the characters outside the BMP (each takes two Qt positions),
        for converting many offsets in a loop: `offset + bisect_left(them, offset)`."""
        return self._astral

    def qt_text(self) -> str:
        """The text to hand to Qt (`setPlainText`): the same characters, with each one
        outside the BMP written as its UTF-16 surrogate pair. Python stores a text with
        any such character at four bytes per character, which PySide converts to Qt's
        UTF-16 one character at a time; with the pairs it is two bytes each, copied in
        bulk (for 1,000,000 characters, half the time of `setPlainText`). Never keep it:
        it is not the article's text."""
        if not self._astral:
            return self._text
        text, parts, previous = self._text, [], 0
        for index in self._astral:
            parts.append(text[previous:index])
            parts.append(_surrogate_pair(text[index]))
            previous = index + 1
        parts.append(text[previous:])
        return "".join(parts)

    def block_starts(self) -> list[int]:
        """The Qt position where each block (paragraph) of the document starts."""
        if self._block_starts is None:
            starts = _separator_ends(self._text)
            if self._astral:  # each start moves by the astral characters before it
                before = map(bisect_left, repeat(self._astral), starts)
                starts = [start + shift for start, shift in zip(starts, before, strict=True)]
            self._block_starts = starts
        return self._block_starts

    def selection_span(self, cursor: QTextCursor) -> tuple[int, int] | None:
        """The stored span a cursor's selection covers, or None without a selection."""
        if not cursor.hasSelection():
            return None
        start, end = self.span_from_qt(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if start < end else None


def _astral_indexes(text: str) -> list[int]:
    """Code point indexes of the characters outside the BMP, sorted.

    Byte 2 of a character in UTF-32 is its plane (0 for the BMP): encoding, slicing and
    searching those bytes all run at C speed, where a regular expression steps through a
    1,000,000-character text in Python's matcher at a few times the cost."""
    if text.isascii():
        return []
    planes = text.encode("utf-32-le", "surrogatepass")[2::4].translate(_ABOVE_ZERO)
    found, at = [], planes.find(1)
    while at >= 0:
        found.append(at)
        at = planes.find(1, at + 1)
    return found


def _surrogate_pair(character: str) -> str:
    """The two UTF-16 code units of a character outside the BMP, as two `str` characters."""
    code = ord(character) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def _separator_ends(text: str) -> list[int]:
    """Code point offsets where each block starts: 0 and just past each separator.

    With only line feeds (canonical text nearly always) the lengths of the lines give
    them at C speed; other separators need the regular expression."""
    if any(separator in text for separator in _RARE_SEPARATORS):
        return [0] + [m.end() for m in _BLOCK_SEPARATOR.finditer(text)]
    lines = text.split("\n")
    return list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
