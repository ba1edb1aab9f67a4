"""Whether a window can be shown at all, and what to tell the user when it cannot.

Without this check Qt aborts with a plugin stack trace on a machine with no display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY_MESSAGE = (
    "Parallax needs a display. On a machine without one, run:\n"
    "  QT_QPA_PLATFORM=offscreen parallax …   (no window is shown)\n"
    "or\n"
    "  xvfb-run -a parallax …"
)


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """A message saying why no window can be opened here, or None when one can.

    On Linux and the BSDs a window needs DISPLAY (X11) or WAYLAND_DISPLAY, unless
    QT_QPA_PLATFORM names a platform plugin explicitly (offscreen, xcb, …). Windows and
    macOS always have a display session.
    """
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system.startswith(("win", "darwin", "cygwin")):
        return None
    if env.get("QT_QPA_PLATFORM", "").strip():
        return None
    if env.get("DISPLAY", "").strip() or env.get("WAYLAND_DISPLAY", "").strip():
        return None
    return NO_DISPLAY_MESSAGE
