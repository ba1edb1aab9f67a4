"""Dates in this article: every date expression of the current pane's article with the
day, month or year it means there, for one-click tagging.

Values are resolved against the article's publication date. Expressions the normaliser
would have to guess at (a weekday in an undated article, a relative date when only the
month of publication is known) are flagged with the reason, in the list and again when
tagged: nothing is resolved silently.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from parallax.domain.errors import NotFoundError
from parallax.domain.model import Article, Changes
from parallax.services.article_dates import (
    DateMention,
    anchor_text,
    dates_in_article,
    sentence_around,
)
from parallax.ui.analysis_commands import DateClaimCommand, covering_annotation
from parallax.ui.assist_widgets import BusyLine, list_table
from parallax.ui.commands import TagDateCommand
from parallax.ui.models.assist_models import DatesModel
from parallax.ui.serial_runner import SerialRunner
from parallax.ui.session import ProjectSession

logger = logging.getLogger(__name__)

NO_ARTICLE = "Open an article to see the dates it mentions."


class DatesPanel(QWidget):
    """The recognised date expressions of one article; Tag puts one on a highlight."""

    def __init__(
        self, session: ProjectSession, runner: SerialRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.article: Article | None = None
        self.model = DatesModel(self)
        self.heading = QLabel(NO_ARTICLE)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()
        self.status.setObjectName("DatesStatus")
        self.status.setWordWrap(True)
        self.busy = BusyLine("Reading dates…")
        self.view = list_table(self.model, self, stretch=2)
        self.view.clicked.connect(self._reveal)
        self.view.activated.connect(self._reveal)
        self.tag_button = QPushButton("Tag")
        self.tag_button.clicked.connect(self.tag_current)
        key = QShortcut(QKeySequence("D"), self.view, self.tag_current)
        key.setContext(Qt.ShortcutContext.WidgetShortcut)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.tag_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.busy)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        session.selection_changed.connect(lambda _id: self._update_button())
        session.bus.changes_applied.connect(self._apply_changes)
        self._update_button()

    # ----------------------------------------------------------------- showing
    def set_article(self, article_id: int | None) -> None:
        """Show the dates of this article (None: nothing open)."""
        if article_id == (self.article.id if self.article else None):
            return
        self.article = None
        self.model.set_records([])
        self.status.clear()
        if article_id is None:
            self.heading.setText(NO_ARTICLE)
            self._update_button()
            return
        try:
            self.article = self.session.project.article(article_id)
        except NotFoundError:
            self.heading.setText(NO_ARTICLE)
            return
        self._update_button()
        self.refresh()

    def refresh(self) -> None:
        if self.article is None:
            return
        article_id = self.article.id
        self.busy.setVisible(True)
        self.runner.submit(
            "dates",
            partial(dates_in_article, article_id=article_id),
            lambda found: self._show(article_id, found),  # type: ignore[arg-type]
            self._failed,
        )

    def _show(self, article_id: int, found: list[DateMention]) -> None:
        self.busy.setVisible(False)
        if self.article is None or self.article.id != article_id:
            return
        self.model.set_records(found)
        flagged = sum(1 for m in found if m.flagged)
        doubt = f", <b>{flagged} flagged</b>" if flagged else ""
        source = self.article.outlet or "Unknown outlet"
        self.heading.setText(
            f"<b>{source}</b>: {len(found)} dates{doubt} · {anchor_text(self.article)}"
        )

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.session.failed.emit(f"Could not read the dates: {exc}")

    def _apply_changes(self, changes: Changes) -> None:
        if self.article is not None and self.article.id in changes.articles and changes.spans:
            self.refresh()  # boilerplate marked or unmarked

    # ------------------------------------------------------------------ acting
    def current(self) -> DateMention | None:
        index = self.view.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def _reveal(self, index: QModelIndex) -> None:
        mention = self.model.record_at(index.row()) if index.isValid() else None
        if mention is not None and self.article is not None:
            self.session.reveal_span(self.article.id, mention.start, mention.end)

    def _selected_here(self) -> int | None:
        selected = self.session.selected
        if selected is None or self.article is None:
            return None
        try:
            ann = self.session.project.annotation(selected)
        except NotFoundError:
            return None
        return ann.id if ann.article_id == self.article.id else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_button()

    def _update_button(self) -> None:
        if not self.isVisible():  # the Dates tab is behind another; showEvent catches up
            return
        here = self._selected_here()
        self.tag_button.setEnabled(self.article is not None)
        self.tag_button.setText("Tag selected highlight" if here else "Tag (new claim)")
        self.tag_button.setToolTip(
            "Tag the selected highlight with this date (D)"
            if here
            else "Tag the highlight covering this date, or make its sentence a claim (D)"
        )

    def tag_current(self) -> bool:
        mention = self.current()
        return mention is not None and self.tag(mention)

    def tag(self, mention: DateMention) -> bool:
        """Tag the selected highlight (in this article), else the one covering the date,
        else a new claim on the date's sentence, with the expression as written."""
        if self.article is None:
            return False
        project, article = self.session.project, self.article
        target = self._selected_here() or covering_annotation(
            project, article.id, mention.start, mention.end
        )
        if target is not None:
            command: TagDateCommand | DateClaimCommand = TagDateCommand(
                project, target, mention.expression
            )
        else:
            sentence = sentence_around(article.text, mention.start, mention.end)
            command = DateClaimCommand(project, article.id, sentence, mention.expression)
        done = self.session.run(command)
        if done and isinstance(command, DateClaimCommand):
            self.session.select(command.annotation_id)
        if done:
            note = f" Check it: {mention.reason}." if mention.flagged else ""
            self.status.setText(f"Tagged “{mention.expression}” as {mention.label}.{note}")
        return done
