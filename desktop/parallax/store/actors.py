"""Actors and their aliases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parallax.domain.errors import NotFoundError
from parallax.domain.model import Actor, ActorKind
from parallax.store import convert
from parallax.store.tables import ActorAliasRow, ActorRow, AnnotationActorRow


def add_actor(session: Session, name: str, kind: ActorKind, aliases: Iterable[str]) -> Actor:
    row = ActorRow(name=name, kind=str(kind))
    session.add(row)
    session.flush()
    unique = tuple(dict.fromkeys(a.strip() for a in aliases if a.strip() and a.strip() != name))
    session.add_all(ActorAliasRow(actor_id=row.id, alias=a) for a in unique)
    session.flush()
    return convert.actor(row, unique)


def _aliases(session: Session, actor_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    query = select(ActorAliasRow.actor_id, ActorAliasRow.alias).order_by(ActorAliasRow.id)
    if actor_ids is not None:
        query = query.where(ActorAliasRow.actor_id.in_(list(actor_ids)))
    found: dict[int, list[str]] = defaultdict(list)
    for actor_id, alias in session.execute(query):
        found[actor_id].append(alias)
    return found


def get_actor(session: Session, actor_id: int) -> Actor:
    row = session.get(ActorRow, actor_id)
    if row is None:
        raise NotFoundError(f"No actor {actor_id} in this project.")
    return convert.actor(row, tuple(_aliases(session, [actor_id]).get(actor_id, ())))


def list_actors(session: Session) -> list[Actor]:
    aliases = _aliases(session)
    rows = session.scalars(select(ActorRow).order_by(func.lower(ActorRow.name)))
    return [convert.actor(r, tuple(aliases.get(r.id, ()))) for r in rows]


def find_actor(session: Session, name: str) -> Actor | None:
    """The actor whose name or an alias is `name` (case-insensitive)."""
    key = name.strip().lower()
    actor_id = session.scalar(select(ActorRow.id).where(func.lower(ActorRow.name) == key))
    if actor_id is None:
        actor_id = session.scalar(
            select(ActorAliasRow.actor_id).where(func.lower(ActorAliasRow.alias) == key)
        )
    return get_actor(session, actor_id) if actor_id is not None else None


def delete_actor(session: Session, actor_id: int) -> None:
    row = session.get(ActorRow, actor_id)
    if row is None:
        raise NotFoundError(f"No actor {actor_id} in this project.")
    session.delete(row)
    session.flush()


def annotation_counts(session: Session) -> dict[int, int]:
    return dict(
        session.execute(
            select(
                AnnotationActorRow.actor_id,
                func.count(func.distinct(AnnotationActorRow.annotation_id)),
            ).group_by(AnnotationActorRow.actor_id)
        ).all()
    )
