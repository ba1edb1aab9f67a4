"""The demo project with what a finished analysis adds: grades and descriptors, a third
event, a contradiction, an Arabic-script claim, tags, judgments and a bottom line."""

from __future__ import annotations

from pathlib import Path

from parallax.domain.model import Annotation, Article
from parallax.services.demo import build_demo
from parallax.services.project import Project
from tests.conftest import SAMPLE_CORPUS

GRADES = {"Rudaw": "B", "Syria Times": "D", "Press TV": "D"}
DESCRIPTORS = {
    "Rudaw": "Kurdish regional broadcaster, Erbil; close to the KDP",
    "Syria Times": "Syrian state-owned English daily",
    "Press TV": "Iranian state broadcaster",
}
BAGHDAD = "Syrian defence delegation meets Iraqi chief of staff in Baghdad"
CONTRADICTION = (
    "The Iraqi and Syrian officers discussed the establishment of a joint operation center"
)
KURDISH = "به كوردي به لي"
BOTTOM_LINE = "Syrian and Iraqi officials met repeatedly in 2016–2017."
EVENT_MEMO = "Only unnamed sites report this meeting."


def claim(project: Project, article: Article, text: str, **fields: object) -> Annotation:
    start = article.text.find(text)
    assert start >= 0, text
    return project.annotate(article.id, start, start + len(text), **fields)  # type: ignore[arg-type]


def build_rich(project: Project) -> None:
    build_demo(project, SAMPLE_CORPUS)
    articles = {Path(a.source_file).name[:3]: a for a in project.articles()}
    for outlet in project.outlets():
        project.update_outlet(
            outlet.id,
            reliability=GRADES.get(outlet.name, "F"),
            descriptor=DESCRIPTORS.get(outlet.name, ""),
        )
    baghdad = project.create_event(BAGHDAD, "June 2017", "Baghdad")
    talks = claim(
        project,
        articles["002"],
        "A high-level delegation from the Syrian Defense Ministry has held talks in Baghdad",
        credibility=2,
        note="Statement by Iraq's Defence Ministry",
    )
    ghanmi = claim(project, articles["003"], "On June 13, the Chief of Staff", credibility=3)
    project.link(talks.id, baghdad.id, "reports")
    project.link(ghanmi.id, baghdad.id, "corroborates")
    may = next(e for e in project.events() if e.start and e.start.month == 5)
    against = claim(project, articles["003"], CONTRADICTION, credibility=4)
    project.link(against.id, may.id, "contradicts")
    kurdish = claim(project, articles["000"], KURDISH, kind="quote", note="Navigation text")
    military = project.add_tag("Military")
    border = project.add_tag("Border", military.id)
    project.tag_annotation(talks.id, border.id)
    project.tag_annotation(kurdish.id, military.id)
    first_event = project.events()[0]
    cited = [link.annotation_id for link in project.event_links(first_event.id)]
    project.add_judgment(
        "Officials coordinated directly on the border", "likely", "moderate", cited
    )
    project.add_judgment("The message was delivered in person", "very likely", "high")
    project.set_memo(BOTTOM_LINE)
    project.set_memo(EVENT_MEMO, event_id=baghdad.id)
