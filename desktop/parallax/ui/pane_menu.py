"""The context menu of an article's text: make, retype or delete a highlight, boilerplate.

Every entry repeats a key or menu-bar action, with its shortcut shown, so the menu also
teaches the keyboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from parallax.domain.model import AnnotationKind
from parallax.ui import style

if TYPE_CHECKING:
    from parallax.ui.article_pane import ArticlePane

MARK_KEYS = "Ctrl+B"
UNMARK_KEYS = "Ctrl+Shift+B"


def fill_menu(pane: ArticlePane, menu: QMenu, position: int) -> None:
    """Add the pane's entries to the view's standard menu (Copy, Select All)."""
    has_selection = pane.view.textCursor().hasSelection()
    if not has_selection and position >= 0:
        pane.select_at(position)  # the menu acts on the highlight under the mouse
    menu.addSeparator()
    for kind, key in style.KIND_KEYS.items():
        action = menu.addAction(f"Make {kind.title()}")
        action.setShortcut(QKeySequence(key))
        action.setEnabled(has_selection)
        action.triggered.connect(lambda _=False, k=kind: pane.make_annotation(k))
    target = pane.own_selection()
    if target is not None and not has_selection:
        _add_highlight_entries(pane, menu, target)
    menu.addSeparator()
    mark = menu.addAction("Mark as Boilerplate")
    mark.setShortcut(QKeySequence(MARK_KEYS))
    mark.setEnabled(has_selection)
    mark.triggered.connect(lambda: pane.mark_selection_boilerplate(mark=True))
    unmark = menu.addAction("Unmark Boilerplate")
    unmark.setShortcut(QKeySequence(UNMARK_KEYS))
    unmark.setEnabled(has_selection and pane.selection_touches_boilerplate())
    unmark.triggered.connect(lambda: pane.mark_selection_boilerplate(mark=False))


def _add_highlight_entries(pane: ArticlePane, menu: QMenu, annotation_id: int) -> None:
    menu.addSeparator()
    current = pane.kind_of(annotation_id)
    kinds = menu.addMenu("Change Kind")
    group = QActionGroup(kinds)
    for kind in AnnotationKind:
        action = kinds.addAction(str(kind).title())
        action.setCheckable(True)
        action.setChecked(str(kind) == current)
        group.addAction(action)
        action.triggered.connect(lambda _=False, k=str(kind): pane.retype(annotation_id, k))
    delete = menu.addAction("Delete Annotation")
    delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete.triggered.connect(lambda: pane.session.delete_annotation(annotation_id))
