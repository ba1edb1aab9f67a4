"""Project files: SQLite settings, schema revisions, and refusing what we cannot open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import parallax
from parallax.domain.errors import KnownError, SchemaTooNewError
from parallax.store.engine import Store, database_url
from parallax.store.schema import KNOWN_REVISIONS, SCHEMA_HEAD, alembic_config


def test_new_project_is_a_wal_sqlite_file_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new.parallax"
    project = parallax.open_project(path)
    assert path.is_file()
    store = Store(database_url(path))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == SCHEMA_HEAD
    store.close()
    project.close()


def test_known_revisions_match_alembic_graph(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    store = Store(database_url(tmp_path / "x.parallax"))
    script = ScriptDirectory.from_config(alembic_config(store))
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == KNOWN_REVISIONS
    assert script.get_current_head() == SCHEMA_HEAD
    store.close()


def test_migrations_create_exactly_the_orm_schema(tmp_path: Path) -> None:
    """Autogenerate against a migrated database finds nothing to change."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from parallax.store.search import is_search_index
    from parallax.store.tables import Base

    parallax.open_project(tmp_path / "m.parallax").close()
    store = Store(database_url(tmp_path / "m.parallax"))
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, kind, _p: (
                    not (kind == "table" and is_search_index(name))
                )
            },
        )
        diff = compare_metadata(context, Base.metadata)
    store.close()
    assert diff == []


def test_newer_schema_is_refused_and_file_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "future.parallax"
    parallax.open_project(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer version of Parallax"):
        parallax.open_project(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.parallax"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (x TEXT)")
    with pytest.raises(KnownError, match="not a Parallax project"):
        parallax.open_project(path)


def test_garbage_file_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "garbage.parallax"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(KnownError, match=r"garbage\.parallax"):
        parallax.open_project(path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="does not exist"):
        parallax.open_project(tmp_path / "nope" / "p.parallax")


def test_save_copy_uses_backup_and_opens(tmp_path: Path, sample_project) -> None:
    copy = sample_project.save_copy(tmp_path / "copy.parallax")
    with parallax.open_project(copy) as again:
        assert again.info().articles == 5


def test_older_project_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    """A project at the first schema revision gains search, and a backup is kept beside it."""
    from parallax.store.schema import upgrade

    path = tmp_path / "old.parallax"
    store = Store(database_url(path))
    upgrade(store, "0001_baseline")
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO article (title, url, author, published_precision, language, text, "
            "sha256, original_type, source_file, importer, imported_at) VALUES "
            "('Old', '', '', 'day', '', 'Faleh\u00a0al-Fayad came to Damascus', 'x', '', '', '', "
            "'2020-01-01 00:00:00')"
        )
    store.close()
    with parallax.open_project(path) as project:
        (hit,) = project.search("faleh al fayad")
        assert hit.start == 0
    backups = list(tmp_path.glob("old.before-*.parallax"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001_baseline",
        )
