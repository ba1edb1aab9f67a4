"""Project settings stored in the project itself, so they travel with the file."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from parallax.store.tables import SettingRow


def get_setting(session: Session, key: str, default: object = None) -> object:
    value = session.scalar(select(SettingRow.value).where(SettingRow.key == key))
    return default if value is None else value


def set_setting(session: Session, key: str, value: object) -> None:
    row = session.get(SettingRow, key)
    if row is None:
        session.add(SettingRow(key=key, value=value))
    else:
        row.value = value
    session.flush()
