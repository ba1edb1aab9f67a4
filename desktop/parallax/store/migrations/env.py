"""Alembic environment: runs on the engine the caller opened (batch mode on SQLite)."""

from __future__ import annotations

from alembic import context

from parallax.store.search import is_search_index
from parallax.store.tables import Base

config = context.config
engine = config.attributes.get("engine")


def run() -> None:
    if engine is None:
        from sqlalchemy import create_engine

        connectable = create_engine(config.get_main_option("sqlalchemy.url"))
    else:
        connectable = engine
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_name=lambda name, kind, _parent: (
                not (kind == "table" and is_search_index(name))
            ),
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
