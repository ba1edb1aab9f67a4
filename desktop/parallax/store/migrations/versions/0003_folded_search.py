"""Full-text search on PostgreSQL folds diacritics, as SQLite's FTS5 index does.

"Falah al-Fayyad" now finds "Fālah al-Fayyāḍ" on a team server too. The GIN indexes are
rebuilt on the folded text (`pg_folded_vector`); SQLite needs nothing.

Revision ID: 0003_folded_search
Revises: 0002_search
"""

from collections.abc import Sequence

from alembic import op

from parallax.store.search import pg_folded_vector

revision: str = "0003_folded_search"
down_revision: str | Sequence[str] | None = "0002_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSTGRES_UP = [
    "DROP INDEX ix_article_text_fts",
    "DROP INDEX ix_annotation_note_fts",
    f"CREATE INDEX ix_article_text_folded ON article USING gin ({pg_folded_vector('text')})",
    f"CREATE INDEX ix_annotation_note_folded ON annotation USING gin ({pg_folded_vector('note')})",
]
POSTGRES_DOWN = [
    "DROP INDEX ix_annotation_note_folded",
    "DROP INDEX ix_article_text_folded",
    "CREATE INDEX ix_article_text_fts ON article USING gin (to_tsvector('simple', text))",
    "CREATE INDEX ix_annotation_note_fts ON annotation USING gin (to_tsvector('simple', note))",
]


def _run(postgres: list[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in postgres:
            op.execute(statement)


def upgrade() -> None:
    _run(POSTGRES_UP)


def downgrade() -> None:
    _run(POSTGRES_DOWN)
