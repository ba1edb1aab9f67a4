"""Synchronised scrolling by linked passages: when a pane scrolls, its right-hand
neighbour scrolls so that the passage linked to the topmost visible linked passage of
the left pane lines up with it.

Panes scroll by whole lines (QPlainTextEdit), so alignment is to the nearest line; two
passes absorb lines of different heights (an Arabic fallback font is taller). Following
runs rightwards only, so a chain of panes follows the one the analyst scrolls and no
pane ever scrolls its leader back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from parallax.ui.link_geometry import LinkedPassage, VisibleBlocks, Where

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane

PASSES = 3


def leading_pair(left: ArticlePane, right: ArticlePane) -> tuple[LinkedPassage, LinkedPassage]:
    """The topmost visible linked passage of `left` that has a partner in `right`, and
    that partner (the first by position); raises LookupError when there is none."""
    partners: dict[int, LinkedPassage] = {}
    for passage in right.linked:
        partners.setdefault(passage.event_id, passage)
    visible = VisibleBlocks(left.view)
    for passage in sorted(left.linked, key=lambda p: p.qt_start):
        where = visible.extent(passage).where
        if where == Where.BELOW:
            break
        if where == Where.VISIBLE and passage.event_id in partners:
            return passage, partners[passage.event_id]
    raise LookupError("no linked passage in view has a partner in the next pane")


def align(left: ArticlePane, right: ArticlePane, common: QWidget) -> bool:
    """Scroll `right` so its partner passage starts level with `left`'s leading passage
    (measured in `common`, an ancestor of both); False when no pair is in view."""
    try:
        leader, partner = leading_pair(left, right)
    except LookupError:
        return False
    want = VisibleBlocks(left.view).line_top(leader.qt_start) + _shift(left, right, common)
    bar = right.view.verticalScrollBar()
    line = max(1, right.view.fontMetrics().lineSpacing())
    for _ in range(PASSES):
        now = VisibleBlocks(right.view).line_top(partner.qt_start)
        steps = round((now - want) / line)
        target = max(bar.minimum(), min(bar.maximum(), bar.value() + steps))
        if target == bar.value():
            break
        bar.setValue(target)
    return True


def _shift(left: ArticlePane, right: ArticlePane, common: QWidget) -> float:
    """How far below the left viewport's top the right viewport's top is (negative)."""
    left_top = left.view.viewport().mapTo(common, QPoint(0, 0)).y()
    right_top = right.view.viewport().mapTo(common, QPoint(0, 0)).y()
    return float(left_top - right_top)


class ScrollSync:
    """Makes each pane follow its left neighbour while enabled."""

    def __init__(self, common: QWidget) -> None:
        self.common = common
        self.enabled = False

    def follow(self, panes: list[ArticlePane], moved: ArticlePane) -> bool:
        """Align the pane right of `moved`; True when it was aligned."""
        if not self.enabled or moved not in panes:
            return False
        index = panes.index(moved)
        if index + 1 >= len(panes):
            return False
        return align(moved, panes[index + 1], self.common)
