"""Actor editing queries: rename, kind, aliases, tags and memos moved between actors.

The steps a merge, a delete and their undo are made of; `services.actors` puts them together in one
transaction. Tags are (annotation id, role) pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from parallax.domain.errors import NotFoundError
from parallax.domain.model import Actor, ActorKind
from parallax.store.tables import (
    ActorAliasRow,
    ActorRow,
    AnnotationActorRow,
    EventLinkRow,
    MemoRow,
)

Tag = tuple[int, str]
Memo = tuple[int, str, int | None]  # (memo id, text, event id)


def _row(session: Session, actor_id: int) -> ActorRow:
    row = session.get(ActorRow, actor_id)
    if row is None:
        raise NotFoundError(f"No actor {actor_id} in this project.")
    return row


def exists(session: Session, actor_id: int) -> bool:
    return session.get(ActorRow, actor_id) is not None


def set_fields(
    session: Session, actor_id: int, *, name: str | None = None, kind: ActorKind | None = None
) -> None:
    row = _row(session, actor_id)
    if name is not None:
        row.name = name
    if kind is not None:
        row.kind = str(kind)
    session.flush()


def note_of(session: Session, actor_id: int) -> str:
    return _row(session, actor_id).note or ""


def set_aliases(session: Session, actor_id: int, aliases: Sequence[str]) -> None:
    """Replace an actor's aliases (kept in the order given)."""
    _row(session, actor_id)
    session.execute(delete(ActorAliasRow).where(ActorAliasRow.actor_id == actor_id))
    session.add_all(ActorAliasRow(actor_id=actor_id, alias=a) for a in aliases)
    session.flush()


def create(session: Session, actor: Actor, note: str = "") -> None:
    """Create an actor under the given id (undo of a delete or a merge)."""
    session.add(ActorRow(id=actor.id, name=actor.name, kind=str(actor.kind), note=note))
    session.flush()
    set_aliases(session, actor.id, actor.aliases)


def tags_of(session: Session, actor_id: int) -> list[Tag]:
    rows = session.execute(
        select(AnnotationActorRow.annotation_id, AnnotationActorRow.role)
        .where(AnnotationActorRow.actor_id == actor_id)
        .order_by(AnnotationActorRow.annotation_id, AnnotationActorRow.role)
    )
    return [(a, r) for a, r in rows]


def add_tags(session: Session, actor_id: int, tags: Iterable[Tag]) -> list[Tag]:
    """Tag the actor on these annotations; returns the tags that were not there before."""
    have = set(tags_of(session, actor_id))
    added = [t for t in dict.fromkeys(tags) if t not in have]
    session.add_all(
        AnnotationActorRow(annotation_id=a, actor_id=actor_id, role=r) for a, r in added
    )
    session.flush()
    return added


def remove_tags(session: Session, actor_id: int, tags: Iterable[Tag]) -> None:
    for annotation_id, role in tags:
        session.execute(
            delete(AnnotationActorRow).where(
                AnnotationActorRow.actor_id == actor_id,
                AnnotationActorRow.annotation_id == annotation_id,
                AnnotationActorRow.role == role,
            )
        )
    session.flush()


def memo_ids(session: Session, actor_id: int) -> list[int]:
    return list(session.scalars(select(MemoRow.id).where(MemoRow.actor_id == actor_id)))


def move_memos(session: Session, ids: Sequence[int], actor_id: int) -> None:
    if ids:
        session.execute(update(MemoRow).where(MemoRow.id.in_(ids)).values(actor_id=actor_id))
        session.flush()


def memos_of(session: Session, actor_id: int) -> list[Memo]:
    """The actor's memos (on it alone or on it in an event), to bring back after a delete."""
    rows = session.execute(
        select(MemoRow.id, MemoRow.text, MemoRow.event_id)
        .where(MemoRow.actor_id == actor_id)
        .order_by(MemoRow.id)
    )
    return [(memo_id, text, event_id) for memo_id, text, event_id in rows]


def restore_memos(session: Session, actor_id: int, memos: Iterable[Memo]) -> None:
    """Recreate memos under their ids (undo of a delete)."""
    session.add_all(
        MemoRow(id=memo_id, text=text, event_id=event_id, actor_id=actor_id)
        for memo_id, text, event_id in memos
    )
    session.flush()


def events_by_actor(session: Session) -> dict[int, list[int]]:
    """Per actor id: the events its tagged annotations are linked to."""
    rows = session.execute(
        select(AnnotationActorRow.actor_id, EventLinkRow.event_id)
        .join(EventLinkRow, EventLinkRow.annotation_id == AnnotationActorRow.annotation_id)
        .distinct()
        .order_by(AnnotationActorRow.actor_id, EventLinkRow.event_id)
    )
    found: dict[int, list[int]] = defaultdict(list)
    for actor_id, event_id in rows:
        found[actor_id].append(event_id)
    return dict(found)
