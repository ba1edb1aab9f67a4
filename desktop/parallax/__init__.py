"""Parallax: compare how news outlets report the same events.

The Python API is the product's spine: `project = parallax.open_project(path)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from parallax.services.project import Project


def open_project(path_or_url: str | object) -> Project:
    """Open (or create) a project file, or a PostgreSQL URL, and return its API."""
    from parallax.services.project import open_project as _open

    return _open(path_or_url)


__all__ = ["__version__", "open_project"]
