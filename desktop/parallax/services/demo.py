"""The demo project: the sample corpus with a few passages already read and linked.

A new user sees what Parallax is for at once: two meetings, each reported by two outlets
that spell the Iraqi envoy's name differently, tied together as events.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from parallax.domain.errors import KnownError
from parallax.domain.model import Article
from parallax.services.project import Project

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DemoPassage:
    file_prefix: str
    text: str
    actors: tuple[tuple[str, str], ...]  # (actor name, role)
    date: str = ""
    stance: str = "reports"


@dataclass(frozen=True, slots=True)
class DemoEvent:
    title: str
    date: dt.date
    place: str
    passages: tuple[DemoPassage, ...]


ACTORS = (
    ("Bashar al-Assad", "person", ("President Assad", "Al-Assad", "Bashar Al-Assad")),
    ("Falah al-Fayadh", "person", ("Faleh al-Fayyad", "Faleh al-Fayad", "Fayadh", "Fayyad")),
    ("Haider al-Abadi", "person", ("Haidar Abadi", "Haydar al-Abadi", "Abadi")),
    ("Othman al-Ghanmi", "person", ("Osman Al-Ghanmi", "Ghanmi")),
)

EVENTS = (
    DemoEvent(
        "Assad receives Iraqi envoy Fayadh in Damascus",
        dt.date(2016, 7, 13),
        "Damascus",
        (
            DemoPassage(
                "004_",
                "Assad made the remark during a Wednesday\u00a0meeting in Damascus",
                (("Bashar al-Assad", "speaker"), ("Falah al-Fayadh", "mentioned")),
                "Wednesday",
            ),
            DemoPassage(
                "001_",
                "On July 13, 2016, President Assad stressed that both the Syrian",
                (("Bashar al-Assad", "speaker"),),
                "July 13, 2016",
                "corroborates",
            ),
        ),
    ),
    DemoEvent(
        "Assad and Fayadh discuss direct military cooperation",
        dt.date(2017, 5, 18),
        "Damascus",
        (
            DemoPassage(
                "000_",
                "Syrian President Bashar al-Assad and Iraq\u2019s top security advisor have "
                "discussed \u201cdirect\u201d military cooperation",
                (("Bashar al-Assad", "subject"), ("Falah al-Fayadh", "subject")),
                "on Thursday",
            ),
            DemoPassage(
                "001_",
                "On May 18, 2017, President Assad received a message from Iraqi Prime "
                "Minister Haidar Abadi",
                (("Bashar al-Assad", "subject"), ("Haider al-Abadi", "speaker")),
                "May 18, 2017",
                "corroborates",
            ),
        ),
    ),
)


def sample_corpus_dir() -> Path:
    """The sample corpus: $PARALLAX_SAMPLE_CORPUS, else the checkout's sample_corpus/."""
    configured = os.environ.get("PARALLAX_SAMPLE_CORPUS")
    candidates = [Path(configured)] if configured else []
    candidates.append(Path(__file__).resolve().parents[3] / "sample_corpus")
    for candidate in candidates:
        if (candidate / "manifest.json").is_file():
            return candidate
    raise KnownError(
        "The sample corpus was not found. Run Parallax from its source checkout, or set "
        "PARALLAX_SAMPLE_CORPUS to the folder holding the sample articles."
    )


def build_demo(project: Project, corpus: Path | None = None) -> None:
    """Import the sample corpus and annotate a few passages, unless already done."""
    if project.info().articles:
        return
    project.import_files([corpus or sample_corpus_dir()])
    articles = {Path(a.source_file).name[:4]: a for a in project.articles()}
    actors = {name: project.add_actor(name, kind, aliases).id for name, kind, aliases in ACTORS}
    for spec in EVENTS:
        event = project.create_event(spec.title, spec.date, spec.place)
        for passage in spec.passages:
            article = articles.get(passage.file_prefix)
            start = article.text.find(passage.text) if article else -1
            if article is None or start < 0:
                logger.warning("demo passage not found: %s", passage.text[:40])
                continue
            ann = project.annotate(article.id, start, start + len(passage.text), kind="claim")
            for name, role in passage.actors:
                project.tag_actor(ann.id, actors[name], role)
            if passage.date:
                project.tag_date(ann.id, passage.date)
            project.link(ann.id, event.id, passage.stance)
    project.set_memo(
        "Syrian and Iraqi officials met repeatedly in 2016–2017 to "
        "coordinate against ISIS along the shared border; outlets agree on "
        "the meetings but spell the Iraqi envoy's name three ways.",
    )
    _open_desk_on(project, [articles.get("000_"), articles.get("001_")])


def _open_desk_on(project: Project, articles: list[Article | None]) -> None:
    """Open the demo on two reports of the 2017 meeting, scrolled to the linked passages."""
    panes = []
    for article in articles:
        if article is not None:
            start = next((a.start for a in project.annotations(article.id)), 0)
            panes.append({"article": article.id, "offset": max(0, start - 200)})
    project.set_setting("desk", {"panes": panes, "current": 0})
