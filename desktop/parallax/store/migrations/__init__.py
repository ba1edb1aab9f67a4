"""Alembic migrations of the project schema."""
