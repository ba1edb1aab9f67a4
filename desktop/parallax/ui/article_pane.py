"""One article on the reading desk: a header (outlet, date, grade, title) and its text.

The text is loaded when the pane shows an article and set with `setPlainText`; quotes
and offsets always come from `Article.text` through `OffsetMap`, never from the widget.
The pane also knows its passages that are linked to events (for the connectors between
panes), in Qt positions: read when first asked for (a pane alone on the desk never is),
and again only after a change names events or those passages.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QTimer, Signal
from PySide6.QtGui import QPainter, QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from parallax.domain.errors import NotFoundError
from parallax.domain.model import AnnotationSpan, Article, Changes
from parallax.ui import annotation_info, pane_menu
from parallax.ui.highlighter import BY_KIND, BY_TAG, AnnotationHighlighter
from parallax.ui.link_geometry import LinkedPassage, VisibleBlocks, Where, linked_passage
from parallax.ui.offsets import OffsetMap
from parallax.ui.pane_header import PaneHeader
from parallax.ui.session import ProjectSession
from parallax.ui.text_view import ArticleTextView
from parallax.ui.underlines import paint_underlines

logger = logging.getLogger(__name__)

MAX_SINGLE_READS = 40  # more changed annotations than this: re-read the article's list
LOOK_BACK_BLOCKS = 2
MIN_LOOK_AHEAD = 700  # pixels, while a new pane does not know its height yet


MIN_WIDTH = 210


class ArticlePane(QWidget):
    """An article pane; asks the session for edits and follows its change bus."""

    activated = Signal(object)  # this pane, when the analyst works in it
    close_requested = Signal(object)
    move_requested = Signal(object, int)  # this pane, -1 (left) or +1 (right)
    article_changed = Signal(object)
    view_moved = Signal(object)  # scrolled or resized: connectors must follow
    links_changed = Signal(object)

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article: Article | None = None
        self.offsets = OffsetMap("")
        self._linked: list[LinkedPassage] | None = None  # None: not read yet
        self.fresh_annotations: list[AnnotationSpan] | None = None  # as read, until a change
        self.colour_mode = BY_KIND
        self._pending_offset: int | None = None
        self.header = PaneHeader()
        self.view = ArticleTextView()
        self.highlighter = AnnotationHighlighter(self.view.document(), self.view.palette())
        self.view.overlay = self._paint_overlay
        self.view.tooltip_text = self.tooltip_at
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        # Three panes, their gutters and both docks fit a 1280-pixel screen; at 240 px
        # the Library was squeezed to titles of three letters.
        self.setMinimumWidth(MIN_WIDTH)
        self.setFocusProxy(self.view)
        self._connect()

    def detach(self) -> None:
        """Stop following the project: a closed pane must not keep reacting to edits
        until Qt gets round to deleting it."""
        for signal, slot in (
            (self.session.bus.changes_applied, self._apply_changes),
            (self.session.selection_changed, self._show_selection),
        ):
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                signal.disconnect(slot)
        # Let go of the article's index now: the pane object may outlive its widget until
        # the garbage collector finds its cycles.
        self.highlighter.clear()
        self.fresh_annotations = None
        self._linked = []

    def _connect(self) -> None:
        self.header.close_clicked.connect(lambda: self.close_requested.emit(self))
        self.header.move_clicked.connect(lambda step: self.move_requested.emit(self, step))
        self.header.clicked.connect(self.view.setFocus)  # and with the focus, current
        self.view.make_requested.connect(self.make_annotation)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.position_clicked.connect(self.select_at)
        self.view.menu_requested.connect(lambda menu, at: pane_menu.fill_menu(self, menu, at))
        self.view.focused.connect(lambda: self.activated.emit(self))
        self.view.verticalScrollBar().valueChanged.connect(self._moved)
        self.view.resized.connect(self._moved)
        self.session.bus.changes_applied.connect(self._apply_changes)
        self.session.selection_changed.connect(self._show_selection)

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
        annotations = project.annotation_spans(article_id)
        self.fresh_annotations = annotations
        excluded = project.excluded_spans(article_id)
        self.highlighter.set_content(self.offsets, annotations, excluded, rehighlight=False)
        with self.highlighter.loading():  # formats come as blocks come into view
            self.highlighter.set_selected(self._own(self.session.selected))
            by_tag = self.colour_mode == BY_TAG
            colours = annotation_info.tag_colours(project, article_id) if by_tag else None
            self.highlighter.set_tag_colours(colours)
            self.view.setPlainText(self.offsets.qt_text())
        self._settle_scroll_bar()
        self.highlight_visible()
        self._pending_offset = offset
        if offset is not None:
            QTimer.singleShot(0, self._apply_pending_scroll)
        self._forget_links()
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

    def reveal(self, start: int, end: int, *, select_text: bool = False) -> None:
        """Bring stored offsets [start, end) into view, centred when they were off-screen;
        with `select_text` the span becomes the text selection (ready for C, Ctrl+B)."""
        if self.article is None:
            return
        self._pending_offset = None
        qt_start, qt_end = self.offsets.span_to_qt(
            max(0, min(start, self.offsets.length)), max(0, min(end, self.offsets.length))
        )
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(qt_start)
        if select_text:
            cursor.setPosition(qt_end, QTextCursor.MoveMode.KeepAnchor)
        visible = self.span_visible(qt_start, qt_end)
        self.view.setTextCursor(cursor)
        if not visible:
            self.view.centerCursor()

    def span_visible(self, qt_start: int, qt_end: int) -> bool:
        """Whether any line of a Qt span is on screen now."""
        probe = linked_passage(0, 0, "", (qt_start, qt_end), self.offsets.block_starts())
        return VisibleBlocks(self.view).extent(probe).where == Where.VISIBLE

    def _moved(self, *_args: object) -> None:
        self.highlight_visible()
        self.view_moved.emit(self)

    def highlight_visible(self) -> None:
        """Format the blocks in view (and a little around) that have not been yet. Each
        is formatted before it is measured: formats change a block's layout, so measuring
        first would lay its text out twice."""
        if not self.highlighter.has_pending:
            return
        view = self.view
        block = view.firstVisibleBlock()
        for _ in range(LOOK_BACK_BLOCKS):  # a little above, for scrolling up
            if not block.previous().isValid():
                break
            block = block.previous()
        room = max(view.viewport().height(), MIN_LOOK_AHEAD)
        while block.isValid():
            self.highlighter.format_pending(block)
            if room <= 0:
                break
            room -= view.blockBoundingRect(block).height()
            block = block.next()

    def _settle_scroll_bar(self) -> None:
        """Let the view show (or hide) its scroll bar now rather than in the queued call Qt
        makes for it: the text laid out before it appears is laid out again, narrower."""
        QCoreApplication.sendPostedEvents(self.view, QEvent.Type.MetaCall.value)

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

    def set_colour_mode(self, mode: str) -> None:
        """Colour highlights by kind or by tag (BY_KIND, BY_TAG)."""
        self.colour_mode = mode
        if mode == BY_TAG and self.article is not None:
            colours = annotation_info.tag_colours(self.session.project, self.article.id)
            self.highlighter.set_tag_colours(colours)
        else:
            self.highlighter.set_tag_colours(None)
        self.view.viewport().update()

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

    def retype(self, annotation_id: int, kind: str) -> bool:
        """Change an annotation's kind (undoable)."""
        old = self.kind_of(annotation_id)
        return old is not None and self.session.edit_annotation(annotation_id, "kind", old, kind)

    def kind_of(self, annotation_id: int) -> str | None:
        placed = self.highlighter.signature_of(annotation_id)
        return placed[2] if placed else None

    def mark_selection_boilerplate(self, *, mark: bool) -> bool:
        """Mark (or unmark) the selected text as boilerplate, undoably."""
        span = self.selected_span()
        if self.article is None or span is None:
            return False
        self.activated.emit(self)
        return self.session.mark_boilerplate(self.article.id, span[0], span[1], mark=mark)

    def selection_touches_boilerplate(self) -> bool:
        span = self.selected_span()
        return span is not None and self.highlighter.touches_excluded(*span)

    def select_at(self, position: int) -> None:
        """Select the highlight at a Qt position (-1: none); a click on the selected one
        of several overlapping highlights selects the next one beneath it."""
        self.activated.emit(self)
        hits = self.highlighter.annotations_at(position) if position >= 0 else []
        current = self.session.selected
        if current in hits and len(hits) > 1:
            self.session.select(hits[(hits.index(current) + 1) % len(hits)])
        else:
            self.session.select(hits[0] if hits else None)

    def own_selection(self) -> int | None:
        return self._own(self.session.selected)

    def tooltip_at(self, position: int) -> str:
        """Hover text for the highlights under a Qt position ("" when there are none)."""
        hits = self.highlighter.annotations_at(position)
        return annotation_info.tooltip_html(self.session.project, hits) if hits else ""

    # ---------------------------------------------------------------- updates
    def _own(self, annotation_id: int | None) -> int | None:
        return annotation_id if self.highlighter.shows(annotation_id) else None

    def _show_selection(self, annotation_id: int | None) -> None:
        """Draw the selection here if it is one of this article's annotations (a pane
        whose selection stays as it was is not repainted)."""
        own = self._own(annotation_id)
        if own != self.highlighter.selected:
            self.highlighter.set_selected(own)
            self.view.viewport().update()

    def _apply_changes(self, changes: Changes) -> None:
        if self.article is None:
            return
        if changes.outlets and self.article.outlet_id in changes.outlets:
            self._refresh_header()
        mine = any(self.highlighter.shows(i) for i in changes.annotations)
        touched = self.article.id in changes.articles or mine
        if touched and (changes.spans or not changes.annotations):
            self.highlighter.set_excluded(self.session.project.excluded_spans(self.article.id))
        if touched:  # (the underlines drawn over the text follow the index)
            self.fresh_annotations = None
            self._update_annotations(changes)
            self.view.viewport().update()
        if self.colour_mode == BY_TAG and (changes.tags or touched):
            self.set_colour_mode(BY_TAG)
        if changes.events or self._links_name(changes.annotations):
            self._forget_links()

    def _update_annotations(self, changes: Changes) -> None:
        assert self.article is not None
        if len(changes.annotations) > MAX_SINGLE_READS or not changes.annotations:
            spans = self.session.project.annotation_spans(self.article.id)
            self.highlighter.update_annotations(spans)
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

    @property
    def linked(self) -> list[LinkedPassage]:
        """This article's passages linked to events, in Qt positions (one query, on first
        use after the article or its links changed)."""
        if self._linked is None:
            self._linked = self._read_links()
        return self._linked

    def _read_links(self) -> list[LinkedPassage]:
        if self.article is None:
            return []
        starts = self.offsets.block_starts()
        passages = []
        for link in self.session.project.article_event_links(self.article.id):
            span = self.highlighter.span_of(link.annotation_id)
            if span is not None:
                qt_span = self.offsets.span_to_qt(*span)
                passages.append(
                    linked_passage(
                        link.annotation_id, link.event_id, str(link.stance), qt_span, starts
                    )
                )
        return passages

    def _links_name(self, annotation_ids: frozenset[int]) -> bool:
        """Whether any of these annotations is a linked passage read before."""
        if not self._linked or not annotation_ids:
            return False
        return any(p.annotation_id in annotation_ids for p in self._linked)

    def _forget_links(self) -> None:
        """Read the links again when next asked (the connectors ask when they repaint)."""
        self._linked = None
        self.links_changed.emit(self)

    def _refresh_header(self) -> None:
        assert self.article is not None
        outlets = self.session.project.outlets()
        outlet = next((o for o in outlets if o.id == self.article.outlet_id), None)
        self.header.show_article(self.article, outlet)

    def _paint_overlay(self, painter: QPainter, clip: QRect) -> None:
        paint_underlines(self.view, self.highlighter, painter, clip)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.view.palette())
