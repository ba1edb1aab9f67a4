"""Key judgments with their citations, and memos (the project's bottom line, per event, per actor).

Judgments are kept in the analyst's order by `position`; a deleted judgment can be put
back under its id and position, with the same citations, so undo restores it exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from parallax.domain.errors import NotFoundError
from parallax.domain.model import (
    ActorId,
    AnnotationId,
    Confidence,
    EventId,
    Judgment,
    JudgmentId,
    Memo,
    MemoId,
)
from parallax.store.tables import (
    AnnotationRow,
    JudgmentCitationRow,
    JudgmentRow,
    MemoRow,
    SettingRow,
)

LEGACY_MEMO_KEY = "memo"  # where the bottom line lived before it had a memo row


def _row(session: Session, judgment_id: int) -> JudgmentRow:
    row = session.get(JudgmentRow, judgment_id)
    if row is None:
        raise NotFoundError(f"No judgment {judgment_id} in this project.")
    return row


def _citations(session: Session, ids: Iterable[int]) -> dict[int, tuple[AnnotationId, ...]]:
    wanted = list(ids)
    found: dict[int, list[AnnotationId]] = {i: [] for i in wanted}
    rows = session.execute(
        select(JudgmentCitationRow.judgment_id, JudgmentCitationRow.annotation_id)
        .where(JudgmentCitationRow.judgment_id.in_(wanted))
        .order_by(JudgmentCitationRow.judgment_id, JudgmentCitationRow.annotation_id)
    )
    for judgment_id, annotation_id in rows:
        found[judgment_id].append(AnnotationId(annotation_id))
    return {k: tuple(v) for k, v in found.items()}


def _record(row: JudgmentRow, citations: tuple[AnnotationId, ...]) -> Judgment:
    return Judgment(
        id=JudgmentId(row.id),
        statement=row.statement,
        likelihood=row.likelihood,
        confidence=Confidence(row.confidence),
        annotation_ids=citations,
    )


def list_judgments(session: Session) -> list[Judgment]:
    """Every judgment in the analyst's order, with its citations (two queries)."""
    rows = list(session.scalars(select(JudgmentRow).order_by(JudgmentRow.position, JudgmentRow.id)))
    cites = _citations(session, (r.id for r in rows))
    return [_record(r, cites[r.id]) for r in rows]


def get_judgment(session: Session, judgment_id: int) -> Judgment:
    row = _row(session, judgment_id)
    return _record(row, _citations(session, [row.id])[row.id])


def position_of(session: Session, judgment_id: int) -> int:
    return _row(session, judgment_id).position


def add_judgment(
    session: Session,
    statement: str,
    likelihood: str,
    confidence: str,
    annotation_ids: Sequence[int] = (),
    *,
    judgment_id: int | None = None,
    position: int | None = None,
) -> Judgment:
    """Insert a judgment, last unless `position` is given; `judgment_id` restores an id."""
    if position is None:
        position = (session.scalar(select(func.max(JudgmentRow.position))) or 0) + 1
    row = JudgmentRow(
        id=judgment_id,
        statement=statement,
        likelihood=likelihood,
        confidence=confidence,
        position=position,
    )
    session.add(row)
    session.flush()
    _set_citations(session, row.id, annotation_ids)
    return get_judgment(session, row.id)


def update_judgment(session: Session, judgment_id: int, **fields: object) -> Judgment:
    """Set statement, likelihood, confidence and/or annotation_ids (the citations)."""
    row = _row(session, judgment_id)
    cited = fields.pop("annotation_ids", None)
    for name, value in fields.items():
        setattr(row, name, value)
    if cited is not None:
        _set_citations(session, judgment_id, cited)  # type: ignore[arg-type]
    session.flush()
    return get_judgment(session, judgment_id)


def existing_annotations(session: Session, annotation_ids: Iterable[int]) -> list[int]:
    """The ids among `annotation_ids` that still name annotations, in the given order."""
    wanted = list(dict.fromkeys(int(a) for a in annotation_ids))
    found = set(session.scalars(select(AnnotationRow.id).where(AnnotationRow.id.in_(wanted))))
    return [a for a in wanted if a in found]


def _set_citations(session: Session, judgment_id: int, annotation_ids: Iterable[int]) -> None:
    wanted = list(dict.fromkeys(int(a) for a in annotation_ids))
    existing = set(existing_annotations(session, wanted))
    missing = [a for a in wanted if a not in existing]
    if missing:
        raise NotFoundError(f"No annotation {missing[0]} in this project to cite.")
    session.execute(
        delete(JudgmentCitationRow).where(JudgmentCitationRow.judgment_id == judgment_id)
    )
    session.add_all(JudgmentCitationRow(judgment_id=judgment_id, annotation_id=a) for a in wanted)
    session.flush()


def delete_judgment(session: Session, judgment_id: int) -> tuple[Judgment, int]:
    """Delete a judgment; returns it and its position, which `add_judgment` can restore."""
    gone = get_judgment(session, judgment_id)
    row = _row(session, judgment_id)
    position = row.position
    session.execute(
        delete(JudgmentCitationRow).where(JudgmentCitationRow.judgment_id == judgment_id)
    )
    session.delete(row)
    session.flush()
    return gone, position


def reorder(session: Session, ids: Sequence[int]) -> list[int]:
    """Put the judgments in the order `ids` gives (others after); returns the old order."""
    rows = list(session.scalars(select(JudgmentRow).order_by(JudgmentRow.position, JudgmentRow.id)))
    before = [r.id for r in rows]
    by_id = {r.id: r for r in rows}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise NotFoundError(f"No judgment {unknown[0]} in this project.")
    order = list(dict.fromkeys(ids)) + [i for i in before if i not in set(ids)]
    for position, judgment_id in enumerate(order, start=1):
        by_id[judgment_id].position = position
    session.flush()
    return before


# ---------------------------------------------------------------------- memos
def _memo_row(session: Session, event_id: int | None, actor_id: int | None) -> MemoRow | None:
    on_event = MemoRow.event_id.is_(None) if event_id is None else MemoRow.event_id == event_id
    on_actor = MemoRow.actor_id.is_(None) if actor_id is None else MemoRow.actor_id == actor_id
    query = select(MemoRow).where(on_event, on_actor).order_by(MemoRow.id)
    return session.scalars(query.limit(1)).first()


def get_memo(session: Session, event_id: int | None = None, actor_id: int | None = None) -> Memo:
    """The memo on the project (no ids), an event or an actor; empty text when none."""
    row = _memo_row(session, event_id, actor_id)
    if row is not None:
        return _memo(row)
    text = ""
    if event_id is None and actor_id is None:
        legacy = session.get(SettingRow, LEGACY_MEMO_KEY)
        text = str(legacy.value or "") if legacy is not None else ""
    return Memo(MemoId(0), text, _event(event_id), _actor(actor_id))


def set_memo(
    session: Session, text: str, event_id: int | None = None, actor_id: int | None = None
) -> Memo:
    """Write a memo, creating its row; the project memo replaces the legacy setting."""
    row = _memo_row(session, event_id, actor_id)
    if row is None:
        row = MemoRow(text=text, event_id=event_id, actor_id=actor_id)
        session.add(row)
    else:
        row.text = text
    if event_id is None and actor_id is None:
        session.execute(delete(SettingRow).where(SettingRow.key == LEGACY_MEMO_KEY))
    session.flush()
    return _memo(row)


def event_memos(session: Session, event_ids: Iterable[int]) -> dict[int, str]:
    """The memo text of each of these events that has one."""
    wanted = list(event_ids)
    rows = session.execute(
        select(MemoRow.event_id, MemoRow.text)
        .where(MemoRow.event_id.in_(wanted), MemoRow.actor_id.is_(None))
        .order_by(MemoRow.id)
    )
    return {event_id: text for event_id, text in rows if text.strip()}


def _memo(row: MemoRow) -> Memo:
    return Memo(MemoId(row.id), row.text, _event(row.event_id), _actor(row.actor_id))


def _event(event_id: int | None) -> EventId | None:
    return EventId(event_id) if event_id is not None else None


def _actor(actor_id: int | None) -> ActorId | None:
    return ActorId(actor_id) if actor_id is not None else None
