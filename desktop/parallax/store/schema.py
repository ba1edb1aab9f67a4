"""Schema versions: create new projects, refuse newer ones, upgrade older ones with a backup."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from parallax.domain.errors import KnownError, SchemaTooNewError
from parallax.store.engine import Store

logger = logging.getLogger(__name__)

# Every revision this build knows, oldest first; the last is the head.
# tests/store/test_schema.py checks this against Alembic's own revision graph.
KNOWN_REVISIONS = ("0001_baseline", "0002_search", "0003_folded_search")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]


def current_revision(store: Store) -> str | None:
    """The project's schema revision, or None for an empty (new) database."""
    try:
        with store.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                if inspect(conn).get_table_names():
                    raise KnownError(
                        f"{store.path or store.url} is not a Parallax project "
                        "(it holds other tables)."
                    )
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DatabaseError as exc:
        raise KnownError(
            f"{store.path or store.url} is not a Parallax project or is damaged: {exc.orig}"
        ) from exc


def ensure_schema(store: Store) -> None:
    """Bring the database to the head revision, or refuse if it is newer than this app."""
    revision = current_revision(store)
    if revision == SCHEMA_HEAD:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise SchemaTooNewError(
            f"{store.path or store.url} was saved by a newer version of Parallax "
            f"(schema {revision}); update Parallax to open it. The file was not changed."
        )
    if revision is not None and store.path is not None:
        backup = _backup_path(store.path, revision)
        store.backup_to(backup)
        logger.info("backed up %s to %s before upgrading", store.path, backup)
    upgrade(store)


def upgrade(store: Store, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(store), revision)


def alembic_config(store: Store):  # -> alembic.config.Config, imported lazily (slow)
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "parallax.store:migrations")
    config.attributes["engine"] = store.engine
    return config


def _backup_path(path: Path, revision: str) -> Path:
    candidate = path.with_name(f"{path.stem}.before-{SCHEMA_HEAD}-from-{revision}{path.suffix}")
    n = 1
    while candidate.exists():
        n += 1
        candidate = candidate.with_name(f"{path.stem}.before-{SCHEMA_HEAD}-{n}{path.suffix}")
    return candidate
