"""Tables. Written for SQLite and PostgreSQL alike (no dialect-only types).

Entities and stories have their tables from the start so that later stages (entity
resolution, story clustering, claims and events) link to them without reshaping articles.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ColumnElement, DateTime, Float, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class StoryRow(Base):
    """A story, with what its list page sorts by kept up to date as articles join and move
    (so listing stories never scans every article)."""

    __tablename__ = "stories"
    __table_args__ = (Index("ix_stories_latest", "latest_published", "id"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # Newest publication date of its current articles ("" when none is dated), and their number.
    latest_published: Mapped[str] = mapped_column(String(32), default="", server_default="")
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class EntityRow(Base):
    """A canonical entity, with how many current articles mention it and how often, counted as
    articles are stored and superseded (so ranking entities never scans every mention)."""

    __tablename__ = "entities"
    __table_args__ = (
        Index("ix_entities_ranked", "article_count", "id"),
        Index("ix_entities_type_ranked", "type", "article_count", "id"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    article_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    mention_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    external_id: Mapped[str] = mapped_column(Text, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes: Mapped[str | None] = mapped_column(String(32))
    # 1 for the newest version of an external_id, 0 for older ones.
    # Not indexed: nearly every row is current, and SQLite (without statistics) would walk that
    # index instead of the selective one on external_id or story_id beside it.
    is_current: Mapped[int] = mapped_column(Integer, default=1)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published_value: Mapped[str | None] = mapped_column(String(32), index=True)
    published_source: Mapped[str] = mapped_column(String(16), default="unknown")
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    story_id: Mapped[str | None] = mapped_column(ForeignKey("stories.id"), index=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(32), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    removed: Mapped[list[RemovedRow]] = relationship(
        order_by="RemovedRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    sentences: Mapped[list[SentenceRow]] = relationship(
        order_by="SentenceRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    entities: Mapped[list[EntityMentionRow]] = relationship(
        order_by="EntityMentionRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    dates: Mapped[list[DateMentionRow]] = relationship(
        order_by="DateMentionRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    claims: Mapped[list[ClaimRow]] = relationship(
        order_by="ClaimRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    events: Mapped[list[EventRow]] = relationship(
        order_by="EventRow.position", cascade="all, delete-orphan", lazy="selectin"
    )
    quantities: Mapped[list[QuantityRow]] = relationship(
        order_by="QuantityRow.position", cascade="all, delete-orphan", lazy="selectin"
    )


class RemovedRow(Base):
    __tablename__ = "removed_fragments"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))


class SentenceRow(Base):
    __tablename__ = "sentences"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)


def is_original() -> ColumnElement[bool]:
    """Not a copy of another article. Written so that no index can serve it: nearly every article
    is an original, and SQLite (without statistics) would walk the duplicate_of index for
    `IS NULL` instead of the selective index beside it."""
    return func.coalesce(ArticleRow.duplicate_of, "") == ""


class EntityArticleRow(Base):
    """Which current articles mention an entity, by date: an entity's newest articles are a walk
    down this index however many thousands mention it."""

    __tablename__ = "entity_articles"
    __table_args__ = (Index("ix_entity_articles_newest", "entity_id", "published", "article_id"),)

    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    published: Mapped[str] = mapped_column(String(32), default="", server_default="")
    mentions: Mapped[int] = mapped_column(Integer)


class EntityMentionRow(Base):
    __tablename__ = "entity_mentions"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(32))
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    entity_id: Mapped[str | None] = mapped_column(ForeignKey("entities.id"), index=True)


class DateMentionRow(Base):
    __tablename__ = "date_mentions"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    value: Mapped[str | None] = mapped_column(String(64), index=True)
    granularity: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    modifier: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16), default="date")


class IngestErrorRow(Base):
    """Every input that failed, with its reason: nothing fails silently."""

    __tablename__ = "ingest_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(Text, index=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class StoryArticleRow(Base):
    """An article as story clustering sees it: order of arrival and its word and name counts."""

    __tablename__ = "story_articles"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    story_id: Mapped[str] = mapped_column(String(48), index=True)
    published: Mapped[str | None] = mapped_column(String(32))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON)


class StoryKeyRow(Base):
    """Inverted index: which articles hold a word or name (newest first by seq)."""

    __tablename__ = "story_keys"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(String(32))


class KeyCountRow(Base):
    """How many articles hold each key (document frequency); "" holds the article total."""

    __tablename__ = "key_counts"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class NeighbourRow(Base):
    """One entry of an article's k-nearest-neighbour list: the story graph's edges."""

    __tablename__ = "article_neighbours"

    article_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    neighbour_id: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    weight: Mapped[float] = mapped_column(Float)


class FingerprintRow(Base):
    """Text fingerprints for duplicate detection: exact hash and MinHash LSH bands."""

    __tablename__ = "fingerprints"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    shingles: Mapped[int] = mapped_column(Integer)


class BandRow(Base):
    __tablename__ = "minhash_bands"

    band: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(32), primary_key=True)


class EntityAliasRow(Base):
    """A surface form of an entity (lower-cased), with how many mentions used it and why the
    first of them was joined to the entity (`reason`, as `nlp.entities.linker` names it)."""

    __tablename__ = "entity_aliases"

    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    alias: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)
    mentions: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ClaimRow(Base):
    """A claim with its attribution; offsets index the article's text."""

    __tablename__ = "claims"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(String(64))
    has_speaker: Mapped[int] = mapped_column(Integer)
    speaker_name: Mapped[str | None] = mapped_column(Text)
    speaker_entity_id: Mapped[str | None] = mapped_column(String(64), index=True)
    speaker_role: Mapped[str | None] = mapped_column(Text)
    speaker_organisation: Mapped[str | None] = mapped_column(Text)
    speaker_anonymous: Mapped[int] = mapped_column(Integer)
    speaker_description: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(Text)
    issues: Mapped[list[str]] = mapped_column(JSON)
    # The evidence of the attribution (migration 0011): cue and source mention offsets, confidence.
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(String(64))
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)


class EventRow(Base):
    """A PLOVER event with its arguments and evidence offsets."""

    __tablename__ = "events"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String(32))
    context: Mapped[str | None] = mapped_column(String(32))
    actor_text: Mapped[str | None] = mapped_column(Text)
    actor_entity_id: Mapped[str | None] = mapped_column(String(64), index=True)
    recipient_text: Mapped[str | None] = mapped_column(Text)
    recipient_entity_id: Mapped[str | None] = mapped_column(String(64), index=True)
    place_text: Mapped[str | None] = mapped_column(Text)
    place_entity_id: Mapped[str | None] = mapped_column(String(64))
    date_value: Mapped[str | None] = mapped_column(String(64), index=True)
    date_text: Mapped[str | None] = mapped_column(Text)
    date_granularity: Mapped[str | None] = mapped_column(String(16))
    date_modifier: Mapped[str | None] = mapped_column(String(16))
    # "reported": no date in the sentence, the article's publication date stands in (shown as such).
    date_basis: Mapped[str | None] = mapped_column(String(16))
    # The triggers of the article's later mentions of the same event, as JSON; null when told once.
    mentions: Mapped[str | None] = mapped_column(Text)
    trigger_text: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    attributed_to: Mapped[int | None] = mapped_column(Integer)
    negated: Mapped[int] = mapped_column(Integer)
    hedged: Mapped[int] = mapped_column(Integer)
    # How sure the event is, by how it was found (migration 0012).
    confidence: Mapped[float | None] = mapped_column(Float)


class QuantityRow(Base):
    """A number an article states about something, with its bounds."""

    __tablename__ = "quantities"

    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure: Mapped[str] = mapped_column(String(120), index=True)
    value: Mapped[float] = mapped_column(Float)
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str | None] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)


class DataVersionRow(Base):
    """One row whose number every write that stores an article moves (readers key caches on it;
    a number rather than the time, which two writers' clocks could disagree on)."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
