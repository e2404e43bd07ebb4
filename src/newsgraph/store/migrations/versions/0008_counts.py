"""Counts kept on stories (newest date, articles) and entities (articles, mentions), filled in
from what is stored, so that listing either is a read of one index; no index on is_current.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nearly every article is current: SQLite preferred this index to the selective ones on
    # external_id and story_id, and every lookup of an article's versions walked all articles.
    op.drop_index("ix_articles_is_current", "articles")
    with op.batch_alter_table("stories") as batch:
        batch.add_column(sa.Column("latest_published", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("article_count", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("article_count", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("mention_count", sa.Integer(), nullable=False, server_default="0"))
    op.execute(
        "UPDATE stories SET "
        "article_count = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id AND a.is_current = 1), "
        "latest_published = coalesce((SELECT max(a.published_value) FROM articles a "
        "WHERE a.story_id = stories.id AND a.is_current = 1), '')"
    )
    op.execute(
        "UPDATE entities SET "
        "article_count = (SELECT count(DISTINCT m.article_id) FROM entity_mentions m JOIN articles a "
        "ON a.id = m.article_id WHERE m.entity_id = entities.id AND a.is_current = 1), "
        "mention_count = (SELECT count(*) FROM entity_mentions m JOIN articles a "
        "ON a.id = m.article_id WHERE m.entity_id = entities.id AND a.is_current = 1)"
    )
    op.create_index("ix_stories_latest", "stories", ["latest_published", "id"])
    op.create_index("ix_entities_ranked", "entities", ["article_count", "id"])
    op.create_index("ix_entities_type_ranked", "entities", ["type", "article_count", "id"])


def downgrade() -> None:
    op.create_index("ix_articles_is_current", "articles", ["is_current"])
    op.drop_index("ix_entities_type_ranked", "entities")
    op.drop_index("ix_entities_ranked", "entities")
    op.drop_index("ix_stories_latest", "stories")
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("mention_count")
        batch.drop_column("article_count")
    with op.batch_alter_table("stories") as batch:
        batch.drop_column("article_count")
        batch.drop_column("latest_published")
