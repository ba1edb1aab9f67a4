"""What the desk shows about annotations beyond their fill: hover text and tag colours.

Both read through the Python API only when asked (a hover, a switch to colouring by
tag), never while an article is opened.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from parallax.domain.errors import NotFoundError
from parallax.domain.model import AnnotationDetail, Tag
from parallax.services.project import Project

MAX_IN_TOOLTIP = 3
NOTE_CHARS = 280
# For tags without a colour of their own (or of an ancestor): distinct, calm hues.
FALLBACK_TAG_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2")


def tooltip_html(project: Project, annotation_ids: Iterable[int]) -> str:
    """Kind, credibility, note, actors, tags and events of each annotation, as rich text."""
    ids = list(annotation_ids)
    if not ids:
        return ""
    paths = _tag_paths(project)
    events = {e.id: e.title for e in project.events()}
    parts = []
    for annotation_id in ids[:MAX_IN_TOOLTIP]:
        try:
            detail = project.annotation_detail(annotation_id)
        except NotFoundError:
            continue
        parts.append(_describe(detail, paths, events))
    if len(ids) > MAX_IN_TOOLTIP:
        parts.append(f"<i>and {len(ids) - MAX_IN_TOOLTIP} more here</i>")
    if len(ids) > 1:
        parts.append("<i>Click again to select the next one beneath.</i>")
    return "<hr>".join(parts)


def _describe(detail: AnnotationDetail, paths: dict[int, str], events: dict[int, str]) -> str:
    ann = detail.annotation
    head = f"<b>{html.escape(str(ann.kind).title())}</b>"
    if ann.credibility:
        head += f" · credibility {ann.credibility}"
    lines = [head]
    if ann.note:
        note = ann.note if len(ann.note) <= NOTE_CHARS else ann.note[:NOTE_CHARS] + "…"
        lines.append(f"<i>{html.escape(note)}</i>")
    if detail.actors:
        actors = ", ".join(f"{a.actor_name} ({a.role})" for a in detail.actors)
        lines.append(f"Actors: {html.escape(actors)}")
    if detail.tag_ids:
        tags = ", ".join(paths.get(t, f"tag {t}") for t in detail.tag_ids)
        lines.append(f"Tags: {html.escape(tags)}")
    if detail.events:
        linked = ", ".join(f"{events.get(e.event_id, '?')} ({e.stance})" for e in detail.events)
        lines.append(f"Events: {html.escape(linked)}")
    return "<br>".join(lines)


def _tag_paths(project: Project) -> dict[int, str]:
    paths = getattr(project, "tag_paths", None)
    return dict(paths()) if callable(paths) else {}


def tag_colours(project: Project, article_id: int) -> dict[int, str]:
    """Annotation id → the #rrggbb of its first tag (inherited from the nearest coloured
    ancestor, else a fixed hue per tag); untagged annotations are absent."""
    tags = {t.id: t for t in project.tags()}
    colours: dict[int, str] = {}
    for annotation_id, tag_ids in project.article_annotation_tags(article_id).items():
        if tag_ids:
            colours[annotation_id] = tag_colour(tags, tag_ids[0])
    return colours


def tag_colour(tags: dict[int, Tag], tag_id: int) -> str:
    """A tag's own colour, or its nearest ancestor's, or a stable fallback hue."""
    seen: set[int] = set()
    current = tags.get(tag_id)
    while current is not None and current.id not in seen:
        if current.colour:
            return current.colour
        seen.add(current.id)
        current = tags.get(current.parent_id) if current.parent_id is not None else None
    return FALLBACK_TAG_COLOURS[tag_id % len(FALLBACK_TAG_COLOURS)]
