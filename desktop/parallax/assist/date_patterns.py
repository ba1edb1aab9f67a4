"""Words and regular expressions for the date expressions that news articles use.

Kept apart from `dates.py` so that the resolution rules read as rules. Python's `\\s`
matches U+00A0, so "18\\u00a0May\\u00a02017" needs no special case; `\\d` also matches
Arabic-Indic digits, which `int()` reads.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in {"may", "june", "july"}]
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a few": 3,
}  # fmt: skip
# "early", "the end of", … keep the precision but narrow the range to this share of it.
QUALIFIER_SHARES: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "early": ((0, 3), (1, 3)), "beginning": ((0, 3), (1, 3)), "start": ((0, 3), (1, 3)),
    "mid": ((1, 3), (2, 3)), "middle": ((1, 3), (2, 3)),
    "late": ((2, 3), (3, 3)), "end": ((2, 3), (3, 3)),
    "first half": ((0, 2), (1, 2)), "second half": ((1, 2), (2, 2)),
}  # fmt: skip
QUARTERS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
# Month names that are also common English words: alone and lower-case they are the verb.
VERB_MONTHS = frozenset({"may", "march"})
# Counts that are themselves approximate, so "a few days ago" becomes a range.
FUZZY_COUNTS = frozenset({"a couple of", "a few"})


def _alternation(words: list[str], *, capitalised: bool = False) -> str:
    """Longest first, so that "Sept" is not read as "Sep" followed by "t"."""
    words = sorted(words, key=len, reverse=True)
    return "|".join(w.capitalize() if capitalised else w for w in words)


MONTH = rf"(?:{_alternation(list(MONTHS))})\b"
WEEKDAY = rf"(?:{_alternation(list(WEEKDAYS))})\b"
ORDINAL = r"(?:st|nd|rd|th)?"
_COUNT_WORDS = _alternation(list(NUMBERS)).replace(" ", r"\s+")
COUNT = rf"(?:\d{{1,3}}|{_COUNT_WORDS})"
APPROX = r"(?:about|around|roughly|some|nearly|almost|approximately|over|more\s+than|less\s+than)"
UNIT = r"(?:minute|hour|day|week|month|year)s?"

# Leading words an analyst often selects with the date: "on", "since", "at the end of".
LEAD = r"(?:on|in|since|by|from|until|till|during|at|as\s+of)"
QUALIFIER = (
    r"(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|"
    r"first\s+half\s+of|second\s+half\s+of)"
)
PREFIX = re.compile(
    rf"^(?:(?P<lead>{LEAD})\s+)?(?:(?P<qual>{QUALIFIER})(?:\s+|-))?(?P<core>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "Thursday, May 18": the weekday only repeats the date that follows it.
WEEKDAY_PREFIX = re.compile(rf"^{WEEKDAY},?\s+(?=(?:\S+\s+)?\S*\d)", re.IGNORECASE)
TIME_SUFFIX = re.compile(
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)$", re.IGNORECASE
)


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Patterns for `normalise_date`, matched against the whole expression once its leading
# words are gone. Groups are named so that the handlers do not count parentheses.
ISO_DAY = _rule(r"(?P<y>\d{4})-(?P<month>\d{1,2})-(?P<d>\d{1,2})")
ISO_MONTH = _rule(r"(?P<y>\d{4})-(?P<month>\d{1,2})")
SLASHED = _rule(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})")
DOTTED = _rule(r"(?P<a>\d{1,2})[.\-](?P<b>\d{1,2})[.\-](?P<y>\d{4})")
_DAY_MONTH = rf"(?:the\s+)?(?P<d>\d{{1,2}}){ORDINAL}(?:\s+of)?\s+(?P<month>{MONTH})\.?"
_MONTH_DAY = rf"(?P<month>{MONTH})\.?\s+(?P<d>\d{{1,2}}){ORDINAL}"
_WITH_YEAR = r",?\s+(?P<y>\d{4})"
DAY_MONTH_YEAR = _rule(_DAY_MONTH + _WITH_YEAR)
MONTH_DAY_YEAR = _rule(_MONTH_DAY + _WITH_YEAR)
DAY_MONTH = _rule(_DAY_MONTH)
MONTH_DAY = _rule(_MONTH_DAY)
MONTH_YEAR = _rule(rf"(?P<month>{MONTH})\.?,?(?:\s+of)?\s+(?P<y>\d{{4}})")
YEAR = _rule(r"(?P<y>\d{4})")
BARE_MONTH = _rule(rf"(?P<month>{MONTH})")
_ORDINAL_QUARTER = rf"(?P<ord>{_alternation(list(QUARTERS))})[\s\-]+quarter"
QUARTER = _rule(rf"(?:the\s+)?{_ORDINAL_QUARTER}")
YEAR_QUARTER = _rule(rf"(?:the\s+)?(?P<y>\d{{4}})\s+{_ORDINAL_QUARTER}")
QUARTER_OF_YEAR = _rule(rf"(?:the\s+)?{_ORDINAL_QUARTER}(?:\s+of|,)?\s+(?P<y>\d{{4}})")
SHORT_QUARTER = _rule(r"Q(?P<q>[1-4])\s+(?P<y>\d{4})|(?P<y2>\d{4})-Q(?P<q2>[1-4])")
WEEKDAY_RULE = _rule(rf"(?:(?P<which>last|next|this)\s+)?(?P<weekday>{WEEKDAY})")
TODAYISH = _rule(r"(?P<word>today|yesterday|tomorrow|tonight)")
THIS_PERIOD = _rule(r"(?P<which>last|this|next)\s+(?P<unit>week|month|year)")
PART_OF_PERIOD = _rule(r"(?P<part>earlier|later)\s+this\s+(?P<unit>week|month|year)")
AGO = _rule(rf"(?:(?P<approx>{APPROX})\s+)?(?P<count>{COUNT})\s+(?P<unit>{UNIT})\s+ago")

# The scanner for `find_date_expressions`. Month and weekday names must be capitalised
# (so the verbs "may" and "march" never match); the little words may be either case.
_CAP_MONTH = rf"(?:{_alternation(list(MONTHS), capitalised=True)})\b"
_CAP_FULL_MONTH = rf"(?:{_alternation(FULL_MONTHS, capitalised=True)})\b"
_CAP_WEEKDAY = rf"(?:{_alternation(list(WEEKDAYS), capitalised=True)})\b"
_DAY = rf"\d{{1,2}}{ORDINAL}(?!\d|[,.]\d)"  # not "In February 2,000 fighters"
_YEAR4 = r"(?:1[89]|2\d)\d{2}(?![\d/:]|[.,]\d|['’]?s\b)"  # not "1970s", a decade
_SCAN_CORE = "|".join(
    [
        r"\d{4}-\d{1,2}(?:-\d{1,2})?(?![\d\-/])",
        r"(?<![\d/.\-])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/]|\.\d)",
        r"(?<![\d/.\-])\d{1,2}[.\-]\d{1,2}[.\-]\d{4}(?![\d/.\-]\d)",
        rf"{_DAY}(?:\s+of)?\s+{_CAP_MONTH}(?:,?\s+{_YEAR4})?",
        rf"{_CAP_MONTH}\.?\s+{_DAY}(?:,?\s+{_YEAR4})?",
        rf"{_CAP_MONTH}\.?,?\s+{_YEAR4}",
        rf"{_CAP_WEEKDAY},?\s+(?:{_DAY}(?:\s+of)?\s+{_CAP_MONTH}|{_CAP_MONTH}\.?\s+{_DAY})"
        rf"(?:,?\s+{_YEAR4})?",
        rf"(?:(?i:last|next|this)\s+)?{_CAP_WEEKDAY}",
        _CAP_FULL_MONTH,
        r"(?i:(?:earlier|later)\s+this\s+(?:week|month|year)\b)",
        r"(?i:(?:last|this|next)\s+(?:week|month|year)\b)",
        rf"(?i:(?:{APPROX}\s+)?{COUNT}\s+{UNIT}\s+ago\b)",
        r"(?i:today|yesterday|tomorrow|tonight)\b",
        rf"(?i:(?:the\s+)?(?:{_YEAR4}\s+)?(?:{_alternation(list(QUARTERS))})[\s\-]+quarter\b"
        rf"(?:(?:\s+of|,)?\s+{_YEAR4})?)",
        rf"(?P<year>{_YEAR4})",
    ]
)
# A bare year counts only where a sentence or clause ends after it ("results for 1989."),
# since "2000 troops" is a count.
YEAR_THEN_STOP = re.compile(r"[\"”’)]?(?:[.,;:!?)]|\s*$)", re.MULTILINE)
# Tried only where a word starts (not at every boundary): twice as fast on long articles.
SCANNER = re.compile(
    rf"(?<!\w)(?=\w)(?:(?P<lead>(?i:{LEAD}))\s+)?(?:(?P<qual>(?i:{QUALIFIER}))(?:\s+|-))?"
    rf"(?:{_SCAN_CORE})"
)
