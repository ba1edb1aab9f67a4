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


FOLDED = "Talks\n\nFālah al-Fayyāḍ, the envoy, met Bashar al-Assad in Damascus on Thursday.\n"


def new_database(pg_url: str, name: str) -> str:
    """A second, empty database on the same server."""
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return pg_url.rsplit("/", 1)[0] + f"/{name}"


def test_search_on_postgresql_folds_diacritics(pg_url: str, tmp_path: Path) -> None:
    """As on SQLite: a name typed without its diacritics finds the transliteration."""
    (tmp_path / "envoy.txt").write_text(FOLDED, "utf-8")
    with parallax.open_project(new_database(pg_url, "folded")) as project:
        (article,) = project.import_files([tmp_path])
        (hit,) = project.search("Falah al-Fayyad")
        assert (hit.article_id, article.text[hit.start : hit.end]) == (
            article.id,
            "Fālah al-Fayyāḍ",
        )
        note = project.annotate(article.id, 0, 5, note="Ask Fāleh’s office")
        assert note.id in {h.annotation_id for h in project.search("faleh")}
        assert article.id in project.related_articles(["fayyad"], limit=5)


def test_an_older_server_project_is_upgraded_to_folded_search(pg_url: str, tmp_path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from parallax.store.engine import Store, database_url
    from parallax.store.schema import alembic_config

    (tmp_path / "envoy.txt").write_text(FOLDED, "utf-8")
    url = new_database(pg_url, "older")
    with parallax.open_project(url) as project:
        project.import_files([tmp_path])
    store = Store(database_url(url))
    command.downgrade(alembic_config(store), "0002_search")
    with store.engine.connect() as conn:
        indexes = {i["name"] for i in inspect(conn).get_indexes("article")}
    assert "ix_article_text_fts" in indexes and "ix_article_text_folded" not in indexes
    store.close()
    with parallax.open_project(url) as project:
        assert len(project.search("falah al fayyad")) == 1
    store = Store(database_url(url))
    with store.engine.connect() as conn:
        indexes = {i["name"] for i in inspect(conn).get_indexes("article")}
    store.close()
    assert "ix_article_text_folded" in indexes and "ix_article_text_fts" not in indexes


def test_the_folded_search_uses_its_index(pg_url: str) -> None:
    """The query's expression must be the index's, word for word, or every search reads
    every article: the planner is asked to avoid a sequential scan and must find it."""
    from sqlalchemy import create_engine, text

    from parallax.store.search import pg_folded_vector

    parallax.open_project(pg_url).close()
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        for table, column, index in (
            ("article", "text", "ix_article_text_folded"),
            ("annotation", "note", "ix_annotation_note_folded"),
        ):
            query = (
                f"EXPLAIN SELECT id FROM {table}, plainto_tsquery('simple', 'falah') q "
                f"WHERE {pg_folded_vector(column)} @@ q"
            )
            plan = "\n".join(conn.execute(text(query)).scalars())
            assert index in plan, plan[:300]
    engine.dispose()
