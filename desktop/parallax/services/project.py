"""The Python API: one method per user intent, each one transaction, committed at once.

The GUI, the CLI, the tests and notebooks all drive Parallax through `Project`. After each
change the project tells its subscribers what changed (a `Changes` record), so views
refresh only that.
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from parallax.domain.errors import InvalidInputError, KnownError
from parallax.domain.model import (
    Actor,
    ActorKind,
    ActorRole,
    Annotation,
    AnnotationDetail,
    AnnotationId,
    AnnotationKind,
    Article,
    ArticleId,
    ArticleSummary,
    Changes,
    DateTag,
    Event,
    EventLink,
    ExcludedSpan,
    Judgment,
    Memo,
    Outlet,
    ProjectInfo,
    SearchHit,
    Stance,
    Tag,
    TagId,
)
from parallax.domain.text import validate_span
from parallax.services import actors as actor_service
from parallax.services import codebook, comparison, judgments
from parallax.store import actors as actor_repo
from parallax.store import annotations as annotation_repo
from parallax.store import articles as article_repo
from parallax.store import events as event_repo
from parallax.store import search as search_repo
from parallax.store import settings as setting_repo
from parallax.store import stats
from parallax.store.engine import Store, database_url
from parallax.store.schema import ensure_schema

if TYPE_CHECKING:  # imported where used: opening a project needs neither (~70 ms)
    from parallax.services import suggestions
    from parallax.services.importing import ImportPreview, ImportResult
    from parallax.services.suggestions import LinkSuggestion

logger = logging.getLogger(__name__)

Listener = Callable[[Changes], None]
_E = TypeVar("_E", bound=Enum)
_T = TypeVar("_T")


def open_project(path_or_url: str | os.PathLike[str]) -> Project:
    """Open a project file (created when missing) or a PostgreSQL URL."""
    url = database_url(path_or_url)
    if url.get_backend_name() == "sqlite" and url.database:
        folder = Path(url.database).parent
        if not folder.is_dir():
            raise KnownError(f"Cannot create {url.database}: the folder {folder} does not exist.")
    store = Store(url)
    try:
        ensure_schema(store)
    except BaseException:
        store.close()
        raise
    return Project(store)


class Project:
    """An open project. Use as a context manager or call `close()`."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._listeners: list[Listener] = []
        self._suggestions: suggestions.SuggestionCache | None = None
        self.author = _current_user()

    # ----------------------------------------------------------------- lifecycle
    @property
    def path(self) -> Path | None:
        """The project file, or None for a server project."""
        return self._store.path

    @property
    def location(self) -> str:
        """What to show the user: the file path or the server URL without password."""
        return str(self.path) if self.path else self._store.url.render_as_string(hide_password=True)

    @property
    def address(self) -> str:
        """What another process passes to `open_project` to reach this same project
        (unlike `location`, a server URL keeps its password)."""
        return str(self.path) if self.path else self._store.url.render_as_string(False)

    def close(self) -> None:
        self._listeners.clear()
        self._store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener(changes)` after every committed change; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _publish(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def save_copy(self, target: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the live project with SQLite's backup API."""
        path = Path(target)
        self._store.backup_to(path)
        return path

    # ----------------------------------------------------------------- articles
    def import_files(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        overrides: Mapping[str, Mapping[str, object]] | None = None,
        skip_near_duplicates: bool = False,
    ) -> ImportResult:
        """Import files and folders (recursively); each file is its own transaction.

        Returns the imported articles as a list that also carries `.failures` (file and
        reason), `.duplicates` and `.near_duplicates`; a failed file leaves the project as
        it was. `overrides` maps a file path to corrected metadata from the review table.
        """
        from parallax.services.importing import import_paths

        result = import_paths(
            self._store,
            [Path(p) for p in paths],
            progress=progress,
            cancelled=cancelled,
            overrides=overrides,
            skip_near_duplicates=skip_near_duplicates,
        )
        if result:
            self._publish(
                Changes(
                    articles=frozenset(a.id for a in result),
                    outlets=frozenset(a.outlet_id for a in result if a.outlet_id),
                )
            )
        return result

    def preview_files(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[ImportPreview]:
        """What each file would become (metadata, boilerplate, duplicates), writing nothing."""
        from parallax.services.importing import preview_paths

        return preview_paths(paths, store=self._store, progress=progress, cancelled=cancelled)

    def articles(self) -> list[Article]:
        with self._store.reading() as s:
            return article_repo.list_articles(s)

    def article(self, article_id: int) -> Article:
        with self._store.reading() as s:
            return article_repo.get_article(s, article_id)

    def article_summaries(
        self,
        *,
        offset: int = 0,
        limit: int | None = None,
        outlet_ids: Sequence[int | None] | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        tag_id: int | None = None,
        annotated: bool | None = None,
        text: str | None = None,
        article_ids: Sequence[int] | None = None,
    ) -> list[ArticleSummary]:
        """Articles without text, by outlet then date: cheap enough for the Library.

        Filters (None: not filtered) apply before paging: outlets (None in the list for
        articles without one), publication dates within [date_from, date_to], an
        annotation carrying `tag_id` or a sub-tag, having annotations or not, `text` in
        the title, outlet, author or URL, or just the given ids.
        """
        with self._store.reading() as s:
            return article_repo.list_summaries(
                s,
                offset=offset,
                limit=limit,
                outlet_ids=outlet_ids,
                date_from=date_from,
                date_to=date_to,
                tag_id=tag_id,
                annotated=annotated,
                text=text,
                article_ids=article_ids,
            )

    def outlet_groups(self, **filters: object) -> list[tuple[int | None, str, int, int]]:
        """(outlet id, name, articles, annotations) per outlet, with the Library's filters."""
        with self._store.reading() as s:
            return article_repo.outlet_groups(s, **filters)

    def outlets(self) -> list[Outlet]:
        with self._store.reading() as s:
            return article_repo.list_outlets(s)

    def update_outlet(self, outlet_id: int, **fields: str) -> Outlet:
        """Change an outlet's country, kind, reliability grade (A–F), descriptor or note."""
        grade = fields.get("reliability")
        if grade is not None and grade not in "ABCDEF":
            raise InvalidInputError(f"Reliability must be a grade A–F, not {grade!r}.")
        with self._store.transaction() as s:
            outlet = article_repo.update_outlet(s, outlet_id, **fields)
        self._publish(Changes(outlets=frozenset({outlet.id})))
        return outlet

    def excluded_spans(self, article_id: int) -> list[ExcludedSpan]:
        with self._store.reading() as s:
            return article_repo.spans_for(s, article_id)

    def mark_boilerplate(self, article_id: int, start: int, end: int) -> list[ExcludedSpan]:
        """Mark [start, end) as boilerplate; overlapping or touching spans are merged.

        Returns the spans it replaced, so that undo can put them back (`restore_spans`).
        """
        with self._store.transaction() as s:
            article = article_repo.get_article(s, article_id)
            try:
                validate_span(article.text, start, end)
            except ValueError as exc:
                raise InvalidInputError(f"Cannot mark article {article_id}: {exc}") from exc
            old = article_repo.spans_for(s, article_id)
            merged = [x for x in old if x.end >= start and x.start <= end]
            lo = min([start, *(x.start for x in merged)])
            hi = max([end, *(x.end for x in merged)])
            article_repo.delete_spans(s, [x.id for x in merged])
            new_ids = article_repo.add_spans(s, article_id, [(lo, hi)])
        self._publish(Changes(articles=frozenset({article_id}), spans=frozenset(new_ids)))
        return merged

    def unmark_boilerplate(self, article_id: int, start: int, end: int) -> list[ExcludedSpan]:
        """Make [start, end) ordinary text again, trimming or splitting spans it touches.

        Returns the spans it replaced, so that undo can put them back (`restore_spans`).
        """
        with self._store.transaction() as s:
            old = [
                x for x in article_repo.spans_for(s, article_id) if x.end > start and x.start < end
            ]
            article_repo.delete_spans(s, [x.id for x in old])
            keep = [(x.start, start) for x in old if x.start < start]
            keep += [(end, x.end) for x in old if x.end > end]
            new_ids = article_repo.add_spans(s, article_id, keep)
        self._publish(Changes(articles=frozenset({article_id}), spans=frozenset(new_ids)))
        return old

    def restore_spans(
        self, article_id: int, start: int, end: int, spans: Sequence[ExcludedSpan]
    ) -> None:
        """Undo of mark/unmark: the boilerplate within [start, end) becomes `spans` again."""
        lo = min([start, *(x.start for x in spans)])
        hi = max([end, *(x.end for x in spans)])
        with self._store.transaction() as s:
            current = [
                x for x in article_repo.spans_for(s, article_id) if x.end > lo and x.start < hi
            ]
            article_repo.delete_spans(s, [x.id for x in current])
            kept = [(x.start, x.end) for x in current if x.start < lo or x.end > hi]
            new_ids = article_repo.add_spans(
                s, article_id, [*kept, *((x.start, x.end) for x in spans)]
            )
        self._publish(Changes(articles=frozenset({article_id}), spans=frozenset(new_ids)))

    def excluded_spans_by_article(self) -> dict[int, list[ExcludedSpan]]:
        """All boilerplate spans of the project, by article id (one query)."""
        with self._store.reading() as s:
            return article_repo.spans_by_article(s)

    # -------------------------------------------------------------- annotations
    def annotate(
        self,
        article_id: int,
        start: int,
        end: int,
        kind: str = "claim",
        note: str = "",
        credibility: int | None = None,
    ) -> Annotation:
        """Highlight [start, end) of an article's text (code points, end exclusive)."""
        kind = _kind(kind)
        _check_credibility(credibility)
        with self._store.transaction() as s:
            length, quote = article_repo.text_slice(s, article_id, start, end)
            if not 0 <= start < end <= length:
                raise InvalidInputError(
                    f"Cannot annotate article {article_id}: span {start}–{end} is outside "
                    f"the text (length {length})"
                )
            draft = Annotation(
                id=AnnotationId(0),
                article_id=ArticleId(article_id),
                start=start,
                end=end,
                quote=quote,
                kind=kind,
                note=note,
                credibility=credibility,
                author=self.author,
            )
            ann = annotation_repo.add_annotation(s, draft)
        self._publish(Changes(annotations=frozenset({ann.id}), articles=frozenset({article_id})))
        return ann

    def annotations(self, article_id: int) -> list[Annotation]:
        with self._store.reading() as s:
            return annotation_repo.for_article(s, article_id)

    def annotation_spans(self, article_id: int) -> list[annotation_repo.AnnotationSpan]:
        """Id, start, end and kind of an article's annotations, by position: enough to
        highlight them, and much cheaper to read than `annotations` for thousands."""
        with self._store.reading() as s:
            return annotation_repo.spans_for_article(s, article_id)

    def annotations_with_ids(self, annotation_ids: Iterable[int]) -> list[Annotation]:
        """The annotations with these ids that still exist, by article and position."""
        with self._store.reading() as s:
            return annotation_repo.with_ids(s, annotation_ids)

    def annotation_counts(self, article_ids: Iterable[int]) -> dict[int, int]:
        """How many annotations each of these articles has (one query)."""
        with self._store.reading() as s:
            return annotation_repo.counts_for(s, list(article_ids))

    def annotation(self, annotation_id: int) -> Annotation:
        with self._store.reading() as s:
            return annotation_repo.get_annotation(s, annotation_id)

    def annotation_detail(self, annotation_id: int) -> AnnotationDetail:
        """The annotation with its actors, dates, events and tags: what the Inspector shows."""
        with self._store.reading() as s:
            return annotation_repo.detail(s, annotation_id)

    def article_annotation_tags(self, article_id: int) -> dict[AnnotationId, tuple[TagId, ...]]:
        """The tag ids of each tagged annotation of an article (to colour highlights by tag)."""
        with self._store.reading() as s:
            return annotation_repo.tags_for_article(s, article_id)

    def update_annotation(
        self,
        annotation_id: int,
        *,
        kind: str | None = None,
        note: str | None = None,
        credibility: int | type[...] | None = ...,
    ) -> Annotation:
        """Change kind, note or credibility (pass credibility=None to clear it)."""
        fields: dict[str, object] = {}
        if kind is not None:
            fields["kind"] = _kind(kind)
        if note is not None:
            fields["note"] = note
        if credibility is not ...:
            _check_credibility(credibility)  # type: ignore[arg-type]
            fields["credibility"] = credibility
        with self._store.transaction() as s:
            ann = annotation_repo.update_annotation(s, annotation_id, **fields)
        self._publish(Changes(annotations=frozenset({ann.id})))
        return ann

    def delete_annotation(self, annotation_id: int) -> AnnotationDetail:
        """Delete an annotation; returns all it carried for `restore_annotation` (undo)."""
        with self._store.transaction() as s:
            gone = annotation_repo.delete_annotation(s, annotation_id)
        self._publish(self._annotation_changes(gone))
        return gone

    def restore_annotation(self, gone: AnnotationDetail) -> Annotation:
        """Bring a deleted annotation back with the same id, actors, dates and links."""
        with self._store.transaction() as s:
            ann = annotation_repo.restore_annotation(s, gone)
        self._publish(self._annotation_changes(gone))
        return ann

    @staticmethod
    def _annotation_changes(detail: AnnotationDetail) -> Changes:
        return Changes(
            annotations=frozenset({detail.annotation.id}),
            articles=frozenset({detail.annotation.article_id}),
            actors=frozenset(a.actor_id for a in detail.actors),
            events=frozenset(e.event_id for e in detail.events),
        )

    # ------------------------------------------------------------------- actors
    def add_actor(self, name: str, kind: str = "person", aliases: Sequence[str] = ()) -> Actor:
        name = name.strip()
        if not name:
            raise InvalidInputError("An actor needs a name.")
        actor_kind = _enum(ActorKind, kind, "actor kind")
        with self._store.transaction() as s:
            actor = actor_repo.add_actor(s, name, actor_kind, aliases)
        self._publish(Changes(actors=frozenset({actor.id})))
        return actor

    def actors(self) -> list[Actor]:
        with self._store.reading() as s:
            return actor_repo.list_actors(s)

    def actor(self, actor_id: int) -> Actor:
        with self._store.reading() as s:
            return actor_repo.get_actor(s, actor_id)

    def find_actor(self, name: str) -> Actor | None:
        """The actor called `name` or known by it as an alias, if any."""
        with self._store.reading() as s:
            return actor_repo.find_actor(s, name)

    def delete_actor(self, actor_id: int) -> actor_service.ActorRemoval:
        """Delete an actor with its aliases, its tags on annotations and its memos;
        returns what `undelete_actor` needs to bring them all back."""
        removal = actor_service.remove_actor(self._store, actor_id)
        self._publish(Changes(actors=frozenset({actor_id}), annotations=removal.annotation_ids))
        return removal

    def undelete_actor(self, removal: actor_service.ActorRemoval) -> None:
        """Undo `delete_actor`: the actor is back under its id, tagged and memoed as it was."""
        actor_service.unremove_actor(self._store, removal)
        actor_id = removal.actor.id
        self._publish(Changes(actors=frozenset({actor_id}), annotations=removal.annotation_ids))

    def actor_annotation_counts(self) -> dict[int, int]:
        with self._store.reading() as s:
            return actor_repo.annotation_counts(s)

    def tag_actor(self, annotation_id: int, actor_id: int, role: str = "mentioned") -> bool:
        """Attach an actor to an annotation in a role; False if it already was."""
        actor_role = _enum(ActorRole, role, "role")
        with self._store.transaction() as s:
            added = annotation_repo.tag_actor(s, annotation_id, actor_id, actor_role)
        self._publish(Changes(annotations=frozenset({annotation_id}), actors=frozenset({actor_id})))
        return added

    def untag_actor(self, annotation_id: int, actor_id: int, role: str = "mentioned") -> bool:
        actor_role = _enum(ActorRole, role, "role")
        with self._store.transaction() as s:
            removed = annotation_repo.untag_actor(s, annotation_id, actor_id, actor_role)
        self._publish(Changes(annotations=frozenset({annotation_id}), actors=frozenset({actor_id})))
        return removed

    # ------------------------------------------------------- actors: editing
    # Each returns what undo needs; the logic is in services/actors.py.
    def rename_actor(self, actor_id: int, name: str) -> Actor:
        """Rename an actor; returns it as it was (undo: `restore_actor`)."""
        before = actor_service.rename_actor(self._store, actor_id, name)
        self._publish(self._actor_changes(actor_id))
        return before

    def set_actor_aliases(self, actor_id: int, aliases: Sequence[str]) -> Actor:
        """Replace an actor's aliases; returns it as it was (undo: `restore_actor`)."""
        before = actor_service.set_actor_aliases(self._store, actor_id, aliases)
        self._publish(self._actor_changes(actor_id))
        return before

    def set_actor_kind(self, actor_id: int, kind: str) -> Actor:
        """Change an actor's kind; returns it as it was (undo: `restore_actor`)."""
        before = actor_service.set_actor_kind(
            self._store, actor_id, _enum(ActorKind, kind, "actor kind")
        )
        self._publish(Changes(actors=frozenset({actor_id})))
        return before

    def restore_actor(self, actor: Actor, tags: Sequence[tuple[int, str]] = ()) -> None:
        """Make an actor exactly `actor` again, recreating it under its id if deleted;
        `tags` ((annotation id, role) pairs) are put back on it."""
        actor_service.restore_actor(self._store, actor, tags)
        self._publish(self._actor_changes(actor.id, {a for a, _r in tags}))

    def merge_actors(self, source_id: int, target_id: int) -> actor_service.ActorMerge:
        """Merge `source` into `target`: its tags and memos move, its name and aliases
        become the target's aliases, and it is deleted. Undo: `unmerge_actors`."""
        merge = actor_service.merge_actors(self._store, source_id, target_id)
        self._publish(
            Changes(actors=frozenset({source_id, target_id}), annotations=merge.annotation_ids)
        )
        return merge

    def unmerge_actors(self, merge: actor_service.ActorMerge) -> None:
        """Undo a merge: the source is back under its id with its tags, aliases, memos."""
        actor_service.unmerge_actors(self._store, merge)
        ids = frozenset({merge.source.id, merge.target_before.id})
        self._publish(Changes(actors=ids, annotations=merge.annotation_ids))

    def actor_tags(self, actor_id: int) -> list[tuple[int, str]]:
        """(annotation id, role) of every annotation the actor is tagged on."""
        return actor_service.actor_tags(self._store, actor_id)

    def actor_events(self) -> dict[int, list[int]]:
        """Per actor id: ids of the events its tagged annotations are linked to."""
        return actor_service.events_by_actor(self._store)

    def _actor_changes(self, actor_id: int, annotations: Iterable[int] = ()) -> Changes:
        """An actor's change also changes the labels of the annotations it is tagged on."""
        tagged = {a for a, _r in actor_service.actor_tags(self._store, actor_id)}
        tagged |= set(annotations)
        return Changes(actors=frozenset({actor_id}), annotations=frozenset(tagged))

    # -------------------------------------------------------------------- dates
    def normalise_date(self, expression: str, article_id: int | None = None):  # -> NormalisedDate
        """What `expression` means in this article (relative to its publication date)."""
        from parallax.assist.dates import normalise_date

        anchor = self.article(article_id).published if article_id is not None else None
        return normalise_date(expression, anchor)

    def tag_date(self, annotation_id: int, expression: str) -> DateTag:
        """Tag an annotation with a date as written; relative dates resolve against the
        article's publication date and keep their precision."""
        from parallax.assist.dates import normalise_date

        if not expression.strip():
            raise InvalidInputError("Type a date expression, e.g. 18 May 2017 or on Thursday.")
        with self._store.transaction() as s:
            ann = annotation_repo.get_annotation(s, annotation_id)
            anchor = article_repo.get_article(s, ann.article_id).published
            tag = event_repo.add_date_tag(s, annotation_id, normalise_date(expression, anchor))
        self._publish(Changes(annotations=frozenset({annotation_id})))
        return tag

    def remove_date_tag(self, date_tag_id: int) -> DateTag:
        with self._store.transaction() as s:
            gone = event_repo.delete_date_tag(s, date_tag_id)
        self._publish(Changes(annotations=frozenset({gone.annotation_id})))
        return gone

    def restore_date_tag(self, tag: DateTag) -> DateTag:
        """Undo of `remove_date_tag`: the same tag under the same id."""
        from parallax.domain.dates import NormalisedDate

        value = NormalisedDate(
            tag.expression, tag.start, tag.end, tag.precision, tag.anchor, tag.ambiguous
        )
        with self._store.transaction() as s:
            back = event_repo.add_date_tag(s, tag.annotation_id, value, tag_id=tag.id)
        self._publish(Changes(annotations=frozenset({tag.annotation_id})))
        return back

    # ------------------------------------------------------------------- events
    def create_event(
        self,
        title: str,
        date: str | dt.date | None = None,
        place: str | None = None,
        *,
        description: str = "",
    ) -> Event:
        """Create an event; `date` is a date or an expression such as "May 2017"."""
        title = title.strip()
        if not title:
            raise InvalidInputError("An event needs a title.")
        start, end, precision = _event_date(date)
        with self._store.transaction() as s:
            event = event_repo.create_event(
                s,
                title,
                start=start,
                end=end,
                precision=precision,
                place=place or "",
                description=description,
            )
        self._publish(Changes(events=frozenset({event.id})))
        return event

    def events(self) -> list[Event]:
        with self._store.reading() as s:
            return event_repo.list_events(s)

    def event_ids(self) -> list[int]:
        """Every event's id, in the order `events()` lists them (one light query)."""
        with self._store.reading() as s:
            return event_repo.list_event_ids(s)

    def events_with_ids(self, event_ids: Iterable[int]) -> list[Event]:
        """The events with these ids that still exist, in the order of `events()`."""
        with self._store.reading() as s:
            return event_repo.events_with_ids(s, event_ids)

    def event(self, event_id: int) -> Event:
        with self._store.reading() as s:
            return event_repo.get_event(s, event_id)

    def update_event(self, event_id: int, **fields: object) -> Event:
        if "date" in fields:
            start, end, precision = _event_date(fields.pop("date"))  # type: ignore[arg-type]
            fields.update(start=start, end=end, precision=precision)
        with self._store.transaction() as s:
            event = event_repo.update_event(s, event_id, **fields)
        self._publish(Changes(events=frozenset({event_id})))
        return event

    def delete_event(self, event_id: int) -> tuple[Event, list[EventLink]]:
        """Delete an event; returns it with its links for `restore_event` (undo)."""
        with self._store.transaction() as s:
            event, links = event_repo.delete_event(s, event_id)
        self._publish(
            Changes(
                events=frozenset({event_id}),
                annotations=frozenset(link.annotation_id for link in links),
            )
        )
        return event, links

    def restore_event(self, event: Event, links: Sequence[EventLink] = ()) -> Event:
        with self._store.transaction() as s:
            back = event_repo.create_event(
                s,
                event.title,
                start=event.start,
                end=event.end,
                precision=event.precision,
                place=event.place,
                description=event.description,
                event_id=event.id,
            )
            for link in links:
                event_repo.link(s, link.annotation_id, event.id, link.stance)
        self._publish(
            Changes(
                events=frozenset({event.id}),
                annotations=frozenset(link.annotation_id for link in links),
            )
        )
        return back

    def link(self, annotation_id: int, event_id: int, stance: str = "reports") -> EventLink:
        """Attach an annotation to an event with a stance (changes the stance if linked)."""
        link_stance = _enum(Stance, stance, "stance")
        with self._store.transaction() as s:
            event_repo.link(s, annotation_id, event_id, link_stance)
        self._publish(Changes(annotations=frozenset({annotation_id}), events=frozenset({event_id})))
        return EventLink(AnnotationId(annotation_id), event_id, link_stance)  # type: ignore[arg-type]

    def unlink(self, annotation_id: int, event_id: int) -> EventLink | None:
        with self._store.transaction() as s:
            gone = event_repo.unlink(s, annotation_id, event_id)
        self._publish(Changes(annotations=frozenset({annotation_id}), events=frozenset({event_id})))
        return gone

    def event_links(self, event_id: int) -> list[EventLink]:
        with self._store.reading() as s:
            return event_repo.links_for_event(s, event_id)

    def event_reports(self, event_ids: Iterable[int] | None = None) -> list[comparison.EventReport]:
        """Every event link with its article, outlet and stance (one query); only the
        links of `event_ids` when given."""
        return comparison.event_reports(self._store, event_ids)

    def event_source_counts(
        self, event_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[int, int]]:
        """Per event id (of `event_ids`, or of every event): (linked passages, distinct
        articles)."""
        with self._store.reading() as s:
            return event_repo.source_counts(s, event_ids)

    def article_event_links(self, article_id: int) -> list[EventLink]:
        """Every event link of an article's passages, by position (for the desk's connectors)."""
        with self._store.reading() as s:
            return event_repo.links_for_article(s, article_id)

    # -------------------------------------------------------------- suggestions
    def _suggestion_cache(self) -> suggestions.SuggestionCache:
        if self._suggestions is None:
            self._suggestions = _suggestions().SuggestionCache()
        return self._suggestions

    def suggest_links(self, annotation_id: int, limit: int = 10) -> list[LinkSuggestion]:
        """Passages in other articles that probably report this claim's event, best first."""
        return _suggestions().suggest_links(
            self, annotation_id, limit, cache=self._suggestion_cache()
        )

    def suggest_for_event(self, event_id: int, limit: int = 10) -> list[LinkSuggestion]:
        """Passages in articles not yet linked to the event that probably report it."""
        return _suggestions().suggest_for_event(
            self, event_id, limit, cache=self._suggestion_cache()
        )

    def dismiss_link(
        self,
        suggestion: LinkSuggestion,
        *,
        annotation_id: int | None = None,
        event_id: int | None = None,
    ) -> None:
        """Never suggest this passage again for this annotation (or event)."""
        _suggestions().dismiss_link(
            self, suggestion, annotation_id=annotation_id, event_id=event_id
        )

    def actor_mentions(self, actor_id: int) -> list[tuple[int, int, int]]:
        """Likely mentions of an actor (by name or alias) as (article id, start, end)."""
        return _suggestions().actor_mentions(self, actor_id)

    def suggest_aliases(self) -> list[list[str]]:
        """Groups of actor names that are probably one person spelled differently."""
        return _suggestions().suggest_aliases(self)

    def suggest_actors(self, min_articles: int = 2) -> list[suggestions.ActorSuggestion]:
        """Names recurring across sources that are not yet actors."""
        return _suggestions().suggest_actors(self, min_articles)

    # ----------------------------------------------------------------- codebook
    def tags(self) -> list[Tag]:
        """The codebook: every tag (name, parent, colour), by name."""
        return codebook.list_tags(self._store)

    def tag_paths(self) -> dict[TagId, str]:
        """Each tag's path from the top, e.g. "Military/Border"."""
        return codebook.tag_paths(self.tags())

    def tag_usage(self) -> dict[TagId, int]:
        """How many annotations carry each tag (unused tags are absent)."""
        return codebook.usage_counts(self._store)

    def add_tag(self, name: str, parent_id: int | None = None, colour: str = "") -> Tag:
        """Create a tag (under `parent_id`); names are unique among siblings."""
        return self._published(codebook.add_tag(self._store, name, parent_id, colour))

    def rename_tag(self, tag_id: int, name: str) -> Tag:
        return self._published(codebook.rename_tag(self._store, tag_id, name))

    def set_tag_colour(self, tag_id: int, colour: str) -> Tag:
        """Colour a tag (#rrggbb, or "" for none)."""
        return self._published(codebook.set_tag_colour(self._store, tag_id, colour))

    def move_tag(self, tag_id: int, parent_id: int | None) -> Tag:
        """Nest a tag under another (None: top level); refuses to make a cycle."""
        return self._published(codebook.move_tag(self._store, tag_id, parent_id))

    def merge_tags(self, source_id: int, target_id: int) -> codebook.MergedTag:
        """Merge one tag into another (annotations and sub-tags move); returns the
        record `unmerge_tags` needs to undo it."""
        return self._published(codebook.merge_tags(self._store, source_id, target_id))

    def unmerge_tags(self, merged: codebook.MergedTag) -> Tag:
        return self._published(codebook.unmerge_tags(self._store, merged))

    def delete_tag(self, tag_id: int) -> codebook.DeletedTags:
        """Delete a tag with its sub-tags and links; returns what `restore_tag` needs."""
        return self._published(codebook.delete_tag(self._store, tag_id))

    def restore_tag(self, gone: codebook.DeletedTags) -> Tag:
        """Undo of `delete_tag`: the same tags, ids and annotation links."""
        return self._published(codebook.restore_tag(self._store, gone))

    def tag_annotation(self, annotation_id: int, tag_id: int) -> bool:
        """Put a tag on an annotation; False when it already carried it."""
        return self._published(codebook.tag_annotation(self._store, annotation_id, tag_id))

    def untag_annotation(self, annotation_id: int, tag_id: int) -> bool:
        return self._published(codebook.untag_annotation(self._store, annotation_id, tag_id))

    def annotations_with_tag(
        self, tag_id: int, *, include_subtags: bool = False
    ) -> list[AnnotationId]:
        return codebook.annotations_with_tag(self._store, tag_id, include_subtags=include_subtags)

    def _published(self, done: tuple[_T, Changes]) -> _T:
        value, changes = done
        if changes:
            self._publish(changes)
        return value

    # ------------------------------------------------------------------- search
    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Phrase search over article text and notes, folding case, diacritics and spaces.

        Hits inside boilerplate are left out; best articles first, then note hits.
        """
        with self._store.reading() as s:
            return search_repo.search_project(s, query, limit)

    def related_articles(self, words: Iterable[str], limit: int = 100) -> list[ArticleId]:
        """Articles sharing the most, and the rarest, of `words`, best first: a quick
        index lookup that narrows where slower comparisons need to look."""
        with self._store.reading() as s:
            return [ArticleId(i) for i in search_repo.related_articles(s, list(words), limit)]

    # ---------------------------------------------------------------- judgments
    def judgments(self) -> list[Judgment]:
        """Key judgments in the analyst's order, each with the claims it cites."""
        return judgments.list_judgments(self._store)

    def judgment(self, judgment_id: int) -> Judgment:
        return judgments.get_judgment(self._store, judgment_id)

    def add_judgment(
        self,
        statement: str,
        likelihood: str,
        confidence: str,
        annotation_ids: Sequence[int] = (),
    ) -> Judgment:
        """A judgment with a likelihood term of the project's yardstick and a confidence."""
        done = judgments.add_judgment(
            self._store, statement, likelihood, confidence, annotation_ids
        )
        return self._published(done)

    def update_judgment(self, judgment_id: int, **fields: object) -> Judgment:
        """Change statement, likelihood, confidence or annotation_ids (all the citations)."""
        return self._published(judgments.update_judgment(self._store, judgment_id, **fields))

    def delete_judgment(self, judgment_id: int) -> tuple[Judgment, int]:
        """Delete a judgment; returns (judgment, position) for `restore_judgment` (undo)."""
        return self._published(judgments.delete_judgment(self._store, judgment_id))

    def restore_judgment(self, judgment: Judgment, position: int | None = None) -> Judgment:
        return self._published(judgments.restore_judgment(self._store, judgment, position))

    def reorder_judgments(self, judgment_ids: Sequence[int]) -> list[int]:
        """Put the judgments in this order; returns the previous order (for undo)."""
        return self._published(judgments.reorder_judgments(self._store, judgment_ids))

    def yardstick(self) -> str:
        """The likelihood yardstick of this project: "ICD 203" (default) or "UK PHIA"."""
        return judgments.yardstick(self._store)

    def set_yardstick(self, name: str) -> str:
        """Switch yardsticks (judgments keep their rung); returns the previous one."""
        return self._published(judgments.set_yardstick(self._store, name))

    def memo(self, *, event_id: int | None = None, actor_id: int | None = None) -> str:
        """The memo's text: the project's bottom line, or an event's or an actor's memo."""
        return judgments.get_memo(self._store, event_id, actor_id).text

    def set_memo(
        self, text: str, *, event_id: int | None = None, actor_id: int | None = None
    ) -> Memo:
        return self._published(judgments.set_memo(self._store, text, event_id, actor_id))

    # ----------------------------------------------------------- project-level
    def info(self) -> ProjectInfo:
        with self._store.reading() as s:
            return stats.project_info(s)

    def setting(self, key: str, default: object = None) -> object:
        with self._store.reading() as s:
            return setting_repo.get_setting(s, key, default)

    def set_setting(self, key: str, value: object) -> None:
        """Store a JSON-able value in the project (pane layout, export options)."""
        with self._store.transaction() as s:
            setting_repo.set_setting(s, key, value)

    def brief_data(self, **options: object):  # -> BriefData
        from parallax.services.brief import gather_brief

        return gather_brief(self, **options)

    def export_brief(self, path: str | os.PathLike[str], **options: object) -> Path:
        """Write a Word brief of this project to `path` (a .pdf path, or pdf=True, also
        converts it with LibreOffice) and return the file written last.

        Options: see `parallax.services.brief.export_brief`.
        """
        from parallax.services.brief import export_brief

        return export_brief(self, Path(path), **options)


def _suggestions() -> ModuleType:
    """`parallax.services.suggestions`, imported on first use: it brings the name and
    date matchers, which opening a project (and so starting the app) does not need."""
    from parallax.services import suggestions

    return suggestions


def _current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def _enum(enum: type[_E], value: object, what: str) -> _E:
    try:
        return enum(str(value).strip().lower().replace("_", " "))  # type: ignore[call-arg]
    except ValueError:
        allowed = ", ".join(str(m) for m in enum)  # type: ignore[attr-defined]
        raise InvalidInputError(f"Unknown {what} {value!r}; use one of: {allowed}.") from None


def _kind(kind: object) -> AnnotationKind:
    return _enum(AnnotationKind, kind, "annotation kind")


def _check_credibility(credibility: int | None) -> None:
    if credibility is not None and credibility not in range(1, 7):
        raise InvalidInputError(
            f"Credibility is 1 (confirmed) to 6 (cannot judge), not {credibility}."
        )


def _event_date(date: str | dt.date | None):
    """(start, end, precision) for an event date given as a date or an expression."""
    from parallax.domain.model import Precision

    if date is None or date == "":
        return None, None, None
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        return date, date, Precision.DAY
    from parallax.assist.dates import normalise_date

    value = normalise_date(str(date), None)
    if value.start is None or value.ambiguous:
        raise InvalidInputError(f"Cannot read {date!r} as a date ({value.reason or 'unclear'}).")
    return value.start, value.end, value.precision
