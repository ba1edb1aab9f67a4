"""Find the site chrome and comment threads in pasted or extracted article text.

Text is never cut: these spans are stored as excluded spans, greyed in the reader and left
out of search, suggestions and briefs. The rules work on lines and err on the side of
leaving text unmarked, because a marked body sentence silently disappears from a brief,
while unmarked chrome is merely visible.

- single chrome lines anywhere ("Sign In / Up", "SHARE THIS ARTICLE", "Related Articles");
- section breadcrumbs above the title ("News / Iraq / Syria", "Latest developmentsMiddle East");
- a comment thread after the body, from its first sign to the end of the text: comment
  headers ("Name | 18/5/2017"), a thread heading ("Leave a Reply", "12 Comments"), or a run
  of commenter names on their own lines before short, informal paragraphs;
- the tail after the last body paragraph, from its first chrome line to the end
  ("… website can also be accessed at …", "www.presstv.co.uk", "Press TV News Roku").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from enum import Enum

from parallax.ingest.lines import Line, split_lines


class Kind(Enum):
    BLANK = "blank"
    BODY = "body"  # a paragraph in the article's register
    CHROME = "chrome"  # navigation, sign-in, share buttons, footers
    URL = "url"  # a bare address on its own line
    CRUMB = "crumb"  # section breadcrumbs
    HEADER = "header"  # "Name | 18/5/2017", "Name says:"
    TEASER = "teaser"  # "| 10 hours ago | (5)" under a linked headline
    THREAD = "thread"  # "Leave a Reply", "12 Comments", "What You Say"
    NAME = "name"  # a short name on its own line (a commenter, or a heading)
    OTHER = "other"


_CHROME_LINES = frozenset(
    (
        "sign in / up",
        "sign in",
        "sign up",
        "sign in / sign up",
        "log in",
        "login",
        "log out",
        "register",
        "forgot password",
        "forgot your password?",
        "or connect using",
        "or connect with",
        "add contribution as a guest",
        "comment as a guest",
        "share this article",
        "share this",
        "share",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "related articles",
        "related posts",
        "related stories",
        "related news",
        "related",
        "back to top",
        "back to top button",
        "skip to content",
        "skip to main content",
        "menu",
        "search",
        "home",
        "advertisement",
        "sponsored",
        "read more",
        "read also",
        "see also",
        "more stories",
        "most read",
        "most popular",
        "trending",
        "recommended",
        "you may also like",
        "newsletter",
        "subscribe",
        "follow us",
        "cancel reply",
        "reply",
        "load more",
        "previous article",
        "next article",
        "previous post",
        "next post",
        "close",
        "accept cookies",
        "all rights reserved",
        "log in to reply",
        "report comment",
    )
)

_CHROME_PATTERNS = re.compile(
    r"your email (address )?will not be (displayed|published)"
    r"|benefit of signing (in|up)"
    r"|.{0,60}\b(website|site) can (also )?be accessed at"
    r"|alternate addresses:?$"
    r"|\d+(\.\d+)?\s*(seconds?|secs?|ms)$"
    r"|(tags?|topics?|filed under|keywords)\s*:"
    r"|(copyright\b|©|\(c\)\s)"
    r"|(share|follow) (us|this) (on|via)\b"
    r"|(read|see) (more|also)\s*:"
    r"|click here to\b"
    r"|share your (stories|photos|videos)"
    r"|required fields are marked"
    r"|(you must be|please) (logged|log) in to (comment|post)"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words a navigation or sign-in line is made of; a line of only these, with at least one
# strong word, is chrome ("Not a member Register Forgot Password").
_VOCAB = _words(
    "sign in up out log login logout register forgot password not a member or connect "
    "using with share tweet email print facebook twitter whatsapp telegram linkedin "
    "reddit x comment comments reply guest as add contribution subscribe newsletter "
    "follow us on menu search home close back to top button more read related "
    "articles copy link save account my create an your get app download for our the "
    "topics tags"
)
_STRONG = _words(
    "sign login logout register password share tweet facebook twitter whatsapp "
    "telegram linkedin subscribe newsletter menu comment comments reply print email "
    "related"
)

_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"
_AGO = r"\d+\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
_HEADER = re.compile(
    rf"(?!by\s)[^|:]{{1,60}}?\s*\|\s*(?:{_DATE}(?:\s+{_TIME})?|{_AGO})"
    rf"|(?P<name>.{{1,40}}?)\s+on\s+(?:{_MONTH}|{_DATE})(?:\s+at\s+{_TIME})?",
    re.IGNORECASE,
)
_SAYS = re.compile(r"(?P<name>.{1,40}?)\s+(?:says|said|wrote)\s*:", re.IGNORECASE)
_TEASER = re.compile(rf"\|\s*(?:{_DATE}|{_AGO})\s*\|\s*\(\d+\)", re.IGNORECASE)
_THREAD = re.compile(
    r"(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?|leave a (?:reply|comment)|post a comment"
    r"|add a comment|join the discussion|what you say|reader comments|comments are closed"
    r"|\d+ (?:thoughts|responses|comments|replies) (?:on|to) .+",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?", re.I)
_SEPARATORS = re.compile(r"\s+[/|›»>•·]\s+|\s*[›»•]\s*")
_CAMEL_JOIN = re.compile(r"[a-z]{3}[A-Z][a-z]")
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’)\]]$")
_NAME_TOKEN = re.compile(r"[-'\"(]*[A-Z\u00c0-\u00de][\w'’.-]*[)-]?|[-(]+[A-Z][\w-]*[)-]+")
_HANDLE = re.compile(r"[A-Za-z][\w.-]{2,24}")
_PARTICLES = _words("al el bin ibn abu de da di du la le van von der den del dos")
_INFORMAL = re.compile(
    r"\b(?:lol|lmao|haha|ha ha|imo|pls|plz|wtf|omg)\b|: ?\)|;\)|!{2,}|\?{2,}|\.{4,}|…[.…]+"
    r"|\b(?:isnt|dont|cant|didnt|doesnt|im|ive|youre|thats|whats|theyre)\b"
    r"|comment image|(?-i:^[a-z])",
    re.IGNORECASE | re.MULTILINE,
)
_LONG_LINE = 400


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of `text` to mark as excluded, sorted and not overlapping."""
    lines = split_lines(text)
    if not lines:
        return []
    kinds = [classify(line.text) for line in lines]
    marked = [k in (Kind.CHROME, Kind.TEASER) for k in kinds]
    _mark_teaser_headlines(kinds, marked)
    _mark_crumbs(kinds, marked)
    start = _thread_start(lines, kinds)
    end = len(lines) if start is None else start
    _mark_tail(kinds, marked, end)
    for i in range(end, len(lines)):
        marked[i] = True
    return _spans(lines, marked)


def classify(line: str) -> Kind:
    """What one normalised line looks like on its own, before its neighbours are seen."""
    if not line:
        return Kind.BLANK
    if len(line) > _LONG_LINE:
        return Kind.BODY
    folded = line.casefold()
    if folded in _CHROME_LINES or _CHROME_PATTERNS.match(folded) or _all_chrome_words(folded):
        return Kind.CHROME
    if _TEASER.fullmatch(line):
        return Kind.TEASER
    header = _HEADER.fullmatch(line)
    if header and (header["name"] is None or is_name_line(header["name"])):
        return Kind.HEADER
    if _THREAD.fullmatch(line):
        return Kind.THREAD
    says = _SAYS.fullmatch(line)
    if says and is_name_line(says["name"]):
        return Kind.NAME
    if _URL.fullmatch(line):
        return Kind.URL
    if _is_crumb(line):
        return Kind.CRUMB
    if _is_body(line):
        return Kind.BODY
    return Kind.NAME if is_name_line(line) else Kind.OTHER


def _all_chrome_words(folded: str) -> bool:
    words = [w for w in re.split(r"[\s/|•·»›>]+", folded.strip("!:.")) if w]
    return 0 < len(words) <= 8 and set(words) <= _VOCAB and not _STRONG.isdisjoint(words)


def _is_body(line: str) -> bool:
    words = len(line.split())
    return words >= 20 or (words >= 8 and bool(_SENTENCE_END.search(line)))


def _is_crumb(line: str) -> bool:
    """Section names joined by separators, or run together when a page was copied."""
    if _SENTENCE_END.search(line) or ":" in line or len(line.split()) > 12:
        return False
    parts = [p for p in _SEPARATORS.split(line) if p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts):
        return True
    return len(_CAMEL_JOIN.findall(line)) >= 2


def is_name_line(line: str) -> bool:
    """A person's name or handle alone on a line: "Brad Isherwood", "Amon -Ra- DeArmond"."""
    tokens = line.split()
    if not 1 <= len(tokens) <= 5 or len(line) > 40 or _SENTENCE_END.search(line):
        return False
    if len(tokens) == 1 and _HANDLE.fullmatch(line) and re.search(r"[\d_]", line):
        return True
    return all(_NAME_TOKEN.fullmatch(t) or t.casefold() in _PARTICLES for t in tokens)


def _mark_teaser_headlines(kinds: list[Kind], marked: list[bool]) -> None:
    """A "| date | (n)" line belongs to the linked headline just above it."""
    for i, kind in enumerate(kinds):
        if kind is Kind.TEASER:
            j = _previous_nonblank(kinds, i)
            if j is not None and kinds[j] is not Kind.BODY:
                marked[j] = True


def _mark_crumbs(kinds: list[Kind], marked: list[bool]) -> None:
    """Breadcrumbs count only above the title, i.e. before the first body paragraph and
    with another unmarked line (the title) still to come."""
    first_body = _first(kinds, Kind.BODY, 0)
    limit = len(kinds) if first_body is None else first_body
    for i in range(limit):
        if kinds[i] is Kind.CRUMB and any(
            kinds[j] not in (Kind.BLANK, Kind.CHROME, Kind.CRUMB) for j in range(i + 1, limit)
        ):
            marked[i] = True


def _thread_start(lines: list[Line], kinds: list[Kind]) -> int | None:
    """The line where a comment thread begins after the body, or None.

    An explicit sign (a comment header, a thread heading) wins over a run of names, which
    could also be an article's subheadings.
    """
    explicit = _scan(
        kinds, 1, (Kind.HEADER, Kind.THREAD), lambda i: _thread_follows(lines, kinds, i)
    )
    if explicit is not None:
        return explicit
    return _scan(kinds, 2, (Kind.NAME,), lambda i: _names_thread(lines, kinds, i))


def _scan(
    kinds: list[Kind], body_needed: int, wanted: tuple[Kind, ...], accept: Callable[[int], bool]
) -> int | None:
    """The first line of a wanted kind, after enough body paragraphs, that `accept`s."""
    body_before = 0
    for i, kind in enumerate(kinds):
        if kind is Kind.BODY:
            body_before += 1
        elif body_before >= body_needed and kind in wanted and accept(i):
            return i
    return None


def _thread_follows(lines: list[Line], kinds: list[Kind], i: int) -> bool:
    """A header or thread heading opens the thread if more comments follow, or if what
    follows is short next to the body above it (a lone comment, chrome)."""
    after = kinds[i + 1 :]
    if Kind.HEADER in after or Kind.TEASER in after or Kind.BODY not in after:
        return True
    if kinds[i] is Kind.THREAD:
        return _names_thread(lines, kinds, i + 1)
    return _chars(lines, i, len(lines)) < 0.5 * _chars(lines, 0, i)


def _names_thread(lines: list[Line], kinds: list[Kind], i: int) -> bool:
    """Commenters' names on their own lines, each before a short informal paragraph.

    Subheadings in an article look the same, so: at least two names; the first two
    sections short (under a heading they run long); neither of them two or more formal
    paragraphs without a trace of informal writing ("isnt", "Ha ha", ": )", "???"); and
    such traces both early (first three sections) and throughout (three or more).
    """
    names = [j for j in range(i, len(kinds)) if kinds[j] is Kind.NAME]
    if len(names) < 2:
        return False
    bounds = [*names[:4], len(lines)]
    sections = [(a + 1, b) for a, b in itertools.pairwise(bounds)]
    if _chars(lines, *sections[0]) == 0:  # a name right before another: a signature
        return False
    early = [_informal(lines, a, b) for a, b in sections[:3]]
    for (a, b), hits in zip(sections[:2], early, strict=False):
        if _chars(lines, a, b) > 900 or (hits == 0 and kinds[a:b].count(Kind.BODY) >= 2):
            return False
    return sum(early) >= 1 and _informal(lines, i, len(lines)) >= 3


def _informal(lines: list[Line], a: int, b: int) -> int:
    return len(_INFORMAL.findall("\n".join(line.text for line in lines[a:b])))


def _mark_tail(kinds: list[Kind], marked: list[bool], end: int) -> None:
    """After the last body paragraph, chrome starts a run of leftovers up to `end`."""
    last_body = _last(kinds, Kind.BODY, end)
    start = 0 if last_body is None else last_body + 1
    tail_chrome = (Kind.CHROME, Kind.URL, Kind.THREAD, Kind.HEADER, Kind.TEASER)
    for i in range(start, end):
        if kinds[i] in tail_chrome:
            if last_body is None:
                marked[i] = True
                continue
            for j in range(i, end):
                marked[j] = True
            return


def _spans(lines: list[Line], marked: list[bool]) -> list[tuple[int, int]]:
    """Marked lines as spans, joined across blank lines; whitespace at the edges left out."""
    spans: list[tuple[int, int]] = []
    open_start: int | None = None
    last_end = 0
    for line, is_marked in zip(lines, marked, strict=True):
        if not line.text:
            continue
        if is_marked:
            if open_start is None:
                open_start = line.start
            last_end = line.end
        elif open_start is not None:
            spans.append((open_start, last_end))
            open_start = None
    if open_start is not None:
        spans.append((open_start, last_end))
    return spans


def _chars(lines: list[Line], a: int, b: int) -> int:
    return sum(len(line.text) for line in lines[a:b])


def _first(kinds: list[Kind], kind: Kind, start: int) -> int | None:
    return next((i for i in range(start, len(kinds)) if kinds[i] is kind), None)


def _last(kinds: list[Kind], kind: Kind, end: int) -> int | None:
    return next((i for i in range(end - 1, -1, -1) if kinds[i] is kind), None)


def _previous_nonblank(kinds: list[Kind], i: int) -> int | None:
    return next((j for j in range(i - 1, -1, -1) if kinds[j] is not Kind.BLANK), None)
