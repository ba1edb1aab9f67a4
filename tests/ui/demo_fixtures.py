"""Fixtures for the actors, dates, events, suggestions and timeline tests.

The demo project (sample corpus, 4 actors, 2 events, 4 linked claims) is built once per
test session and copied for each test with SQLite's backup API, so every test gets its
own real project file without paying for the import.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import parallax
from parallax.domain.model import Article
from parallax.services.demo import build_demo
from parallax.services.project import Project
from parallax.ui.main_window import MainWindow
from parallax.ui.serial_runner import SerialRunner
from parallax.ui.session import ProjectSession

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "sample_corpus"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.parallax"
    with parallax.open_project(path) as project:
        build_demo(project, SAMPLE_CORPUS)
        copy = path.with_name("template.parallax")
        project.save_copy(copy)
    return copy


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.parallax"
    with parallax.open_project(demo_template) as template:
        template.save_copy(target)
    return target


@pytest.fixture
def demo_project(demo_path: Path) -> Iterator[Project]:
    project = parallax.open_project(demo_path)
    yield project
    project.close()


@pytest.fixture
def session(qtbot, demo_project: Project) -> Iterator[ProjectSession]:
    session = ProjectSession(demo_project)
    yield session
    session.bus.detach()
    session.undo_stack.clear()


@pytest.fixture
def window(qtbot, settings, demo_path: Path) -> Iterator[MainWindow]:
    """A shown main window with a copy of the demo project open."""
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    assert main.open_project(str(demo_path))
    yield main
    main.close_project()


@pytest.fixture
def runner(qtbot, demo_project: Project) -> Iterator[SerialRunner]:
    worker = SerialRunner(demo_project.address)
    yield worker
    worker.shutdown()


def article_with(project: Project, outlet: str = "", text: str = "") -> Article:
    """The first article of `outlet` (or whose text contains `text`)."""
    for article in project.articles():
        if (not outlet or article.outlet == outlet) and (not text or text in article.text):
            return article
    raise AssertionError(f"no article of {outlet!r} containing {text!r}")
