"""The codebook's use cases: hierarchical tags (create, rename, colour, nest, merge, delete)
and tags on annotations.

Each function is one transaction on a project's store and returns its result with the
`Changes` it made; `Project` publishes them. Deleting and merging return records holding
everything their undo needs, so a tag comes back with the same id and the same links.
Tag paths ("Military/Border") name a tag by its ancestors, for typing and completion.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parallax.domain.errors import InvalidInputError
from parallax.domain.model import AnnotationId, Changes, Tag, TagId
from parallax.store import annotations as annotation_repo
from parallax.store import tags as tag_repo
from parallax.store.engine import Store

logger = logging.getLogger(__name__)

PATH_SEPARATOR = "/"
MAX_NAME = 200
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True, slots=True)
class DeletedTags:
    """A deleted tag with its descendants (parents first) and the links they had."""

    tags: tuple[Tag, ...]
    links: tuple[tuple[AnnotationId, TagId], ...]

    @property
    def tag(self) -> Tag:
        return self.tags[0]


@dataclass(frozen=True, slots=True)
class MergedTag:
    """What `merge_tags` did, for `unmerge_tags`: the source tag as it was, the sub-tags
    moved to the target, the annotations it was on, and those that gained the target."""

    source: Tag
    target_id: TagId
    children: tuple[TagId, ...]
    annotations: tuple[AnnotationId, ...]
    added: tuple[AnnotationId, ...]


# ------------------------------------------------------------------- validation
def clean_name(name: str) -> str:
    """The name as stored; raises InvalidInputError for an empty or unusable one."""
    name = " ".join(str(name).split())
    if not name:
        raise InvalidInputError("A tag needs a name.")
    if PATH_SEPARATOR in name:
        raise InvalidInputError(
            f"A tag name cannot contain {PATH_SEPARATOR!r}: it separates levels (Parent/Child)."
        )
    if len(name) > MAX_NAME:
        raise InvalidInputError(f"A tag name can have at most {MAX_NAME} characters.")
    return name


def clean_colour(colour: str | None) -> str:
    """ "" (no colour) or #rrggbb; raises InvalidInputError for anything else."""
    colour = (colour or "").strip()
    if colour and not _COLOUR.fullmatch(colour):
        raise InvalidInputError(f"A tag colour is written #rrggbb, not {colour!r}.")
    return colour.lower()


def _check_free(session: object, parent_id: int | None, name: str, tag_id: int | None) -> None:
    taken = tag_repo.sibling_names(session, parent_id)  # type: ignore[arg-type]
    other = taken.get(name.casefold())
    if other is not None and other != tag_id:
        where = "at the top level" if parent_id is None else "under that parent"
        raise InvalidInputError(f"There is already a tag {name!r} {where}.")


# ---------------------------------------------------------------------- queries
def list_tags(store: Store) -> list[Tag]:
    with store.reading() as s:
        return tag_repo.list_tags(s)


def annotations_with_tag(
    store: Store, tag_id: int, *, include_subtags: bool = False
) -> list[AnnotationId]:
    with store.reading() as s:
        if include_subtags:
            ids = [t.id for t in tag_repo.subtree(s, tag_id)]
        else:
            ids = [tag_repo.get_tag(s, tag_id).id]
        return tag_repo.annotations_with(s, ids)


def usage_counts(store: Store) -> dict[TagId, int]:
    with store.reading() as s:
        return tag_repo.usage_counts(s)


# -------------------------------------------------------------------- mutations
def add_tag(
    store: Store, name: str, parent_id: int | None = None, colour: str = ""
) -> tuple[Tag, Changes]:
    name, colour = clean_name(name), clean_colour(colour)
    with store.transaction() as s:
        if parent_id is not None:
            tag_repo.get_tag(s, parent_id)
        _check_free(s, parent_id, name, None)
        tag = tag_repo.add_tag(s, name, parent_id, colour)
    return tag, Changes(tags=frozenset({tag.id}))


def rename_tag(store: Store, tag_id: int, name: str) -> tuple[Tag, Changes]:
    name = clean_name(name)
    with store.transaction() as s:
        current = tag_repo.get_tag(s, tag_id)
        _check_free(s, current.parent_id, name, tag_id)
        tag = tag_repo.update_tag(s, tag_id, name=name)
    return tag, Changes(tags=frozenset({tag_id}))


def set_tag_colour(store: Store, tag_id: int, colour: str) -> tuple[Tag, Changes]:
    """Recolour a tag; the annotations carrying it are named so highlights repaint."""
    colour = clean_colour(colour)
    with store.transaction() as s:
        tag = tag_repo.update_tag(s, tag_id, colour=colour)
        carriers = tag_repo.annotations_with(s, [tag_id])
    return tag, Changes(tags=frozenset({tag_id}), annotations=frozenset(carriers))


def move_tag(store: Store, tag_id: int, parent_id: int | None) -> tuple[Tag, Changes]:
    """Nest a tag (with its sub-tags) under `parent_id`, or at the top level with None.

    Raises InvalidInputError when that would put a tag inside itself.
    """
    with store.transaction() as s:
        tag = tag_repo.get_tag(s, tag_id)
        if parent_id is not None:
            tag_repo.get_tag(s, parent_id)
            if parent_id in {t.id for t in tag_repo.subtree(s, tag_id)}:
                raise InvalidInputError(
                    f"Cannot put the tag {tag.name!r} inside itself or one of its sub-tags."
                )
        _check_free(s, parent_id, tag.name, tag_id)
        moved = tag_repo.update_tag(s, tag_id, parent_id=parent_id)
    return moved, Changes(tags=frozenset({tag_id}))


def delete_tag(store: Store, tag_id: int) -> tuple[DeletedTags, Changes]:
    """Delete a tag, its sub-tags and their links; the record restores them all."""
    with store.transaction() as s:
        tags = tag_repo.subtree(s, tag_id)
        links = tag_repo.links_of(s, [t.id for t in tags])
        tag_repo.delete_tags(s, tags)
    gone = DeletedTags(tuple(tags), tuple((AnnotationId(a), TagId(t)) for a, t in links))
    return gone, Changes(
        tags=frozenset(t.id for t in tags), annotations=frozenset(a for a, _t in links)
    )


def restore_tag(store: Store, gone: DeletedTags) -> tuple[Tag, Changes]:
    """Undo of `delete_tag`: the same tags under the same ids, on the same annotations
    (those deleted since are left out)."""
    with store.transaction() as s:
        for tag in gone.tags:
            tag_repo.add_tag(s, tag.name, tag.parent_id, tag.colour, tag_id=tag.id)
        alive = tag_repo.existing_annotations(s, (a for a, _t in gone.links))
        links = [(a, t) for a, t in gone.links if a in alive]
        tag_repo.add_links(s, links)
    return gone.tag, Changes(
        tags=frozenset(t.id for t in gone.tags), annotations=frozenset(a for a, _t in links)
    )


def merge_tags(store: Store, source_id: int, target_id: int) -> tuple[MergedTag, Changes]:
    """Merge tag `source_id` into `target_id`: its annotations and sub-tags move to the
    target and the source is deleted. The record undoes it (`unmerge_tags`)."""
    with store.transaction() as s:
        source, target = tag_repo.get_tag(s, source_id), tag_repo.get_tag(s, target_id)
        _check_mergeable(s, source, target)
        children = tag_repo.children_of(s, source_id)
        carriers = tag_repo.annotations_with(s, [source_id])
        had_target = set(tag_repo.annotations_with(s, [target_id]))
        added = [a for a in carriers if a not in had_target]
        tag_repo.remove_links(s, [(a, source_id) for a in carriers])
        tag_repo.add_links(s, [(a, target_id) for a in added])
        for child in children:
            tag_repo.update_tag(s, child, parent_id=target_id)
        tag_repo.delete_tags(s, [source])
    record = MergedTag(
        source, target.id, tuple(TagId(c) for c in children), tuple(carriers), tuple(added)
    )
    return record, Changes(
        tags=frozenset({source.id, target.id, *children}), annotations=frozenset(carriers)
    )


def _check_mergeable(session: object, source: Tag, target: Tag) -> None:
    if source.id == target.id:
        raise InvalidInputError("A tag cannot be merged into itself.")
    if target.id in {t.id for t in tag_repo.subtree(session, source.id)}:  # type: ignore[arg-type]
        raise InvalidInputError(
            f"Cannot merge {source.name!r} into its own sub-tag {target.name!r}; "
            "move that sub-tag out first."
        )
    moving = tag_repo.sibling_names(session, source.id)  # type: ignore[arg-type]
    staying = tag_repo.sibling_names(session, target.id)  # type: ignore[arg-type]
    clash = sorted(set(moving) & set(staying))
    if clash:
        raise InvalidInputError(
            f"Both {source.name!r} and {target.name!r} have a sub-tag named {clash[0]!r}; "
            "merge those first."
        )


def unmerge_tags(store: Store, merged: MergedTag) -> tuple[Tag, Changes]:
    """Undo of `merge_tags`: the source comes back with its id, sub-tags and annotations."""
    source = merged.source
    with store.transaction() as s:
        tag_repo.add_tag(s, source.name, source.parent_id, source.colour, tag_id=source.id)
        for child in merged.children:
            tag_repo.update_tag(s, child, parent_id=source.id)
        alive = tag_repo.existing_annotations(s, merged.annotations)
        tag_repo.remove_links(s, [(a, merged.target_id) for a in merged.added if a in alive])
        tag_repo.add_links(s, [(a, source.id) for a in merged.annotations if a in alive])
    return source, Changes(
        tags=frozenset({source.id, merged.target_id, *merged.children}),
        annotations=frozenset(merged.annotations),
    )


def tag_annotation(store: Store, annotation_id: int, tag_id: int) -> tuple[bool, Changes]:
    """Put a tag on an annotation; False (and no change) when it already carries it."""
    with store.transaction() as s:
        annotation_repo.get_annotation(s, annotation_id)
        tag_repo.get_tag(s, tag_id)
        if tag_repo.has_link(s, annotation_id, tag_id):
            return False, Changes()
        tag_repo.add_links(s, [(annotation_id, tag_id)])
    return True, Changes(annotations=frozenset({annotation_id}), tags=frozenset({tag_id}))


def untag_annotation(store: Store, annotation_id: int, tag_id: int) -> tuple[bool, Changes]:
    """Take a tag off an annotation; False (and no change) when it did not carry it."""
    with store.transaction() as s:
        if not tag_repo.has_link(s, annotation_id, tag_id):
            return False, Changes()
        tag_repo.remove_links(s, [(annotation_id, tag_id)])
    return True, Changes(annotations=frozenset({annotation_id}), tags=frozenset({tag_id}))


# ------------------------------------------------------------------------ paths
def tag_paths(tags: Iterable[Tag]) -> dict[TagId, str]:
    """Each tag's path from the top ("Military/Border"), for display and completion."""
    by_id = {t.id: t for t in tags}
    paths: dict[TagId, str] = {}

    def path(tag: Tag) -> str:
        if tag.id not in paths:
            parent = by_id.get(tag.parent_id) if tag.parent_id is not None else None
            paths[tag.id] = tag.name if parent is None else path(parent) + PATH_SEPARATOR + tag.name
        return paths[tag.id]

    for tag in by_id.values():
        path(tag)
    return paths


def split_path(path: str) -> list[str]:
    """The names along a typed path; blank parts are dropped ("a / b/" → ["a", "b"])."""
    return [" ".join(p.split()) for p in path.split(PATH_SEPARATOR) if p.strip()]


def resolve_path(tags: Sequence[Tag], path: str) -> tuple[TagId | None, list[str]]:
    """The deepest existing tag along `path` (case-insensitive) and the names below it
    that do not exist yet. (None, names) when even the first level is new."""
    names = split_path(path)
    children: dict[tuple[TagId | None, str], TagId] = {
        (t.parent_id, t.name.casefold()): t.id for t in tags
    }
    parent: TagId | None = None
    for n, name in enumerate(names):
        found = children.get((parent, name.casefold()))
        if found is None:
            return parent, names[n:]
        parent = found
    return parent, []
