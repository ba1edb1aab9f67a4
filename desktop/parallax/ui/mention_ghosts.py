"""Ghost highlights: the chosen actor's untagged mentions, faintly marked in open panes.

Drawn as the view's extra selections (a dotted underline on a faint tint), apart from
the annotation highlighter: they are few, short-lived and never stored. Selections other
code puts on a view are kept; ours carry a format property so they can be told apart.
Offsets go through each pane's `OffsetMap`, like every other span shown.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from parallax.services.actors import MentionRow
from parallax.ui import style

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane

logger = logging.getLogger(__name__)

GHOST = int(QTextFormat.Property.UserProperty) + 61


def ghost_format() -> QTextCharFormat:
    colour = QColor(style.STANCE_COLOURS["reports"])
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(colour)
    tint = QColor(colour)
    tint.setAlpha(45)
    fmt.setBackground(tint)
    fmt.setToolTip("A likely mention of the actor chosen in the Actors tab (not tagged yet)")
    fmt.setProperty(GHOST, True)
    return fmt


class MentionGhosts(QObject):
    """Keeps ghost marks on the panes `panes()` returns, for the mentions last shown."""

    def __init__(
        self, panes: Callable[[], Sequence[ArticlePane]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._panes = panes
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._format = ghost_format()

    def show(self, rows: Sequence[MentionRow]) -> None:
        """Mark these mentions (the tagged ones already have a real highlight)."""
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row in rows:
            if not row.tagged:
                spans[row.article_id].append((row.start, row.end))
        self._spans = dict(spans)
        self.apply()

    def clear(self) -> None:
        self._spans = {}
        self.apply()

    def apply(self) -> None:
        """Put the marks on every open pane again (after panes or their articles change)."""
        for pane in self._panes():
            self._apply_to(pane)

    def _apply_to(self, pane: ArticlePane) -> None:
        view = pane.view
        kept = [s for s in view.extraSelections() if not s.format.hasProperty(GHOST)]
        spans = self._spans.get(pane.article_id, []) if pane.article_id is not None else []
        length = view.document().characterCount()
        ghosts = []
        for start, end in spans:
            q_start, q_end = pane.offsets.span_to_qt(start, end)
            if q_end >= length:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(view.document())
            cursor.setPosition(q_start)
            cursor.setPosition(q_end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = self._format  # type: ignore[misc]
            ghosts.append(selection)
        if ghosts or len(kept) != len(view.extraSelections()):
            view.setExtraSelections([*kept, *ghosts])

    def count(self, pane: ArticlePane) -> int:
        """How many ghost marks a pane shows (for tests and the status line)."""
        return sum(1 for s in pane.view.extraSelections() if s.format.hasProperty(GHOST))
