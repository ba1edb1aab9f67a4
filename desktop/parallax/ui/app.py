"""Start the GUI: `run_gui(path)` from the CLI, or `python -m parallax.ui.app [PATH]`.

The window is shown first, with Qt alone (~0.4 s); the data layer (SQLAlchemy, ~0.4 s
more) is imported on a thread while the window is up, and the project is opened when it
is in (see `data_loader`).
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

# Before PySide6 is imported anywhere: it keeps Python's own import function.
import parallax.ui.python_import  # noqa: F401  isort: skip
from parallax.ui.display import display_problem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from parallax.ui.main_window import MainWindow

logger = logging.getLogger(__name__)

APP_NAME = "Parallax"
ORGANISATION = "Parallax"


def run_gui(
    project_path: str | None,
    prepare: Callable[[], object] | None = None,
    preparing: str = "",
) -> int:
    """Show the main window, then open a project in it (the one named, or the most
    recent one, or none), and run the event loop. `prepare` runs first, off the GUI
    thread, with the data layer imported (it builds the demo project), while the window
    says `preparing` if given. Returns the exit code: 2 when there is no display to show
    a window on."""
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    # Start-up builds some 80,000 long-lived objects (SQLAlchemy, Qt, the window) and
    # next to no cyclic garbage: the ~180 collections it set off cost ~30 ms and freed a
    # few hundred objects, which the first collection after it frees just as well.
    gc.disable()
    app = _application()
    from parallax.ui.main_window import MainWindow

    window = MainWindow()
    target = project_path or window.recent.most_recent_existing()
    if target:
        window.show_opening(target, preparing)
    window.show()
    _open_when_loaded(app, window, target, prepare)
    return app.exec()


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from parallax.ui import style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("parallax")
    style.apply_app_style(app)
    return app


def _open_when_loaded(
    app: QApplication,
    window: MainWindow,
    target: str | None,
    prepare: Callable[[], object] | None,
) -> None:
    """Open `target` once the data layer is in (imported on a thread meanwhile).

    With PARALLAX_EXIT_WHEN_READY set (the start-up benchmark and smoke tests), say
    "window" once the window is painted and its event loop runs, "ready" once the
    project is open, and quit."""
    from PySide6.QtCore import QTimer

    from parallax.ui.data_loader import DataLayerLoader

    exit_when_ready = bool(os.environ.get("PARALLAX_EXIT_WHEN_READY"))
    if exit_when_ready:
        QTimer.singleShot(0, lambda: _report(app, window, "window"))

    def project_open() -> None:
        if target and window.session is None:  # unless the analyst opened one meanwhile
            window.open_project(target)
        gc.enable()  # the start is over
        if exit_when_ready:
            _report(app, window, "ready")
            app.quit()

    if not target:
        QTimer.singleShot(0, project_open)
        return
    loader = DataLayerLoader(window, prepare)  # the window keeps it
    loader.done.connect(project_open)
    loader.start()


def _report(app: QApplication, window: MainWindow, line: str) -> None:
    app.processEvents()
    window.repaint()
    print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    """`python -m parallax.ui.app [PROJECT]`."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print("usage: python -m parallax.ui.app [PROJECT.parallax]")
        return 0
    logging.basicConfig(level=logging.WARNING)
    return run_gui(args[0] if args else None)


if __name__ == "__main__":
    sys.exit(main())
