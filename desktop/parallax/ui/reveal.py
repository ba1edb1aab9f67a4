"""Show a place in an article: open it on the desk, scroll there, select exactly the span.

Search results and the find bar come here. When the session and panes offer their own
`reveal_span` / `reveal_annotation` / `reveal` (the reading desk's), those are used;
otherwise the article is opened and the span selected through the pane's `OffsetMap`, so a
span after an emoji selects the same characters the stored offsets name.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from parallax.domain.errors import KnownError

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane

logger = logging.getLogger(__name__)


def select_span(pane: ArticlePane, start: int, end: int) -> None:
    """Select stored offsets [start, end) in the pane's view and bring them into view."""
    own = getattr(pane, "reveal", None)
    if callable(own):
        own(start, end, select_text=True)
        return
    q_start, q_end = pane.offsets.span_to_qt(start, end)
    view = pane.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(q_start)
    cursor.setPosition(q_end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.centerCursor()
    QTimer.singleShot(0, view, view.centerCursor)  # again once a new pane has its size


def reveal_span(window: Any, article_id: int, start: int, end: int) -> ArticlePane | None:
    """Open `article_id` and select [start, end); the pane, or None if it cannot open."""
    own = getattr(window.session, "reveal_span", None)
    if callable(own):
        own(article_id, start, end)
        return _pane_of(window, article_id)
    pane = window.open_article(article_id)
    if pane is None or pane.article is None:
        return None
    select_span(pane, start, end)
    return pane  # type: ignore[no-any-return]


def reveal_annotation(window: Any, annotation_id: int) -> ArticlePane | None:
    """Open the annotation's article, bring it into view and select it in the Inspector."""
    session = window.session
    if session is None:
        return None
    own = getattr(session, "reveal_annotation", None)
    if callable(own):
        if not own(annotation_id):
            return None
        return _pane_of(window, session.project.annotation(annotation_id).article_id)
    try:
        annotation = session.project.annotation(annotation_id)
    except KnownError as exc:
        session.failed.emit(str(exc))
        return None
    pane = window.open_article(annotation.article_id)
    if pane is None or pane.article is None:
        return None
    view = pane.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(pane.offsets.to_qt(annotation.start))
    view.setTextCursor(cursor)
    view.centerCursor()
    session.select(annotation_id)
    return pane  # type: ignore[no-any-return]


def _pane_of(window: Any, article_id: int) -> ArticlePane | None:
    desk = window.desk
    if desk is None:
        return None
    return next((p for p in desk.panes if p.article_id == article_id), None)
