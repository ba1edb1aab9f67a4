"""One article on the reading desk: a header (outlet, date, grade, title) and its text.

The text is loaded when the pane shows an article and set with `setPlainText`; quotes
and offsets always come from `Article.text` through `OffsetMap`, never from the widget.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parallax.domain.errors import NotFoundError
from parallax.domain.model import Article, Changes, Outlet
from parallax.ui import style
from parallax.ui.highlighter import AnnotationHighlighter
from parallax.ui.offsets import OffsetMap
from parallax.ui.session import ProjectSession
from parallax.ui.text_view import ArticleTextView

logger = logging.getLogger(__name__)

MAX_SINGLE_READS = 40  # more changed annotations than this: re-read the article's list


class PaneHeader(QFrame):
    """Outlet, date and reliability grade over the title; marks the current pane."""

    close_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PaneHeader")
        self.outlet = QLabel()
        self.outlet.setObjectName("PaneOutlet")
        self.grade = QLabel()
        self.grade.setObjectName("PaneGrade")
        self.grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.date = QLabel()
        self.date.setObjectName("PaneDate")
        self.title = QLabel()
        self.title.setObjectName("PaneTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        close = QToolButton()
        close.setAutoRaise(True)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setToolTip("Close this pane (Ctrl+W)")
        close.clicked.connect(self.close_clicked)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.outlet)
        top.addWidget(self.grade)
        top.addWidget(self.date)
        top.addStretch(1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.title)
        title_font = style.reading_font(12.5)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.set_current(False)

    def show_article(self, article: Article, outlet: Outlet | None) -> None:
        self.outlet.setText(article.outlet or "Unknown outlet")
        grade = outlet.reliability if outlet else ""
        self.grade.setVisible(bool(grade))
        self.grade.setText(grade)
        self.grade.setToolTip(f"Outlet reliability {grade} (Admiralty scale A–F)")
        colour = style.GRADE_COLOURS.get(grade, style.GRADE_COLOURS["F"])
        self.grade.setStyleSheet(
            f"background:{colour}; color:white; border-radius:3px; padding:0 6px;font-weight:600;"
        )
        self.date.setText(_date_text(article))
        self.title.setText(article.title or "(untitled)")
        self.title.setToolTip(article.url or article.source_file)

    def set_current(self, current: bool) -> None:
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight).name() if current else "transparent"
        self.setStyleSheet(
            f"#PaneHeader {{ border-top: 3px solid {accent};"
            " border-bottom: 1px solid palette(mid); }"
            " #PaneOutlet { font-weight: 600; }"
            " #PaneDate { color: palette(placeholder-text); }"
        )


def _date_text(article: Article) -> str:
    if article.published is None:
        return "undated"
    precision = str(article.published_precision)
    if precision == "year":
        return f"{article.published.year}"
    if precision == "month":
        return article.published.strftime("%B %Y")
    return f"{article.published.day} {article.published.strftime('%B %Y')}"


class ArticlePane(QWidget):
    """An article pane; asks the session for edits and follows its change bus."""

    activated = Signal(object)  # this pane, when the analyst works in it
    close_requested = Signal(object)
    article_changed = Signal(object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article: Article | None = None
        self.offsets = OffsetMap("")
        self._pending_offset: int | None = None
        self.header = PaneHeader()
        self.view = ArticleTextView()
        self.highlighter = AnnotationHighlighter(self.view.document(), self.view.palette())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(260)
        self.header.close_clicked.connect(lambda: self.close_requested.emit(self))
        self.view.make_requested.connect(self.make_annotation)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.position_clicked.connect(self._select_at)
        self.view.focused.connect(lambda: self.activated.emit(self))
        session.bus.changes_applied.connect(self._apply_changes)
        session.selection_changed.connect(self._show_selection)

    # ----------------------------------------------------------------- content
    @property
    def article_id(self) -> int | None:
        return self.article.id if self.article else None

    def show_article(self, article_id: int, offset: int | None = None) -> None:
        """Load and show an article; `offset` is the character to scroll to the top."""
        project = self.session.project
        article = project.article(article_id)
        outlet = next((o for o in project.outlets() if o.id == article.outlet_id), None)
        self.article = article
        self.offsets = OffsetMap(article.text)
        self.header.show_article(article, outlet)
        annotations = project.annotations(article_id)
        excluded = project.excluded_spans(article_id)
        self.highlighter.set_content(self.offsets, annotations, excluded, rehighlight=False)
        self.highlighter.set_selected(self._own(self.session.selected))
        self.view.setPlainText(article.text)  # highlights each block once, with the index
        self._pending_offset = offset
        if offset is not None:
            QTimer.singleShot(0, self._apply_pending_scroll)
        self.article_changed.emit(self)

    def scroll_offset(self) -> int:
        """The stored offset (code points) of the first character at the top of the view."""
        if self._pending_offset is not None or self.article is None:
            return self._pending_offset or 0
        return self.offsets.to_offset(self.view.first_visible_position())

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding `offset` is at the top."""
        if self.article is None:
            return
        offset = max(0, min(offset, self.offsets.length))
        self.view.scroll_to_position(self.offsets.to_qt(offset))

    def _apply_pending_scroll(self) -> None:
        offset, self._pending_offset = self._pending_offset, None
        if offset is not None:
            self.scroll_to_offset(offset)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if self._pending_offset is not None:
            QTimer.singleShot(0, self._apply_pending_scroll)

    def set_current(self, current: bool) -> None:
        self.header.set_current(current)

    # ------------------------------------------------------------------- edits
    def selected_span(self) -> tuple[int, int] | None:
        """The stored span of the view's selection, or None."""
        return self.offsets.selection_span(self.view.textCursor())

    def make_annotation(self, kind: str) -> int | None:
        """Annotate the current selection as `kind`; the new id, or None."""
        span = self.selected_span()
        if self.article is None or span is None:
            return None
        self.activated.emit(self)
        annotation_id = self.session.annotate(self.article.id, span[0], span[1], kind)
        if annotation_id is not None:  # let the new highlight show instead of the selection
            cursor = self.view.textCursor()
            cursor.clearSelection()
            self.view.setTextCursor(cursor)
        return annotation_id

    def delete_selected(self) -> None:
        selected = self._own(self.session.selected)
        if selected is not None:
            self.session.delete_annotation(selected)

    def _select_at(self, position: int) -> None:
        self.activated.emit(self)
        hits = self.highlighter.annotations_at(position)
        current = self.session.selected
        if current in hits and len(hits) > 1:  # click again to reach the one beneath
            self.session.select(hits[(hits.index(current) + 1) % len(hits)])
        else:
            self.session.select(hits[0] if hits else None)

    # ---------------------------------------------------------------- updates
    def _own(self, annotation_id: int | None) -> int | None:
        return annotation_id if annotation_id in self.highlighter.annotation_ids() else None

    def _show_selection(self, annotation_id: int | None) -> None:
        if annotation_id is not None and annotation_id not in self.highlighter.annotation_ids():
            annotation_id = None
        self.highlighter.set_selected(annotation_id)

    def _apply_changes(self, changes: Changes) -> None:
        if self.article is None:
            return
        mine = self.article.id in changes.articles or bool(
            changes.annotations & self.highlighter.annotation_ids()
        )
        if changes.outlets and self.article.outlet_id in changes.outlets:
            self._refresh_header()
        if not mine:
            return
        if len(changes.annotations) > MAX_SINGLE_READS or not changes.annotations:
            self.highlighter.update_annotations(self.session.project.annotations(self.article.id))
        else:
            self._update_named(changes.annotations)
        self._show_selection(self.session.selected)

    def _update_named(self, annotation_ids: frozenset[int]) -> None:
        """Re-read just the annotations a change names (one small query each)."""
        assert self.article is not None
        changed, removed = [], []
        for annotation_id in annotation_ids:
            try:
                ann = self.session.project.annotation(annotation_id)
            except NotFoundError:
                removed.append(annotation_id)
                continue
            if ann.article_id == self.article.id:
                changed.append(ann)
            else:
                removed.append(annotation_id)
        self.highlighter.apply_updates(changed, removed)

    def _refresh_header(self) -> None:
        assert self.article is not None
        outlets = self.session.project.outlets()
        outlet = next((o for o in outlets if o.id == self.article.outlet_id), None)
        self.header.show_article(self.article, outlet)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.view.palette())
