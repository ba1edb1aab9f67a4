"""Shared fixtures: real project files in a temporary folder, and the sample corpus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import parallax
from parallax.services.project import Project

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = ROOT / "sample_corpus"
SHARED = ROOT.parent / "shared"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """An empty project in a real SQLite file."""
    with parallax.open_project(tmp_path / "test.parallax") as p:
        yield p


@pytest.fixture
def sample_project(project: Project) -> Project:
    """A project holding the five sample-corpus articles."""
    result = project.import_files([SAMPLE_CORPUS])
    assert len(result) == 5, result.failures
    return project


def article_by_file(project: Project, prefix: str) -> parallax.services.project.Article:
    return next(a for a in project.articles() if Path(a.source_file).name.startswith(prefix))


_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the process with pytest's own status once everything has been reported.

    After a full run, interpreter shutdown sometimes crashes (SIGSEGV) while PySide6
    destroys leftover Qt objects, after every test has passed and been reported; that
    turned a green run red. Known issue, tracked in the notes: find the object
    (a worker thread or a widget outliving the QApplication) and remove this.
    """
    import sys

    if "PySide6.QtWidgets" in sys.modules and _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
