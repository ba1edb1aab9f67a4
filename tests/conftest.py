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
