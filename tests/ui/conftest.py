"""Fixtures for GUI tests: offscreen Qt, isolated QSettings, projects in tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QClipboard, QGuiApplication

import parallax
from parallax.services.project import Project

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "sample_corpus"
SEEDS = Path("/work/shared/seeds")


def corpus_folder() -> Path:
    """The sample corpus shipped with the repo, or the shared seeds while it is empty."""
    if SAMPLE_CORPUS.is_dir() and any(
        p.suffix in (".txt", ".html", ".htm", ".md") for p in SAMPLE_CORPUS.iterdir()
    ):
        return SAMPLE_CORPUS
    if SEEDS.is_dir():
        return SEEDS
    pytest.skip("no sample corpus to import")


@pytest.fixture
def corpus_dir() -> Path:
    """The folder of sample articles to import."""
    return corpus_folder()


@pytest.fixture
def clipboard(qapp) -> Iterator[QClipboard]:
    """The application clipboard, emptied after the test.

    Mime data made in Python and handed to the clipboard is owned by Qt's platform
    clipboard until it is replaced. Left there, Qt deleted it in an exit handler after
    Python had shut down, and the test process ended with a segmentation fault.
    """
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


@pytest.fixture(scope="session", autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every QSettings() of the test session lives in a temporary INI folder."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder))
    QCoreApplication.setOrganizationName("ParallaxTests")
    QCoreApplication.setApplicationName("ParallaxTests")
    yield folder


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A QSettings file of this test alone."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """An empty project file."""
    opened = parallax.open_project(tmp_path / "test.parallax")
    yield opened
    opened.close()


@pytest.fixture
def corpus_project(tmp_path: Path) -> Iterator[Project]:
    """A project with the sample corpus imported."""
    opened = parallax.open_project(tmp_path / "corpus.parallax")
    result = opened.import_files([corpus_folder()])
    assert len(result) >= 2, result.failures
    yield opened
    opened.close()


@pytest.fixture
def text_project(tmp_path: Path) -> Iterator[Project]:
    """A project with one article whose text has emoji, Arabic, combining marks and
    U+00A0 before the passages the tests highlight."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mixed.txt").write_text(TRICKY_TEXT, encoding="utf-8")
    opened = parallax.open_project(tmp_path / "text.parallax")
    result = opened.import_files([folder / "mixed.txt"])
    assert len(result) == 1, result.failures
    yield opened
    opened.close()


TRICKY_TEXT = (
    "Mixed scripts 😀 test\n\n"
    "Faleh\u00a0al-Fayyad met officials 🇮🇶 in Damascus. "
    # q + U+0307 has no precomposed form, so the combining mark survives NFC at import.
    "The meeting was described as q\u0307uiet diplomacy 👍🏽 by observers.\n"
    "قَالَ فالح الفياض إن التعاون مستمر.\n"
    "Later 𝒳 the claim that the border would reopen was repeated.\n"
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Qt's offscreen platform warns that it cannot resize to size hints; that is the
    test platform talking, not Parallax, so it must not fail a test."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))
