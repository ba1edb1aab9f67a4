"""Undo commands for key judgments and the yardstick: each a service call and its inverse.

A deleted judgment comes back with the same id, place and citations; an edit stores the
fields as they were, so undo writes them back.
"""

from __future__ import annotations

from collections.abc import Sequence

from parallax.domain.model import Judgment
from parallax.services.project import Project
from parallax.ui.commands import ServiceCommand

FIELDS = ("statement", "likelihood", "confidence", "annotation_ids")


def _fields(judgment: Judgment) -> dict[str, object]:
    return {
        "statement": judgment.statement,
        "likelihood": judgment.likelihood,
        "confidence": str(judgment.confidence),
        "annotation_ids": tuple(judgment.annotation_ids),
    }


class AddJudgmentCommand(ServiceCommand):
    """Add a judgment; undo deletes it, redo restores it under the same id."""

    def __init__(
        self,
        project: Project,
        statement: str,
        likelihood: str,
        confidence: str,
        annotation_ids: Sequence[int] = (),
    ) -> None:
        super().__init__(project, "Add judgment")
        self.values = (statement, likelihood, confidence, tuple(annotation_ids))
        self.judgment: Judgment | None = None
        self._position: int | None = None

    def _do(self) -> None:
        if self.judgment is None:
            self.judgment = self.project.add_judgment(*self.values)
        else:
            self.project.restore_judgment(self.judgment, self._position)

    def _undo(self) -> None:
        assert self.judgment is not None
        self.judgment, self._position = self.project.delete_judgment(self.judgment.id)


class EditJudgmentCommand(ServiceCommand):
    """Change a judgment's statement, likelihood, confidence or citations."""

    def __init__(self, project: Project, before: Judgment, **changes: object) -> None:
        super().__init__(project, "Edit judgment" if "annotation_ids" not in changes else "Cite")
        self.judgment_id = before.id
        old = _fields(before)
        self.old = {k: old[k] for k in changes}
        self.new = dict(changes)

    def _do(self) -> None:
        self.project.update_judgment(self.judgment_id, **self.new)

    def _undo(self) -> None:
        self.project.update_judgment(self.judgment_id, **self.old)


class DeleteJudgmentCommand(ServiceCommand):
    """Delete a judgment; undo restores it with the same id, place and citations."""

    def __init__(self, project: Project, judgment_id: int) -> None:
        super().__init__(project, "Delete judgment")
        self.judgment_id = judgment_id
        self._gone: tuple[Judgment, int] | None = None

    def _do(self) -> None:
        self._gone = self.project.delete_judgment(self.judgment_id)

    def _undo(self) -> None:
        assert self._gone is not None
        self.project.restore_judgment(*self._gone)


class ReorderJudgmentsCommand(ServiceCommand):
    """Put the judgments in a new order; undo restores the previous one."""

    def __init__(self, project: Project, order: Sequence[int]) -> None:
        super().__init__(project, "Move judgment")
        self.order = list(order)
        self.before: list[int] = []

    def _do(self) -> None:
        self.before = self.project.reorder_judgments(self.order)

    def _undo(self) -> None:
        self.project.reorder_judgments(self.before)


class SetYardstickCommand(ServiceCommand):
    """Switch the likelihood yardstick (judgments keep their rung); undo switches back."""

    def __init__(self, project: Project, name: str) -> None:
        super().__init__(project, f"Use the {name} yardstick")
        self.name = name
        self.before: str | None = None

    def _do(self) -> None:
        self.before = self.project.set_yardstick(self.name)

    def _undo(self) -> None:
        assert self.before is not None
        self.project.set_yardstick(self.before)
