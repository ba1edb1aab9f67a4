"""Which files a drop of paths means: folders walked recursively, safely.

Symlink loops and the same folder reached twice are walked once; hidden files, manifests
and project databases are left out; a folder that cannot be listed is reported, not fatal.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from parallax.ingest.manifest import is_manifest


@dataclass(frozen=True, slots=True)
class Problem:
    """A path that could not even be looked at, and why (in the user's words)."""

    path: str
    reason: str


def discover(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Files under the given paths, recursively, in a stable order."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen_dirs: set[str] = set()
    for path in paths:
        if path.is_dir():
            files.extend(_walk(path, seen_dirs, problems))
        elif path.is_symlink() and not path.exists():
            problems.append(Problem(str(path), "a link to a file that does not exist"))
        elif path.exists():
            if not is_manifest(path):
                files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return files, problems


def _walk(folder: Path, seen: set[str], problems: list[Problem]) -> Iterator[Path]:
    real = os.path.realpath(folder)
    if real in seen:
        return  # a symlink loop, or the same folder twice
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Problem(str(folder), f"the folder could not be read ({exc.strerror})"))
        return
    names = {e.name for e in entries}
    for entry in entries:
        if entry.name.startswith(".") or entry.name.lower() in _SYSTEM_FILES:
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            if not _is_page_assets(entry.name, names):
                yield from _walk(path, seen, problems)
        elif entry.is_symlink() and not path.exists():
            problems.append(Problem(str(path), "a link to a file that does not exist"))
        elif not is_manifest(path) and not _is_project_file(path):
            yield path


_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
_ASSET_SUFFIXES = ("_files", "-Dateien", "_archivos", "_fichiers", ".fld")


def _is_page_assets(name: str, siblings: set[str]) -> bool:
    """The images and scripts folder a browser writes beside a page saved "complete"
    ("story_files" next to "story.html"): not articles, and never worth a failure each."""
    for suffix in _ASSET_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return any(f"{stem}{ext}" in siblings for ext in (".html", ".htm", ".xhtml"))
    return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # e.g. a link loop the OS refuses to resolve
        return False


def _is_project_file(path: Path) -> bool:
    """Project databases (and their WAL files) found while walking are not articles."""
    return path.name.endswith((".parallax", ".parallax-wal", ".parallax-shm", ".parallax-journal"))
