"""Panels built the first time they are on screen, so that opening a project builds (and
reads the project for) only what the analyst can see.

A `LazyTab` holds an empty page in a tab widget until that tab is first made current; a
`LazyDock` holds an empty widget in a dock until the dock is first on screen (shown, or
its tab raised when it shares a place with other docks). Either then builds the real
panel and puts it where the empty one was, so from then on the tab widget or dock holds
the panel itself. `panel()` builds it at once, for code that needs it before it is
shown (a menu command, a test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

W = TypeVar("W", bound=QWidget)


class _Lazy(QObject, Generic[W]):
    """The shared part: build once, then hand the panel to `_place` and `on_built`."""

    def __init__(self, build: Callable[[], W], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._panel: W | None = None
        self.on_built: list[Callable[[W], None]] = []

    @property
    def built(self) -> W | None:
        """The panel if it has been built, else None (without building it)."""
        return self._panel

    def panel(self) -> W:
        """The panel, built now if it was not yet."""
        if self._panel is None:
            self._panel = panel = self._build()
            self._place(panel)
            for callback in self.on_built:
                callback(panel)
        return self._panel

    def _place(self, panel: W) -> None:
        raise NotImplementedError


class LazyTab(_Lazy[W]):
    """A page of `tabs`, titled `title`, built when it first becomes the current tab."""

    def __init__(
        self,
        tabs: QTabWidget,
        title: str,
        build: Callable[[], W],
        index: int = -1,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(build, parent)
        self._tabs = tabs
        self._stand_in = QWidget()
        tabs.insertTab(index, self._stand_in, title)
        tabs.currentChanged.connect(self._current_changed)

    def _current_changed(self, _index: int) -> None:
        if self._panel is None and self._tabs.currentWidget() is self._stand_in:
            self.panel()

    def _place(self, panel: W) -> None:
        """Put the panel before the stand-in, make it current if the stand-in was, and
        only then remove the stand-in: no other page is shown in between."""
        tabs = self._tabs
        index = tabs.indexOf(self._stand_in)
        if index < 0:  # the tabs were taken down (the project closed)
            return
        current = tabs.currentIndex() == index
        tabs.insertTab(index, panel, tabs.tabText(index))
        if current:
            tabs.setCurrentIndex(index)
        tabs.removeTab(index + 1)
        self._stand_in.deleteLater()


class LazyDock(_Lazy[W]):
    """The widget of `dock`, built when the dock is first on screen."""

    def __init__(
        self, dock: QDockWidget, build: Callable[[], W], parent: QObject | None = None
    ) -> None:
        super().__init__(build, parent)
        self._dock = dock
        self._stand_in = QWidget()
        old = dock.widget()
        dock.setWidget(self._stand_in)
        if old is not None:
            old.deleteLater()
        dock.visibilityChanged.connect(self._visibility_changed)
        if on_screen(dock):
            self.panel()

    def _visibility_changed(self, visible: bool) -> None:
        if visible and self._panel is None and self._dock.widget() is self._stand_in:
            self.panel()

    def _place(self, panel: W) -> None:
        if self._dock.widget() is self._stand_in:
            self._dock.setWidget(panel)
            self._stand_in.deleteLater()


def on_screen(dock: QDockWidget) -> bool:
    """Whether the dock can be seen: shown, and not behind another dock's tab (a dock in
    a tab group counts as visible to Qt even when its tab is not the raised one)."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()
