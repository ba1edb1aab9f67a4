"""Start the GUI: `run_gui(path)` from the CLI, or `python -m parallax.ui.app [PATH]`.

The window is shown first and the project opened right after, from the event loop. When
a project is named, the data layer is imported before Qt (see `_load_data_layer`).
"""

from __future__ import annotations

import gc
import logging
import os
import sys

from parallax.ui.display import display_problem

logger = logging.getLogger(__name__)

APP_NAME = "Parallax"
ORGANISATION = "Parallax"


def run_gui(project_path: str | None) -> int:
    """Open the main window on a project (or the most recent one, or none) and run the
    event loop. Returns the exit code: 2 when there is no display to show a window on."""
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    # Start-up builds some 80,000 long-lived objects (SQLAlchemy, Qt, the window) and
    # next to no cyclic garbage: the ~180 collections it set off cost ~30 ms and freed a
    # few hundred objects, which the first collection after it frees just as well.
    gc.disable()
    if project_path:
        _load_data_layer()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from parallax.ui import style
    from parallax.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("parallax")
    style.apply_app_style(app)

    window = MainWindow()
    window.show()
    target = project_path or window.recent.most_recent_existing()
    if target:
        QTimer.singleShot(0, lambda: window.open_project(target))
    QTimer.singleShot(0, gc.enable)  # the start is over once the project is open
    if os.environ.get("PARALLAX_EXIT_WHEN_READY"):
        # For the start-up benchmark and smoke tests: once the project is open and the
        # window painted, say so and quit.
        QTimer.singleShot(0, lambda: _report_ready(app, window))
    return app.exec()


def _load_data_layer() -> None:
    """Import the project API (SQLAlchemy) before Qt, when a project is about to open.

    Once PySide6 is imported, its import hook reads the source of every module imported
    after it (to look for `__feature__` use): about 0.1 s for SQLAlchemy's modules alone.
    """
    import parallax.services.project  # noqa: F401


def _report_ready(app, window) -> None:
    app.processEvents()
    window.repaint()
    print("ready", flush=True)
    app.quit()


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
