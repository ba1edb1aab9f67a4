"""Opening a project database: the engine, its pragmas, and the unit of work."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Imported with the store rather than by the first create_engine: project files are
# SQLite, and in the GUI that first call comes after Qt, whose import hook then reads
# the source of every SQLAlchemy module the dialect imports (~10 ms).
import sqlalchemy.dialects.sqlite  # noqa: F401
from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from parallax.domain.errors import KnownError

logger = logging.getLogger(__name__)

PROJECT_SUFFIX = ".parallax"


def database_url(path_or_url: str | os.PathLike[str]) -> URL:
    """A SQLAlchemy URL for a project path (SQLite) or a postgresql:// URL."""
    text = os.fspath(path_or_url)
    if "://" in text:
        return make_url(text)
    return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # WAL lets readers (the GUI) run while a worker writes; FULL sync means a committed
    # action survives a power cut, which is the promise of autosave.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Store:
    """One open project database. Each user action runs in one `transaction()`."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session committed on success and rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise KnownError(_explain(exc, self.path)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; nothing is committed."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def backup_to(self, target: Path) -> None:
        """Copy a live SQLite project with the backup API (never a plain file copy)."""
        if not self.is_sqlite:
            raise KnownError("Save a copy is only available for project files, not servers.")
        raw = self.engine.raw_connection()
        try:
            dest = sqlite3.connect(target)
            try:
                raw.driver_connection.backup(dest)  # type: ignore[union-attr]
            finally:
                dest.close()
        finally:
            raw.close()

    def close(self) -> None:
        self.engine.dispose()


def _explain(exc: DatabaseError, path: Path | None) -> str:
    where = str(path) if path else "the project database"
    detail = str(exc.orig) if exc.orig else str(exc)
    if "locked" in detail:
        return f"{where} is locked by another program; close it there and try again."
    if "readonly" in detail or "read-only" in detail:
        return f"{where} is read-only; copy it somewhere writable or change its permissions."
    if "disk" in detail and "full" in detail:
        return f"The disk holding {where} is full; free some space and try again."
    return f"{where}: {detail}"
