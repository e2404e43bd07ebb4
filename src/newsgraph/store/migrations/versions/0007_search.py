"""Full-text search over article titles, texts and claims: SQLite FTS5, or on PostgreSQL a
table with a generated tsvector and a GIN index.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_index USING fts5("
            "kind UNINDEXED, article_id UNINDEXED, position UNINDEXED, title, body, tokenize='porter unicode61')"
        )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE search_index (id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, "
            "article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, position INTEGER, "
            "title TEXT NOT NULL, body TEXT NOT NULL, tsv tsvector GENERATED ALWAYS AS ("
            "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')) STORED)"
        )
        op.execute("CREATE INDEX search_index_tsv ON search_index USING GIN (tsv)")
        op.execute("CREATE INDEX search_index_article ON search_index (article_id)")


def downgrade() -> None:
    if op.get_bind().dialect.name in ("sqlite", "postgresql"):
        op.execute("DROP TABLE search_index")
