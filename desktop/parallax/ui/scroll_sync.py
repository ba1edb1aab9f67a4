"""Synchronised scrolling by linked passages: when the analyst scrolls a pane, the other
panes scroll so that their passages linked to the same event line up with the topmost
visible linked passage of the pane beside them, outwards from the one scrolled.

Panes scroll by whole lines (QPlainTextEdit), so alignment is to the nearest line; two
passes absorb lines of different heights (an Arabic fallback font is taller). The pane
the analyst scrolls leads: while the others follow it, their own scrolling does not
propagate, so no follower ever scrolls its leader back.
"""

from __future__ import annotations

from itertools import pairwise
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


def align(leader: ArticlePane, follower: ArticlePane, common: QWidget) -> bool:
    """Scroll `follower` so its partner passage starts level with `leader`'s leading
    passage (measured in `common`, an ancestor of both); False when no pair is in view."""
    try:
        lead, partner = leading_pair(leader, follower)
    except LookupError:
        return False
    want = VisibleBlocks(leader.view).line_top(lead.qt_start) + _shift(leader, follower, common)
    bar = follower.view.verticalScrollBar()
    line = max(1, follower.view.fontMetrics().lineSpacing())
    for _ in range(PASSES):
        now = VisibleBlocks(follower.view).line_top(partner.qt_start)
        steps = round((now - want) / line)
        target = max(bar.minimum(), min(bar.maximum(), bar.value() + steps))
        if target == bar.value():
            break
        bar.setValue(target)
    return True


def _shift(leader: ArticlePane, follower: ArticlePane, common: QWidget) -> float:
    """How far below the follower's viewport top the leader's viewport top is."""
    leader_top = leader.view.viewport().mapTo(common, QPoint(0, 0)).y()
    follower_top = follower.view.viewport().mapTo(common, QPoint(0, 0)).y()
    return float(leader_top - follower_top)


class ScrollSync:
    """Makes the panes follow the one the analyst scrolls, while enabled."""

    def __init__(self, common: QWidget) -> None:
        self.common = common
        self.enabled = False
        self._leader: ArticlePane | None = None

    def follow(self, panes: list[ArticlePane], moved: ArticlePane) -> bool:
        """Align the panes on either side of `moved`, each to its neighbour nearer to
        `moved`; True when any was aligned. A follower's own scrolling is ignored."""
        if not self.enabled or moved not in panes or self._leader is not None:
            return False
        self._leader = moved
        try:
            index = panes.index(moved)
            rightwards = self._chain(panes[index:])
            leftwards = self._chain(panes[index::-1])
        finally:
            self._leader = None
        return rightwards or leftwards

    def _chain(self, panes: list[ArticlePane]) -> bool:
        """Each pane follows the one before it in `panes`, until a pair has no link in view."""
        aligned = False
        for leader, follower in pairwise(panes):
            if not align(leader, follower, self.common):
                break
            aligned = True
        return aligned
