"""Recently opened projects, most recent first, kept in QSettings (at most ten)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

MAX_RECENT = 10
KEY = "recent/projects"


class RecentProjects:
    """The Open Recent list. Files that have gone missing stay listed, greyed out,
    until the analyst clears them, so a project on an unplugged drive is not forgotten."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings if settings is not None else QSettings()

    def paths(self) -> list[str]:
        value = self._settings.value(KEY, [])
        if isinstance(value, str):  # QSettings returns a lone string for one-item lists
            value = [value]
        return [str(p) for p in (value or []) if str(p)]

    def add(self, path: str | os.PathLike[str]) -> None:
        """Put a project at the top of the list."""
        text = str(Path(path).expanduser().resolve())
        paths = [text] + [p for p in self.paths() if p != text]
        self._save(paths[:MAX_RECENT])

    def remove(self, path: str) -> None:
        self._save([p for p in self.paths() if p != path])

    def clear_missing(self) -> None:
        self._save([p for p in self.paths() if Path(p).exists()])

    def clear(self) -> None:
        self._save([])

    def most_recent_existing(self) -> str | None:
        """The newest entry whose file still exists."""
        return next((p for p in self.paths() if Path(p).exists()), None)

    def _save(self, paths: list[str]) -> None:
        self._settings.setValue(KEY, paths)
        self._settings.sync()

    def fill_menu(self, menu: QMenu, open_path: object) -> None:
        """Rebuild `menu`: one entry per project (missing ones disabled), then Clear."""
        menu.clear()
        paths = self.paths()
        for n, path in enumerate(paths, start=1):
            exists = Path(path).exists()
            label = f"&{n % 10}  {Path(path).name}" + ("" if exists else "  (missing)")
            action = menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setData(path)
            action.setEnabled(exists)
            action.triggered.connect(lambda _=False, p=path: open_path(p))  # type: ignore[operator]
        if not paths:
            menu.addAction("No recent projects").setEnabled(False)
            return
        menu.addSeparator()
        if any(not Path(p).exists() for p in paths):
            menu.addAction("Remove Missing", self.clear_missing)
        menu.addAction("Clear List", self.clear)
