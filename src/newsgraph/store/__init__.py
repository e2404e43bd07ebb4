"""Storage: SQLAlchemy 2 models, Alembic migrations and the queries every front end uses."""

from newsgraph.store.database import open_database
from newsgraph.store.repository import ArticleStore, ArticleSummary, SaveOutcome

__all__ = ["ArticleStore", "ArticleSummary", "SaveOutcome", "open_database"]
