"""entity_articles: the current articles that mention each entity, indexed by date, filled in
from what is stored.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_articles",
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("published", sa.String(32), nullable=False, server_default=""),
        sa.Column("mentions", sa.Integer(), nullable=False),
    )
    op.execute(
        "INSERT INTO entity_articles (entity_id, article_id, published, mentions) "
        "SELECT m.entity_id, m.article_id, coalesce(a.published_value, ''), count(*) "
        "FROM entity_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.is_current = 1 AND m.entity_id IS NOT NULL "
        "GROUP BY m.entity_id, m.article_id, a.published_value"
    )
    op.create_index("ix_entity_articles_newest", "entity_articles", ["entity_id", "published", "article_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_articles_newest", "entity_articles")
    op.drop_table("entity_articles")
