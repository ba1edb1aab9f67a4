"""The data layer (SQLAlchemy and the project API) brought in while the window is up.

Importing it takes ~0.4 s on a 2-core machine, most of start-up. Done on a thread after
the window is shown, the analyst sees the window at once, and it answers the mouse while
the import runs; `done` then comes on the GUI thread, which opens the project.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from parallax.domain.errors import KnownError
from parallax.ui.python_import import python_imports

logger = logging.getLogger(__name__)

DATA_LAYER = "parallax.services.project"


class DataLayerLoader(QObject):
    """Imports the data layer on a thread once, then runs `prepare` there if given;
    `done` is emitted (queued to the GUI thread) when that has finished, also when it
    failed: opening the project on the GUI thread then reports the problem as any
    failed open does."""

    done = Signal()

    def __init__(self, parent: QObject, prepare: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self._prepare = prepare

    def start(self) -> None:
        threading.Thread(target=self._load, name="parallax-data-layer", daemon=True).start()

    def _load(self) -> None:
        try:
            with python_imports():  # the demo's build imports the readers (trafilatura) too
                importlib.import_module(DATA_LAYER)
                if self._prepare is not None:
                    self._prepare()
        except KnownError as exc:  # said again, in a dialog, when the open fails
            logger.warning("%s", exc)
        except Exception:
            logger.exception("preparing the project failed")
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.done.emit()
