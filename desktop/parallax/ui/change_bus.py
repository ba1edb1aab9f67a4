"""One bus per open project: service `Changes` records delivered on the GUI thread.

Services call their subscribers right after each commit, possibly on a worker thread
(an import). The bus re-emits each record through a signal; Qt queues it to the GUI
thread when it arrives from another thread and delivers it at once when it comes from
the GUI thread, so an edit's highlight shows without waiting for the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from parallax.domain.model import Changes
from parallax.services.project import Project

logger = logging.getLogger(__name__)


class ChangeBus(QObject):
    """Re-emits a project's `Changes` as `changes_applied` on the thread the bus lives in."""

    changes_applied = Signal(object)
    _arrived = Signal(object)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # AutoConnection: direct from the GUI thread, queued from any other.
        self._arrived.connect(self._deliver, Qt.ConnectionType.AutoConnection)
        self._unsubscribe: Callable[[], None] | None = project.subscribe(self._arrived.emit)

    def _deliver(self, changes: Changes) -> None:
        if changes:
            self.changes_applied.emit(changes)

    def detach(self) -> None:
        """Stop listening to the project (call before closing it)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
