"""Ranking passages of other articles that probably report the same event as a given one.

Three kinds of evidence are added up, each explained in the suggestion's reasons:
the TF-IDF cosine of the texts; the actors both passages name (through aliases, so
"Faleh al-Fayyad" matches "Falah al-Fayadh"); and whether their dates are compatible, with
relative dates resolved against each article's publication date. A passage without a
date is neutral on dates, never penalised; dates weeks apart count against.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from parallax.assist import similarity
from parallax.assist.dates import NEEDS_ANCHOR, find_date_expressions, normalise_date
from parallax.assist.mentions import MENTION_THRESHOLD, NameCandidate, find_name_candidates
from parallax.assist.names import ParsedName, parse_name, parsed_score
from parallax.assist.similarity import sentence_spans
from parallax.domain.model import Precision

# Weights of dates by where they come from: the passage itself, the sentences just before
# it, or only the article's publication date.
OWN, CONTEXT, PUBLISHED = 1.0, 0.6, 0.5
# What a shared actor named by every candidate still counts for, against 1 for a rare one.
RARE_FLOOR = 0.3
_CONTEXT_REACH = 2  # windows to look back for a date
_MIN_TERMS = 3  # windows with fewer index terms are navigation or captions


@dataclass(frozen=True, slots=True)
class DatedRange:
    """Days a passage refers to, with how much to trust that it is the event's date."""

    start: dt.date
    end: dt.date
    weight: float = OWN

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of one article: the source of a query, or a candidate window.

    `actors` holds, per actor, the forms it goes by (a tagged actor's name and aliases, or
    one name found in the text).
    """

    article_id: int
    start: int
    end: int
    text: str
    dates: tuple[DatedRange, ...] = ()
    actors: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    """A passage of another article that probably reports the same event; best first."""

    article_id: int
    start: int
    end: int
    text: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Weights:
    """How much shared actors (0–1) and date agreement (-1–1) add to the text cosine (0–1)."""

    actors: float = 0.25
    dates: float = 0.4


DEFAULT_WEIGHTS = Weights()


@dataclass(slots=True)
class _Evidence:
    text: float = 0.0
    actors: float = 0.0
    dates: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def score(self, weights: Weights) -> float:
        return self.text + weights.actors * self.actors + weights.dates * self.dates


# --- dates ------------------------------------------------------------------------------


def resolve_dates(
    text: str, published: dt.date | None, precision: Precision | None = Precision.DAY
) -> list[DatedRange]:
    """Date ranges written in `text`, relative ones resolved against the publication date.

    With a publication date known only to the month, a relative expression ("on
    Wednesday") is resolved against the month's first and last days and covers both.
    Expressions that stay ambiguous without a guess are left out.
    """
    exact = published if precision is Precision.DAY else None
    found = []
    for _, _, date in find_date_expressions(text, exact):
        if date.start is not None and date.end is not None:
            found.append(DatedRange(date.start, date.end))
        elif date.reason == NEEDS_ANCHOR and published is not None and exact is None:
            widened = _across_period(date.expression, published, precision)
            if widened is not None:
                found.append(widened)
    return found


def _across_period(
    expression: str, published: dt.date, precision: Precision | None
) -> DatedRange | None:
    first = published.replace(day=1) if precision is Precision.MONTH else published.replace(1, 1)
    last = _period_end(first, precision)
    early, late = normalise_date(expression, first), normalise_date(expression, last)
    if early.start is None or late.end is None:
        return None
    return DatedRange(early.start, late.end)


def _period_end(first: dt.date, precision: Precision | None) -> dt.date:
    if precision is Precision.MONTH:
        following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    return first.replace(month=12, day=31)


def publication_range(published: dt.date | None, precision: Precision | None) -> list[DatedRange]:
    """News reports what happened in the days up to its publication: a weak date."""
    if published is None:
        return []
    if precision is Precision.DAY:
        return [DatedRange(published - dt.timedelta(days=6), published, PUBLISHED)]
    first = published.replace(day=1) if precision is Precision.MONTH else published.replace(1, 1)
    return [DatedRange(first - dt.timedelta(days=6), _period_end(first, precision), PUBLISHED)]


def date_evidence(source: Sequence[DatedRange], other: Sequence[DatedRange]) -> tuple[float, str]:
    """The best agreement of any pair of dates, -1 to 1, and why; (0, "") if either has none.

    Agreement on a single day counts fully; a wide range (a month, a year) says little
    when it overlaps, and little when it does not, as it is often background ("since 2011").
    """
    best: tuple[float, str] | None = None
    for a in source:
        for b in other:
            value, why = _pair_agreement(a, b)
            value *= a.weight * b.weight
            if best is None or value > best[0]:
                best = (value, why)
    return best or (0.0, "")


def _pair_agreement(a: DatedRange, b: DatedRange) -> tuple[float, str]:
    gap = max(0, (max(a.start, b.start) - min(a.end, b.end)).days)
    span = max(a.days, b.days)
    if gap == 0:
        value = 1.0 if span <= 1 else 0.8 if span <= 7 else 0.5 if span <= 40 else 0.15
        return value, f"same date ({_label(b)})"
    if gap <= 3:
        return 0.5, f"dates {gap} day{'s' if gap > 1 else ''} apart ({_label(b)})"
    if gap <= 10:
        return 0.1, f"dates {gap} days apart ({_label(b)})"
    # A year against a day is often background ("since 2011"): weak either way.
    wide = span > 40
    value = (-0.2 if gap <= 365 else -0.5) if wide else (-0.6 if gap <= 60 else -1.0)
    return value, f"different dates ({_label(a)} vs {_label(b)})"


def _label(r: DatedRange) -> str:
    return r.start.isoformat() if r.days == 1 else f"{r.start.isoformat()}–{r.end.isoformat()}"


# --- candidates -------------------------------------------------------------------------


def candidate_passages(
    article_id: int,
    text: str,
    *,
    published: dt.date | None = None,
    precision: Precision | None = Precision.DAY,
    excluded: Sequence[tuple[int, int]] = (),
    names: Sequence[NameCandidate] | None = None,
) -> list[Passage]:
    """An article's sentences as candidate passages, with their dates and names.

    A sentence without a date of its own borrows the date of one of the two sentences
    before it ("…conveyed then…"), and failing that the publication date, both with less
    weight.
    """
    names = find_name_candidates(text) if names is None else names
    starts = sorted((n.start, i) for i, n in enumerate(names))
    name_starts = [start for start, _ in starts]
    fallback = publication_range(published, precision)
    passages: list[Passage] = []
    recent: list[tuple[int, list[DatedRange]]] = []
    for index, (start, end) in enumerate(sentence_spans(text, excluded)):
        window = text[start:end]
        own = resolve_dates(window, published, precision)
        if own:
            recent.append((index, own))
        borrowed = [
            DatedRange(r.start, r.end, CONTEXT)
            for i, ranges in recent[-1:]
            if not own and index - i <= _CONTEXT_REACH
            for r in ranges
        ]
        inside = starts[bisect_left(name_starts, start) : bisect_left(name_starts, end)]
        found = tuple(dict.fromkeys((names[i].name,) for _, i in inside))
        dates = tuple(own or borrowed or fallback)
        passages.append(Passage(article_id, start, end, window, dates, found))
    return passages


# --- ranking ----------------------------------------------------------------------------


class CandidatePool:
    """Candidate passages with their index terms and TF-IDF index, built once per query set.

    The IDF comes from the pool itself, so words every candidate uses ("Syria" in a corpus
    about Syria) count for little.
    """

    def __init__(
        self, candidates: Sequence[Passage], terms: Sequence[list[str]] | None = None
    ) -> None:
        self.candidates = list(candidates)
        self.terms = (
            list(terms) if terms is not None else [similarity.tokens(c.text) for c in candidates]
        )
        self.index = similarity.TfidfIndex(self.terms)


def rank_links(
    source: Passage,
    candidates: CandidatePool | Sequence[Passage],
    *,
    limit: int = 10,
    keep: Callable[[Passage], bool] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[LinkSuggestion]:
    """The `limit` candidates most probably reporting the source's event, best first.

    `keep` filters candidates (dismissed ones, the source article). The same text in the
    same article (a caption repeated under a photo) is suggested once.
    """
    pool = candidates if isinstance(candidates, CandidatePool) else CandidatePool(candidates)
    query = pool.index.vector(similarity.tokens(source.text))
    cosines = pool.index.similarities(query)
    kept = [
        i
        for i, cand in enumerate(pool.candidates)
        if len(pool.terms[i]) >= _MIN_TERMS and (keep is None or keep(cand))
    ]
    actors = _Actors(source.actors)
    shared = {i: actors.shared(pool.candidates[i].actors) for i in kept}
    rarity = _rarity(shared.values(), len(kept))
    scored: list[tuple[float, int, _Evidence]] = []
    for i in kept:
        evidence = _Evidence(text=cosines.get(i, 0.0))
        if shared[i]:
            evidence.actors = min(1.0, sum(0.6 * rarity[label] for label in shared[i]))
            evidence.reasons.append("same actors: " + ", ".join(shared[i]))
        evidence.dates, why = date_evidence(source.dates, pool.candidates[i].dates)
        evidence.reasons.append(why)
        scored.append((evidence.score(weights), i, evidence))
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = _best_distinct(pool, scored, limit)
    surface = _surface_words(source.text)
    return [
        _suggestion(
            pool.candidates[i],
            score,
            [_text_reason(ev.text, query, pool.index.document(i), surface), *ev.reasons],
        )
        for score, i, ev in best
    ]


def _rarity(shared: Iterable[list[str]], count: int) -> dict[str, float]:
    """An actor named by most candidates (the president in every sentence) is weak evidence
    that a candidate reports the source's event: weight 1 when rare, RARE_FLOOR when in all."""
    seen = Counter(label for labels in shared for label in labels)
    return {label: 1.0 - (1.0 - RARE_FLOOR) * n / max(1, count) for label, n in seen.items()}


def _best_distinct(
    pool: CandidatePool, scored: list[tuple[float, int, _Evidence]], limit: int
) -> list[tuple[float, int, _Evidence]]:
    """The best `limit`, each text once per article (a caption repeated under a photo)."""
    found: list[tuple[float, int, _Evidence]] = []
    seen: set[tuple[int, str]] = set()
    for item in scored:
        cand = pool.candidates[item[1]]
        key = (cand.article_id, " ".join(cand.text.split()))
        if key not in seen:
            seen.add(key)
            found.append(item)
        if len(found) >= limit:
            break
    return found


def _text_reason(
    value: float, query: similarity.Vector, doc: similarity.Vector, surface: dict[str, str]
) -> str:
    words = similarity.shared_terms(query, doc)
    shown = ", ".join(surface.get(w, w) for w in words)
    return f"similar wording {value:.2f}" + (f" ({shown})" if shown else "")


def _surface_words(text: str) -> dict[str, str]:
    """Index term -> the first word of `text` that gave it, to show terms as written."""
    found: dict[str, str] = {}
    for word in re.findall(r"[^\W_]+", text):
        for term in similarity.tokens(word):
            found.setdefault(term, word)
    return found


def _suggestion(cand: Passage, score: float, reasons: list[str]) -> LinkSuggestion:
    shown = tuple(r for r in reasons if r)
    return LinkSuggestion(cand.article_id, cand.start, cand.end, cand.text, round(score, 4), shown)


class _Actors:
    """The source's actors, parsed once, matched against candidates' names with a cache."""

    def __init__(self, actors: Sequence[tuple[str, ...]]) -> None:
        self._actors: list[tuple[str, list[ParsedName]]] = []
        for forms in actors:
            parsed = [parse_name(f) for f in forms if f]
            same = next((a for a in self._actors if _same_actor(parsed, a[1])), None)
            if same is not None:
                same[1].extend(parsed)  # "Assad" and "Bashar al-Assad" in one passage
            elif parsed:
                self._actors.append((forms[0], parsed))
        self._cache: dict[str, list[str]] = {}

    def shared(self, names: Sequence[tuple[str, ...]]) -> list[str]:
        """Display names of the source actors that one of `names` denotes."""
        found: dict[str, None] = {}
        for forms in names:
            for name in forms:
                for label in self._matches(name):
                    found.setdefault(label)
        return list(found)

    def _matches(self, name: str) -> list[str]:
        if name not in self._cache:
            parsed = parse_name(name)
            self._cache[name] = [
                label for label, forms in self._actors if _best(parsed, forms) >= MENTION_THRESHOLD
            ]
        return self._cache[name]


def _same_actor(a: Sequence[ParsedName], b: Sequence[ParsedName]) -> bool:
    return any(_best(x, b) >= MENTION_THRESHOLD for x in a)


def _best(name: ParsedName, forms: Sequence[ParsedName]) -> float:
    return max((parsed_score(name, f) for f in forms), default=0.0)
