"""The window's finding and coding tools: find in the article (Ctrl+F), project search
(Ctrl+Shift+F, the Search tab), the Tags dock and the quick tag picker (T).

A mixin of MainWindow, kept apart so each module stays readable; it relies on the window's
`session`, `desk`, `bottom_tabs`, `library_panel`, `_dock` and `_swap_dock`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget

from parallax.ui import reveal
from parallax.ui.lazy_pages import LazyTab

if TYPE_CHECKING:
    from parallax.domain.model import SearchHit
    from parallax.ui.find_bar import FindBar
    from parallax.ui.main_window import MainWindow
    from parallax.ui.models.tags_model import TagsModel
    from parallax.ui.search_panel import SearchPanel
    from parallax.ui.tag_picker import TagPicker
    from parallax.ui.tags_panel import TagsPanel

logger = logging.getLogger(__name__)

SEARCH_TAB = "Search"


class WindowToolsMixin:
    """Find bar, Search tab, Tags dock and tag picker for MainWindow."""

    tags_dock: QDockWidget
    tags_model: TagsModel | None = None
    tags_panel: TagsPanel | None = None
    _search: LazyTab[SearchPanel] | None = None
    find_bar: FindBar | None = None
    tag_picker: TagPicker | None = None
    _tag_key: QShortcut | None = None

    def _build_tools_dock(self: MainWindow) -> None:
        self.tags_dock = self._dock("Tags", "TagsDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.splitDockWidget(self.library_dock, self.tags_dock, Qt.Orientation.Vertical)
        self.resizeDocks([self.library_dock, self.tags_dock], [560, 220], Qt.Orientation.Vertical)

    def _attach_tools(self: MainWindow) -> None:
        """Build the tools of the project that was just attached."""
        from parallax.ui.find_bar import FindBar
        from parallax.ui.models.tags_model import TagsModel
        from parallax.ui.tags_panel import TagsPanel

        session, desk = self.session, self.desk
        assert session is not None and desk is not None and self.bottom_tabs is not None
        self.tags_model = TagsModel(session.project, self)
        self.tags_panel = TagsPanel(session, self.tags_model)
        self.tags_panel.show_articles.connect(self._show_tagged_articles)
        self._swap_dock(self.tags_dock, self.tags_panel)
        self._search = LazyTab(self.bottom_tabs, SEARCH_TAB, self._build_search, parent=self)
        self.find_bar = FindBar(self)
        desk.current_changed.connect(self.find_bar.attach)
        self.find_bar.attach(desk.current)
        self._tag_key = QShortcut(QKeySequence("T"), desk)
        self._tag_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._tag_key.activated.connect(self.show_tag_picker)
        if self.library_panel is not None:
            session.bus.changes_applied.connect(self.library_panel.filter.apply_changes)

    def _detach_tools(self: MainWindow) -> None:
        """Let go of the tools before the project's widgets are deleted."""
        if self.find_bar is not None:
            self.find_bar.detach()
            self.find_bar.deleteLater()
        if self.tags_model is not None:
            self.tags_model.deleteLater()
        if self.tag_picker is not None:
            self.tag_picker.close()
        if self._search is not None:
            self._search.deleteLater()
        self.find_bar = self.tags_model = self.tags_panel = self._search = None
        self.tag_picker = self._tag_key = None

    def _build_search(self: MainWindow) -> SearchPanel:
        from parallax.ui.search_panel import SearchPanel

        assert self.session is not None
        panel = SearchPanel(self.session.project)
        panel.hit_activated.connect(self.open_search_hit)
        return panel

    @property
    def search_panel(self: MainWindow) -> SearchPanel | None:
        """The Search tab's panel, built now if it was not yet; None with no project."""
        return self._search.panel() if self._search is not None else None

    # ------------------------------------------------------------------ find
    def _selected_words(self: MainWindow) -> str:
        """The current pane's selection, when short enough to be a query."""
        pane = self.desk.current if self.desk is not None else None
        span = pane.selected_span() if pane is not None else None
        if pane is None or pane.article is None or span is None or span[1] - span[0] > 100:
            return ""
        return " ".join(pane.article.text[span[0] : span[1]].split())

    def find_in_article(self: MainWindow) -> None:
        """Ctrl+F: the find bar under the current pane."""
        pane = self.desk.current if self.desk is not None else None
        if pane is None or self.find_bar is None:
            self.statusBar().showMessage("Open an article to find text in it.", 4000)
            return
        self.find_bar.attach(pane)
        self.find_bar.open(self._selected_words())

    def search_project(self: MainWindow) -> None:
        """Ctrl+Shift+F: the Search tab, with the cursor in its query box."""
        if self.search_panel is None or self.bottom_tabs is None:
            return
        self.bottom_dock.show()
        self.bottom_dock.raise_()
        self.bottom_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.focus_query(self._selected_words())

    def open_search_hit(self: MainWindow, hit: SearchHit) -> None:
        """Open a result's article with the match (or the annotated passage) selected."""
        if hit.annotation_id is not None:
            reveal.reveal_annotation(self, hit.annotation_id)
        else:
            reveal.reveal_span(self, hit.article_id, hit.start, hit.end)

    # ------------------------------------------------------------------ tags
    def show_tag_picker(self: MainWindow) -> TagPicker | None:
        """T: type a tag (or a new Parent/Child path), Enter puts it on the selected
        annotation."""
        from parallax.ui.tag_picker import TagPicker

        session = self.session
        if session is None or session.selected is None:
            self.statusBar().showMessage("Select a highlight first, then press T.", 4000)
            return None
        annotation_id = session.selected
        picker = TagPicker(list(session.project.tag_paths().values()), self)
        picker.chosen.connect(lambda path: self.apply_tag(annotation_id, path))
        picker.finished.connect(lambda _r: self._picker_closed(picker))
        anchor = self.desk if self.desk is not None else self
        centre = anchor.mapToGlobal(anchor.rect().center())
        picker.move(centre - QPoint(picker.width() // 2, picker.height() // 2))
        self.tag_picker = picker
        picker.show()
        return picker

    def _picker_closed(self: MainWindow, picker: TagPicker) -> None:
        if self.tag_picker is picker:
            self.tag_picker = None
        picker.deleteLater()

    def apply_tag(self: MainWindow, annotation_id: int, path: str) -> bool:
        """Put the tag at `path` on an annotation (creating it if new); undoable."""
        from parallax.ui.tag_commands import ApplyTagPathCommand

        if self.session is None:
            return False
        command = ApplyTagPathCommand(self.session.project, annotation_id, path)
        done = self.session.run(command)
        if done:
            self.statusBar().showMessage(f"Tagged {path.strip()}", 4000)
        return done

    def _show_tagged_articles(self: MainWindow, tag_id: int) -> None:
        if self.library_panel is not None:
            self.library_dock.show()
            self.library_panel.filter.set_tag(tag_id)
