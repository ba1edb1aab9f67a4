"""The codebook: hierarchical tags and the links that put them on annotations.

Rows are deleted and re-created explicitly (children before parents, links before tags)
instead of relying on ON DELETE CASCADE, so that what goes is exactly what the caller
collected for undo, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session

from parallax.domain.errors import NotFoundError
from parallax.domain.model import AnnotationId, Tag, TagId
from parallax.store import convert
from parallax.store.tables import AnnotationRow, AnnotationTagRow, TagRow

Link = tuple[int, int]  # (annotation id, tag id)


def list_tags(session: Session) -> list[Tag]:
    """Every tag, by name (case-insensitive) within the whole codebook."""
    rows = session.scalars(select(TagRow).order_by(func.lower(TagRow.name), TagRow.id))
    return [convert.tag(r) for r in rows]


def get_tag(session: Session, tag_id: int) -> Tag:
    return convert.tag(_row(session, tag_id))


def _row(session: Session, tag_id: int) -> TagRow:
    row = session.get(TagRow, tag_id)
    if row is None:
        raise NotFoundError(f"No tag {tag_id} in this project.")
    return row


def add_tag(
    session: Session,
    name: str,
    parent_id: int | None = None,
    colour: str = "",
    *,
    tag_id: int | None = None,
) -> Tag:
    """Insert a tag; with `tag_id`, under that id (undo of a delete)."""
    row = TagRow(id=tag_id, name=name, parent_id=parent_id, colour=colour)
    session.add(row)
    session.flush()
    return convert.tag(row)


def update_tag(session: Session, tag_id: int, **fields: object) -> Tag:
    """Set name, parent_id or colour of a tag."""
    row = _row(session, tag_id)
    for name, value in fields.items():
        setattr(row, name, value)
    session.flush()
    return convert.tag(row)


def sibling_names(session: Session, parent_id: int | None) -> dict[str, int]:
    """Case-folded names of the tags under `parent_id` (None: the top level) → their ids."""
    where = TagRow.parent_id.is_(None) if parent_id is None else TagRow.parent_id == parent_id
    rows = session.execute(select(TagRow.id, TagRow.name).where(where))
    return {name.casefold(): tag_id for tag_id, name in rows}


def children_of(session: Session, tag_id: int) -> list[int]:
    return list(session.scalars(select(TagRow.id).where(TagRow.parent_id == tag_id)))


def subtree(session: Session, tag_id: int) -> list[Tag]:
    """The tag and all its descendants, each parent before its children."""
    _row(session, tag_id)
    by_parent: dict[int | None, list[Tag]] = {}
    for tag in list_tags(session):
        by_parent.setdefault(tag.parent_id, []).append(tag)
    found: list[Tag] = [get_tag(session, tag_id)]
    n = 0
    while n < len(found):
        found.extend(by_parent.get(found[n].id, ()))
        n += 1
    return found


def links_of(session: Session, tag_ids: Sequence[int]) -> list[Link]:
    """(annotation id, tag id) of every annotation carrying one of these tags."""
    if not tag_ids:
        return []
    rows = session.execute(
        select(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id)
        .where(AnnotationTagRow.tag_id.in_(list(tag_ids)))
        .order_by(AnnotationTagRow.tag_id, AnnotationTagRow.annotation_id)
    )
    return [(a, t) for a, t in rows]


def annotations_with(session: Session, tag_ids: Sequence[int]) -> list[AnnotationId]:
    """Annotations carrying any of these tags, by id."""
    if not tag_ids:
        return []
    rows = session.scalars(
        select(AnnotationTagRow.annotation_id)
        .where(AnnotationTagRow.tag_id.in_(list(tag_ids)))
        .distinct()
        .order_by(AnnotationTagRow.annotation_id)
    )
    return [AnnotationId(a) for a in rows]


def existing_annotations(session: Session, annotation_ids: Iterable[int]) -> set[int]:
    wanted = list(set(annotation_ids))
    if not wanted:
        return set()
    return set(session.scalars(select(AnnotationRow.id).where(AnnotationRow.id.in_(wanted))))


def add_links(session: Session, links: Iterable[Link]) -> None:
    for annotation_id, tag_id in links:
        session.add(AnnotationTagRow(annotation_id=annotation_id, tag_id=tag_id))
    session.flush()


def remove_links(session: Session, links: Sequence[Link]) -> None:
    if not links:
        return
    session.execute(
        delete(AnnotationTagRow).where(
            tuple_(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id).in_(list(links))
        )
    )
    session.flush()


def has_link(session: Session, annotation_id: int, tag_id: int) -> bool:
    return session.get(AnnotationTagRow, (annotation_id, tag_id)) is not None


def delete_tags(session: Session, tags: Sequence[Tag]) -> None:
    """Delete these tags and their links; `tags` lists parents before children."""
    ids = [t.id for t in tags]
    session.execute(delete(AnnotationTagRow).where(AnnotationTagRow.tag_id.in_(ids)))
    for tag in reversed(tags):
        session.delete(_row(session, tag.id))
        session.flush()


def usage_counts(session: Session) -> dict[TagId, int]:
    """How many annotations carry each tag (tags on none are absent)."""
    rows = session.execute(
        select(AnnotationTagRow.tag_id, func.count()).group_by(AnnotationTagRow.tag_id)
    )
    return {TagId(t): n for t, n in rows}
