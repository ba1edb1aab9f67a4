"""Full-text search: FTS5 over article text and annotation notes (SQLite), GIN on PostgreSQL.

Revision ID: 0002_search
Revises: 0001_baseline
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002_search"
down_revision: str | Sequence[str] | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# unicode61 with remove_diacritics 2 folds case and diacritics, and treats U+00A0 and
# hyphens as separators, so "faleh al fayad" finds "Faleh\u00a0al-Fayad".
SQLITE_UP = [
    """CREATE VIRTUAL TABLE article_fts USING fts5(
        text, content='article', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
        INSERT INTO article_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
        INSERT INTO article_fts(article_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
    "INSERT INTO article_fts(rowid, text) SELECT id, text FROM article",
    """CREATE VIRTUAL TABLE note_fts USING fts5(
        note, content='annotation', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER note_fts_insert AFTER INSERT ON annotation BEGIN
        INSERT INTO note_fts(rowid, note) VALUES (new.id, new.note); END""",
    """CREATE TRIGGER note_fts_delete AFTER DELETE ON annotation BEGIN
        INSERT INTO note_fts(note_fts, rowid, note) VALUES ('delete', old.id, old.note); END""",
    """CREATE TRIGGER note_fts_update AFTER UPDATE OF note ON annotation BEGIN
        INSERT INTO note_fts(note_fts, rowid, note) VALUES ('delete', old.id, old.note);
        INSERT INTO note_fts(rowid, note) VALUES (new.id, new.note); END""",
    "INSERT INTO note_fts(rowid, note) SELECT id, note FROM annotation",
]
SQLITE_DOWN = [
    "DROP TRIGGER note_fts_update",
    "DROP TRIGGER note_fts_delete",
    "DROP TRIGGER note_fts_insert",
    "DROP TABLE note_fts",
    "DROP TRIGGER article_fts_delete",
    "DROP TRIGGER article_fts_insert",
    "DROP TABLE article_fts",
]
POSTGRES_UP = [
    "CREATE INDEX ix_article_text_fts ON article USING gin (to_tsvector('simple', text))",
    "CREATE INDEX ix_annotation_note_fts ON annotation USING gin (to_tsvector('simple', note))",
]
POSTGRES_DOWN = ["DROP INDEX ix_annotation_note_fts", "DROP INDEX ix_article_text_fts"]


def _run(sqlite: list[str], postgres: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in sqlite if dialect == "sqlite" else postgres if dialect == "postgresql" else []:
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UP, POSTGRES_UP)


def downgrade() -> None:
    _run(SQLITE_DOWN, POSTGRES_DOWN)
