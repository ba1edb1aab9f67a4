"""Key judgments, memos and the likelihood yardstick: the analyst's own words in the brief.

Each function is one transaction on a project's store and returns its result with the
`Changes` it made; `Project` publishes them. Likelihood terms are checked against the
project's yardstick (ICD 203 unless the project chose UK PHIA); confidence is a separate
level (low, moderate, high) and is never folded into the likelihood.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from parallax.domain import yardsticks
from parallax.domain.errors import InvalidInputError
from parallax.domain.model import Changes, Confidence, Judgment, Memo
from parallax.store import actors as actor_repo
from parallax.store import events as event_repo
from parallax.store import judgments as repo
from parallax.store import settings as setting_repo
from parallax.store.engine import Store

logger = logging.getLogger(__name__)

YARDSTICK_KEY = "yardstick"
MAX_STATEMENT = 4000


# ------------------------------------------------------------------ yardstick
def yardstick(store: Store) -> str:
    """The project's likelihood yardstick: "ICD 203" (default) or "UK PHIA"."""
    with store.reading() as s:
        name = setting_repo.get_setting(s, YARDSTICK_KEY, yardsticks.DEFAULT_YARDSTICK)
    return str(name) if name in yardsticks.YARDSTICKS else yardsticks.DEFAULT_YARDSTICK


def set_yardstick(store: Store, name: str) -> tuple[str, Changes]:
    """Switch yardsticks, moving every judgment to the same rung of the new one.

    Returns the previous yardstick (for undo) and the judgments changed.
    """
    if name not in yardsticks.YARDSTICKS:
        allowed = ", ".join(yardsticks.YARDSTICKS)
        raise InvalidInputError(f"Unknown yardstick {name!r}; use one of: {allowed}.")
    old = yardstick(store)
    changed: set[int] = set()
    with store.transaction() as s:
        setting_repo.set_setting(s, YARDSTICK_KEY, name)
        for judgment in repo.list_judgments(s):
            term = yardsticks.convert(judgment.likelihood, old, name)
            if term != judgment.likelihood:
                repo.update_judgment(s, judgment.id, likelihood=term)
                changed.add(judgment.id)
    return old, Changes(judgments=frozenset(changed))


def check_likelihood(store: Store, likelihood: str) -> str:
    """The likelihood as stored (a term of the project's yardstick); raises otherwise."""
    name = yardstick(store)
    term = yardsticks.find_term(name, str(likelihood))
    if term is None:
        allowed = ", ".join(t.name for t in yardsticks.terms(name))
        raise InvalidInputError(
            f"{likelihood!r} is not a likelihood of the {name} yardstick; use one of: {allowed}."
        )
    return term.name


def check_confidence(confidence: str) -> str:
    try:
        return str(Confidence(str(confidence).strip().lower()))
    except ValueError:
        raise InvalidInputError(
            f"Confidence is low, moderate or high, not {confidence!r}."
        ) from None


def check_statement(statement: str) -> str:
    text = " ".join(str(statement).split())
    if not text:
        raise InvalidInputError("A judgment needs a statement.")
    if len(text) > MAX_STATEMENT:
        raise InvalidInputError(f"A judgment is at most {MAX_STATEMENT} characters.")
    return text


# ------------------------------------------------------------------ judgments
def list_judgments(store: Store) -> list[Judgment]:
    with store.reading() as s:
        return repo.list_judgments(s)


def get_judgment(store: Store, judgment_id: int) -> Judgment:
    with store.reading() as s:
        return repo.get_judgment(s, judgment_id)


def add_judgment(
    store: Store,
    statement: str,
    likelihood: str,
    confidence: str,
    annotation_ids: Sequence[int] = (),
) -> tuple[Judgment, Changes]:
    """A new judgment, last in the list, citing `annotation_ids`."""
    values = (
        check_statement(statement),
        check_likelihood(store, likelihood),
        check_confidence(confidence),
    )
    with store.transaction() as s:
        judgment = repo.add_judgment(s, *values, annotation_ids)
    return judgment, Changes(judgments=frozenset({judgment.id}))


def update_judgment(store: Store, judgment_id: int, **fields: object) -> tuple[Judgment, Changes]:
    """Change statement, likelihood, confidence or annotation_ids (the whole citation list)."""
    clean: dict[str, object] = {}
    for name, value in fields.items():
        if value is None:
            continue
        if name == "statement":
            clean[name] = check_statement(str(value))
        elif name == "likelihood":
            clean[name] = check_likelihood(store, str(value))
        elif name == "confidence":
            clean[name] = check_confidence(str(value))
        elif name == "annotation_ids":
            clean[name] = tuple(int(a) for a in value)  # type: ignore[attr-defined]
        else:
            raise InvalidInputError(f"A judgment has no field {name!r}.")
    with store.transaction() as s:
        judgment = repo.update_judgment(s, judgment_id, **clean)
    return judgment, Changes(judgments=frozenset({judgment_id}))


def delete_judgment(store: Store, judgment_id: int) -> tuple[tuple[Judgment, int], Changes]:
    """Delete a judgment; returns (judgment, position) for `restore_judgment`."""
    with store.transaction() as s:
        gone = repo.delete_judgment(s, judgment_id)
    return gone, Changes(judgments=frozenset({judgment_id}))


def restore_judgment(
    store: Store, judgment: Judgment, position: int | None = None
) -> tuple[Judgment, Changes]:
    """Undo of a delete: the same judgment under the same id, place and citations.

    Citations of claims deleted since are dropped rather than refusing the undo.
    """
    with store.transaction() as s:
        back = repo.add_judgment(
            s,
            judgment.statement,
            judgment.likelihood,
            str(judgment.confidence),
            repo.existing_annotations(s, judgment.annotation_ids),
            judgment_id=judgment.id,
            position=position,
        )
    return back, Changes(judgments=frozenset({judgment.id}))


def reorder_judgments(store: Store, ids: Sequence[int]) -> tuple[list[int], Changes]:
    """Put judgments in this order; returns the previous order (for undo)."""
    with store.transaction() as s:
        before = repo.reorder(s, [int(i) for i in ids])
    return before, Changes(judgments=frozenset(before))


# ---------------------------------------------------------------------- memos
def get_memo(store: Store, event_id: int | None = None, actor_id: int | None = None) -> Memo:
    with store.reading() as s:
        return repo.get_memo(s, event_id, actor_id)


def set_memo(
    store: Store, text: str, event_id: int | None = None, actor_id: int | None = None
) -> tuple[Memo, Changes]:
    """Write the memo of the project (no ids), an event or an actor."""
    if event_id is not None and actor_id is not None:
        raise InvalidInputError("A memo belongs to the project, one event or one actor.")
    with store.transaction() as s:
        if event_id is not None:
            event_repo.get_event(s, event_id)
        if actor_id is not None:
            actor_repo.get_actor(s, actor_id)
        memo = repo.set_memo(s, str(text), event_id, actor_id)
    changes = Changes(
        memos=frozenset({memo.id}),
        events=frozenset({event_id} if event_id is not None else ()),
        actors=frozenset({actor_id} if actor_id is not None else ()),
    )
    return memo, changes
