"""Suggestions wired to a project: event links, actor mentions, aliases and new actors.

The matching itself is pure (`parallax.assist`); this module gathers what it needs through
the public `Project` API, leaves boilerplate out, and remembers what the analyst dismissed
so that it does not come back. Dismissals live in project settings (JSON), so they travel
with the project file:

- `dismissed_suggestions`: link suggestions, as {"for": "annotation:<id>" or "event:<id>",
  "article": id, "start": int, "end": int}. A candidate is dismissed when it lies in the
  same article for the same annotation or event and overlaps the dismissed span by at least
  half its own length, so the dismissal holds even if sentence windows shift a little.
- `dismissed_actor_suggestions`: names; a suggested actor is dropped when any of its names
  is the same person as a dismissed one.
- `dismissed_alias_groups`: lists of names; a proposed group is dropped when every name in
  it was in one dismissed group.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parallax.assist import mentions, similarity
from parallax.assist.aliases import actor_forms, group_aliases
from parallax.assist.link_suggest import (
    CONTEXT,
    CandidatePool,
    DatedRange,
    LinkSuggestion,
    Passage,
    candidate_passages,
    publication_range,
    rank_links,
    resolve_dates,
    sentence_spans,
)
from parallax.assist.mentions import ActorSuggestion, find_name_candidates
from parallax.assist.names import SAME_PERSON, parse_name, same_person_score
from parallax.domain.dates import format_fuzzy
from parallax.domain.model import AnnotationDetail, Article
from parallax.domain.text import blank_spans, fold

if TYPE_CHECKING:
    from parallax.services.project import Project

logger = logging.getLogger(__name__)

DISMISSED_LINKS = "dismissed_suggestions"
DISMISSED_ACTORS = "dismissed_actor_suggestions"
DISMISSED_ALIASES = "dismissed_alias_groups"

__all__ = [
    "ActorMention",
    "ActorSuggestion",
    "LinkSuggestion",
    "SuggestedPassage",
    "SuggestionCache",
    "actor_mentions",
    "dismiss_actor_suggestion",
    "dismiss_alias_group",
    "dismiss_link",
    "find_actor_mentions",
    "suggest_actors",
    "suggest_aliases",
    "suggest_for_event",
    "suggest_links",
    "suggested_passages",
]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A likely mention of an actor, for ghost highlights and one-click tagging."""

    article_id: int
    start: int
    end: int
    surface: str
    score: float


@dataclass(frozen=True, slots=True)
class _Source:
    """An article with its boilerplate blanked out (same length, so offsets still hold)."""

    article: Article
    text: str
    excluded: tuple[tuple[int, int], ...]


def _sources(project: Project, skip: Iterable[int] = ()) -> list[_Source]:
    skipped = set(skip)
    found = []
    all_spans = project.excluded_spans_by_article()
    for article in project.articles():
        if article.id in skipped:
            continue
        spans = tuple((s.start, s.end) for s in all_spans.get(article.id, ()))
        found.append(_Source(article, blank_spans(article.text, spans), spans))
    return found


# --- link suggestions -------------------------------------------------------------------

# Up to this many articles every sentence of the project is a candidate; above it, only
# the sentences of the RELATED_ARTICLES articles closest to the query in the full-text
# index. KEPT_WINDOWS bounds how many articles' sentences the cache keeps between queries.
FULL_SCAN_ARTICLES = 400
RELATED_ARTICLES = 80
KEPT_WINDOWS = 2000
_QUERY_WORDS = 40


@dataclass(frozen=True, slots=True)
class _Windows:
    key: tuple[object, ...]
    passages: list[Passage]
    terms: list[list[str]]


class SuggestionCache:
    """Candidate passages and index terms of every article, kept between queries.

    Finding sentences, dates and names in every article is most of the cost of a query;
    article text never changes, so only new articles and articles whose publication date
    or boilerplate changed are read again. Hold one per open project on the thread that
    runs suggestions (it is not thread-safe) and pass it to each call.
    """

    def __init__(
        self,
        full_scan_articles: int = FULL_SCAN_ARTICLES,
        related_articles: int = RELATED_ARTICLES,
    ) -> None:
        self.full_scan_articles = full_scan_articles
        self.related_articles = related_articles
        self._windows: dict[int, _Windows] = {}
        self._pool: CandidatePool | None = None
        self._pool_key: tuple[tuple[int, tuple[object, ...]], ...] = ()

    def pool(self, project: Project, near: str | None = None) -> CandidatePool:
        """Candidate passages with a TF-IDF index over them: of every article, or, in a
        project of more than FULL_SCAN_ARTICLES articles, of the RELATED_ARTICLES ones the
        full-text index finds closest to the text `near` (the query). Reading every
        sentence of 10,000 articles would take minutes and gigabytes for each query."""
        current: list[tuple[int, tuple[object, ...]]] = []
        all_spans = project.excluded_spans_by_article()
        summaries = project.article_summaries()
        if near is not None and len(summaries) > self.full_scan_articles:
            related = set(project.related_articles(_index_words(near), self.related_articles))
            summaries = [s for s in summaries if s.id in related]
        for summary in summaries:
            spans = tuple((x.start, x.end) for x in all_spans.get(summary.id, ()))
            key = (summary.published, spans)
            cached = self._windows.get(summary.id)
            if cached is None or cached.key != key:
                self._windows[summary.id] = _windows_of(project.article(summary.id), spans, key)
            current.append((summary.id, key))
        if near is None or len(self._windows) > KEPT_WINDOWS:
            for gone in self._windows.keys() - {article_id for article_id, _ in current}:
                del self._windows[gone]
        if self._pool is None or tuple(current) != self._pool_key:
            windows = [self._windows[article_id] for article_id, _ in current]
            self._pool = CandidatePool(
                [p for w in windows for p in w.passages], [t for w in windows for t in w.terms]
            )
            self._pool_key = tuple(current)
        return self._pool


def _index_words(text: str) -> list[str]:
    """The query's longest distinct words, a cheap stand-in for its rarest ones."""
    words = dict.fromkeys(w for w in re.findall(r"[^\W_]{3,}", text))
    return sorted(words, key=len, reverse=True)[:_QUERY_WORDS]


def _windows_of(article: Article, spans: tuple[tuple[int, int], ...], key: tuple) -> _Windows:
    passages = candidate_passages(
        article.id,
        blank_spans(article.text, spans),
        published=article.published,
        precision=article.published_precision,
        excluded=spans,
    )
    return _Windows(key, passages, [similarity.tokens(p.text) for p in passages])


def suggest_links(
    project: Project,
    annotation_id: int,
    limit: int = 10,
    *,
    cache: SuggestionCache | None = None,
) -> list[LinkSuggestion]:
    """Passages of other articles that probably report the event of this annotation.

    Left out: the annotation's own article, boilerplate, passages already linked to one of
    its events, and suggestions dismissed for this annotation. Pass a `SuggestionCache`
    to make repeated queries on a large project fast.
    """
    detail = project.annotation_detail(annotation_id)
    article = project.article(detail.annotation.article_id)
    source = _annotation_passage(project, detail, article)
    linked = _linked_spans(project, [e.event_id for e in detail.events])
    keep = _keeper(project, f"annotation:{annotation_id}", linked, {article.id})
    near = " ".join([source.text, *(form for forms in source.actors for form in forms)])
    pool = (cache or SuggestionCache()).pool(project, near)
    return rank_links(source, pool, limit=limit, keep=keep)


@dataclass(frozen=True, slots=True)
class SuggestedPassage:
    """A link suggestion with the source it is in, as a list shows it."""

    suggestion: LinkSuggestion
    source: str  # outlet and date
    title: str = ""

    @property
    def span(self) -> tuple[int, int, int]:
        s = self.suggestion
        return (s.article_id, s.start, s.end)


def suggested_passages(
    project: Project, target: tuple[str, int], limit: int = 10
) -> list[SuggestedPassage]:
    """Suggestions for a claim ("annotation", id) or an event ("event", id), each with a
    readable source label. A background job: everything it returns can be pickled."""
    kind, target_id = target
    if kind == "annotation":
        found = project.suggest_links(target_id, limit)
    else:
        found = project.suggest_for_event(target_id, limit)
    summaries = {s.id: s for s in project.article_summaries()}
    rows = []
    for suggestion in found:
        summary = summaries.get(suggestion.article_id)
        if summary is None:
            continue
        when = (
            format_fuzzy(summary.published, summary.published_precision)
            if summary.published
            else "undated"
        )
        label = f"{summary.outlet or 'Unknown outlet'} · {when}"
        rows.append(SuggestedPassage(suggestion, label, summary.title))
    return rows


def suggest_for_event(
    project: Project,
    event_id: int,
    limit: int = 10,
    *,
    cache: SuggestionCache | None = None,
) -> list[LinkSuggestion]:
    """Passages, in articles not yet linked to the event, that probably report it.

    The query is the event's title, description and linked passages together, dated by
    the event's date (or its passages' dates) and naming their actors.
    """
    event = project.event(event_id)
    details = [
        project.annotation_detail(link.annotation_id) for link in project.event_links(event_id)
    ]
    text = " ".join([event.title, event.description, *(d.annotation.quote for d in details)])
    if event.start is not None:
        dates: list[DatedRange] = [DatedRange(event.start, event.end or event.start)]
    else:
        dates = [r for d in details for r in _tagged_dates(d)]
    actors = _tagged_actors(project, details) + _names_in(text)
    source = Passage(0, 0, 0, text, tuple(dates), tuple(actors))
    linked_articles = {d.annotation.article_id for d in details}
    keep = _keeper(project, f"event:{event_id}", [], linked_articles)
    pool = (cache or SuggestionCache()).pool(project, text)
    return rank_links(source, pool, limit=limit, keep=keep)


def dismiss_link(
    project: Project,
    suggestion: LinkSuggestion,
    *,
    annotation_id: int | None = None,
    event_id: int | None = None,
) -> None:
    """Never suggest this passage again for this annotation (or event)."""
    if (annotation_id is None) == (event_id is None):
        raise ValueError("Dismiss a suggestion for exactly one annotation or one event.")
    target = f"annotation:{annotation_id}" if annotation_id is not None else f"event:{event_id}"
    entry = {
        "for": target,
        "article": suggestion.article_id,
        "start": suggestion.start,
        "end": suggestion.end,
    }
    stored = _list_setting(project, DISMISSED_LINKS)
    if entry not in stored:
        project.set_setting(DISMISSED_LINKS, [*stored, entry])


def _annotation_passage(project: Project, detail: AnnotationDetail, article: Article) -> Passage:
    """The annotation as a query: its tagged dates, else dates in or just before it."""
    ann = detail.annotation
    dates = _tagged_dates(detail) or resolve_dates(
        ann.quote, article.published, article.published_precision
    )
    if not dates:
        dates = _dates_before(article, ann.start) or publication_range(
            article.published, article.published_precision
        )
    actors = _tagged_actors(project, [detail]) + _names_in(ann.quote)
    return Passage(article.id, ann.start, ann.end, ann.quote, tuple(dates), tuple(actors))


def _tagged_dates(detail: AnnotationDetail) -> list[DatedRange]:
    return [DatedRange(t.start, t.end or t.start) for t in detail.dates if t.start is not None]


def _dates_before(article: Article, offset: int) -> list[DatedRange]:
    """Dates of the two sentences before `offset`: "…conveyed then…" refers back."""
    before = [(s, e) for s, e in sentence_spans(article.text) if e <= offset][-2:]
    for start, end in reversed(before):
        found = resolve_dates(
            article.text[start:end], article.published, article.published_precision
        )
        if found:
            return [DatedRange(r.start, r.end, CONTEXT) for r in found]
    return []


def _tagged_actors(project: Project, details: Sequence[AnnotationDetail]) -> list[tuple[str, ...]]:
    ids = dict.fromkeys(tag.actor_id for d in details for tag in d.actors)
    return [actor_forms(project.actor(actor_id)) for actor_id in ids]


def _names_in(text: str) -> list[tuple[str, ...]]:
    return [(c.name,) for c in find_name_candidates(text) if c.score >= mentions.SUGGEST_THRESHOLD]


def _linked_spans(project: Project, event_ids: Sequence[int]) -> list[tuple[int, int, int]]:
    spans = []
    for event_id in event_ids:
        for link in project.event_links(event_id):
            ann = project.annotation(link.annotation_id)
            spans.append((ann.article_id, ann.start, ann.end))
    return spans


def _keeper(
    project: Project,
    target: str,
    linked: Sequence[tuple[int, int, int]],
    skip_articles: set[int],
) -> Callable[[Passage], bool]:
    dismissed = [
        (d["article"], d["start"], d["end"])
        for d in _list_setting(project, DISMISSED_LINKS)
        if isinstance(d, dict) and d.get("for") == target
    ]

    def keep(p: Passage) -> bool:
        if p.article_id in skip_articles:
            return False
        if any(a == p.article_id and s < p.end and p.start < e for a, s, e in linked):
            return False
        return not any(a == p.article_id and _half_covered(p, s, e) for a, s, e in dismissed)

    return keep


def _half_covered(p: Passage, start: int, end: int) -> bool:
    overlap = min(p.end, end) - max(p.start, start)
    return overlap > 0 and overlap * 2 >= p.end - p.start


def _list_setting(project: Project, key: str) -> list:
    value = project.setting(key, [])
    return list(value) if isinstance(value, list) else []


# --- actors -----------------------------------------------------------------------------


def find_actor_mentions(project: Project, actor_id: int) -> list[ActorMention]:
    """Likely mentions of an actor in every article, boilerplate left out.

    A surname alone that another actor also bears ("Assad" with Bashar and Hafez as
    actors) is not reported: it cannot be told apart without the analyst.
    """
    actor = project.actor(actor_id)
    rivals = [a for a in project.actors() if a.id != actor_id]
    found = []
    for src in _sources(project):
        for start, end, surface, score in mentions.find_mentions(src.text, actor, rivals=rivals):
            found.append(ActorMention(src.article.id, start, end, surface, score))
    return found


def actor_mentions(project: Project, actor_id: int) -> list[tuple[int, int, int]]:
    """(article_id, start, end) of every likely mention: `Project.actor_mentions`."""
    return [(m.article_id, m.start, m.end) for m in find_actor_mentions(project, actor_id)]


def suggest_aliases(project: Project) -> list[list[str]]:
    """Groups of two or more names that probably denote one actor, across the project.

    Names come from the articles (boilerplate left out) and from the actors' names and
    aliases; groups the analyst dismissed are left out.
    """
    names: list[str] = []
    for src in _sources(project):
        names.extend(
            c.name for c in find_name_candidates(src.text) if c.score >= mentions.SUGGEST_THRESHOLD
        )
    for actor in project.actors():
        names.extend(actor_forms(actor))
    dismissed = [{fold(n) for n in group} for group in _list_setting(project, DISMISSED_ALIASES)]
    return [
        group
        for group in group_aliases(names)
        if len(group) > 1 and not any({fold(n) for n in group} <= d for d in dismissed)
    ]


def dismiss_alias_group(project: Project, names: Sequence[str]) -> None:
    """These names are not one actor: do not propose them (or part of them) together again."""
    stored = _list_setting(project, DISMISSED_ALIASES)
    project.set_setting(DISMISSED_ALIASES, [*stored, sorted(set(names))])


def suggest_actors(project: Project, min_articles: int = 2) -> list[ActorSuggestion]:
    """Names recurring in `min_articles` articles or more that are not yet actors."""
    texts = {src.article.id: src.text for src in _sources(project)}
    found = mentions.suggest_actors(texts, project.actors(), min_articles=min_articles)
    dismissed = [n for n in _list_setting(project, DISMISSED_ACTORS) if isinstance(n, str)]
    return [s for s in found if not _any_same(s.name, s.aliases, dismissed)]


def dismiss_actor_suggestion(project: Project, name: str) -> None:
    """Do not propose an actor by this name (or a spelling of it) again."""
    stored = _list_setting(project, DISMISSED_ACTORS)
    if name not in stored:
        project.set_setting(DISMISSED_ACTORS, [*stored, name])


def _any_same(name: str, aliases: Sequence[str], dismissed: Sequence[str]) -> bool:
    """Spelled the same, or both full names of one person (a surname alone is not enough)."""
    return any(
        fold(n) == fold(d)
        or (parse_name(n).full and parse_name(d).full and same_person_score(n, d) >= SAME_PERSON)
        for n in (name, *aliases)
        for d in dismissed
    )
