"""The same schema and API on a real PostgreSQL server (team projects build on this)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import parallax
from tests.conftest import SAMPLE_CORPUS
from tests.postgres_server import postgres_server

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_url():
    with postgres_server() as url:
        yield url


def test_api_round_trip_on_postgresql(pg_url: str) -> None:
    with parallax.open_project(pg_url) as project:
        assert project.path is None and "***" not in project.location
        articles = project.import_files([SAMPLE_CORPUS])
        assert len(articles) == 5
        rudaw = next(a for a in articles if a.outlet == "Rudaw")
        start = rudaw.text.index("Falah al-Fayadh")
        ann = project.annotate(rudaw.id, start, start + 15, credibility=3)
        actor = project.add_actor("Falah al-Fayadh", "person", ["Faleh al-Fayyad"])
        project.tag_actor(ann.id, actor.id, "speaker")
        tag = project.tag_date(ann.id, "on Thursday")
        event = project.create_event("Meeting", dt.date(2017, 5, 18))
        project.link(ann.id, event.id, "corroborates")
        gone = project.delete_annotation(ann.id)
        project.restore_annotation(gone)
    with parallax.open_project(pg_url) as again:
        detail = again.annotation_detail(ann.id)
        assert detail.annotation.quote == "Falah al-Fayadh"
        assert detail.dates[0].start == tag.start == dt.date(2017, 5, 18)
        assert again.info().links == 1
        # A new annotation after a restored id must not collide with it.
        assert again.annotate(rudaw.id, 0, 4).id != ann.id


def test_brief_exports_from_postgresql(pg_url: str, tmp_path: Path) -> None:
    with parallax.open_project(pg_url) as project:
        out = project.export_brief(tmp_path / "b.docx", title="Team brief")
    assert out.stat().st_size > 5000


def test_search_and_related_articles_on_postgresql(pg_url: str) -> None:
    """The server's own full-text search (tsquery, ts_rank), not SQLite's FTS5."""
    with parallax.open_project(pg_url) as project:
        if not project.info().articles:
            project.import_files([SAMPLE_CORPUS])
        hits = project.search("Falah al-Fayadh")
        rudaw = next(s.id for s in project.article_summaries() if s.outlet == "Rudaw")
        assert rudaw in {h.article_id for h in hits}
        assert all("Fayadh" in h.snippet for h in hits if h.annotation_id is None)
        assert project.search("no such words anywhere") == []
        ann = project.annotate(rudaw, 0, 10, note="Compare with the al-Hashd statement.")
        noted = project.search("al Hashd")
        assert ann.id in {h.annotation_id for h in noted}
        related = project.related_articles(["Fayadh", "Damascus", "Mosul"], limit=3)
        assert 0 < len(related) <= 3 and len(set(related)) == len(related)
        assert project.related_articles(['AND "x', "OR", "NEAR("], limit=3) is not None
