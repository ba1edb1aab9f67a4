"""The project schema as SQLAlchemy 2 typed tables (one `*Row` class per table).

Portable types only, so the same schema runs on SQLite and PostgreSQL. Relationships
are `lazy="raise"`: repositories load what they need explicitly and hand out frozen
records, so nothing queries behind a view's back.
"""

# No `from __future__ import annotations`: with annotations as strings SQLAlchemy must
# evaluate each `Mapped[...]` itself, which made importing this module ~10% slower.
import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only autoincrements INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
IdType = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class OutletRow(Base):
    __tablename__ = "outlet"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    site: Mapped[str] = mapped_column(String(300), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(100), default="")
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    descriptor: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="grade"),)


class ArticleRow(Base):
    __tablename__ = "article"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlet.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(300), default="")
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_precision: Mapped[str] = mapped_column(String(8), default="day")
    language: Mapped[str] = mapped_column(String(16), default="")
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    original_type: Mapped[str] = mapped_column(String(100), default="")
    source_file: Mapped[str] = mapped_column(Text, default="")
    importer: Mapped[str] = mapped_column(String(50), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    __table_args__ = (Index("ix_article_outlet_published", "outlet_id", "published"),)


class ExcludedSpanRow(Base):
    __tablename__ = "excluded_span"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(50), default="boilerplate")
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        Index("ix_excluded_span_article", "article_id", "start"),
    )


class AnnotationRow(Base):
    __tablename__ = "annotation"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="claim")
    note: Mapped[str] = mapped_column(Text, default="")
    credibility: Mapped[int | None] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(100), default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        CheckConstraint("credibility IS NULL OR credibility BETWEEN 1 AND 6", name="credibility"),
        Index("ix_annotation_article", "article_id", "start"),
    )


class ActorRow(Base):
    __tablename__ = "actor"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30), default="person")
    note: Mapped[str] = mapped_column(Text, default="")


class ActorAliasRow(Base):
    __tablename__ = "actor_alias"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    __table_args__ = (UniqueConstraint("actor_id", "alias", name="uq_actor_alias_actor_alias"),)


class AnnotationActorRow(Base):
    __tablename__ = "annotation_actor"
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[int] = mapped_column(
        ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True, default="mentioned")


class DateTagRow(Base):
    __tablename__ = "date_tag"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), index=True
    )
    expression: Mapped[str] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(8))
    anchor: Mapped[dt.date | None] = mapped_column(Date)
    ambiguous: Mapped[bool] = mapped_column(Boolean, default=False)


class EventRow(Base):
    __tablename__ = "event"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class EventLinkRow(Base):
    __tablename__ = "event_link"
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("event.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    stance: Mapped[str] = mapped_column(String(20), default="reports")


class TagRow(Base):
    __tablename__ = "tag"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tag.id", ondelete="CASCADE"))
    colour: Mapped[str] = mapped_column(String(9), default="")


class AnnotationTagRow(Base):
    __tablename__ = "annotation_tag"
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MemoRow(Base):
    __tablename__ = "memo"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"))


class JudgmentRow(Base):
    __tablename__ = "judgment"
    id: Mapped[int] = mapped_column(IdType, primary_key=True)
    statement: Mapped[str] = mapped_column(Text)
    likelihood: Mapped[str] = mapped_column(String(30))
    confidence: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer, default=0)


class JudgmentCitationRow(Base):
    __tablename__ = "judgment_citation"
    judgment_id: Mapped[int] = mapped_column(
        ForeignKey("judgment.id", ondelete="CASCADE"), primary_key=True
    )
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), primary_key=True
    )


class SettingRow(Base):
    """Per-project settings (open panes, export options) that must travel with the file."""

    __tablename__ = "project_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
