"""Passages as text: sentence windows, and their TF-IDF cosine over crudely lemmatised tokens.

No model is downloaded and no numeric library is needed: passages are short, and an
inverted index makes a query cost only the postings of its own terms. Tokens are folded
through the name key of `names.word_key`, so "Fayadh", "Fayyad" and "Fayad" are one term,
and reduced by a small suffix stripper, so "meeting", "meetings" and "met" are one term.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from anyascii import anyascii

from parallax.assist.names import word_key, word_set

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    said says say told according reported report reports reporting news agency also would
    one two three new mr ms mrs dr al el"""
)
# Irregular forms common in news, mapped to the form the suffix stripper gives the base.
_IRREGULAR = {
    "met": "meet", "held": "hold", "told": "tell", "went": "go", "gone": "go", "took": "take",
    "taken": "take", "gave": "give", "given": "give", "made": "make", "found": "find",
    "brought": "bring", "sent": "send", "left": "leave", "led": "lead", "spoke": "speak",
    "spoken": "speak", "fought": "fight", "struck": "strike", "won": "win", "ran": "run",
    "began": "begin", "begun": "begin", "shot": "shoot", "caught": "catch", "sought": "seek",
    "thought": "think", "bought": "buy", "fell": "fall", "fallen": "fall", "stole": "steal",
    "stolen": "steal", "hit": "hit", "killed": "kill", "died": "die", "dead": "die",
    "death": "die", "children": "child", "men": "man", "women": "woman", "people": "person",
    "advisor": "adviser", "defence": "defense", "organisation": "organization",
}  # fmt: skip
_SUFFIXES = (
    "ations", "ation", "ating", "ated", "ate", "ions", "ion", "ings", "ing", "ments", "ment",
    "edly", "ed", "ies", "es", "s",
)  # fmt: skip


def stem(word: str) -> str:
    """A crude English lemma: "meetings", "meeting" and "met" all give "meet"."""
    word = _IRREGULAR.get(word, word)
    if len(word) > 4 and not word.endswith(("ss", "us", "is")):
        word = _strip_suffix(word)
    while len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _strip_suffix(word: str) -> str:
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        base = word[: -len(suffix)]
        if suffix == "ies":
            return base + "y"
        if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
            return word[:-1]
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
            base = base[:-1]  # "stopped" -> "stop"
        return base
    return word


def tokens(text: str) -> list[str]:
    """Index terms of a text: folded, stop words dropped, stemmed, spelling-keyed."""
    found = []
    for match in _TOKEN.finditer(anyascii(text).lower()):
        term = _term(match.group(0))
        if term:
            found.append(term)
    return found


@functools.lru_cache(maxsize=262144)
def _term(word: str) -> str:
    """The index term of one lower-cased word, or "" for a stop word or a number."""
    possessive = word.endswith(("'s", "’s"))
    word = word.replace("'", "").replace("’", "")
    if possessive:
        word = word[:-1]
    if word in STOPWORDS or word.isdigit() or len(word) < 2:
        return ""
    return word_key(stem(word))


Vector = dict[str, float]


class TfidfIndex:
    """TF-IDF vectors (sublinear tf, smoothed idf, L2-normalised) of a set of documents."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self._count = len(documents)
        frequency: Counter[str] = Counter()
        for doc in documents:
            frequency.update(set(doc))
        self._idf = {t: math.log((1 + self._count) / (1 + n)) + 1.0 for t, n in frequency.items()}
        self._vectors = [self.vector(doc) for doc in documents]
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, vector in enumerate(self._vectors):
            for term, weight in vector.items():
                self._postings[term].append((index, weight))

    def __len__(self) -> int:
        return self._count

    def idf(self, term: str) -> float:
        """Unseen terms weigh as much as a term seen once."""
        return self._idf.get(term, math.log(1 + self._count) + 1.0)

    def vector(self, terms: Iterable[str]) -> Vector:
        counts = Counter(terms)
        weights = {t: (1.0 + math.log(n)) * self.idf(t) for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def document(self, index: int) -> Vector:
        return self._vectors[index]

    def similarities(self, query: Vector) -> dict[int, float]:
        """Cosine of the query with every document sharing a term with it (others are 0)."""
        scores: dict[int, float] = defaultdict(float)
        for term, weight in query.items():
            for index, doc_weight in self._postings.get(term, ()):
                scores[index] += weight * doc_weight
        return scores


def cosine(u: Vector, v: Vector) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v.get(t, 0.0) for t, w in u.items())


def shared_terms(u: Vector, v: Vector, limit: int = 5) -> list[str]:
    """The terms contributing most to the cosine of u and v, for explaining a suggestion."""
    common = sorted((u[t] * v[t], t) for t in u.keys() & v.keys())
    return [t for _, t in reversed(common[-limit:])]


# --- sentence windows -------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)\]]*(?:\s+|$)")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st lt gen col maj capt sgt prof no vs jr sr inc co corp h.e u.s u.k u.n"
)


def sentence_spans(text: str, excluded: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentences of `text` as (start, end), trimmed, skipping any that touch an excluded
    (boilerplate) span. Lines are never joined: a heading or a comment stays on its own."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend((offset + s, offset + e) for s, e in _line_sentences(line))
        offset += len(line) + 1
    return [(s, e) for s, e in spans if not any(s < xe and xs < e for xs, xe in excluded)]


def _line_sentences(line: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(line):
        before = line[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        spans.append(_trim(line, start, match.end()))
        start = match.end()
    spans.append(_trim(line, start, len(line)))
    return [(s, e) for s, e in spans if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
