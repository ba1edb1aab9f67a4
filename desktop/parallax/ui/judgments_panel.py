"""The Brief dock: the bottom-line memo above the key judgments the brief opens with.

Judgments are added, edited, moved and deleted through undoable commands; "Cite Selected
Claim" adds the annotation selected in the desk to the chosen judgment's citations.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parallax.domain import yardsticks
from parallax.domain.model import Changes, Judgment
from parallax.ui import judgment_commands as cmds
from parallax.ui.memo_editor import MemoEditor
from parallax.ui.models.judgments_model import JudgmentsModel
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)


class JudgmentDialog(QDialog):
    """Statement, likelihood (the project's yardstick) and confidence, chosen apart."""

    def __init__(self, yardstick: str, judgment: Judgment | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Judgment" if judgment else "Add Judgment")
        self.statement = QPlainTextEdit(judgment.statement if judgment else "")
        self.statement.setTabChangesFocus(True)
        self.statement.setPlaceholderText("What you judge to be so, in one or two sentences.")
        self.likelihood = QComboBox()
        for term in yardsticks.terms(yardstick):
            self.likelihood.addItem(f"{term.name} ({term.range_label})", term.name)
        self.confidence = QComboBox()
        for level in yardsticks.CONFIDENCE_LEVELS:
            self.confidence.addItem(level, level)
        self._select(self.likelihood, judgment.likelihood if judgment else "roughly even chance")
        self._select(self.confidence, str(judgment.confidence) if judgment else "moderate")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Judgment:", self.statement)
        form.addRow(f"Likelihood ({yardstick}):", self.likelihood)
        form.addRow("Confidence:", self.confidence)
        form.addRow(buttons)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        found = combo.findData(value)
        combo.setCurrentIndex(max(found, 0) if found >= 0 else combo.count() // 2)

    def values(self) -> tuple[str, str, str]:
        return (
            self.statement.toPlainText().strip(),
            str(self.likelihood.currentData()),
            str(self.confidence.currentData()),
        )


class JudgmentsPanel(QWidget):
    """Key judgments with their likelihood, confidence and cited claims."""

    edit_requested = Signal(int)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = JudgmentsModel(session.project, self)
        self.view = QTableView()
        self.view.setObjectName("JudgmentsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.yardstick = QComboBox()
        self.yardstick.addItems(yardsticks.yardstick_names())
        self.yardstick.setToolTip("The likelihood words the judgments use")
        self.yardstick.setCurrentText(session.project.yardstick())
        self.yardstick.activated.connect(self._yardstick_chosen)
        self.buttons = self._buttons()
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>Key judgments</b>"))
        top.addStretch(1)
        top.addWidget(QLabel("Yardstick:"))
        top.addWidget(self.yardstick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)
        session.bus.changes_applied.connect(self.apply_changes)
        session.selection_changed.connect(lambda _id: self._update_buttons())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _buttons(self) -> QVBoxLayout:
        """Two rows, so the panel fits the dock it shares with the Inspector (~300 px):
        in one row they made it 550 px wide and put Cite out of sight."""
        self.add_button = QPushButton("Add…")
        self.edit_button = QPushButton("Edit…")
        self.delete_button = QPushButton("Delete")
        self.up_button = _arrow_button(Qt.ArrowType.UpArrow, "Move the judgment up")
        self.down_button = _arrow_button(Qt.ArrowType.DownArrow, "Move the judgment down")
        self.cite_button = QPushButton("Cite Selected Claim")
        self.cite_button.setToolTip("Add the claim selected in the article to this judgment")
        self.add_button.clicked.connect(self.add_judgment)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.cite_button.clicked.connect(self.cite_selected_claim)
        edits = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            edits.addWidget(button)
        edits.addStretch(1)
        order = QHBoxLayout()
        order.addWidget(self.cite_button)
        order.addStretch(1)
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        rows = QVBoxLayout()
        rows.addLayout(edits)
        rows.addLayout(order)
        return rows

    # -------------------------------------------------------------- state
    def selected(self) -> Judgment | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.judgment(rows[0].row()) if rows else None

    def select(self, judgment_id: int) -> None:
        row = self.model.row_of(judgment_id)
        if row >= 0:
            self.view.selectRow(row)

    def _update_buttons(self) -> None:
        judgment = self.selected()
        row = self.model.row_of(judgment.id) if judgment else -1
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(judgment is not None)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        claim = self.session.selected
        self.cite_button.setEnabled(
            judgment is not None and claim is not None and claim not in judgment.annotation_ids
        )

    def apply_changes(self, changes: Changes) -> None:
        keep = self.selected()
        self.model.apply_changes(changes)
        if changes.judgments:
            self.yardstick.setCurrentText(self.session.project.yardstick())
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    # ------------------------------------------------------------ actions
    def add_judgment(self, values: tuple[str, str, str] | None = None) -> bool:
        """Ask for a judgment (or take `values`) and add it, citing the selected claim."""
        if values is None:
            dialog = JudgmentDialog(self.session.project.yardstick(), None, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            values = dialog.values()
        claim = self.session.selected
        command = cmds.AddJudgmentCommand(
            self.session.project, *values, (claim,) if claim is not None else ()
        )
        done = self.session.run(command)
        if done and command.judgment is not None:
            self.select(command.judgment.id)
        return done

    def edit_selected(self, values: tuple[str, str, str] | None = None) -> bool:
        judgment = self.selected()
        if judgment is None:
            return False
        if values is None:
            dialog = JudgmentDialog(self.session.project.yardstick(), judgment, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            values = dialog.values()
        statement, likelihood, confidence = values
        changes = {
            k: v
            for k, v in (
                ("statement", statement),
                ("likelihood", likelihood),
                ("confidence", confidence),
            )
            if v != (str(getattr(judgment, k)))
        }
        if not changes:
            return False
        return self.session.run(cmds.EditJudgmentCommand(self.session.project, judgment, **changes))

    def delete_selected(self) -> bool:
        judgment = self.selected()
        if judgment is None:
            return False
        return self.session.run(cmds.DeleteJudgmentCommand(self.session.project, judgment.id))

    def move_selected(self, step: int) -> bool:
        judgment = self.selected()
        if judgment is None:
            return False
        order = self.model.ids()
        row = order.index(judgment.id)
        target = row + step
        if not 0 <= target < len(order):
            return False
        order[row], order[target] = order[target], order[row]
        done = self.session.run(cmds.ReorderJudgmentsCommand(self.session.project, order))
        self.select(judgment.id)
        return done

    def cite_selected_claim(self) -> bool:
        judgment, claim = self.selected(), self.session.selected
        if judgment is None or claim is None or claim in judgment.annotation_ids:
            return False
        cited = (*judgment.annotation_ids, claim)
        command = cmds.EditJudgmentCommand(self.session.project, judgment, annotation_ids=cited)
        return self.session.run(command)

    def _yardstick_chosen(self, _index: int) -> None:
        name = self.yardstick.currentText()
        if name != self.session.project.yardstick():
            self.session.run(cmds.SetYardstickCommand(self.session.project, name))


def _arrow_button(arrow: Qt.ArrowType, tip: str) -> QToolButton:
    button = QToolButton()
    button.setArrowType(arrow)
    button.setToolTip(tip)
    return button


class BriefPanel(QSplitter):
    """The Brief dock: bottom-line memo above the key judgments."""

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.memo = MemoEditor(session.project)
        self.memo.failed.connect(session.failed.emit)
        self.judgments = JudgmentsPanel(session)
        session.bus.changes_applied.connect(self.memo.apply_changes)
        self.addWidget(self.memo)
        self.addWidget(self.judgments)
        self.setSizes([140, 260])
        self.setChildrenCollapsible(False)

    def commit(self) -> None:
        """Save the memo now (before closing or exporting)."""
        self.memo.commit()
