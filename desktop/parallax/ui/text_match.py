"""Folded matching for what people type: case, diacritics and separators do not matter.

The same folding as project search (see `parallax.store.search`), done one character at a
time so positions in the folded text are positions in the original: "Faleh al-Fayad"
typed with ordinary spaces finds "Faleh\u00a0al-Fayad". Pure functions, no Qt.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"\w+")


def fold_chars(text: str) -> str:
    """Case- and diacritic-fold each character on its own, so offsets stay the same."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(c: str) -> str:
    if c.isascii():
        return c.lower()
    base = unicodedata.normalize("NFD", c)[0].lower()
    return base[0] if base else c


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """[start, end) code-point spans where `query` occurs in `text`: its words in order,
    separated by any run of spaces or punctuation, folding case and diacritics."""
    tokens = [fold_chars(t) for t in _TOKEN.findall(query)]
    if not tokens:
        return []
    pattern = re.compile(r"[\W_]+".join(re.escape(t) for t in tokens))
    return [(m.start(), m.end()) for m in pattern.finditer(fold_chars(text))]
