"""Lines of canonical text with their offsets, and the body left outside excluded spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line: `text` is whitespace-normalised (NBSP → space, runs collapsed, stripped);
    `start`/`end` are code-point offsets of its first and past its last visible character,
    so a span built from them never swallows the whitespace around it."""

    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    """Every line of `text` (blank ones too, with empty `text`), in order."""
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            lines.append(Line(start, start + len(stripped), _SPACES.sub(" ", stripped)))
        else:
            lines.append(Line(pos, pos, ""))
        pos += len(raw) + 1
    return lines


def body_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with the excluded spans left out: what search and briefs see."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start > pos:
            parts.append(text[pos:start])
        pos = max(pos, end)
    parts.append(text[pos:])
    return "".join(parts)


def first_unmarked_line(text: str, spans: Sequence[tuple[int, int]], limit: int = 300) -> str:
    """The first non-blank line outside the excluded spans: the title of pasted text."""
    for line in split_lines(text[:20000]):
        if line.text and not any(s <= line.start < e for s, e in spans):
            return line.text[:limit]
    return ""
