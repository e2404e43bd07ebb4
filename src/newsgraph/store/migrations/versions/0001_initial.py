"""Articles with their sentences, entity mentions, dates and removed debris; entities and
stories to link to; a record of failed inputs.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("title", sa.Text()),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", TZ, server_default=sa.func.now(), nullable=False),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
    )
    op.create_index("ix_entities_type", "entities", ["type"])
    op.create_table(
        "articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes", sa.String(32)),
        sa.Column("is_current", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("published_value", sa.String(32)),
        sa.Column("published_source", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.Text()),
        sa.Column("metadata", sa.JSON(), nullable=False),
        sa.Column("story_id", sa.String(32), sa.ForeignKey("stories.id")),
        sa.Column("duplicate_of", sa.String(32)),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
    )
    for column in ("external_id", "is_current", "published_value", "story_id", "duplicate_of"):
        op.create_index(f"ix_articles_{column}", "articles", [column])
    op.create_table(
        "removed_fragments",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
    )
    op.create_table(
        "sentences",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
    )
    op.create_table(
        "entity_mentions",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(32), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("entities.id")),
    )
    op.create_index("ix_entity_mentions_label", "entity_mentions", ["label"])
    op.create_index("ix_entity_mentions_entity_id", "entity_mentions", ["entity_id"])
    op.create_table(
        "date_mentions",
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(64)),
        sa.Column("granularity", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("modifier", sa.String(16)),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_index("ix_date_mentions_value", "date_mentions", ["value"])
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", TZ, server_default=sa.func.now(), nullable=False),
    )
    op.create_index("ix_ingest_errors_source", "ingest_errors", ["source"])


def downgrade() -> None:
    for table in (
        "ingest_errors",
        "date_mentions",
        "entity_mentions",
        "sentences",
        "removed_fragments",
        "articles",
        "entities",
        "stories",
    ):
        op.drop_table(table)
