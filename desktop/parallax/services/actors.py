"""Editing actors: rename, kind, aliases, merge and their undo, each one transaction.

`Project` calls these with its store and publishes what changed. A merge returns an
`ActorMerge` that holds everything `unmerge_actors` needs to bring the source actor back
under the same id with its tags, aliases and memos, and to put the target as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parallax.domain.errors import InvalidInputError
from parallax.domain.model import Actor, ActorKind
from parallax.domain.text import blank_spans
from parallax.store import actor_ops
from parallax.store import actors as actor_repo
from parallax.store.engine import Store

if TYPE_CHECKING:
    from parallax.services.project import Project

logger = logging.getLogger(__name__)

Tag = tuple[int, str]  # (annotation id, role)
Memo = actor_ops.Memo


@dataclass(frozen=True, slots=True)
class ActorMerge:
    """What merging `source` into `target_before.id` did, for the undo."""

    source: Actor
    source_note: str
    source_tags: tuple[Tag, ...]
    added_tags: tuple[Tag, ...]  # tags the target did not already have
    memo_ids: tuple[int, ...]
    target_before: Actor

    @property
    def annotation_ids(self) -> frozenset[int]:
        return frozenset(a for a, _role in self.source_tags)


@dataclass(frozen=True, slots=True)
class ActorRemoval:
    """What deleting an actor took with it, for the undo: its note, its tags on
    annotations and its memos (the database drops those with the actor)."""

    actor: Actor
    note: str
    tags: tuple[Tag, ...]
    memos: tuple[Memo, ...]

    @property
    def annotation_ids(self) -> frozenset[int]:
        return frozenset(a for a, _role in self.tags)


def remove_actor(store: Store, actor_id: int) -> ActorRemoval:
    """Delete an actor with its aliases, tags and memos; returns them for `unremove_actor`."""
    with store.transaction() as s:
        actor = actor_repo.get_actor(s, actor_id)
        removal = ActorRemoval(
            actor,
            actor_ops.note_of(s, actor_id),
            tuple(actor_ops.tags_of(s, actor_id)),
            tuple(actor_ops.memos_of(s, actor_id)),
        )
        actor_repo.delete_actor(s, actor_id)
    return removal


def unremove_actor(store: Store, removal: ActorRemoval) -> None:
    """Undo a delete: the actor is back under its id with its note, tags and memos."""
    with store.transaction() as s:
        actor_ops.create(s, removal.actor, removal.note)
        actor_ops.add_tags(s, removal.actor.id, removal.tags)
        actor_ops.restore_memos(s, removal.actor.id, removal.memos)


def clean_aliases(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """Aliases stripped, without blanks, the name itself or case-insensitive repeats."""
    seen = {name.strip().casefold()}
    kept = []
    for alias in aliases:
        alias = " ".join(alias.split())
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            kept.append(alias)
    return tuple(kept)


def _check_free(store: Store, actor_id: int | None, names: Sequence[str]) -> None:
    """Refuse names that already denote another actor (find_actor would be ambiguous)."""
    with store.reading() as s:
        for name in names:
            other = actor_repo.find_actor(s, name)
            if other is not None and other.id != actor_id:
                raise InvalidInputError(
                    f"“{name}” already names the actor {other.name}; merge the two instead."
                )


def rename_actor(store: Store, actor_id: int, name: str) -> Actor:
    """Give an actor a new name; returns the actor as it was (for undo)."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("An actor needs a name.")
    _check_free(store, actor_id, [name])
    with store.transaction() as s:
        before = actor_repo.get_actor(s, actor_id)
        actor_ops.set_fields(s, actor_id, name=name)
        actor_ops.set_aliases(s, actor_id, clean_aliases(name, before.aliases))
    return before


def set_actor_aliases(store: Store, actor_id: int, aliases: Sequence[str]) -> Actor:
    """Replace an actor's aliases; returns the actor as it was."""
    with store.reading() as s:
        name = actor_repo.get_actor(s, actor_id).name
    wanted = clean_aliases(name, aliases)
    _check_free(store, actor_id, wanted)
    with store.transaction() as s:
        before = actor_repo.get_actor(s, actor_id)
        actor_ops.set_aliases(s, actor_id, wanted)
    return before


def set_actor_kind(store: Store, actor_id: int, kind: ActorKind) -> Actor:
    with store.transaction() as s:
        before = actor_repo.get_actor(s, actor_id)
        actor_ops.set_fields(s, actor_id, kind=kind)
    return before


def restore_actor(store: Store, actor: Actor, tags: Iterable[Tag] = ()) -> None:
    """Make the actor exactly `actor` again: its fields if it exists, else recreate it
    under the same id; `tags` are put back on it."""
    with store.transaction() as s:
        if actor_ops.exists(s, actor.id):
            actor_ops.set_fields(s, actor.id, name=actor.name, kind=actor.kind)
            actor_ops.set_aliases(s, actor.id, actor.aliases)
        else:
            actor_ops.create(s, actor)
        actor_ops.add_tags(s, actor.id, tags)


def merge_actors(store: Store, source_id: int, target_id: int) -> ActorMerge:
    """Fold `source` into `target`: tags and memos move, the source's name and aliases
    become aliases of the target, and the source is deleted."""
    if source_id == target_id:
        raise InvalidInputError("Choose two different actors to merge.")
    with store.transaction() as s:
        source = actor_repo.get_actor(s, source_id)
        target = actor_repo.get_actor(s, target_id)
        note = actor_ops.note_of(s, source_id)
        tags = actor_ops.tags_of(s, source_id)
        added = actor_ops.add_tags(s, target_id, tags)
        memos = actor_ops.memo_ids(s, source_id)
        actor_ops.move_memos(s, memos, target_id)
        actor_repo.delete_actor(s, source_id)
        merged = clean_aliases(target.name, [*target.aliases, source.name, *source.aliases])
        actor_ops.set_aliases(s, target_id, merged)
    return ActorMerge(source, note, tuple(tags), tuple(added), tuple(memos), target)


def unmerge_actors(store: Store, merge: ActorMerge) -> None:
    """Undo a merge: the source comes back with the same id, tags, aliases and memos."""
    target = merge.target_before
    with store.transaction() as s:
        actor_ops.create(s, merge.source, merge.source_note)
        actor_ops.add_tags(s, merge.source.id, merge.source_tags)
        actor_ops.remove_tags(s, target.id, merge.added_tags)
        actor_ops.move_memos(s, merge.memo_ids, merge.source.id)
        actor_ops.set_fields(s, target.id, name=target.name, kind=target.kind)
        actor_ops.set_aliases(s, target.id, target.aliases)


def actor_tags(store: Store, actor_id: int) -> list[Tag]:
    """(annotation id, role) of every annotation the actor is tagged on."""
    with store.reading() as s:
        return actor_ops.tags_of(s, actor_id)


def events_by_actor(store: Store) -> dict[int, list[int]]:
    with store.reading() as s:
        return actor_ops.events_by_actor(s)


# --- suggestions as the Actors panel shows them ---------------------------------------


@dataclass(frozen=True, slots=True)
class AliasPlan:
    """What accepting a suggested alias group does.

    `target_id` None: a new actor `name` with the other names as aliases. Otherwise the
    actors `merge_ids` are merged into the target and `new_aliases` are added to it.
    """

    names: tuple[str, ...]
    target_id: int | None
    name: str
    merge_ids: tuple[int, ...] = ()
    merge_names: tuple[str, ...] = ()
    new_aliases: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        """False when the names already are one actor's: nothing left to accept."""
        return self.target_id is None or bool(self.merge_ids or self.new_aliases)

    @property
    def summary(self) -> str:
        if self.target_id is None:
            return f"new actor {self.name}"
        parts = []
        if self.merge_names:
            parts.append(f"merge {', '.join(self.merge_names)} into {self.name}")
        if self.new_aliases:
            names = ", ".join(f"“{a}”" for a in self.new_aliases[:3])
            more = f" and {len(self.new_aliases) - 3} more" if len(self.new_aliases) > 3 else ""
            parts.append(f"add {names}{more} to {self.name}")
        return "; ".join(parts) or f"already {self.name}"


def plan_alias_group(
    names: Sequence[str], actors: Sequence[Actor], counts: dict[int, int] | None = None
) -> AliasPlan:
    """How to make `names` one actor: the actor most tagged among those already known by
    one of the names is kept, the others merged into it, the rest become aliases."""
    from parallax.assist.names import parse_name
    from parallax.domain.text import fold

    owner = {fold(form): a for a in actors for form in (a.name, *a.aliases)}
    owners = list({owner[fold(n)].id: owner[fold(n)] for n in names if fold(n) in owner}.values())
    if not owners:
        full = [n for n in names if parse_name(n).full]
        name = (full or list(names))[0]
        return AliasPlan(tuple(names), None, name, new_aliases=clean_aliases(name, names))
    counts = counts or {}
    owners.sort(key=lambda a: -counts.get(a.id, 0))
    target, others = owners[0], owners[1:]
    known = {fold(f) for a in owners for f in (a.name, *a.aliases)}
    fresh = clean_aliases(target.name, [n for n in names if fold(n) not in known])
    return AliasPlan(
        tuple(names),
        target.id,
        target.name,
        tuple(a.id for a in others),
        tuple(a.name for a in others),
        fresh,
    )


@dataclass(frozen=True, slots=True)
class MentionRow:
    """A likely mention of an actor, with where it is and whether it is tagged yet."""

    article_id: int
    start: int
    end: int
    surface: str
    snippet: str
    outlet: str
    title: str
    tagged: bool


SNIPPET_CONTEXT = 60


def snippet(text: str, start: int, end: int, context: int = SNIPPET_CONTEXT) -> str:
    """The span with some words either side, on one line."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    before = " ".join(text[lo:start].split()[1:] if lo > 0 else text[lo:start].split())
    after = " ".join(text[end:hi].split()[:-1] if hi < len(text) else text[end:hi].split())
    middle = " ".join(text[start:end].split())
    line = " ".join(part for part in (before, middle, after) if part)
    return f"{'…' if lo > 0 else ''}{line}{'…' if hi < len(text) else ''}"


def mention_rows(project: Project, actor_id: int) -> list[MentionRow]:
    """Every likely mention of an actor across the project, in article order, each marked
    tagged when an annotation carrying the actor covers it."""
    from parallax.services.suggestions import find_actor_mentions

    found = find_actor_mentions(project, actor_id)
    tagged_ids = {a for a, _role in project.actor_tags(actor_id)}
    rows, articles, covered = [], {}, {}
    for m in found:
        if m.article_id not in articles:
            articles[m.article_id] = project.article(m.article_id)
            covered[m.article_id] = [
                (a.start, a.end) for a in project.annotations(m.article_id) if a.id in tagged_ids
            ]
        article = articles[m.article_id]
        tagged = any(s <= m.start and m.end <= e for s, e in covered[m.article_id])
        rows.append(
            MentionRow(
                m.article_id,
                m.start,
                m.end,
                m.surface,
                snippet(article.text, m.start, m.end),
                article.outlet,
                article.title,
                tagged,
            )
        )
    return rows


def mention_counts(project: Project) -> dict[int, int]:
    """How many likely mentions each actor has across the project (boilerplate left out).

    Reads every article once and finds name candidates once per article, so counting
    all actors costs little more than finding one actor's mentions.
    """
    from parallax.assist.mentions import find_mentions, find_name_candidates

    actors = project.actors()
    counts = dict.fromkeys((a.id for a in actors), 0)
    if not actors:
        return counts
    spans = project.excluded_spans_by_article()
    for article in project.articles():
        text = blank_spans(article.text, [(x.start, x.end) for x in spans.get(article.id, ())])
        candidates = find_name_candidates(text)
        for actor in actors:
            rivals = [a for a in actors if a.id != actor.id]
            found = find_mentions(text, actor, rivals=rivals, candidates=candidates)
            counts[actor.id] += len(found)
    return counts


def open_alias_groups(project: Project) -> list[AliasPlan]:
    """Suggested alias groups that still need the analyst: not yet all one actor's."""
    actors = project.actors()
    counts = project.actor_annotation_counts()
    plans = [plan_alias_group(group, actors, counts) for group in project.suggest_aliases()]
    return [plan for plan in plans if plan.is_open]
